using System.Globalization;

namespace Waymark.Core.Matching;

/// <summary>
/// The one way Waymark says a wait: days under two weeks, weeks from then on ("About 15 weeks", never also
/// "About 4 months"), the same number in a result's caution, its "Waiting time" line and the service page.
/// </summary>
public static class WaitWords
{
    /// <summary>"No waiting list", "About 5 days", "About 15 weeks"; null when nobody knows the wait.</summary>
    public static string? Of(int? days) => days switch
    {
        null => null,
        0 => "No waiting list",
        1 => "About 1 day",
        < Matcher.LongWaitDays => $"About {days.Value.ToString(CultureInfo.InvariantCulture)} days",
        _ => $"About {Weeks(days.Value).ToString(CultureInfo.InvariantCulture)} weeks",
    };

    /// <summary>A result's caution for a wait over a day: "About a 15-week wait", "About an 11-day wait".</summary>
    public static string Caution(int days) =>
        days >= Matcher.LongWaitDays ? $"About {WithArticle(Weeks(days))}-week wait" : $"About {WithArticle(days)}-day wait";

    private static int Weeks(int days) => (int)Math.Round(days / 7.0);

    // "an 8-week wait", "an 11-day wait", "an 18-day wait": the article follows how the number is said.
    private static string WithArticle(int n)
    {
        var text = n.ToString(CultureInfo.InvariantCulture);
        var spokenWithVowel = text.StartsWith('8') || n is 11 or 18;
        return (spokenWithVowel ? "an " : "a ") + text;
    }
}
