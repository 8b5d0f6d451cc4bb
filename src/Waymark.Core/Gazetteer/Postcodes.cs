using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Waymark.Core.Gazetteer;

/// <summary>
/// The one shape of a UK postcode that every form, the gazetteer and the screening rules share: an outward code
/// ("HX1", "S1", "EC1A") and an inward code ("1QG"). Spaces and letter case do not matter to a person typing one;
/// the stored form is upper case with one space ("HX1 1QG").
/// </summary>
public static partial class Postcodes
{
    /// <summary>The outward code (the postcode district) in upper case, as a regular expression.</summary>
    public const string OutwardPattern = "[A-Z]{1,2}[0-9][A-Z0-9]?";

    /// <summary>The inward code in upper case, as a regular expression.</summary>
    public const string InwardPattern = "[0-9][A-Z]{2}";

    /// <summary>Words for a form's error: what a full postcode looks like.</summary>
    public const string FormatHint = "like HX1 1QG";

    /// <summary>True when <paramref name="text"/>, less its spaces and in any case, is a full UK postcode; that is <paramref name="postcode"/> ("hx11qg" → "HX1 1QG").</summary>
    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? postcode)
    {
        postcode = null;
        var compact = Compact(text);
        if (!Full().IsMatch(compact))
        {
            return false;
        }
        postcode = compact[..^3] + " " + compact[^3..];
        return true;
    }

    /// <summary>True when <paramref name="text"/>, less its spaces and in any case, is a postcode district ("S1", "hx1").</summary>
    public static bool IsDistrict(string? text) => District().IsMatch(Compact(text));

    /// <summary>Upper case with every space taken out: the form the gazetteer's tables are keyed by.</summary>
    public static string Compact(string? text) => WhiteSpace().Replace(text ?? "", "").ToUpperInvariant();

    [GeneratedRegex($"^{OutwardPattern}{InwardPattern}$")]
    private static partial Regex Full();

    [GeneratedRegex($"^{OutwardPattern}$")]
    private static partial Regex District();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
