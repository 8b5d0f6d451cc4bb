namespace Waymark.Core.Wall;

/// <summary>A kind of identifying detail (R6) a moderator can take out: its key, the moderator's label and the author's words.</summary>
public sealed record WallEdit(string Key, string Label, string Words);

/// <summary>The kinds of identifying detail a moderator takes out, and how the author is told (in kind, never the detail itself).</summary>
public static class WallEdits
{
    public static IReadOnlyList<WallEdit> All { get; } =
    [
        new("name", "A name", "a name"),
        new("phone", "A phone number", "a phone number"),
        new("email", "An email address", "an email address"),
        new("address", "A street address", "an address"),
        new("place", "A school, college or workplace", "the name of a school, college or workplace"),
        new("social", "A social media name", "a social media name"),
        new("other", "Something else that could show who someone is", "something that could show who someone is"),
    ];

    /// <summary>The known keys among <paramref name="keys"/>, in list order; null when any is unknown.</summary>
    public static IReadOnlyList<string>? Read(IEnumerable<string>? keys)
    {
        var given = (keys ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim()).Distinct().ToList();
        return given.Any(k => All.All(e => e.Key != k)) ? null : [.. All.Where(e => given.Contains(e.Key)).Select(e => e.Key)];
    }

    /// <summary>"a name and a phone number": what was taken out, as the author is told it.</summary>
    public static string Say(string? stored)
    {
        var words = All.Where(e => (stored ?? "").Split(',').Contains(e.Key)).Select(e => e.Words).ToList();
        return words.Count switch
        {
            0 => "some details",
            1 => words[0],
            _ => string.Join(", ", words[..^1]) + " and " + words[^1],
        };
    }
}
