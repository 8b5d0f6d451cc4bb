using Waymark.Core.Directory;
using Waymark.Core.Schedules;

namespace Waymark.Core.Commissioning;

/// <summary>
/// The kinds of support a commissioner counts, each defined by the Waymark vocabulary (<see cref="Vocabulary"/>) or by
/// the service's timetable, so a count means the same as a search for it.
/// </summary>
public static class ServiceKinds
{
    public sealed record Kind(string Key, string Label, string Definition, Func<ServiceFacts, bool> Has);

    /// <summary>What a service offers, as the kinds need it: its vocabulary codes and its weekly openings.</summary>
    public sealed record ServiceFacts(IReadOnlySet<string> Codes, OpeningHours Hours)
    {
        public bool Any(params string[] codes) => codes.Any(Codes.Contains);
    }

    public static readonly IReadOnlyList<Kind> All =
    [
        new("peer-support", "Peer support", "support:peer-support or delivered-by:peer", f => f.Any("support:peer-support", "delivered-by:peer")),
        new("one-to-one", "One-to-one", "format:one-to-one", f => f.Any("format:one-to-one")),
        new("groups", "Groups", "format:group", f => f.Any("format:group")),
        new("evenings-weekends", "Evenings and weekends", "open Monday to Friday 5pm to 10pm, or on Saturday or Sunday (its timetable)", f => (f.Hours.WindowsInWeekOf(ReferenceWeek) & (WhenWindows.WeekdayEvening | WhenWindows.Weekend)) != 0),
        new("text-online", "By text or online", "delivery:text or delivery:online", f => f.Any("delivery:text", "delivery:online")),
        new("self-referral", "You can refer yourself", "access:self-referral or access:no-referral", f => f.Any("access:self-referral", "access:no-referral")),
        new("out-of-hours", "Out of hours (10pm to 8am)", "open at some time between 10pm and 8am (its timetable)", f => OpenOvernight(f.Hours)),
        new("men", "For men", "audience:men or eligibility:men-only", f => f.Any("audience:men", "eligibility:men-only")),
        new("young-adults", "For young adults", "audience:young-adults", f => f.Any("audience:young-adults")),
        new("neurodivergent", "For neurodivergent people", "audience:neurodivergent or access-needs:neurodivergent-adjustments", f => f.Any("audience:neurodivergent", "access-needs:neurodivergent-adjustments")),
    ];

    /// <summary>A week with no bank holiday in it, so a timetable reads the same as any ordinary week.</summary>
    private static readonly DateOnly ReferenceWeek = new(2026, 3, 9);

    public static Kind? Find(string key) => All.FirstOrDefault(k => k.Key == key);

    /// <summary>Where a kind is in <see cref="All"/>.</summary>
    public static int IndexOf(Kind kind)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == kind)
            {
                return i;
            }
        }
        throw new ArgumentException($"{kind.Key} is not one of the kinds", nameof(kind));
    }

    private static bool OpenOvernight(OpeningHours hours)
    {
        foreach (var o in hours.Openings)
        {
            if (o.Opens < 8 * 60 || o.Opens + o.Duration > 22 * 60)
            {
                return true;
            }
        }
        return false;
    }
}
