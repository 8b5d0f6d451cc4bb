namespace Waymark.Core.Safety;

/// <summary>UK local time (Europe/London, with summer time), which every opening time in Waymark is given in.</summary>
public static class UkTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone);
    }
}

public static class CrisisContactHours
{
    /// <summary>
    /// Whether the contact answers at this instant. Daily hours may run past midnight, and a closing
    /// time of 00:00 means midnight, so "17:00 to 00:00" is open from 5pm until the day ends.
    /// </summary>
    public static bool IsOpenAt(this CrisisContact contact, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(contact);
        if (contact.AlwaysOpen)
        {
            return true;
        }
        if (contact.OpensAt is not { } opens || contact.ClosesAt is not { } closes)
        {
            return false;
        }
        var now = TimeOnly.FromTimeSpan(TimeZoneInfo.ConvertTime(instant, UkTime.Zone).TimeOfDay);
        return closes > opens
            ? now >= opens && now < closes
            : now >= opens || now < closes;
    }

    public static bool IsOpenNow(this CrisisContact contact, TimeProvider clock) => contact.IsOpenAt(UkTime.Now(clock));
}
