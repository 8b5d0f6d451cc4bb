namespace Waymark.Core.Gazetteer;

/// <summary>What sort of place a named place is (OS Open Names' local type), smallest first.</summary>
public enum PlaceKind
{
    Settlement,
    Hamlet,
    Suburb,
    Village,
    Town,
    City,
}
