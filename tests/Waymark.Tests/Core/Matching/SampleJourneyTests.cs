using System.Text.Json;
using System.Text.RegularExpressions;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;
using Waymark.Core.Oruk;
using Waymark.Core.Schedules;
using Waymark.Web.Pages.Services;
using Waymark.Web.Text;

namespace Waymark.Tests.Core.Matching;

/// <summary>
/// Every combination of the find journey's answers over the sample directory, on both engines (issue 12, point 3). Each
/// question is answered in each kind of way it can be: skipped, and a choice of each kind it offers (the place: none,
/// a city, a town with a longer journey, a postcode district with a short one, a district that straddles two
/// authorities). For every result: no caution restates something the person asked for, or contradicts one of its
/// reasons; a wait is said one way; "Once a week" is said only of a group that meets once a week. For every nearest
/// miss: letting in just the constraint it names lets the service in.
/// </summary>
public sealed partial class SampleJourneyTests
{
    /// <summary>Wednesday 2 December 2026, UK time (GMT).</summary>
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Evening = new(2026, 12, 2, 19, 30, 0, TimeSpan.Zero);

    private static readonly Dictionary<Guid, Service> Sample = LoadSample();
    private static readonly DirectorySnapshot Snapshot = DirectorySnapshot.From(Sample.Values, Noon);
    private static readonly Guid PorterBrook = Vocabulary.Uuid5(Vocabulary.TaxonomyId, "organization:porterbrook");

    private static Dictionary<Guid, Service> LoadSample()
    {
        using var stream = SampleDirectory.Open();
        var records = JsonSerializer.Deserialize<List<OrukService>>(stream, OrukJson.Options)!;
        return records.Select(OrukMapping.ToEntity).ToDictionary(s => s.Id);
    }

    private static UInt128 Set(params string[] codes) => codes.Aggregate(UInt128.Zero, (set, c) => set | Codes.Of(c));

    [Fact]
    public async Task Every_combination_of_answers_gets_results_that_never_contradict_the_question_or_each_other()
    {
        var gazetteer = new Gazetteer();
        var places = new List<(ResolvedPlace? Place, double WithinKm)> { (null, MatchQuery.DefaultWithinKm) };
        foreach (var (near, km) in new[] { ("Hull", 15.0), ("Skipton", 30.0), ("S1", 3.0), ("Leeds", 15.0), ("BD20", 15.0) })
        {
            places.Add((await gazetteer.ResolveAsync(near) ?? throw new InvalidOperationException($"{near} is not in the gazetteer"), km));
        }
        UInt128?[] deliveries = [null, Set("delivery:in-person"), Set("delivery:phone"), Set("delivery:online", "delivery:text")];
        UInt128?[] formats = [null, Set("format:group"), Set("format:one-to-one"), Set("format:drop-in", "format:helpline")];
        WhenWindows[] whens = [WhenWindows.None, WhenWindows.WeekdayEvening, WhenWindows.Weekend];
        UInt128[] prefers = [UInt128.Zero, Set("delivered-by:peer"), Set("audience:women", "delivered-by:counsellor")];
        Func<MatchQuery, MatchQuery>[] aboutYou =
        [
            q => q,
            q => q with { Age = 21, Student = true, MemberOf = [PorterBrook] },
            q => q with { Age = 40, Gender = Gender.Man, Employee = true },
            q => q with { Age = 60, Gender = Gender.Woman, Language = "pl" },
        ];
        Func<MatchQuery, MatchQuery>[] needs = [q => q, q => q with { FreeOnly = true }, q => q with { SelfAccessOnly = true, Needs = Set("access-needs:wheelchair") }];
        // The journey's two ways in: routine, and "help now" (straight to what is open now).
        Func<MatchQuery, MatchQuery>[] urgencies = [q => q with { At = Noon }, q => q with { Urgency = Urgency.Now, OpenNow = true, At = Evening }];

        var matcher = new Matcher(new NoReferralWaits());
        var seen = new Seen();
        var queries =
            from p in places
            from delivery in deliveries
            from format in formats
            from when in whens
            from prefer in prefers
            from you in aboutYou
            from need in needs
            from urgency in urgencies
            select urgency(need(you(new MatchQuery { Place = p.Place, WithinKm = p.WithinKm, Delivery = delivery, Format = format, When = when, Prefer = prefer })));
        foreach (var query in queries)
        {
            var fast = matcher.Match(Snapshot, query, Noon);
            var plain = matcher.MatchByScanningEverything(Snapshot, query, Noon);
            Assert.Equal(plain.Results.Select(Line), fast.Results.Select(Line));
            Assert.Equal(plain.NearestMisses, fast.NearestMisses);
            Assert.Equal(plain.WhileYouWait, fast.WhileYouWait);
            Assert.Equal(plain.TotalMatches, fast.TotalMatches);
            seen.Searches++;
            foreach (var result in fast.Results)
            {
                CheckResult(query, result, seen);
            }
            foreach (var miss in fast.NearestMisses)
            {
                CheckMiss(matcher, query, miss, seen);
            }
        }

        // The combinations must have exercised what they check, or passing proves little.
        Assert.Equal(6 * 4 * 4 * 3 * 3 * 4 * 3 * 2, seen.Searches);
        Assert.True(seen.Results > 10_000, $"only {seen.Results} results");
        Assert.True(seen.GroupOnlyResultsForGroupSeekers > 0, "no search for a group found a group-only service");
        Assert.True(seen.Waits > 1000, $"only {seen.Waits} results with a wait");
        Assert.True(seen.OnceAWeekGroups > 0, "no result was a group meeting once a week");
        Assert.Contains("near", seen.MissKinds);
        Assert.True(seen.MissKinds.Count >= 6, "nearest misses of only " + string.Join(", ", seen.MissKinds));
    }

    private sealed class Seen
    {
        public int Searches { get; set; }
        public int Results { get; set; }
        public int GroupOnlyResultsForGroupSeekers { get; set; }
        public int Waits { get; set; }
        public int OnceAWeekGroups { get; set; }
        public HashSet<string> MissKinds { get; } = [];
        public Dictionary<Guid, string?> HowOften { get; } = [];
        public Dictionary<Guid, DirectorySnapshot> Alone { get; } = [];
    }

    private static string Line(ServiceMatch r) =>
        $"{r.Id} {r.Score} {r.DistanceKm} {r.OpenNow} {r.NextOpen} {r.TypicalWaitDays} {r.WaitSource} {string.Join('|', r.Reasons)} {string.Join('|', r.Cautions)}";

    private static void CheckResult(MatchQuery q, ServiceMatch r, Seen seen)
    {
        seen.Results++;
        var why = $"{r.Name} for {Describe(q)}: reasons [{string.Join(", ", r.Reasons)}], cautions [{string.Join(", ", r.Cautions)}]";

        // No caution restates something the person asked for.
        var asked = new List<string>();
        if (Codes.Any((q.Format ?? UInt128.Zero) | q.Prefer, Codes.Group))
        {
            asked.Add("Group sessions only");
            if (r.Format.SequenceEqual(["group"]))
            {
                seen.GroupOnlyResultsForGroupSeekers++;
            }
        }
        if (q.FreeOnly)
        {
            asked.Add("Costs money");
        }
        if (q.SelfAccessOnly)
        {
            asked.AddRange(["Needs a GP referral", "Needs a referral from a professional"]);
        }
        if (q.When != WhenWindows.None || q.OpenNow)
        {
            asked.Add("Contact for times");
        }
        Assert.False(r.Cautions.Any(asked.Contains), why);

        // Reasons and cautions never contradict each other.
        (string Reason, string Caution)[] opposites =
        [
            ("Free", "Costs money"), ("Open now", "Contact for times"), ("Group", "Group sessions only"),
            ("Just call or turn up", "Needs a GP referral"), ("Just call or turn up", "Needs a referral from a professional"),
            ("You can refer yourself", "Needs a GP referral"), ("You can refer yourself", "Needs a referral from a professional"),
        ];
        Assert.False(opposites.Any(o => r.Reasons.Contains(o.Reason) && r.Cautions.Contains(o.Caution)), why);

        // A wait is said one way: one phrase, agreeing with the figure and with the "Waiting time" line's words.
        var waits = r.Reasons.Concat(r.Cautions).Where(t => t.Contains("wait", StringComparison.OrdinalIgnoreCase)).ToList();
        switch (r.TypicalWaitDays)
        {
            case null:
                Assert.True(waits.Count == 0, why);
                break;
            case 0:
                Assert.True(waits.SequenceEqual(["No waiting list"]), why);
                break;
            case { } days:
                seen.Waits++;
                Assert.True(waits.SequenceEqual([WaitWords.Caution(days)]), why);
                var caution = WaitFigure().Match(waits[0]);
                var line = WaitFigure().Match(PlainWords.Wait(days)!);
                Assert.True(caution.Success && line.Success, why);
                Assert.Equal((caution.Groups["n"].Value, caution.Groups["unit"].Value), (line.Groups["n"].Value, line.Groups["unit"].Value));
                break;
        }
        Assert.DoesNotContain(waits, w => w.Contains("month", StringComparison.Ordinal));

        // "Once a week" only of a group that meets once a week.
        var service = Sample[r.Id];
        if (!seen.HowOften.TryGetValue(r.Id, out var often))
        {
            seen.HowOften[r.Id] = often = WhatToExpect.From(service, Noon, null).HowOften;
        }
        var formats = r.Format;
        if (often == "Once a week" && (formats.Contains("group") || formats.Contains("drop-in")) && !formats.Contains("one-to-one"))
        {
            seen.OnceAWeekGroups++;
            Assert.True(MostMeetingDaysAtOnePlace(service) <= 1, $"{r.Name} says once a week but meets on more days");
        }
    }

    /// <summary>The most days in a week the service meets at one place, worked out here from its schedules.</summary>
    private static int MostMeetingDaysAtOnePlace(Service s)
    {
        static HashSet<string> Days(IEnumerable<Schedule> schedules) =>
            [.. schedules.Where(x => x.Freq == "WEEKLY" && x.ByDay is not null).SelectMany(x => x.ByDay!.Split(','))];
        var own = Days(s.Schedules);
        return s.ServiceAtLocations.Count == 0 ? own.Count : s.ServiceAtLocations.Max(p => Days(p.Schedules).Union(own).Count());
    }

    private static void CheckMiss(Matcher matcher, MatchQuery q, NearestMiss miss, Seen seen)
    {
        seen.MissKinds.Add(miss.Breaks);
        var service = Sample[miss.Id];
        var why = $"{service.Name} as a miss breaking {miss.Breaks} ({miss.Reason}) for {Describe(q)}";
        // Only for an organisation's own people: a miss only to someone who named that organisation.
        Assert.False(Codes.Any(Snapshot.FactCodes[Array.FindIndex(Snapshot.Services, s => s.Id == miss.Id)], Codes.MembersOnly) && !q.MemberOf.Contains(service.OrganizationId!.Value), why);
        if (!seen.Alone.TryGetValue(miss.Id, out var alone))
        {
            seen.Alone[miss.Id] = alone = DirectorySnapshot.From([service], Noon);
        }
        var relaxed = miss.Breaks switch
        {
            "within_km" => q with { WithinKm = Math.Min(MatchQuery.MaxWithinKm, Math.Ceiling(miss.DistanceKm!.Value) + 1) },
            "delivery" => q with { Delivery = null },
            "format" => q with { Format = null },
            "when" => q with { When = WhenWindows.None },
            "open_now" => q with { OpenNow = false },
            "access" => q with { SelfAccessOnly = false },
            "free" => q with { FreeOnly = false },
            "age" => q with { Age = null },
            "gender" => q with { Gender = null },
            "circumstances" => q with { Student = true, Employee = true },
            "language" => q with { Language = null },
            "needs" => q with { Needs = UInt128.Zero },
            // The person in the service's own area instead, at the same point.
            "near" => q with
            {
                Place = (q.Place ?? new ResolvedPlace("here", 53.8, -1.55, PlacePrecision.Coordinates, null)) with
                {
                    Authorities = [AreaLimit.Of(service.ServiceAreas).Authorities[0]],
                },
            },
            _ => throw new InvalidOperationException(why),
        };
        Assert.True(matcher.Match(alone, q, Noon).Results.Count == 0, why);
        Assert.True(matcher.Match(alone, relaxed, Noon).Results.Count == 1, why + ": letting that in did not let the service in");
        if (miss.Breaks == "near")
        {
            Assert.StartsWith("Only for people who live in ", miss.Reason, StringComparison.Ordinal);
        }
    }

    private static string Describe(MatchQuery q) =>
        $"near {q.Place?.Name ?? "nowhere"} within {q.WithinKm} km, delivery {q.Delivery}, format {q.Format}, when {q.When}, prefer {q.Prefer}, "
        + $"age {q.Age} {q.Gender} student {q.Student} employee {q.Employee} members {q.MemberOf.Count} language {q.Language}, free {q.FreeOnly}, "
        + $"self {q.SelfAccessOnly} needs {q.Needs}, {q.Urgency} open now {q.OpenNow}";

    [GeneratedRegex(@"About (an? )?(?<n>\d+)[ -](?<unit>day|week)")]
    private static partial Regex WaitFigure();
}
