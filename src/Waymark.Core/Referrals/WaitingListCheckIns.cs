namespace Waymark.Core.Referrals;

/// <summary>The four-weekly "still waiting" check-in for people on a waiting list.</summary>
public static class WaitingListCheckIns
{
    public const int DaysBetween = 28;

    /// <summary>How many whole 28-day periods someone has been on the list: 0 before the first check-in is due.</summary>
    public static int PeriodAt(DateTimeOffset joinedListAt, DateTimeOffset now) =>
        now < joinedListAt ? 0 : (int)((now - joinedListAt).TotalDays / DaysBetween);
}
