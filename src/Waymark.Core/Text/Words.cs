using System.Globalization;

namespace Waymark.Core.Text;

/// <summary>
/// The small pieces of plain English that both the matcher's reasons and the pages' words are made of, written once:
/// lists joined the way people say them, a label inside a sentence, a distance.
/// </summary>
public static class Words
{
    public static string JoinAnd(IReadOnlyList<string> items) => Join(items, "and");

    public static string JoinOr(IReadOnlyList<string> items) => Join(items, "or");

    private static string Join(IReadOnlyList<string> items, string last) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {last} " + items[^1],
    };

    /// <summary>A label inside a sentence: "Women" → "women", but "GP practice" and "LGBTQ+ people" keep their capitals.</summary>
    public static string LowerFirst(string s) =>
        s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    /// <summary>"Less than 1 km away", "4 km away".</summary>
    public static string KmAway(double km) =>
        km < 1 ? "Less than 1 km away" : $"{Math.Round(km).ToString(CultureInfo.InvariantCulture)} km away";
}
