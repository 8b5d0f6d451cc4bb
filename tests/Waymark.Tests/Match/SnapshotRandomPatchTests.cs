using System.Text.Json;
using Waymark.Core.Directory;
using Waymark.Core.Matching;
using Waymark.Core.Oruk;

namespace Waymark.Tests.Match;

/// <summary>
/// A patch lays the changed services into the old snapshot instead of rebuilding it (ADR 0034). After every round of
/// random edits of every kind, the patched snapshot must hold what a snapshot built from scratch holds and answer every
/// search of a mixed set exactly as it does — including the rounds big enough to make the patch compact its pools.
/// </summary>
public sealed class SnapshotRandomPatchTests
{
    [Fact]
    public void Random_edits_patched_in_answer_every_search_as_a_snapshot_built_from_scratch()
    {
        var random = new Random(20);
        var directory = new SyntheticDirectory(5).Generate(2500).ToDictionary(s => s.Id);
        var newcomers = new Queue<Service>(new SyntheticDirectory(6).Generate(1500));
        var organizations = directory.Values.Select(s => s.OrganizationId).Concat(newcomers.Select(s => s.OrganizationId)).OfType<Guid>().Distinct().ToList();
        var snapshot = FromScratch(directory);
        var matcher = new Matcher(new NoReferralWaits());
        var queries = SnapshotPatchTests.Queries().ToList();
        var (rebuilds, edits) = (0, 0);

        for (var round = 0; round < 30; round++)
        {
            // Mostly a few edits, as editors make them; now and then an import-sized batch.
            var count = round % 10 == 9 ? 1500 : random.Next(1, 12);
            var changed = new HashSet<Guid>();
            for (var e = 0; e < count; e++)
            {
                Edit(random, directory, newcomers, changed);
                edits++;
            }
            var before = snapshot;
            snapshot = snapshot.Patch(changed, [.. changed.Where(directory.ContainsKey).Select(id => directory[id])], SearchProbe.Noon);
            rebuilds += snapshot.Openings.Length < before.Openings.Length ? 1 : 0;

            var expected = FromScratch(directory);
            var (want, got) = (SnapshotPatchTests.Entries(expected), SnapshotPatchTests.Entries(snapshot));
            Assert.Equal(want.Except(got), got.Except(want));
            Assert.Equal(want, got);
            foreach (var query in queries)
            {
                Assert.Equal(JsonSerializer.Serialize(matcher.Match(expected, query, SearchProbe.Noon)), JsonSerializer.Serialize(matcher.Match(snapshot, query, SearchProbe.Noon)));
            }
            foreach (var organization in organizations)
            {
                Assert.Equal(expected.HasOrganization(organization), snapshot.HasOrganization(organization));
            }
            Assert.Equal(MembersOnly.Running(expected, MembersOnly.ForStaff | MembersOnly.ForStudents), MembersOnly.Running(snapshot, MembersOnly.ForStaff | MembersOnly.ForStudents));
        }
        Assert.True(rebuilds > 0, "no round made the patch compact its pools");
        Assert.True(edits > 3000);

        // The fallback, a rebuild from the entries in memory, answers as the patches did.
        var rebuilt = snapshot.Rebuild(SearchProbe.Noon);
        Assert.Equal(SnapshotPatchTests.Entries(snapshot), SnapshotPatchTests.Entries(rebuilt));
        foreach (var query in queries)
        {
            Assert.Equal(JsonSerializer.Serialize(matcher.Match(snapshot, query, SearchProbe.Noon)), JsonSerializer.Serialize(matcher.Match(rebuilt, query, SearchProbe.Noon)));
        }
    }

    [Fact]
    public void A_patch_lays_services_out_as_a_full_load_does()
    {
        var directory = new SyntheticDirectory(9).Generate(1500).ToDictionary(s => s.Id);
        var snapshot = FromScratch(directory);
        var random = new Random(9);
        var newcomers = new Queue<Service>(new SyntheticDirectory(10).Generate(200));
        var changed = new HashSet<Guid>();
        for (var e = 0; e < 60; e++)
        {
            Edit(random, directory, newcomers, changed);
        }
        var patched = snapshot.Patch(changed, [.. changed.Where(directory.ContainsKey).Select(id => directory[id])], SearchProbe.Noon);
        var expected = FromScratch(directory);

        // Same services at the same indexes, so the remote runs, the grid and the blocks the score skips are the same.
        Assert.Equal(expected.Services.Select(s => s.Id), patched.Services.Select(s => s.Id));
        Assert.Equal(expected.RemoteBuckets.Select(b => (b.Codes, b.Start, b.End)), patched.RemoteBuckets.Select(b => (b.Codes, b.Start, b.End)));
        Assert.Equal(expected.LocationService, patched.LocationService);
        Assert.Equal(expected.FactCodes, patched.FactCodes);
        Assert.Equal(expected.FactWindows, patched.FactWindows);
        // Each location's copy of its service's codes, which the nearby pass reads instead of the service's own.
        Assert.Equal(expected.LocationCodes, patched.LocationCodes);
        Assert.Equal(patched.LocationService.Select(service => patched.FactCodes[service]), patched.LocationCodes);
        Assert.Equal(snapshot.LocationService.Select(service => snapshot.FactCodes[service]), snapshot.LocationCodes);
    }

    /// <summary>As a full load adds them: in order of id.</summary>
    private static DirectorySnapshot FromScratch(Dictionary<Guid, Service> directory) =>
        DirectorySnapshot.From(directory.Values.OrderBy(s => s.Id), SearchProbe.Noon);

    /// <summary>One random edit of the kinds the editor and imports make, naming the services it changes.</summary>
    private static void Edit(Random random, Dictionary<Guid, Service> directory, Queue<Service> newcomers, HashSet<Guid> changed)
    {
        var all = directory.Values.ToList();
        var s = all[random.Next(all.Count)];
        var other = all[random.Next(all.Count)];
        changed.Add(s.Id);
        switch (random.Next(13))
        {
            case 0:
                s.Name = "Renamed " + random.Next(1_000_000);
                break;
            case 1 when s.ServiceAtLocations.Count > 0:
                // Its own venue moved (venues are shared, so the moved one is a new one).
                var sal = s.ServiceAtLocations[random.Next(s.ServiceAtLocations.Count)];
                sal.Location = new Location
                {
                    Id = Guid.NewGuid(),
                    LocationType = "physical",
                    Latitude = (sal.Location?.Latitude ?? 52.5) + ((random.NextDouble() - 0.5) * 0.6),
                    Longitude = (sal.Location?.Longitude ?? -1.5) + ((random.NextDouble() - 0.5) * 0.6),
                };
                break;
            case 2:
                (s.Schedules, other.Schedules) = (other.Schedules, s.Schedules);
                changed.Add(other.Id);
                break;
            case 3:
                s.Schedules = [];
                foreach (var x in s.ServiceAtLocations)
                {
                    x.Schedules = [];
                }
                break;
            case 4:
                (s.MinimumAge, s.MaximumAge) = random.Next(3) == 0 ? ((decimal?)null, (decimal?)null) : (random.Next(10, 30), random.Next(30, 90));
                break;
            case 5:
                (s.ServiceAreas, other.ServiceAreas) = (other.ServiceAreas, s.ServiceAreas);
                changed.Add(other.Id);
                break;
            case 6:
                // Its deliveries and formats, and so whether it is remote, its remote run and its wait.
                (s.Attributes, other.Attributes) = (other.Attributes, s.Attributes);
                changed.Add(other.Id);
                break;
            case 7:
                s.Status = s.Status == ServiceStatus.Active ? ServiceStatus.Inactive : ServiceStatus.Active;
                break;
            case 8 when newcomers.Count > 0:
                var added = newcomers.Dequeue();
                directory[added.Id] = added;
                changed.Add(added.Id);
                break;
            case 9:
                directory.Remove(s.Id);
                break;
            case 10 when s.Organization is { } organization:
                // An organisation renamed names every service it runs (as the importer does).
                organization.Name = "Renamed Trust " + random.Next(1_000_000);
                changed.UnionWith(all.Where(x => x.OrganizationId == organization.Id).Select(x => x.Id));
                break;
            case 11:
                (s.Languages, other.Languages, s.CostOptions, other.CostOptions) = (other.Languages, s.Languages, other.CostOptions, s.CostOptions);
                changed.Add(other.Id);
                break;
            case 12:
                // Venues dropped, or another service's venues (with their times) taken on too.
                s.ServiceAtLocations = s.ServiceAtLocations.Count > 0 && random.Next(2) == 0 ? [] : [.. s.ServiceAtLocations,
                    .. other.ServiceAtLocations.Select(x => new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = s.Id, LocationId = x.LocationId, Location = x.Location, Schedules = [.. x.Schedules] })];
                s.AssuredDate = s.AssuredDate?.AddDays(random.Next(-30, 30));
                break;
            default:
                s.Name += ".";
                break;
        }
    }
}
