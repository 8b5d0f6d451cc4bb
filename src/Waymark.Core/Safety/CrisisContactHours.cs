using Waymark.Core.Schedules;

namespace Waymark.Core.Safety;

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
        var now = TimeOnly.FromTimeSpan(UkTime.ToLocal(instant).TimeOfDay);
        return closes > opens
            ? now >= opens && now < closes
            : now >= opens || now < closes;
    }

    public static bool IsOpenNow(this CrisisContact contact, TimeProvider clock) => contact.IsOpenAt(UkTime.Now(clock));
}
