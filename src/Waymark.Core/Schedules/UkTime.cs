namespace Waymark.Core.Schedules;

/// <summary>
/// UK local time (Europe/London, with summer time). Local times that do not exist (the spring-forward hour)
/// are read as the standard-time reading, which lands just after the jump: 01:30 on the spring changeover
/// night is 02:30 BST. Local times that happen twice (the autumn hour) are read as the first of the two.
/// </summary>
public static class UkTime
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // Offsets of ordinary days (no changeover) are cached by day number, so the hot path rarely asks TimeZoneInfo.
    private const int CacheFirstYear = 2000;
    private const int CacheLastYear = 2100;
    private static readonly int CacheFirstDay = new DateOnly(CacheFirstYear, 1, 1).DayNumber;
    private static readonly sbyte[] DayOffsetMinutesDiv15 = BuildCache();

    private const sbyte Changeover = sbyte.MinValue;

    /// <summary>True on the days the clocks change (and outside the cached years), when wall-clock arithmetic is not enough.</summary>
    public static bool IsChangeoverDay(DateOnly date)
    {
        var index = date.DayNumber - CacheFirstDay;
        return index < 0 || index >= DayOffsetMinutesDiv15.Length || DayOffsetMinutesDiv15[index] == Changeover;
    }

    /// <summary>The current instant, expressed in UK local time.</summary>
    public static DateTimeOffset Now(TimeProvider clock) => TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    public static DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London).DateTime;

    /// <summary>The instant of a UK wall-clock time; <paramref name="minuteOfDay"/> may be 1440 (midnight at the end of the day).</summary>
    public static DateTimeOffset ToInstant(DateOnly date, int minuteOfDay)
    {
        if (minuteOfDay >= 1440)
        {
            date = date.AddDays(minuteOfDay / 1440);
            minuteOfDay %= 1440;
        }
        var index = date.DayNumber - CacheFirstDay;
        if (index >= 0 && index < DayOffsetMinutesDiv15.Length && DayOffsetMinutesDiv15[index] != Changeover)
        {
            var offset = TimeSpan.FromMinutes(DayOffsetMinutesDiv15[index] * 15);
            return new DateTimeOffset(date.ToDateTime(new TimeOnly(minuteOfDay / 60, minuteOfDay % 60)), offset);
        }
        return ToInstant(date.ToDateTime(new TimeOnly(minuteOfDay / 60, minuteOfDay % 60)));
    }

    /// <summary>The instant of a UK wall-clock date-time, handling the changeover nights.</summary>
    public static DateTimeOffset ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (London.IsInvalidTime(local))
        {
            // Clocks went forward past this time: read it with the offset in force just before the jump.
            var before = London.GetUtcOffset(local.AddHours(-2));
            return new DateTimeOffset(local, before);
        }
        if (London.IsAmbiguousTime(local))
        {
            var offsets = London.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    private static sbyte[] BuildCache()
    {
        var first = new DateOnly(CacheFirstYear, 1, 1);
        var days = new DateOnly(CacheLastYear, 12, 31).DayNumber - first.DayNumber + 1;
        var cache = new sbyte[days];
        for (var i = 0; i < days; i++)
        {
            var date = first.AddDays(i).ToDateTime(TimeOnly.MinValue);
            var atStart = London.GetUtcOffset(date);
            var atEnd = London.GetUtcOffset(date.AddDays(1).AddTicks(-1));
            var beforeStart = London.GetUtcOffset(date.AddTicks(-1));
            cache[i] = atStart == atEnd && atStart == beforeStart && !London.IsAmbiguousTime(date) && !London.IsInvalidTime(date)
                ? (sbyte)(atStart.TotalMinutes / 15)
                : Changeover;
        }
        return cache;
    }
}
