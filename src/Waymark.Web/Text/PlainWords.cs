using System.Globalization;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;
using Waymark.Core.Schedules;
using Waymark.Core.Text;

namespace Waymark.Web.Text;

/// <summary>
/// Times, days, distances and waits in the words a person would use (plain English, docs/safety/policy.md §6;
/// map-free). UK time, en-GB, "6pm" rather than "18:00".
/// </summary>
public static class PlainWords
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static readonly string[] DayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary>"9am", "6:30pm", "midday", "midnight".</summary>
    public static string Time(int minuteOfDay)
    {
        var m = ((minuteOfDay % 1440) + 1440) % 1440;
        if (m == 0)
        {
            return "midnight";
        }
        if (m == 12 * 60)
        {
            return "midday";
        }
        var hour = m / 60;
        var minute = m % 60;
        var h12 = hour % 12 == 0 ? 12 : hour % 12;
        var suffix = hour < 12 ? "am" : "pm";
        return minute == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h12}{suffix}")
            : string.Create(CultureInfo.InvariantCulture, $"{h12}:{minute:00}{suffix}");
    }

    public static string Time(DateTimeOffset instant)
    {
        var local = UkTime.ToLocal(instant);
        return Time((local.Hour * 60) + local.Minute);
    }

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    /// <summary>The UK date of an instant: stored times are UTC, and in summer UTC's date can be the day before.</summary>
    public static string Date(DateTimeOffset instant) => Date(UkTime.DateOf(instant));

    /// <summary>"3 December 2026 at 2:05pm", in UK time, summer or winter.</summary>
    public static string DateAndTime(DateTimeOffset instant) => $"{Date(instant)} at {Time(instant)}";

    /// <summary>"Open now until 8pm", "Open now, 24 hours", "Opens today at 6pm", "Next open Tuesday at 6pm", "Contact them for times".</summary>
    public static string OpenWords(bool openNow, DateTimeOffset? openUntil, DateTimeOffset? nextOpen, DateTimeOffset now, bool hasTimes = true)
    {
        if (openNow)
        {
            if (openUntil is not { } until)
            {
                return "Open now";
            }
            if (until - now >= TimeSpan.FromHours(24))
            {
                return "Open now, 24 hours";
            }
            var today = UkTime.DateOf(now);
            var closesOn = UkTime.DateOf(until);
            return closesOn == today || (closesOn == today.AddDays(1) && UkTime.ToLocal(until).TimeOfDay == TimeSpan.Zero)
                ? $"Open now until {Time(until)}"
                : $"Open now until {Time(until)} {DayWord(closesOn, today)}";
        }
        if (nextOpen is { } next)
        {
            var today = UkTime.DateOf(now);
            var day = UkTime.DateOf(next);
            return day == today ? $"Opens today at {Time(next)}" : $"Next open {DayWord(day, today)} at {Time(next)}";
        }
        return hasTimes ? "Not open in the next 2 weeks" : "Contact them for times";
    }

    /// <summary>"today", "tomorrow", "Tuesday" within a week, else "Tuesday 8 December".</summary>
    public static string DayWord(DateOnly day, DateOnly today)
    {
        var days = day.DayNumber - today.DayNumber;
        return days switch
        {
            0 => "today",
            1 => "tomorrow",
            > 1 and < 7 => day.ToString("dddd", EnGb),
            _ => day.ToString("dddd d MMMM", EnGb),
        };
    }

    /// <summary>"4 km away (about 2 miles)"; for a result matched only by remote delivery, "By phone — no travel".</summary>
    public static string Distance(double? km, IReadOnlyList<string> delivery)
    {
        if (km is { } d)
        {
            return d < 1 ? Words.KmAway(d) : $"{Words.KmAway(d)} ({Miles(d)})";
        }
        var remote = new List<string>();
        if (delivery.Contains("phone"))
        {
            remote.Add("By phone");
        }
        if (delivery.Contains("text"))
        {
            remote.Add(remote.Count == 0 ? "By text" : "text");
        }
        if (delivery.Contains("online"))
        {
            remote.Add(remote.Count == 0 ? "Online" : "online");
        }
        return remote.Count == 0 ? "No travel" : JoinOr(remote) + " — no travel";
    }

    /// <summary>"about 9 miles", "less than a mile".</summary>
    public static string Miles(double km)
    {
        var miles = km / 1.609344;
        return miles < 1 ? "less than a mile" : miles < 1.5 ? "about 1 mile" : $"about {Math.Round(miles).ToString(CultureInfo.InvariantCulture)} miles";
    }

    public static string Km(double km) => km.ToString("0.#", CultureInfo.InvariantCulture) + " km";

    /// <summary>"Near Skipton (a town or village), within 15 km (about 9 miles)".</summary>
    public static string Where(ResolvedPlace place, double withinKm)
    {
        var what = place.Precision switch
        {
            PlacePrecision.Postcode => $"{place.Name} (a postcode)",
            PlacePrecision.District => $"{place.Name} (a postcode area)",
            PlacePrecision.Place => $"{place.Name} (a town, city or village)",
            _ => "the point you gave",
        };
        return $"Near {what}, within {Km(withinKm)} ({Miles(withinKm)})";
    }

    /// <summary>The wait in words, or null when nobody knows it.</summary>
    public static string? Wait(int? days) => WaitWords.Of(days);

    public static string WaitSourceWords(WaitSource source) => source switch
    {
        WaitSource.Referrals => "from people referred through Waymark recently",
        WaitSource.Provider => "the service’s own estimate",
        _ => "not known",
    };

    /// <summary>"About 2 weeks — the service's own estimate", or "Not known — ask the service".</summary>
    public static string WaitWithSource(int? days, WaitSource source) =>
        Wait(days) is { } wait ? $"{wait} — {WaitSourceWords(source)}" : "Not known — ask the service";

    public static string MonthsAgo(int months) => months switch
    {
        0 => "less than a month ago",
        1 => "1 month ago",
        _ => $"{months} months ago",
    };

    /// <summary>"Mondays and Wednesdays, 9am to 5pm"; "24 hours, every day"; "Fridays, 10pm to 2am the next morning".</summary>
    public static string Opening(WeeklyOpening o)
    {
        var days = Days(o.Days);
        if (o.Opens == 0 && o.Duration >= 1440)
        {
            return o.Days == 0x7F ? "24 hours, every day" : $"{days}, 24 hours";
        }
        var ends = o.Opens + o.Duration;
        var times = ends > 1440
            ? $"{Time(o.Opens)} to {Time(ends)} the next morning"
            : $"{Time(o.Opens)} to {Time(ends)}";
        var zone = o.HasOffset
            ? $" ({(o.OffsetMinutes == 0 ? "UTC" : "UTC" + (o.OffsetMinutes < 0 ? "−" : "+") + TimeSpan.FromMinutes(Math.Abs(o.OffsetMinutes)).ToString(@"hh\:mm", CultureInfo.InvariantCulture))})"
            : "";
        return $"{days}, {times}{zone}";
    }

    /// <summary>"Every day", "Monday to Friday", "Tuesdays", "Mondays and Wednesdays", "Saturdays and Sundays".</summary>
    public static string Days(byte bits)
    {
        if (bits == 0x7F)
        {
            return "Every day";
        }
        var set = Enumerable.Range(0, 7).Where(i => (bits & (1 << i)) != 0).ToList();
        var contiguous = set.Count >= 3 && set[^1] - set[0] == set.Count - 1;
        if (contiguous)
        {
            return $"{DayNames[set[0]]} to {DayNames[set[^1]]}";
        }
        return JoinAnd([.. set.Select(i => DayNames[i] + "s")]);
    }

    /// <summary>"from 1 January 2026", "until 31 March 2027", "ended on 31 March 2026".</summary>
    public static string? Validity(DateOnly? from, DateOnly? to, DateOnly today) => (from, to) switch
    {
        (null, null) => null,
        (_, { } t) when t < today => $"ended on {Date(t)}",
        ({ } f, { } t) when f > today => $"from {Date(f)} to {Date(t)}",
        (_, { } t) => $"until {Date(t)}",
        ({ } f, null) when f > today => $"from {Date(f)}",
        _ => null,
    };

    public static string Label(string code) => Vocabulary.ByCode.TryGetValue(code, out var term) ? term.Label : code;

    public static string JoinAnd(IReadOnlyList<string> items) => Words.JoinAnd(items);

    public static string JoinOr(IReadOnlyList<string> items) => Words.JoinOr(items);

    public static string LowerFirst(string s) => Words.LowerFirst(s);
}
