using System.Text.Json;
using Waymark.Core.Screening;

namespace Waymark.Core.Wall;

/// <summary>One matched rule as moderators see it: the rule, what it asks for, why, and the words.</summary>
public sealed record WallMatch(string Rule, string Outcome, string Reason, IReadOnlyList<string> Words, bool Negated);

/// <summary>The screener's matches kept with an item, as JSON, so moderators see why it was triaged as it was.</summary>
public static class WallMatches
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Not a screening rule: the author ticked "I want a person to reply", which makes the item urgent.</summary>
    public const string AuthorAskedRule = "Asked";

    private static readonly WallMatch AuthorAsked = new(AuthorAskedRule, "urgent", "The author asked for a person to reply to them privately, as soon as they can", [], false);

    /// <summary>The matches as JSON; an author's own ask for a person comes first, as the reason the item is urgent.</summary>
    public static string ToJson(ScreeningResult result, bool authorAskedForPerson = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        var list = result.Matches
            .Select(m => new WallMatch(m.Rule.ToString(), m.Outcome.ToString().ToLowerInvariant(), m.Reason, [.. m.Spans.Select(s => s.Text)], m.Negated))
            .ToList();
        return authorAskedForPerson ? WithAuthorAsk(list) : JsonSerializer.Serialize(list, Json);
    }

    /// <summary>Kept matches with the author's ask put first: they asked after the note was screened.</summary>
    public static string WithAuthorAsk(string json) => WithAuthorAsk([.. Read(json)]);

    private static string WithAuthorAsk(List<WallMatch> list)
    {
        list.Insert(0, AuthorAsked);
        return JsonSerializer.Serialize(list, Json);
    }

    public static IReadOnlyList<WallMatch> Read(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<WallMatch>>(json, Json) ?? [];
}
