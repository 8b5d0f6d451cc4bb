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
    }

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
            Place = random.Next(8) == 0 ? null : new ResolvedPlace(
                "elsewhere", Snapshot.Latitudes[random.Next(Snapshot.Latitudes.Length)], Snapshot.Longitudes[random.Next(Snapshot.Longitudes.Length)], PlacePrecision.Coordinates, null),
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
                    Place = new ResolvedPlace("test", lat + ((random.NextDouble() - 0.5) * 0.1), lon + ((random.NextDouble() - 0.5) * 0.15), PlacePrecision.Coordinates, null),
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
                Language = random.Next(10) == 0 ? new[] { "pl", "ur", "en", "fr" }[random.Next(4)] : null,
                Needs = random.Next(5) == 0 ? Set("access-needs:" + needs[random.Next(needs.Length)]) : UInt128.Zero,
                Prefer = random.Next(3) == 0 ? Set(prefers[random.Next(prefers.Length)], prefers[random.Next(prefers.Length)]) : UInt128.Zero,
                Limit = random.Next(6) == 0 ? 1 + random.Next(MatchQuery.MaxLimit) : MatchQuery.DefaultLimit,
            };
            list.Add(q);
        }
#pragma warning restore CA5394
        return list;
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
