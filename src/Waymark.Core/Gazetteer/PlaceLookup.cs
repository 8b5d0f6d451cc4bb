namespace Waymark.Core.Gazetteer;

/// <summary>
/// What a place name turned out to be: one place (<see cref="Place"/>); several with that name
/// (<see cref="Candidates"/>, so the person can say which); or none (<see cref="Suggestions"/>: the closest names).
/// </summary>
public sealed record PlaceLookup(GazetteerPlace? Place, IReadOnlyList<GazetteerPlace> Candidates, IReadOnlyList<string> Suggestions)
{
    public static PlaceLookup Found(GazetteerPlace place) => new(place, [], []);

    public bool IsAmbiguous => Place is null && Candidates.Count > 1;
}
