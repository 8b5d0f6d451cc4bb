using System.Globalization;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.Matching;
using Waymark.Core.Referrals;
using Waymark.Core.Schedules;
using Waymark.Web.Text;

namespace Waymark.Web.Pages.Services;

public sealed record Venue(string? Name, IReadOnlyList<string> AddressLines, IReadOnlyList<string> Times, IReadOnlyList<string> Access);

public sealed record PhoneLink(PhoneWay Way, string? Label);

public sealed record ContactWay(string? Name, IReadOnlyList<PhoneLink> Phones, string? Email);

/// <summary>
/// A service's listing turned into what a person asked to know before going (the study's "lack of clarity": "I didn't
/// know what it was, how long it were going to be for, who it was with", P3). Each fact is null when the listing does not say.
/// </summary>
public sealed class WhatToExpect
{

    public required Service Service { get; init; }
    public string? WhoYouWillSee { get; init; }
    public string? Format { get; init; }
    public string? Delivery { get; init; }
    public string? SessionLength { get; init; }
    public string? HowOften { get; init; }
    public string? HowManySessions { get; init; }
    public string? FirstContact { get; init; }
    public required IReadOnlyList<string> HowToGetIn { get; init; }

    /// <summary>"Usually replies to referrals within 3 working days", the provider's own figure, when the listing gives one.</summary>
    public string? ReplyTime { get; init; }
    public required string Wait { get; init; }

    /// <summary>Where the waiting time comes from, in full: measured from Waymark referrals, or the provider's own estimate.</summary>
    public string? WaitSourceDetail { get; init; }
    public required IReadOnlyList<string> Cost { get; init; }
    public required IReadOnlyList<string> AccessNeeds { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required IReadOnlyList<string> WhoItIsFor { get; init; }

    /// <summary>"For people who live in Kingston upon Hull or the East Riding of Yorkshire"; null for a service open to people anywhere.</summary>
    public string? Area { get; init; }
    public required IReadOnlyList<string> Times { get; init; }
    public required string OpenNow { get; init; }
    public required IReadOnlyList<Venue> Places { get; init; }
    public required IReadOnlyList<ContactWay> Contacts { get; init; }
    public required bool RemoteOnly { get; init; }

    /// <summary>A helpline is reached by calling or texting it, never by a referral.</summary>
    public required bool IsHelpline { get; init; }
    public string? LastChecked { get; init; }

    /// <summary>"This listing has not been checked for 8 months — details may have changed", when it is stale.</summary>
    public string? StaleWarning { get; init; }

    /// <summary>For a service that is not active: "This service is temporarily closed".</summary>
    public string? StatusHeading { get; init; }

    public static WhatToExpect From(Service s, DateTimeOffset now, int? measuredWaitDays)
    {
        var codes = s.Attributes
            .Select(a => (Term: a.TaxonomyTerm?.Code ?? (Vocabulary.ById.TryGetValue(a.TaxonomyTermId, out var t) ? t.Code : null), a.Value))
            .Where(x => x.Term is not null && Vocabulary.ByCode.ContainsKey(x.Term))
            .Select(x => (Code: x.Term!, x.Value))
            .ToList();
        var has = codes.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        string? ValueOf(string code) => codes.FirstOrDefault(c => c.Code == code).Value;
        List<string> LabelsOf(string family) =>
            [.. Vocabulary.Family(family).Where(t => has.Contains(t.Code)).Select(t => t.Label)];
        string? Words(List<string> labels) => labels.Count == 0 ? null : PlainWords.JoinAnd([labels[0], .. labels.Skip(1).Select(PlainWords.LowerFirst)]);

        var today = UkTime.DateOf(now);

        var (waitDays, waitSource) = measuredWaitDays is { } measured ? (measured, WaitSource.Referrals)
            : int.TryParse(ValueOf("expect:typical-wait-days"), NumberStyles.None, CultureInfo.InvariantCulture, out var published) ? (published, WaitSource.Provider)
            : ((int?)null, WaitSource.Unknown);

        var closedOnBankHolidays = has.Contains("schedule:closed-bank-holidays");
        var allSchedules = s.Schedules.Concat(s.ServiceAtLocations.SelectMany(x => x.Schedules)).ToList();
        var hours = OpeningHours.From(allSchedules, closedOnBankHolidays);

        var times = ScheduleWords(s.Schedules, today);
        if (times.Count == 0 && s.ServiceAtLocations.All(x => x.Schedules.Count == 0))
        {
            times.Add("Contact them for times");
        }
        if (closedOnBankHolidays)
        {
            times.Add("Closed on bank holidays");
        }

        string? lastChecked = null, stale = null;
        if (s.AssuredDate is { } assured)
        {
            var months = ListingFreshness.MonthsSince(assured, today);
            lastChecked = $"Listing last checked {PlainWords.MonthsAgo(months)}, on {PlainWords.Date(assured)}";
            if (ListingFreshness.Of(assured, today) == Freshness.Expired)
            {
                stale = $"This listing has not been checked for {months} months, so we no longer show it in search results. Details may be out of date — check with the service before you go.";
            }
            else if (ListingFreshness.Of(assured, today) == Freshness.Stale)
            {
                stale = $"This listing has not been checked for {months} months — details may have changed. Check with the service before you go.";
            }
        }
        else
        {
            stale = "We don’t know when this listing was last checked — details may have changed. Check with the service before you go.";
        }

        var remoteDelivery = has.Contains("delivery:phone") || has.Contains("delivery:online") || has.Contains("delivery:text");
        var inPerson = has.Contains("delivery:in-person") || has.Contains("delivery:home-visit");

        return new WhatToExpect
        {
            Service = s,
            WhoYouWillSee = Words(LabelsOf("delivered-by")),
            Format = Words(LabelsOf("format")),
            Delivery = Words(LabelsOf("delivery")),
            SessionLength = int.TryParse(ValueOf("expect:session-minutes"), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ? SessionWords(minutes) : null,
            HowOften = ValueOf("expect:frequency") switch
            {
                // "Once a week" only for a group that meets once a week: one that meets on two days says so.
                "weekly" => MeetingDaysPerWeek(s, has) switch
                {
                    <= 1 => "Once a week",
                    2 => "Twice a week",
                    var n => $"{n} times a week",
                },
                "fortnightly" => "Every 2 weeks",
                "monthly" => "Once a month",
                "once" => "Just once",
                "as-needed" => "Whenever you need it",
                _ => null,
            },
            HowManySessions = ValueOf("expect:sessions") switch
            {
                null => null,
                "ongoing" => "As many as you need — it carries on",
                "1" => "1 session",
                var n => $"{n} sessions",
            },
            FirstContact = ValueOf("expect:first-contact"),
            HowToGetIn = AccessWords(has),
            ReplyTime = ReplyWords(Staleness.StatedResponseDays(ValueOf(Staleness.ResponseTimeCode))),
            Wait = PlainWords.WaitWithSource(waitDays, waitSource),
            WaitSourceDetail = WaitDetail(waitDays, waitSource),
            Cost = CostWords(s, today),
            AccessNeeds = LabelsOf("access-needs"),
            Languages = [.. s.Languages.Select(l => l.Name ?? (l.Code is { } c ? Core.Matching.Languages.NamesByCode.GetValueOrDefault(c, c) : null)).OfType<string>().Distinct()],
            WhoItIsFor = WhoFor(s, has),
            Area = AreaLimit.Of(s.ServiceAreas) is { IsLimited: true } limit ? "For " + limit.PeopleWhoLiveIn() : null,
            Times = times,
            OpenNow = PlainWords.OpenWords(hours.IsOpenAt(now), hours.OpenUntil(now), hours.NextOpen(now), now, hours.HasTimes),
            Places = [.. s.ServiceAtLocations.Where(x => x.Location is not null).Select(x => PlaceOf(x, today))],
            Contacts = [.. s.Contacts.Select(c => new ContactWay(
                c.Name ?? c.Title,
                [.. c.Phones.Select(p => new PhoneLink(PhoneWay.Of(p, has.Contains("delivery:text") && !has.Contains("delivery:phone")), p.Description))],
                c.Email))],
            RemoteOnly = remoteDelivery && !inPerson,
            IsHelpline = has.Contains("format:helpline"),
            LastChecked = lastChecked,
            StaleWarning = stale,
            StatusHeading = s.Status switch
            {
                ServiceStatus.Active => null,
                ServiceStatus.TemporarilyClosed => "This service is temporarily closed",
                ServiceStatus.Defunct => "This service has closed down",
                ServiceStatus.Inactive => "This service is not running at the moment",
                _ => "This service may not be running",
            },
        };
    }

    /// <summary>"Median 21 days from referral to offer over the last 180 days, from Waymark referrals", or why the provider's figure is shown.</summary>
    public static string? WaitDetail(int? days, WaitSource source) => (days, source) switch
    {
        ({ } d, WaitSource.Referrals) =>
            $"Median {d} {(d == 1 ? "day" : "days")} from referral to offer over the last {MeasuredReferralWaits.Window.TotalDays:0} days, from Waymark referrals.",
        (not null, WaitSource.Provider) =>
            $"This is the provider’s own estimate. Waymark shows a measured wait once at least {MeasuredReferralWaits.MinimumReferrals} people referred through Waymark have been offered a place within {MeasuredReferralWaits.Window.TotalDays:0} days.",
        _ => null,
    };

    private static string SessionWords(int minutes) => minutes switch
    {
        60 => "About 1 hour",
        90 => "About an hour and a half",
        _ when minutes > 60 && minutes % 60 == 0 => $"About {minutes / 60} hours",
        _ => $"About {minutes} minutes",
    };

    /// <summary>Only a figure the overdue rule also uses, so the page and the reminders agree.</summary>
    private static string? ReplyWords(int? days) =>
        days is { } d ? $"Usually replies to referrals within {d} working {(d == 1 ? "day" : "days")}" : null;

    private static List<string> AccessWords(HashSet<string> has)
    {
        var ways = new List<string>();
        if (has.Contains("access:no-referral"))
        {
            ways.Add("You can just get in touch or turn up — you don’t need a referral.");
        }
        if (has.Contains("access:self-referral"))
        {
            ways.Add("You can refer yourself.");
        }
        if (has.Contains("access:gp-referral"))
        {
            ways.Add("Your GP can refer you.");
        }
        if (has.Contains("access:professional-referral"))
        {
            ways.Add("A professional, such as a support worker or mental health team, can refer you.");
        }
        if (ways.Count == 0)
        {
            ways.Add("The listing does not say. Contact them to ask how to get in.");
        }
        return ways;
    }

    private static List<string> CostWords(Service s, DateOnly today)
    {
        var charged = s.CostOptions
            .Where(c => c.Amount > 0 && (c.ValidTo is null || c.ValidTo >= today))
            .Select(c => $"£{c.Amount!.Value.ToString(c.Amount % 1 == 0 ? "0" : "0.00", CultureInfo.InvariantCulture)}"
                + (c.Option is { Length: > 0 } o ? $" — {o}" : "")
                + (c.AmountDescription is { Length: > 0 } d ? $" ({d})" : ""))
            .ToList();
        if (charged.Count == 0)
        {
            return ["Free"];
        }
        if (s.Fees is { Length: > 0 } fees)
        {
            charged.Add(fees);
        }
        return charged;
    }

    private static List<string> WhoFor(Service s, HashSet<string> has)
    {
        var who = new List<string>();
        var ages = (s.MinimumAge, s.MaximumAge) switch
        {
            ({ } min, { } max) => $"People aged {min:0.#} to {max:0.#}",
            ({ } min, null) => $"People aged {min:0.#} and over",
            (null, { } max) => $"People aged up to {max:0.#}",
            _ => null,
        };
        if (ages is not null)
        {
            who.Add(ages);
        }
        var limits = Vocabulary.Family("eligibility").Where(t => has.Contains(t.Code)).ToList();
        who.AddRange(limits.Where(t => t.Code != "eligibility:members-only").Select(t => t.Label));
        if (has.Contains("eligibility:members-only"))
        {
            who.Add(MembersOnly.OnlyFor(s.Organization?.Name));
        }
        var audiences = Vocabulary.Family("audience").Where(t => has.Contains(t.Code)).Select(t => PlainWords.LowerFirst(t.Label)).ToList();
        if (audiences.Count > 0)
        {
            // "Others may be welcome" would contradict a limit on who may use it.
            who.Add("Designed for " + PlainWords.JoinAnd(audiences) + (limits.Count == 0 ? ", but others may be welcome" : ""));
        }
        return who;
    }

    /// <summary>
    /// For a group or drop-in that is not also one-to-one, its times are its meetings: the most days a week it meets at
    /// one place (its own times and that place's). 0 when the times say nothing about how often a person goes.
    /// </summary>
    private static int MeetingDaysPerWeek(Service s, HashSet<string> has)
    {
        if (!(has.Contains("format:group") || has.Contains("format:drop-in")) || has.Contains("format:one-to-one"))
        {
            return 0;
        }
        static int DaysOf(IEnumerable<Schedule> schedules)
        {
            var openings = new List<WeeklyOpening>();
            foreach (var schedule in schedules)
            {
                OpeningHours.Parse(schedule, openings);
            }
            return openings.Aggregate(0, (days, o) => days | o.Days);
        }
        var own = DaysOf(s.Schedules);
        var most = System.Numerics.BitOperations.PopCount((uint)own);
        foreach (var place in s.ServiceAtLocations)
        {
            most = Math.Max(most, System.Numerics.BitOperations.PopCount((uint)(own | DaysOf(place.Schedules))));
        }
        return most;
    }

    /// <summary>Each schedule in words; a schedule we cannot read shows its own description, if it has one.</summary>
    public static List<string> ScheduleWords(IEnumerable<Schedule> schedules, DateOnly today)
    {
        var words = new List<string>();
        foreach (var schedule in schedules)
        {
            var openings = new List<WeeklyOpening>();
            OpeningHours.Parse(schedule, openings);
            if (openings.Count == 0)
            {
                if (schedule.Description is { Length: > 0 } d)
                {
                    words.Add(d);
                }
                continue;
            }
            foreach (var o in openings)
            {
                var validity = PlainWords.Validity(schedule.ValidFrom, schedule.ValidTo, today);
                words.Add(PlainWords.Opening(o) + (validity is null ? "" : $" ({validity})"));
            }
        }
        return words;
    }

    private static Venue PlaceOf(ServiceAtLocation x, DateOnly today)
    {
        var l = x.Location!;
        var lines = l.Addresses
            .Where(a => a.AddressType != "postal" || l.Addresses.Count == 1)
            .Take(1)
            .SelectMany(a => new[] { a.Attention, a.Address1, a.City, a.PostalCode })
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => p!)
            .ToList();
        return new Venue(l.Name, lines, ScheduleWords(x.Schedules, today), [.. l.Accessibility.Select(a => a.Description).OfType<string>()]);
    }
}
