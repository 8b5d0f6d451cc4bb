namespace Waymark.Core.Gazetteer;

/// <summary>
/// One named place in England. <see cref="Label"/> is unique across England and is what a person (or a client of
/// the API) sends back to mean exactly this place: the bare name when only one place has it, else
/// "Name, Authority", else "Name, near Town, Authority".
/// </summary>
public sealed record GazetteerPlace(string Name, double Latitude, double Longitude, string LocalAuthority, PlaceKind Kind, string Label);
