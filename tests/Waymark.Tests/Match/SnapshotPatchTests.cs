using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Listings;
using Waymark.Core.Matching;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Match;

/// <summary>
/// The key correctness check for patching: after imports from "another process" and editor saves of every kind,
/// all applied as patches, the snapshot in the index answers every search exactly as a full reload of the same
/// database does.
/// </summary>
public sealed class SnapshotPatchTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task A_patched_snapshot_answers_every_search_as_a_full_reload_does()
    {
        using var client = app.CreateClient(); // starts the app, its listener and the first load
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        await SearchProbe.SettledAsync(index, TimeSpan.Zero);
        var fullLoads = index.FullLoads;

        // Two imports, as the CLI would make them: 1,200 new services (more ids than a NOTIFY payload holds, so on
        // PostgreSQL this goes through the change log), then the same feed grown by 150 (unchanged ones are not named).
        await SearchProbe.ImportAsync(app.Services, seed: 7, count: 1200);
        await SearchProbe.SettledAsync(index);
        await SearchProbe.ImportAsync(app.Services, seed: 7, count: 1350);
        await SearchProbe.SettledAsync(index);
        Assert.Equal(1350, index.Current.Count + await InactiveCountAsync());

        // Editor saves through the Core path: an organisation renamed, a service withdrawn, a venue moved, a service's
        // terms and ages changed, and a service deleted outright (announced by id).
        Guid renamedOrg, withdrawn, moved, retermed, deleted;
        await using (var db = app.OpenDb())
        {
            var ids = await db.Services.Where(s => s.Status == ServiceStatus.Active).OrderBy(s => s.Name).Select(s => s.Id).Take(40).ToListAsync();
            (withdrawn, retermed, deleted) = (ids[3], ids[17], ids[29]);
            renamedOrg = (await db.Services.SingleAsync(s => s.Id == ids[5])).OrganizationId!.Value;
            moved = await db.ServiceAtLocations.Where(x => x.ServiceId == ids[11]).Select(x => x.LocationId).FirstAsync();
        }
        await EditAsync<Organization>(renamedOrg, ListingHistory.OrganizationType, o => o.Name = "Renamed Trust " + Guid.NewGuid().ToString("N")[..6]);
        await EditAsync<Service>(withdrawn, ListingHistory.ServiceType, s => s.Status = ServiceStatus.Inactive);
        await EditAsync<Location>(moved, ListingHistory.LocationType, l => (l.Latitude, l.Longitude) = (l.Latitude + 0.2, l.Longitude - 0.1));
        await using (var db = app.OpenDb())
        {
            var s = await db.Services.Include(x => x.Attributes).SingleAsync(x => x.Id == retermed);
            db.ServiceAttributes.RemoveRange(s.Attributes);
            s.Attributes = [new ServiceAttribute { Id = Guid.NewGuid(), ServiceId = s.Id, TaxonomyTermId = Vocabulary.TermId("delivery:text") },
                new ServiceAttribute { Id = Guid.NewGuid(), ServiceId = s.Id, TaxonomyTermId = Vocabulary.TermId("format:helpline") }];
            s.MinimumAge = 25;
            await db.SaveChangesAsync();
            await DirectoryChanges.AnnounceAsync(db, new DirectoryChange(Guid.NewGuid(), [retermed]), DateTimeOffset.UtcNow);
        }
        await using (var db = app.OpenDb())
        {
            // Its children go with it (ON DELETE CASCADE).
            await db.Services.Where(x => x.Id == deleted).ExecuteDeleteAsync();
            await DirectoryChanges.AnnounceAsync(db, new DirectoryChange(Guid.NewGuid(), [deleted]), DateTimeOffset.UtcNow);
        }
        await SearchProbe.SettledAsync(index);

        Assert.Equal(fullLoads, index.FullLoads); // all of it was patched in
        var patched = index.Current;
        var reloaded = await DirectorySnapshot.LoadAsync(app.Services.GetRequiredService<IDbContextFactory<WaymarkDbContext>>(), DateTimeOffset.UtcNow);

        Assert.Equal(reloaded.Count, patched.Count);
        Assert.Equal(Entries(reloaded), Entries(patched));
        Assert.DoesNotContain(patched.Services, s => s.Id == withdrawn || s.Id == deleted);
        var matcher = new Matcher(new NoReferralWaits());
        var compared = 0;
        foreach (var query in Queries())
        {
            var expected = JsonSerializer.Serialize(matcher.Match(reloaded, query, SearchProbe.Noon));
            var actual = JsonSerializer.Serialize(matcher.Match(patched, query, SearchProbe.Noon));
            Assert.Equal(expected, actual);
            compared++;
        }
        Assert.Equal(90, compared);
    }

    private async Task<int> InactiveCountAsync()
    {
        await using var db = app.OpenDb();
        return await db.Services.CountAsync(s => s.Status != ServiceStatus.Active);
    }

    /// <summary>An edit saved the way the provider pages save one.</summary>
    private async Task EditAsync<T>(Guid id, string resourceType, Action<T> edit)
        where T : class
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        var entity = await db.Set<T>().FindAsync(id) ?? throw new InvalidOperationException($"no {typeof(T).Name} {id}");
        edit(entity);
        await scope.ServiceProvider.GetRequiredService<ListingChanges>().SaveAsync(resourceType, id, new Dictionary<string, string>(), new Dictionary<string, string> { ["edited"] = "yes" }, "test");
    }

    /// <summary>What the snapshot holds for each service, independent of where the layout puts it.</summary>
    internal static List<string> Entries(DirectorySnapshot snapshot)
    {
        var locations = new Dictionary<int, List<(float, float)>>();
        for (var i = 0; i < snapshot.LocationService.Length; i++)
        {
            var owner = snapshot.LocationService[i];
            if (!locations.TryGetValue(owner, out var list))
            {
                locations[owner] = list = [];
            }
            list.Add((snapshot.Latitudes[i], snapshot.Longitudes[i]));
        }
        var entries = new List<string>();
        for (var i = 0; i < snapshot.Services.Length; i++)
        {
            var s = snapshot.Services[i];
            var org = s.Organization >= 0 ? snapshot.Organizations[s.Organization].ToString() : "";
            var places = string.Join(";", locations.GetValueOrDefault(i, []).Order());
            entries.Add($"{s.Id} {s.Name} {org} {s.Codes} {s.MinimumAge} {s.MaximumAge} {s.Free} {s.TypicalWaitDays} {s.AssuredDay} "
                + $"{string.Join(",", snapshot.LanguagesOf(s).ToArray())} {string.Join(",", snapshot.Openings.AsSpan(s.OpeningStart, s.OpeningCount).ToArray())} {places} "
                + string.Join(",", snapshot.AreaOf(i).Select(a => a.Code)));
        }
        entries.Sort(StringComparer.Ordinal);
        return entries;
    }

    /// <summary>Searches near the generator's towns (and nowhere), widely and narrowly, with each kind of constraint.</summary>
    internal static IEnumerable<MatchQuery> Queries()
    {
        (double Lat, double Lon)[] towns = [(51.5074, -0.1278), (52.4862, -1.8904), (53.4808, -2.2426), (53.8008, -1.5491), (53.3811, -1.4701), (54.9783, -1.6178), (51.4545, -2.5879), (52.9548, -1.1581)];
        MatchQuery[] shapes =
        [
            new() { WithinKm = 50, Limit = 50 },
            new() { WithinKm = 10 },
            new() { WithinKm = 25, Delivery = Codes.Of("delivery:in-person"), Limit = 30 },
            new() { WithinKm = 25, Format = Codes.Of("format:group") | Codes.Of("format:drop-in") },
            new() { WithinKm = 50, FreeOnly = true, Age = 19 },
            new() { WithinKm = 50, OpenNow = true, Urgency = Urgency.Now },
            new() { WithinKm = 50, Language = "pl" },
            new() { WithinKm = 50, SelfAccessOnly = true, Prefer = Codes.Of("format:one-to-one") },
            new() { WithinKm = 5, Urgency = Urgency.Soon },
            new() { WithinKm = 200, Delivery = Codes.Of("delivery:text") | Codes.Of("delivery:phone"), Limit = 50 },
        ];
        foreach (var (lat, lon) in towns)
        {
            foreach (var shape in shapes)
            {
                var district = Gazetteer.NearestDistrict(lat, lon);
                yield return shape with { Place = new ResolvedPlace("town", lat, lon, PlacePrecision.Place, district?.LocalAuthority) { Authorities = district is null ? [] : LocalAuthorities.FindAll(district.LocalAuthorityNames) }, At = SearchProbe.Noon };
            }
        }
        foreach (var shape in shapes)
        {
            yield return shape with { At = SearchProbe.Noon };
        }
    }
}
