using System.Text.Json;
using System.Text.Json.Serialization;

namespace Waymark.Core.Safety;

/// <summary>A real crisis contact, kept as data with where it came from and when a person last checked it.</summary>
public sealed record CrisisContact
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>What to do, in words: "Call 116 123 (free), or email jo@samaritans.org".</summary>
    public required string Action { get; init; }

    /// <summary>A tel: or sms: link for the main action.</summary>
    public required string Href { get; init; }
    public required string Hours { get; init; }
    public bool AlwaysOpen { get; init; }

    /// <summary>For contacts with daily hours: UK local opening time; <see cref="ClosesAt"/> of 00:00 means midnight.</summary>
    public TimeOnly? OpensAt { get; init; }
    public TimeOnly? ClosesAt { get; init; }
    public required string Channel { get; init; }
    public int? MaxAge { get; init; }
    public required Uri Source { get; init; }
    public required string Owner { get; init; }
    public required DateOnly LastVerified { get; init; }
}

/// <summary>The crisis contacts shipped in data/crisis-contacts.json (embedded in this assembly).</summary>
public static class CrisisContacts
{
    /// <summary>A signpost older than this must be re-checked with its organisation (SAFETY.md §2).</summary>
    public const int MaxDaysSinceVerified = 180;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static IReadOnlyList<CrisisContact> All { get; } = Load();

    public static CrisisContact Get(string id) => All.Single(c => c.Id == id);

    /// <summary>The emergency line first, then two 24-hour contacts: never a wall of numbers.</summary>
    public static IReadOnlyList<CrisisContact> CardContacts { get; } = [Get("emergency"), Get("samaritans"), Get("shout")];

    private static List<CrisisContact> Load()
    {
        using var stream = typeof(CrisisContacts).Assembly.GetManifestResourceStream("Waymark.Core.crisis-contacts.json")
            ?? throw new InvalidOperationException("crisis-contacts.json is not embedded in Waymark.Core");
        var file = JsonSerializer.Deserialize<CrisisContactsFile>(stream, JsonOptions)
            ?? throw new InvalidOperationException("crisis-contacts.json is empty");
        return file.Contacts;
    }

    private sealed record CrisisContactsFile([property: JsonPropertyName("contacts")] List<CrisisContact> Contacts);
}
