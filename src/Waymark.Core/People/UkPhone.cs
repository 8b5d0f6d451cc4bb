namespace Waymark.Core.People;

/// <summary>
/// UK phone numbers a service may call or text: a mobile or a landline, written the way people write them
/// ("07700 900 982", "+44 113 496 0000", "(0113) 496 0000").
/// </summary>
public static class UkPhone
{
    /// <summary>The number as 0 and 9 or 10 digits, or null when it is not a UK number.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var digits = new string(input.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '(' or ')' or '.')).ToArray());
        if (digits.StartsWith("+44", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..].TrimStart('0');
        }
        else if (digits.StartsWith("0044", StringComparison.Ordinal))
        {
            digits = "0" + digits[4..].TrimStart('0');
        }
        return digits.Length is 10 or 11 && digits[0] == '0' && digits[1] != '0' && digits.All(char.IsAsciiDigit) ? digits : null;
    }
}
