using System.Globalization;
using Waymark.Core.Directory;

namespace Waymark.Core.Schedules;

/// <summary>The times of day a person may look for: docs/contracts/matching.md §2 <c>when</c>.</summary>
[Flags]
public enum WhenWindows : byte
{
    None = 0,

    /// <summary>Monday to Friday, 09:00 to 17:00.</summary>
    WeekdayDaytime = 1,

    /// <summary>Monday to Friday, 17:00 to 22:00.</summary>
    WeekdayEvening = 2,

    /// <summary>Saturday and Sunday, any time.</summary>
    Weekend = 4,
}

/// <summary>
/// One weekly opening, compact enough to keep a million services' hours in memory. <see cref="Days"/> has bit 0
/// for Monday to bit 6 for Sunday; times are minutes from the start day's midnight; <see cref="Duration"/> runs past
/// midnight when the opening does. The validity bounds are day numbers of the UK date the opening starts on.
/// </summary>
public readonly record struct WeeklyOpening(byte Days, short Opens, short Duration, short OffsetMinutes, int ValidFrom, int ValidTo)
{
    /// <summary><see cref="OffsetMinutes"/> when the feed wrote no offset: the time is UK local time.</summary>
    public const short UkLocal = short.MinValue;

    public bool HasOffset => OffsetMinutes != UkLocal;

    public bool IsValidOn(int dayNumber) => dayNumber >= ValidFrom && dayNumber <= ValidTo;

    public bool HasDay(DayOfWeek day) => (Days & (1 << MondayIndex(day))) != 0;

    public static int MondayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    /// <summary>Start and (exclusive) end of this opening on a start date; the end is read on the wall clock, so changeover nights come out right.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) On(DateOnly date)
    {
        if (HasOffset)
        {
            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.FromMinutes(OffsetMinutes)).AddMinutes(Opens);
            return (start, start.AddMinutes(Duration));
        }
        var localStart = UkTime.ToInstant(date, Opens);
        var localEnd = UkTime.ToInstant(date, Opens + Duration);
        return (localStart, localEnd > localStart ? localEnd : localStart.AddMinutes(Duration));
    }
}

/// <summary>An instant read on the UK clock once, for checking many services' hours against it.</summary>
public readonly struct UkMoment
{
    public UkMoment(DateTimeOffset at)
    {
        var local = UkTime.ToLocal(at);
        Date = DateOnly.FromDateTime(local);
        MinuteOfDay = (local.Hour * 60) + local.Minute;
        WallClockIsExact = !UkTime.IsChangeoverDay(Date) && !UkTime.IsChangeoverDay(Date.AddDays(-1));
    }

    public DateOnly Date { get; }
    public int MinuteOfDay { get; }
    public bool WallClockIsExact { get; }
}

/// <summary>
/// A service's opening hours: its weekly openings (from the service and its service-at-locations) and whether it closes
/// on bank holidays. A view over a shared pool, so the directory snapshot can hold them without a list per service.
/// </summary>
public readonly struct OpeningHours
{
    public const int NextOpenHorizonDays = 14;

    private readonly WeeklyOpening[]? _pool;
    private readonly int _start;
    private readonly int _count;

    public OpeningHours(WeeklyOpening[] pool, int start, int count, bool closedOnBankHolidays)
    {
        _pool = pool;
        _start = start;
        _count = count;
        ClosedOnBankHolidays = closedOnBankHolidays;
    }

    public bool ClosedOnBankHolidays { get; }

    public ReadOnlySpan<WeeklyOpening> Openings => _pool is null ? default : _pool.AsSpan(_start, _count);

    /// <summary>False means "contact for times": never open now, no next opening.</summary>
    public bool HasTimes => _count > 0;

    public static OpeningHours From(IEnumerable<Schedule> schedules, bool closedOnBankHolidays)
    {
        var list = new List<WeeklyOpening>();
        foreach (var s in schedules)
        {
            Parse(s, list);
        }
        return new OpeningHours([.. list], 0, list.Count, closedOnBankHolidays);
    }

    public bool IsOpenAt(DateTimeOffset at) => IsOpenAt(at, UkTime.DateOf(at));

    /// <summary>As <see cref="IsOpenAt(DateTimeOffset)"/>, with the UK date of <paramref name="at"/> worked out once by the caller.</summary>
    public bool IsOpenAt(DateTimeOffset at, DateOnly ukDate) => IsOpenAt(at, new UkMoment(at));

    /// <summary>As <see cref="IsOpenAt(DateTimeOffset)"/>, with the UK clock reading of <paramref name="at"/> worked out once by the caller.</summary>
    public bool IsOpenAt(DateTimeOffset at, in UkMoment moment)
    {
        var ukDate = moment.Date;
        foreach (var o in Openings)
        {
            if (!o.HasOffset && moment.WallClockIsExact)
            {
                // No changeover today or yesterday: comparing wall-clock minutes is exact and much cheaper.
                if ((Counts(o, ukDate) && moment.MinuteOfDay >= o.Opens && moment.MinuteOfDay < o.Opens + o.Duration)
                    || (Counts(o, ukDate.AddDays(-1)) && moment.MinuteOfDay + 1440 < o.Opens + o.Duration))
                {
                    return true;
                }
                continue;
            }
            var date = o.HasOffset ? DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromMinutes(o.OffsetMinutes)).DateTime) : ukDate;
            // An opening lasts at most a day, so only one that started today or yesterday can cover now.
            for (var d = date.AddDays(-1); d <= date; d = d.AddDays(1))
            {
                if (Counts(o, d))
                {
                    var (start, end) = o.On(d);
                    if (start <= at && at < end)
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /// <summary>
    /// When the service next closes after <paramref name="at"/>, following openings that run on into each other (a 24-hour
    /// service's days), for at most <see cref="NextOpenHorizonDays"/> days; null when closed at that instant.
    /// </summary>
    public DateTimeOffset? OpenUntil(DateTimeOffset at)
    {
        var until = EndOfOpeningCovering(at);
        if (until is null)
        {
            return null;
        }
        var horizon = at.AddDays(NextOpenHorizonDays);
        while (until < horizon && EndOfOpeningCovering(until.Value) is { } later && later > until)
        {
            until = later;
        }
        return until;
    }

    private DateTimeOffset? EndOfOpeningCovering(DateTimeOffset at)
    {
        DateTimeOffset? until = null;
        foreach (var o in Openings)
        {
            var date = o.HasOffset ? DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromMinutes(o.OffsetMinutes)).DateTime) : UkTime.DateOf(at);
            for (var d = date.AddDays(-1); d <= date; d = d.AddDays(1))
            {
                if (Counts(o, d))
                {
                    var (start, end) = o.On(d);
                    if (start <= at && at < end && (until is null || end > until))
                    {
                        until = end;
                    }
                }
            }
        }
        return until;
    }

    /// <summary>The first instant from <paramref name="at"/> (itself, when open now) within 14 days at which the service is open.</summary>
    public DateTimeOffset? NextOpen(DateTimeOffset at)
    {
        DateTimeOffset? best = null;
        var horizon = at.AddDays(NextOpenHorizonDays);
        foreach (var o in Openings)
        {
            var date = o.HasOffset ? DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromMinutes(o.OffsetMinutes)).DateTime) : UkTime.DateOf(at);
            for (var d = date.AddDays(-1); d <= date.AddDays(NextOpenHorizonDays); d = d.AddDays(1))
            {
                if (!Counts(o, d))
                {
                    continue;
                }
                var (start, end) = o.On(d);
                if (end > at && start < horizon)
                {
                    var candidate = start > at ? start : at;
                    if (best is null || candidate < best)
                    {
                        best = candidate;
                    }
                    break;
                }
            }
        }
        return best;
    }

    /// <summary>Which <c>when</c> windows the openings overlap in the week (Monday to Sunday) containing a UK date.</summary>
    public WhenWindows WindowsInWeekOf(DateOnly ukDate)
    {
        var monday = ukDate.AddDays(-WeeklyOpening.MondayIndex(ukDate.DayOfWeek));
        var found = WhenWindows.None;
        foreach (var o in Openings)
        {
            for (var i = 0; i < 7; i++)
            {
                var d = monday.AddDays(i);
                if (!Counts(o, d))
                {
                    continue;
                }
                var opens = (int)o.Opens;
                if (o.HasOffset)
                {
                    // Move a time written with an offset onto the UK clock of that day.
                    opens += (int)UkTime.London.GetUtcOffset(d.ToDateTime(new TimeOnly(12, 0))).TotalMinutes - o.OffsetMinutes;
                }
                var start = (i * 1440) + opens;
                var end = start + o.Duration;
                for (var day = 0; day < 5; day++)
                {
                    if (Overlaps(start, end, (day * 1440) + 540, (day * 1440) + 1020))
                    {
                        found |= WhenWindows.WeekdayDaytime;
                    }
                    if (Overlaps(start, end, (day * 1440) + 1020, (day * 1440) + 1320))
                    {
                        found |= WhenWindows.WeekdayEvening;
                    }
                }
                if (Overlaps(start, end, 5 * 1440, 7 * 1440))
                {
                    found |= WhenWindows.Weekend;
                }
            }
        }
        return found;
    }

    /// <summary>True when the answer to <see cref="WindowsInWeekOf"/> is the same every week, so it can be worked out once.</summary>
    public bool SameEveryWeek
    {
        get
        {
            if (ClosedOnBankHolidays)
            {
                return false;
            }
            foreach (var o in Openings)
            {
                if (o.ValidFrom != int.MinValue || o.ValidTo != int.MaxValue)
                {
                    return false;
                }
            }
            return true;
        }
    }

    private static bool Overlaps(int start, int end, int windowStart, int windowEnd) => start < windowEnd && windowStart < end;

    private bool Counts(WeeklyOpening o, DateOnly d) =>
        o.HasDay(d.DayOfWeek) && o.IsValidOn(d.DayNumber) && !(ClosedOnBankHolidays && BankHolidays.IsBankHoliday(d));

    /// <summary>Adds the weekly openings an ORUK schedule describes; a schedule we cannot read adds none ("contact for times").</summary>
    public static void Parse(Schedule s, List<WeeklyOpening> into)
    {
        var freq = s.Freq?.Trim();
        var weekly = string.IsNullOrEmpty(freq) || freq.Equals("WEEKLY", StringComparison.OrdinalIgnoreCase);
        if (!weekly || s.Interval is > 1)
        {
            return;
        }
        if (!TryParseTime(s.OpensAt, out var opens, out var opensOffset) || !TryParseTime(s.ClosesAt, out var closes, out var closesOffset))
        {
            return;
        }
        byte days = 0;
        if (!string.IsNullOrWhiteSpace(s.ByDay))
        {
            foreach (var part in s.ByDay.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var bit = part.ToUpperInvariant() switch
                {
                    "MO" => 0,
                    "TU" => 1,
                    "WE" => 2,
                    "TH" => 3,
                    "FR" => 4,
                    "SA" => 5,
                    "SU" => 6,
                    _ => -1,
                };
                if (bit >= 0)
                {
                    days |= (byte)(1 << bit);
                }
            }
        }
        else if (s.DtStart is { } first)
        {
            days = (byte)(1 << WeeklyOpening.MondayIndex(first.DayOfWeek));
        }
        if (days == 0)
        {
            return;
        }
        // 23:59 is how feeds write "until midnight".
        if (closes == (23 * 60) + 59)
        {
            closes = 1440;
        }
        var duration = closes > opens ? closes - opens : closes + 1440 - opens;
        var offset = opensOffset ?? closesOffset;
        into.Add(new WeeklyOpening(
            days,
            (short)opens,
            (short)duration,
            offset ?? WeeklyOpening.UkLocal,
            s.ValidFrom?.DayNumber ?? int.MinValue,
            s.ValidTo?.DayNumber ?? int.MaxValue));
    }

    /// <summary>Reads HH:MM or HH:MM:SS, optionally followed by Z or ±HH:MM; seconds are dropped.</summary>
    public static bool TryParseTime(string? text, out int minuteOfDay, out short? offsetMinutes)
    {
        minuteOfDay = 0;
        offsetMinutes = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var t = text.Trim();
        var clockEnd = t.IndexOfAny(['Z', 'z', '+', '-']);
        var clock = clockEnd < 0 ? t : t[..clockEnd];
        if (clockEnd >= 0)
        {
            var zone = t[clockEnd..];
            if (zone is "Z" or "z")
            {
                offsetMinutes = 0;
            }
            else if (TryParseHoursMinutes(zone[1..], out var h, out var m) && h <= 14 && m < 60)
            {
                offsetMinutes = (short)((zone[0] == '-' ? -1 : 1) * ((h * 60) + m));
            }
            else
            {
                return false;
            }
        }
        var parts = clock.Split(':');
        if (parts.Length is < 2 or > 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || parts[0].Length != 2 || parts[1].Length != 2
            || (parts.Length == 3 && !double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)))
        {
            return false;
        }
        if (minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        {
            return false;
        }
        minuteOfDay = (hours * 60) + minutes;
        return true;
    }

    private static bool TryParseHoursMinutes(string text, out int hours, out int minutes)
    {
        hours = minutes = 0;
        var digits = text.Replace(":", "", StringComparison.Ordinal);
        return digits.Length == 4
            && int.TryParse(digits[..2], NumberStyles.None, CultureInfo.InvariantCulture, out hours)
            && int.TryParse(digits[2..], NumberStyles.None, CultureInfo.InvariantCulture, out minutes);
    }
}
