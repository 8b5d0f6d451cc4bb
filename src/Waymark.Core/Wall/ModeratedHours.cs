using Waymark.Core.Schedules;

namespace Waymark.Core.Wall;

/// <summary>When people are watching the wall, in UK time (default 08:00 to midnight), and when they are next on.</summary>
public sealed class ModeratedHours(WallOptions options)
{
    private int Opens => options.OpensAt.Hour * 60 + options.OpensAt.Minute;

    private int Closes => options.ClosesAt == TimeOnly.MinValue ? 1440 : options.ClosesAt.Hour * 60 + options.ClosesAt.Minute;

    public bool IsOpen(DateTimeOffset at)
    {
        var local = UkTime.ToLocal(at);
        var minute = local.Hour * 60 + local.Minute;
        return Opens < Closes ? minute >= Opens && minute < Closes : minute >= Opens || minute < Closes;
    }

    /// <summary>The next instant moderators come on (at <paramref name="at"/> itself when they are on now).</summary>
    public DateTimeOffset NextOpening(DateTimeOffset at)
    {
        if (IsOpen(at))
        {
            return at;
        }
        var day = UkTime.DateOf(at);
        for (var i = 0; i < 3; i++)
        {
            var opening = UkTime.ToInstant(day.AddDays(i), Opens);
            if (opening > at)
            {
                return opening;
            }
        }
        return at;
    }

    /// <summary>"8am", "midnight", "8:30am": a time of day as people say it.</summary>
    public static string Say(TimeOnly time) => time switch
    {
        { Hour: 0, Minute: 0 } => "midnight",
        { Hour: 12, Minute: 0 } => "midday",
        _ => (time.Hour % 12 == 0 ? 12 : time.Hour % 12).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + (time.Minute == 0 ? "" : ":" + time.Minute.ToString("00", System.Globalization.CultureInfo.InvariantCulture))
            + (time.Hour < 12 ? "am" : "pm"),
    };

    public string Describe() => $"{Say(options.OpensAt)} to {Say(options.ClosesAt)}, UK time, every day";

    /// <summary>When moderators are next on, as words relative to <paramref name="now"/>: "at 8am today", "at 8am tomorrow".</summary>
    public string NextOnWords(DateTimeOffset now)
    {
        var next = NextOpening(now);
        var days = UkTime.DateOf(next).DayNumber - UkTime.DateOf(now).DayNumber;
        var time = Say(TimeOnly.FromDateTime(UkTime.ToLocal(next)));
        return days switch
        {
            0 => $"at {time} today",
            1 => $"at {time} tomorrow",
            _ => $"at {time} on {UkTime.ToLocal(next):dddd}",
        };
    }
}
