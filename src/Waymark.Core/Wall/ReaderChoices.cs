using System.Globalization;

namespace Waymark.Core.Wall;

/// <summary>
/// A reader's choices: show content-warned posts expanded or collapsed, words to mute, and a break from the wall until
/// a time. Carried in the address (no cookie, nothing stored), or saved with a signed-in reader's account (<see cref="SavedReaderChoices"/>).
/// </summary>
public sealed record ReaderChoices(bool ExpandWarnings, IReadOnlyList<string> Muted, DateTimeOffset? BreakUntil)
{
    public const int MaxMuted = 20;

    public static ReaderChoices Parse(string? warnings, string? mute, string? breakUntil)
    {
        var muted = (mute ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.Length is > 0 and <= 40).Select(w => w.ToLowerInvariant()).Distinct().Take(MaxMuted).ToList();
        DateTimeOffset? until = DateTimeOffset.TryParse(breakUntil, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var u) ? u : null;
        return new ReaderChoices(warnings == "expand", muted, until);
    }

    /// <summary>What is wrong with words a reader asked to mute, or null: saved choices are not cut short silently.</summary>
    public static string? MuteProblem(string? mute)
    {
        var words = (mute ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Distinct(StringComparer.OrdinalIgnoreCase).Count() > MaxMuted)
        {
            return $"You can leave out up to {MaxMuted} words. Take some out and save again";
        }
        return words.Any(w => w.Length > 40) ? "Each word or phrase must be 40 characters or fewer" : null;
    }

    public bool OnBreak(DateTimeOffset now) => BreakUntil is { } until && until > now;

    /// <summary>The same choices with the break ended: what "show the wall now" keeps.</summary>
    public ReaderChoices WithoutBreak() => this with { BreakUntil = null };

    /// <summary>Whether the text has a muted word in it (case does not matter).</summary>
    public bool Hides(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Muted.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The query string that keeps these choices, for links within the wall ("" when there are none).</summary>
    public string Query(DateTimeOffset now)
    {
        var parts = new List<string>();
        if (ExpandWarnings)
        {
            parts.Add("warnings=expand");
        }
        if (Muted.Count > 0)
        {
            parts.Add("mute=" + Uri.EscapeDataString(string.Join(",", Muted)));
        }
        if (OnBreak(now))
        {
            parts.Add("break_until=" + Uri.EscapeDataString(BreakUntil!.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        }
        return string.Join("&", parts);
    }
}
