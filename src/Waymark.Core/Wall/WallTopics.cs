namespace Waymark.Core.Wall;

/// <summary>A topic on the wall: its key in addresses and its name.</summary>
public sealed record WallTopic(string Key, string Name);

public static class WallTopics
{
    public static IReadOnlyList<WallTopic> All { get; } =
    [
        new("hard-time", "Having a hard time"),
        new("what-helped", "What helped me"),
        new("finding-support", "Finding support"),
        new("supporting-others", "For people who support others"),
    ];

    public static WallTopic? Find(string? key) => All.FirstOrDefault(t => t.Key == key);

    public static string NameOf(string? key) => Find(key)?.Name ?? "";
}
