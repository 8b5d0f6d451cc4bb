using System.Text.Json;
using System.Text.Json.Serialization;

namespace Waymark.Core.Safety;

/// <summary>A published source a guidance page rests on, kept as data with when a person last checked it.</summary>
public sealed record GuidanceSource
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string Owner { get; init; }
    public required Uri Source { get; init; }
    public required DateOnly LastVerified { get; init; }
}

/// <summary>
/// The sources in data/guidance-sources.json (embedded in this assembly). Like the crisis contacts, each is a signpost
/// with a source and a checked date, and goes stale after <see cref="CrisisContacts.MaxDaysSinceVerified"/> days.
/// </summary>
public static class GuidanceSources
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static IReadOnlyList<GuidanceSource> All { get; } = Load();

    public static GuidanceSource Get(string id) => All.Single(s => s.Id == id);

    /// <summary>The sources with these ids, in the order given; an unknown id fails at once rather than dropping a credit.</summary>
    public static IReadOnlyList<GuidanceSource> For(params string[] ids) => [.. ids.Select(Get)];

    private static List<GuidanceSource> Load()
    {
        using var stream = typeof(GuidanceSources).Assembly.GetManifestResourceStream("Waymark.Core.guidance-sources.json")
            ?? throw new InvalidOperationException("guidance-sources.json is not embedded in Waymark.Core");
        var file = JsonSerializer.Deserialize<GuidanceSourcesFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("guidance-sources.json is empty");
        return file.Sources;
    }

    private sealed record GuidanceSourcesFile([property: JsonPropertyName("sources")] List<GuidanceSource> Sources);
}
