using System.Text.Json;
using Waymark.Core.Screening;

namespace Waymark.Core.Wall;

/// <summary>One matched rule as moderators see it: the rule, what it asks for, why, and the words.</summary>
public sealed record WallMatch(string Rule, string Outcome, string Reason, IReadOnlyList<string> Words, bool Negated);

/// <summary>The screener's matches kept with an item, as JSON, so moderators see why it was triaged as it was.</summary>
public static class WallMatches
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The matches as JSON, in the screener's order.</summary>
    public static string ToJson(ScreeningResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return JsonSerializer.Serialize(
            result.Matches.Select(m => new WallMatch(m.Rule.ToString(), m.Outcome.ToString().ToLowerInvariant(), m.Reason, [.. m.Spans.Select(s => s.Text)], m.Negated)),
            Json);
    }

    public static IReadOnlyList<WallMatch> Read(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<WallMatch>>(json, Json) ?? [];
}
