using System.Globalization;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.Schedules;
using Waymark.Core.Text;

namespace Waymark.Core.Matching;

/// <summary>The words a person reads about a match: reasons and cautions of a result, why a near miss missed, what a suggestion is.</summary>
internal static class Explanation
{
    public static ServiceMatch Describe(MatchContext ctx, Candidate c)
    {
        var s = ctx.Snapshot.Services[c.Index];
        var q = ctx.Query;
        var hours = ctx.Snapshot.HoursOf(s);
        var openNow = hours.IsOpenAt(ctx.At, ctx.Moment);
        var (wait, source) = Scoring.WaitOf(ctx, c.Index);
        // Sized for the most a result has, so adding never copies (this runs for every result of every search).
        var reasons = new List<string>(16);
        var cautions = new List<string>(8);

        if (openNow)
        {
            reasons.Add("Open now");
        }
        if (Codes.Any(s.Codes, Codes.Crisis) && q.Urgency == Urgency.Now)
        {
            reasons.Add("Crisis support");
        }
        var windows = Constraints.WindowsOf(ctx, s) & q.When;
        if ((windows & WhenWindows.WeekdayDaytime) != 0)
        {
            reasons.Add("Weekday daytime sessions");
        }
        if ((windows & WhenWindows.WeekdayEvening) != 0)
        {
            reasons.Add("Evening sessions");
        }
        if ((windows & WhenWindows.Weekend) != 0)
        {
            reasons.Add("Weekend sessions");
        }
        if (c.Local)
        {
            reasons.Add(Words.KmAway(c.DistanceKm));
        }
        foreach (var term in Codes.Terms(s.Codes & (q.Delivery ?? UInt128.Zero) & Codes.Remote))
        {
            reasons.Add(term.Label);
        }
        if (Codes.Any(s.Codes, Codes.Peer))
        {
            reasons.Add("Run by people with lived experience");
        }
        foreach (var term in Codes.Terms(s.Codes & ((q.Format ?? UInt128.Zero) | q.Prefer) & Codes.AllFormats))
        {
            reasons.Add(term.Label);
        }
        foreach (var term in Codes.Terms(s.Codes & q.Prefer & ~Codes.AllFormats & ~Codes.Peer & ~q.Needs))
        {
            reasons.Add(PreferenceText(term));
        }
        foreach (var term in Codes.Terms(s.Codes & q.Needs))
        {
            reasons.Add(term.Label);
        }
        if (ctx.Language != 0 && q.Language != Languages.English)
        {
            reasons.Add(ctx.Snapshot.LanguagesOf(s).Contains(ctx.Language)
                ? $"In {Languages.NamesByCode.GetValueOrDefault(q.Language!, q.Language!)}"
                : "Interpreters available");
        }
        if (s.Free)
        {
            reasons.Add("Free");
        }
        var needsNoOne = Codes.Any(s.Codes, Codes.SelfAccess);
        if (needsNoOne && Codes.Any(s.Codes, Codes.Helpline))
        {
            // A helpline's way in is its number: there is nothing to refer yourself to (issue 12, point 4). Said the way
            // it is reached: "Just call" on a textline would tell someone who cannot face a phone call it is not for them.
            reasons.Add(JustGetInTouch(s.Codes));
        }
        else if (Codes.Any(s.Codes, NoReferral))
        {
            // Nobody turns up to an online group: a service with no place to go says how it is reached instead.
            reasons.Add(Codes.Any(s.Codes, Codes.Local) ? "Just call or turn up" : JustGetInTouch(s.Codes));
        }
        else if (needsNoOne)
        {
            reasons.Add("You can refer yourself");
        }
        if (wait == 0)
        {
            reasons.Add("No waiting list");
        }

        // Not a caution for someone who asked for (or would like) a group.
        if ((s.Codes & Codes.AllFormats) == Codes.Group && !Codes.Any((q.Format ?? UInt128.Zero) | q.Prefer, Codes.Group))
        {
            cautions.Add("Group sessions only");
        }
        if (wait is > 0)
        {
            cautions.Add(WaitWords.Caution(wait.Value));
        }
        if (!Codes.Any(s.Codes, Codes.SelfAccess))
        {
            if (Codes.Any(s.Codes, Codes.GpReferral))
            {
                cautions.Add("Needs a GP referral");
            }
            else if (Codes.Any(s.Codes, Codes.ProfessionalReferral))
            {
                cautions.Add("Needs a referral from a professional");
            }
        }
        if (!s.Free)
        {
            cautions.Add("Costs money");
        }
        if (s.AssuredDay < 0)
        {
            cautions.Add("Not known when this listing was last checked");
        }
        else if (ListingFreshness.MonthsSince(DateOnly.FromDayNumber(s.AssuredDay), ctx.UkDate) is var months and >= ListingFreshness.StaleAfterMonths)
        {
            cautions.Add($"Listing not checked for {months} months");
        }
        if (!hours.HasTimes)
        {
            cautions.Add("Contact for times");
        }

        var organization = s.Organization >= 0 ? ctx.Snapshot.Organizations[s.Organization] : (OrganizationEntry?)null;
        return new ServiceMatch(
            s.Id,
            s.Name,
            organization?.Id,
            organization?.Name,
            Math.Round(c.Score, 2),
            c.Local ? Math.Round(c.DistanceKm, 1) : null,
            DeliveryValues.Of(s.Codes),
            FormatValues.Of(s.Codes),
            DeliveredByValues.Of(s.Codes),
            openNow,
            hours.NextOpen(ctx.At),
            wait,
            source,
            reasons,
            cautions)
        {
            OpenUntil = openNow ? hours.OpenUntil(ctx.At) : null,
        };
    }

    private static string JustGetInTouch(UInt128 codes) => (Codes.Any(codes, Codes.Phone), Codes.Any(codes, Codes.Text)) switch
    {
        (true, true) => "Just call or text",
        (true, false) => "Just call",
        (false, true) => "Just text",
        _ => "Just get in touch",
    };

    private static readonly UInt128 NoReferral = Codes.Of("access:no-referral");
    private static readonly FamilyValues DeliveryValues = new("delivery"), FormatValues = new("format"), DeliveredByValues = new("delivered-by");

    /// <summary>
    /// A family's values in a service's codes, in vocabulary order: one shared read-only list per combination: there
    /// are only a few dozen, and making the list afresh for every result of every search fed the garbage collector.
    /// </summary>
    private sealed class FamilyValues(string family)
    {
        private readonly UInt128 _mask = Codes.Family(family);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<UInt128, IReadOnlyList<string>> _lists = new();

        public IReadOnlyList<string> Of(UInt128 codes) =>
            _lists.GetOrAdd(codes & _mask, static masked => Array.AsReadOnly(Codes.Terms(masked).Select(t => t.Value).ToArray()));
    }

    public static string MissText(MatchContext ctx, int index, BrokenConstraint b, double km)
    {
        var q = ctx.Query;
        ref readonly var s = ref ctx.Snapshot.Services[index];
        return b switch
        {
            BrokenConstraint.WithinKm => $"{Math.Round(km).ToString(CultureInfo.InvariantCulture)} km away — further than the {q.WithinKm.ToString("0.#", CultureInfo.InvariantCulture)} km you said",
            BrokenConstraint.Delivery => $"Only {JoinLabels(s.Codes & Codes.AnyDelivery)} — not a way you chose",
            BrokenConstraint.Format => $"Only {JoinLabels(s.Codes & Codes.AllFormats)} — not the kind of support you chose",
            BrokenConstraint.When => "Not open at the times you chose",
            BrokenConstraint.OpenNow => ctx.Snapshot.HoursOf(s).NextOpen(ctx.At) is { } next
                ? $"Closed now — opens {UkTime.ToLocal(next).ToString("dddd d MMMM 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"))}"
                : "Closed now — contact them for times",
            BrokenConstraint.Access => "Needs a referral — you asked for services you can contact yourself",
            BrokenConstraint.Free => "Costs money — you asked for free services",
            BrokenConstraint.Age => AgeText(s, q.Age),
            BrokenConstraint.Gender => Codes.Any(s.Codes, Codes.WomenOnly) ? "For women only" : "For men only",
            BrokenConstraint.Circumstances => Codes.Any(s.Codes, Codes.StudentsOnly) ? "For students only" : "For people in work only",
            BrokenConstraint.Language => $"Not available in {Languages.NamesByCode.GetValueOrDefault(q.Language ?? "", q.Language ?? "")}",
            BrokenConstraint.Needs => $"Does not list {JoinLabels(q.Needs & ~s.Codes).ToLowerInvariant()}",
            BrokenConstraint.Near => AreaLimit.OnlyFor(ctx.Snapshot.AreaOf(index)),
            _ => "",
        };
    }

    public static string AgeText(in ServiceEntry s, int? age)
    {
        var min = float.IsNaN(s.MinimumAge) ? null : s.MinimumAge.ToString("0.#", CultureInfo.InvariantCulture);
        var max = float.IsNaN(s.MaximumAge) ? null : s.MaximumAge.ToString("0.#", CultureInfo.InvariantCulture);
        var range = (min, max) switch
        {
            ({ } a, { } b) => $"For ages {a} to {b}",
            ({ } a, null) => $"For people aged {a} and over",
            (null, { } b) => $"For people aged up to {b}",
            _ => "Has an age limit",
        };
        return $"{range} — you said you are {age}";
    }

    public static string JoinLabels(UInt128 codes)
    {
        var labels = Codes.Terms(codes).Select(t => t.Label.ToLowerInvariant()).ToList();
        return labels.Count == 0 ? "other ways" : Words.JoinOr(labels);
    }

    public static WhileYouWait MeanwhileOf(in ServiceEntry s)
    {
        var reason = Codes.Any(s.Codes, Codes.DropIn) ? "A drop-in: no appointment or waiting list"
            : Codes.Any(s.Codes, Codes.Helpline) ? "A helpline you can call while you wait"
            : "A peer support group with people who have been there";
        return new WhileYouWait(s.Id, s.Name, reason);
    }

    public static string PreferenceText(Vocabulary.Term term) => term.Family switch
    {
        "audience" => "Designed for " + Words.LowerFirst(term.Label),
        "delivered-by" => "With " + Words.LowerFirst(term.Label),
        "setting" => "At a " + Words.LowerFirst(term.Label),
        _ => term.Label,
    };
}
