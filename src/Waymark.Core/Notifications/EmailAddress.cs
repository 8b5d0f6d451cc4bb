using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Waymark.Core.Notifications;

/// <summary>
/// The one rule for every email address Waymark takes in — from people, navigators, providers, administrators and
/// ORUK feeds: a plain <c>name@domain.tld</c> with nothing else in it. No spaces or control characters anywhere (an
/// address with a line break could add headers to a message), no display names, quotes, comments or IP literals.
/// </summary>
public static class EmailAddress
{
    /// <summary>The longest address that fits in SMTP's forward path (RFC 5321).</summary>
    public const int MaxLength = 254;

    private const int MaxLocalLength = 64;
    private const int MaxLabelLength = 63;

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> LocalSymbols = SearchValues.Create("!#$%&'*+-/=?^_`{|}~.");

    /// <summary>Words for a form's error: what a usable address looks like.</summary>
    public const string FormatHint = "like name@example.com";

    /// <summary>True when <paramref name="text"/>, less spaces around it, is an address Waymark can write to; that is <paramref name="address"/>.</summary>
    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? address)
    {
        address = null;
        var trimmed = text?.Trim();
        if (trimmed is null || !IsValid(trimmed))
        {
            return false;
        }
        address = trimmed;
        return true;
    }

    /// <summary>True when <paramref name="text"/> is exactly such an address, with nothing around it.</summary>
    public static bool IsValid(string? text)
    {
        if (text is null || text.Length > MaxLength)
        {
            return false;
        }
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@') || at > MaxLocalLength)
        {
            return false;
        }
        return IsLocalPart(text.AsSpan(0, at)) && IsDomain(text.AsSpan(at + 1));
    }

    // A dot-atom (RFC 5322): letters, digits and !#$%&'*+-/=?^_`{|}~, with single dots between them.
    private static bool IsLocalPart(ReadOnlySpan<char> local)
    {
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }
        foreach (var c in local)
        {
            if (!(char.IsLetterOrDigit(c) || LocalSymbols.Contains(c)))
            {
                return false;
            }
        }
        return true;
    }

    // Two or more labels of letters, digits and inner hyphens; the last is not all digits.
    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        var labels = 0;
        var lastAllDigits = false;
        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.Length is 0 or > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }
            foreach (var c in label)
            {
                if (!(char.IsLetterOrDigit(c) || c == '-'))
                {
                    return false;
                }
            }
            lastAllDigits = !label.ContainsAnyExcept(Digits);
            labels++;
        }
        return labels >= 2 && !lastAllDigits;
    }
}
