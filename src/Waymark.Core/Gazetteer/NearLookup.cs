namespace Waymark.Core.Gazetteer;

/// <summary>
/// What <c>near</c> turned out to be: a place (<see cref="Place"/>), or, for a place name that did not settle on one
/// place, the places it could mean (<see cref="Candidates"/>) or the closest names Waymark knows (<see cref="Suggestions"/>).
/// </summary>
public sealed record NearLookup(ResolvedPlace? Place, IReadOnlyList<GazetteerPlace> Candidates, IReadOnlyList<string> Suggestions)
{
    public static NearLookup Nowhere { get; } = new(null, [], []);

    public static NearLookup Of(ResolvedPlace? place) => place is null ? Nowhere : new(place, [], []);
}
