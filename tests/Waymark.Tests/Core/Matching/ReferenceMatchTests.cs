using System.Collections.Frozen;
using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;
using Waymark.Core.Oruk;
using Waymark.Core.Schedules;

namespace Waymark.Tests.Core.Matching;

/// <summary>
/// The matcher's fast paths (grid, flat columns, remote runs, pruning of services that cannot enter the top) must give
/// exactly the answers of evaluating and scoring every service the plain way, on a generated directory and many
/// seeded searches.
/// </summary>
public sealed class ReferenceMatchTests : MatcherTestBase
{
    private static readonly DirectorySnapshot Snapshot = DirectorySnapshot.From(new SyntheticDirectory(7).Generate(3000).ToList(), Noon);

    [Fact]
    public void The_fast_matcher_agrees_with_scanning_everything()
    {
        var outcomes = Compare(new Matcher(new NoReferralWaits()));

        // The searches must exercise every kind of answer, or agreeing proves little.
        Assert.Contains(outcomes, o => o.Results.Count == 10 && o.TotalMatches > 100);
        Assert.Contains(outcomes, o => o.Results.Count == 0 && o.NearestMisses.Count > 0);
        Assert.Contains(outcomes, o => o.WhileYouWait.Count > 0);
        Assert.Contains(outcomes, o => o.Results.Any(r => r.DistanceKm is not null) && o.Results.Any(r => r.DistanceKm is null));
        // ... and services limited to some areas, or to an organisation's own people, in and out.
        Assert.Contains(outcomes, o => o.Results.Any(r => Snapshot.AreaOf(IndexOf(r.Id)).Count > 0));
        Assert.Contains(outcomes, o => o.Results.Any(r => Codes.Any(Snapshot.FactCodes[IndexOf(r.Id)], Codes.MembersOnly)));
        Assert.Contains(outcomes, o => o.NearestMisses.Any(m => m.Breaks == "near"));
    }

    private static int IndexOf(Guid id) => Array.FindIndex(Snapshot.Services, s => s.Id == id);

    [Fact]
    public void The_fast_matcher_agrees_with_scanning_everything_when_waits_are_measured_from_referrals()
    {
        var ids = Snapshot.Services.Select(s => s.Id).ToList();
        var waits = new FixedReferralWaits(ids.Where((_, i) => i % 7 == 0).Select((id, i) => (id, i % 4 == 0 ? 0 : i % 60)).ToFrozenDictionary(x => x.id, x => x.Item2));
        var matcher = new Matcher(waits);

        var outcomes = Compare(matcher);
        Assert.Contains(outcomes, o => o.Results.Any(r => r.WaitSource == WaitSource.Referrals));

        // A new set of measured waits is used from the next search on.
        var search = new MatchQuery { Limit = 50, At = Noon };
        Assert.Contains(matcher.Match(Snapshot, search, Noon).Results, r => r.WaitSource == WaitSource.Referrals);
        waits.Set(FrozenDictionary<Guid, int>.Empty);
        var again = matcher.Match(Snapshot, search, Noon);
        Assert.DoesNotContain(again.Results, r => r.WaitSource == WaitSource.Referrals);
        Assert.NotEmpty(again.Results);
    }

    [Fact]
    public void Searches_answered_from_the_remote_count_of_an_earlier_search_agree_with_scanning_everything()
    {
        var matcher = new Matcher(new NoReferralWaits());
        var queries = Queries(200);
        Compare(matcher, queries);
        var (hitsBefore, _) = matcher.RemoteCountStatistics;

        // The same constraints again, from somewhere else, with other preferences and urgency: the remote count is reused,
        // the nearby services and the ranking are not.
#pragma warning disable CA5394 // not for security: the same searches every run
        var random = new Random(7);
        var elsewhere = queries.Select(q => q with
        {
            Place = random.Next(8) == 0 ? null : PlaceAt(Snapshot.Latitudes[random.Next(Snapshot.Latitudes.Length)], Snapshot.Longitudes[random.Next(Snapshot.Longitudes.Length)], random),
            Urgency = (Urgency)random.Next(3),
            Prefer = random.Next(2) == 0 ? UInt128.Zero : Set("delivered-by:peer", "audience:women"),
            Age = q.Age + random.Next(2),
        }).ToList();
#pragma warning restore CA5394
        var outcomes = Compare(matcher, elsewhere);

        var (hits, _) = matcher.RemoteCountStatistics;
        Assert.True(hits - hitsBefore > 100, $"only {hits - hitsBefore} of 200 repeated searches used a kept remote count");
        Assert.Contains(outcomes, o => o.Results.Count == 10 && o.TotalMatches > 100);
        Assert.Contains(outcomes, o => o.Results.Any(r => r.DistanceKm is not null) && o.Results.Any(r => r.DistanceKm is null));
    }

    private static List<MatchOutcome> Compare(Matcher matcher) => Compare(matcher, Queries(200));

    private static List<MatchOutcome> Compare(Matcher matcher, List<MatchQuery> queries)
    {
        var outcomes = new List<MatchOutcome>();
        foreach (var (n, query) in queries.Select((q, n) => (n, q)))
        {
            var fast = matcher.Match(Snapshot, query, Noon);
            var plain = matcher.MatchByScanningEverything(Snapshot, query, Noon);

            Assert.True(plain.TotalMatches == fast.TotalMatches, $"search {n}: {fast.TotalMatches} matches, expected {plain.TotalMatches}");
            Assert.Equal(plain.Results.Select(Line), fast.Results.Select(Line));
            Assert.Equal(plain.NearestMisses, fast.NearestMisses);
            Assert.Equal(plain.WhileYouWait, fast.WhileYouWait);
            outcomes.Add(fast);
        }
        return outcomes;
    }

    private static string Line(ServiceMatch r) =>
        $"{r.Id} {r.Score} {r.DistanceKm} {r.OpenNow} {r.NextOpen} {r.TypicalWaitDays} {r.WaitSource} {string.Join('|', r.Reasons)} {string.Join('|', r.Cautions)}";

    /// <summary>Seeded searches around the directory's own locations, mixing every parameter, some strict enough to find nothing.</summary>
    private static List<MatchQuery> Queries(int count)
    {
#pragma warning disable CA5394 // not for security: the same searches every run
        var random = new Random(20261129);
        string[][] deliveries = [["in-person"], ["in-person", "phone"], ["phone", "online"], ["text"], ["online"], ["home-visit"]];
        string[] formats = ["one-to-one", "group", "drop-in", "helpline"];
        string[] needs = ["wheelchair", "bsl", "quiet-space", "hearing-loop"];
        string[] prefers = ["delivered-by:peer", "format:one-to-one", "audience:young-adults", "audience:women", "delivery:phone", "delivery:in-person"];
        DateTimeOffset[] instants = [Noon, Noon.AddHours(7.5), new(2026, 12, 5, 11, 0, 0, TimeSpan.Zero), new(2026, 12, 25, 10, 0, 0, TimeSpan.Zero)];
        var list = new List<MatchQuery>(count);
        for (var n = 0; n < count; n++)
        {
            var q = new MatchQuery { At = instants[random.Next(instants.Length)], Urgency = (Urgency)random.Next(3) };
            if (random.Next(8) != 0)
            {
                var (lat, lon) = (Snapshot.Latitudes[random.Next(Snapshot.Latitudes.Length)], Snapshot.Longitudes[random.Next(Snapshot.Longitudes.Length)]);
                q = q with
                {
                    Place = PlaceAt(lat + ((random.NextDouble() - 0.5) * 0.1), lon + ((random.NextDouble() - 0.5) * 0.15), random),
                    WithinKm = new[] { 2, 5, 15, 40, 120 }[random.Next(5)],
                };
            }
            if (random.Next(3) == 0)
            {
                q = q with { Delivery = Set([.. deliveries[random.Next(deliveries.Length)].Select(d => "delivery:" + d)]) };
            }
            if (random.Next(3) == 0)
            {
                q = q with { Format = Set("format:" + formats[random.Next(formats.Length)]) };
            }
            if (random.Next(5) == 0)
            {
                q = q with { When = (WhenWindows)(1 + random.Next(7)) };
            }
            q = q with
            {
                OpenNow = random.Next(6) == 0,
                SelfAccessOnly = random.Next(5) == 0,
                FreeOnly = random.Next(5) == 0,
                Age = random.Next(3) == 0 ? 14 + random.Next(70) : null,
                Gender = random.Next(5) == 0 ? (Gender)random.Next(3) : null,
                Student = random.Next(4) == 0,
                Employee = random.Next(4) == 0,
                MemberOf = random.Next(4) != 0 ? [] : [.. Enumerable.Range(0, 1 + random.Next(2)).Select(_ => MembersOnlyOrganisations[random.Next(MembersOnlyOrganisations.Length)])],
                Language = random.Next(10) == 0 ? new[] { "pl", "ur", "en", "fr" }[random.Next(4)] : null,
                Needs = random.Next(5) == 0 ? Set("access-needs:" + needs[random.Next(needs.Length)]) : UInt128.Zero,
                Prefer = random.Next(3) == 0 ? Set(prefers[random.Next(prefers.Length)], prefers[random.Next(prefers.Length)]) : UInt128.Zero,
                Limit = random.Next(6) == 0 ? 1 + random.Next(MatchQuery.MaxLimit) : MatchQuery.DefaultLimit,
            };
            list.Add(q);
        }
        // A few searches by people who name the organisation of a members-only service, from where it is.
        foreach (var index in Snapshot.MembersOnlyServices.Take(12))
        {
            var location = Array.IndexOf(Snapshot.LocationService, index);
            list.Add(new MatchQuery
            {
                At = Noon,
                Place = location < 0 ? null : PlaceAt(Snapshot.Latitudes[location], Snapshot.Longitudes[location], random),
                MemberOf = [Snapshot.Organizations[Snapshot.Services[index].Organization].Id],
                Student = true,
                Employee = true,
                Limit = MatchQuery.MaxLimit,
            });
        }
        // And searches that only some services limited to other areas could meet: from a place in no authority we know,
        // asking for exactly what one such service offers (its remote deliveries, formats and access needs).
        var areaLimitedRemote = Enumerable.Range(0, Snapshot.RemoteServices.Length)
            .Where(i => Snapshot.FactAreaSet[i] != 0 && Codes.Count(Snapshot.FactCodes[i] & Codes.Family("access-needs")) >= 2)
            .Take(40);
        foreach (var index in areaLimitedRemote)
        {
            var codes = Snapshot.FactCodes[index];
            list.Add(new MatchQuery
            {
                At = Noon,
                Place = new ResolvedPlace("at sea", 50.0, -6.5, PlacePrecision.Coordinates, null),
                Delivery = codes & Codes.Remote,
                Format = codes & Codes.AllFormats,
                Needs = codes & Codes.Family("access-needs"),
            });
        }
#pragma warning restore CA5394
        return list;
    }

    /// <summary>Organisations running members-only services, and one running none.</summary>
    private static readonly Guid[] MembersOnlyOrganisations = OrganisationsToName();

    private static Guid[] OrganisationsToName()
    {
        var members = Snapshot.MembersOnlyServices.Select(i => Snapshot.Organizations[Snapshot.Services[i].Organization].Id).Distinct().Order().ToList();
        Assert.True(members.Count > 3, "the generated directory has too few members-only services to test with");
        return [.. members, Snapshot.Organizations.First(o => !members.Contains(o.Id)).Id];
    }

    /// <summary>
    /// A place in the authorities of the nearest postcode district, as the gazetteer resolves "lat,lon"; now and then in
    /// other authorities instead (a straddling district, a district whose county a service names), or in none.
    /// </summary>
    private static ResolvedPlace PlaceAt(double lat, double lon, Random random)
    {
        var place = new ResolvedPlace("test", lat, lon, PlacePrecision.Coordinates, null);
        var all = LocalAuthorities.All;
        return random.Next(6) switch
        {
            0 => place,
            1 => place with { Authorities = [all[random.Next(all.Count)], all[random.Next(all.Count)]] },
            _ => place with { Authorities = Gazetteer.NearestDistrict(lat, lon) is { } d ? LocalAuthorities.FindAll(d.LocalAuthorityNames) : [] },
        };
    }

    /// <summary>Measured waits given by the test, replaced whole as the real figures are.</summary>
    private sealed class FixedReferralWaits(FrozenDictionary<Guid, int> waits) : IReferralWaits
    {
        private volatile FrozenDictionary<Guid, int> _waits = waits;

        public IReadOnlyDictionary<Guid, int> Measured => _waits;

        public int? TypicalWaitDays(Guid serviceId) => _waits.TryGetValue(serviceId, out var days) ? days : null;

        public void Set(FrozenDictionary<Guid, int> waits) => _waits = waits;
    }
}
