using System.Globalization;
using Waymark.Core.Notifications;

namespace Waymark.Core.Listings;

/// <summary>The errors of one edit, in the order of its form, with the checks several forms share.</summary>
internal sealed class ListingErrorList : List<ListingError>
{
    public void Add(string field, string message) => Add(new ListingError(field, message));

    /// <summary>Blank is fine; otherwise a whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int? WholeNumber(string field, string? text, string what, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            Add(field, $"{what} must be a whole number, like {min + 1}");
            return null;
        }
        if (n < min || n > max)
        {
            Add(field, $"{what} must be between {min} and {max}");
            return null;
        }
        return n;
    }

    /// <summary>Blank is fine; otherwise an address Waymark could write to (<see cref="EmailAddress"/>).</summary>
    public void OptionalEmail(string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text) && !EmailAddress.IsValid(text.Trim()))
        {
            Add(field, "Enter an email address in the correct format, like name@example.org");
        }
    }

    /// <summary>A name that must be given and must fit.</summary>
    public void Name(string field, string? text, string missing)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(field, missing);
        }
        else if (text.Trim().Length > ListingLimits.MaxNameLength)
        {
            Add(field, $"The name must be {ListingLimits.MaxNameLength} characters or fewer");
        }
    }
}
