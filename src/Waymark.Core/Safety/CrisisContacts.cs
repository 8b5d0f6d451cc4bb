using System.Text.Json;
using System.Text.Json.Serialization;

namespace Waymark.Core.Safety;

/// <summary>A real crisis contact, kept as data with where it came from and when a person last checked it.</summary>
public sealed record CrisisContact
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>The few words the crisis bar on every page shows: "Samaritans 116 123", "Text SHOUT to 85258".</summary>
    public required string BarText { get; init; }

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

    /// <summary>The number its link calls or texts, digits only: "116123" for tel:116123, "85258" for sms:85258?body=SHOUT.</summary>
    public string Number => CrisisContacts.Digits(Href[(Href.IndexOf(':', StringComparison.Ordinal) + 1)..].Split('?')[0]);
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

    /// <summary>The rest, one tap away behind the card, in the order of the data file.</summary>
    public static IReadOnlyList<CrisisContact> More { get; } = [.. All.Where(c => !CardContacts.Contains(c))];

    /// <summary>
    /// The crisis contact a directory listing's phone number reaches ("116 123" is Samaritans), so a page that shows the
    /// crisis contacts does not list the same line again as a service.
    /// </summary>
    public static CrisisContact? ForNumber(string number)
    {
        var digits = Digits(number);
        return digits.Length == 0 ? null : All.FirstOrDefault(c => c.Number == digits);
    }

    internal static string Digits(string number) => new([.. number.Where(char.IsAsciiDigit)]);

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
