using Waymark.Core.Gazetteer;

namespace Waymark.Core.Matching;

/// <summary>
/// What <see cref="MatchQueryParser"/> made of a search's parameters: the query, or the problems keyed by parameter
/// (with, for <c>near</c>, the places a repeated name could be or the closest names to an unknown one).
/// </summary>
public sealed record MatchQueryParse(MatchQuery? Query, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The search named organisations and the directory is still loading: nothing could be checked.</summary>
    public static readonly MatchQueryParse NotReady = new(null, new Dictionary<string, string[]>()) { DirectoryNotReady = true };

    public bool DirectoryNotReady { get; init; }

    public IReadOnlyList<GazetteerPlace> NearCandidates { get; init; } = [];

    /// <summary>The closest names to an unknown <c>near</c>; null when no place name was looked up in vain.</summary>
    public IReadOnlyList<string>? NearSuggestions { get; init; }
}
