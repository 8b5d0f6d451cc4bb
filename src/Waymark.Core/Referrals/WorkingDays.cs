using Waymark.Core.Schedules;

namespace Waymark.Core.Referrals;

/// <summary>Working days in England: not Saturday, Sunday or a GOV.UK bank holiday.</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays.IsBankHoliday(date);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/> (which itself never counts).</summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = from;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }
        return date;
    }
}
