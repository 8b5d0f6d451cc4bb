namespace Waymark.Core.Listings;

/// <summary>
/// How much a listing's fields may hold when a person edits them: every limit of the editor in one place. The
/// ORUK import has its own, looser limits for feeds (<see cref="Oruk.OrukLimits"/>).
/// </summary>
public static class ListingLimits
{
    /// <summary>A service's or an organisation's name.</summary>
    public const int MaxNameLength = 200;

    public const int MaxDescriptionLength = 4_000;

    /// <summary>The youngest and oldest ages a service can name (ORUK's own range).</summary>
    public const int MinAge = 0;
    public const int MaxAge = 120;

    /// <summary>Digits in a phone number: 3 for a short code like 999, 15 for the longest international number (E.164).</summary>
    public const int MinPhoneDigits = 3;
    public const int MaxPhoneDigits = 15;

    /// <summary>One session, in minutes: at most a day.</summary>
    public const int MinSessionMinutes = 1;
    public const int MaxSessionMinutes = 24 * 60;

    public const int MinSessions = 1;
    public const int MaxSessions = 1_000;

    /// <summary>"What happens first": a sentence or two.</summary>
    public const int MaxFirstContactLength = 500;

    /// <summary>A typical wait, in days: at most ten years.</summary>
    public const int MaxTypicalWaitDays = 3_650;

    /// <summary>A place's latitude and longitude must fall in a box around the UK.</summary>
    public const double MinLatitude = 49;
    public const double MaxLatitude = 61;
    public const double MinLongitude = -9;
    public const double MaxLongitude = 2.5;
}
