using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Waymark.Core.People;

/// <summary>
/// "Tell my story once": the person's own summary, written once and shared, with their tick, with the
/// organisations they refer themselves to. Every part is optional.
/// </summary>
public sealed record StorySummary(
    string? Happening = null,
    string? WouldLike = null,
    string? HasHelped = null,
    string? HasNotHelped = null,
    string? AccessNeeds = null,
    string? Preferences = null)
{
    public const int MaxSectionLength = 2000;

    /// <summary>The sections in the order people read them: key, question, answer.</summary>
    [JsonIgnore]
    public IReadOnlyList<(string Key, string Question, string? Answer)> Sections =>
    [
        ("happening", "What is happening for me", Happening),
        ("would-like", "What I would like", WouldLike),
        ("has-helped", "What has helped", HasHelped),
        ("has-not-helped", "What has not helped", HasNotHelped),
        ("access-needs", "My access needs", AccessNeeds),
        ("preferences", "How I prefer things to be done", Preferences),
    ];

    [JsonIgnore]
    public bool IsEmpty => Sections.All(s => string.IsNullOrWhiteSpace(s.Answer));

    [JsonIgnore]
    public IEnumerable<string> FilledKeys => Sections.Where(s => !string.IsNullOrWhiteSpace(s.Answer)).Select(s => s.Key);

    /// <summary>The story as plain text with a heading per part, as an organisation receives it.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        foreach (var (_, question, answer) in Sections.Where(s => !string.IsNullOrWhiteSpace(s.Answer)))
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }
            text.Append(question).Append(":\n").Append(answer!.Trim());
        }
        return text.ToString();
    }

    public StorySummary Trimmed() => new(Clean(Happening), Clean(WouldLike), Clean(HasHelped), Clean(HasNotHelped), Clean(AccessNeeds), Clean(Preferences));

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static StorySummary FromJson(string json) => JsonSerializer.Deserialize<StorySummary>(json, JsonOptions) ?? new StorySummary();

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

/// <summary>The parts of a story a person agreed to send with one referral, as the organisation will read them.</summary>
public sealed record SharedStory(string Text, IReadOnlyList<string> Sections)
{
    public static SharedStory From(StorySummary story)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new SharedStory(story.ToText(), story.FilledKeys.ToList());
    }
}
