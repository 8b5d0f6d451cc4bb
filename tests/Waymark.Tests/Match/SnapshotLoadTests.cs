using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Matching;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Match;

/// <summary>
/// A full load reads the directory with plain data readers; a patch loads services through EF Core. Both must give
/// the same snapshot entries for the same database, or a patched snapshot would drift from a reloaded one.
/// </summary>
public sealed class SnapshotLoadTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task A_full_load_gives_the_entries_that_loading_every_active_service_through_EF_gives()
    {
        await SearchProbe.ImportAsync(app.Services, seed: 23, count: 700);
        var waitDays = Vocabulary.TermId("expect:typical-wait-days");
        Guid twoWaits, withdrawn;
        await using (var db = app.OpenDb())
        {
            var ids = await db.Services.Where(s => s.Status == ServiceStatus.Active).OrderBy(s => s.Name).Select(s => s.Id).Take(2).ToListAsync();
            (twoWaits, withdrawn) = (ids[0], ids[1]);
            await db.ServiceAttributes.Where(a => a.ServiceId == twoWaits && a.TaxonomyTermId == waitDays).ExecuteDeleteAsync();
            // Two values of one attribute, the larger stored first: which one counts must not depend on row order.
            db.ServiceAttributes.Add(new ServiceAttribute { Id = Guid.NewGuid(), ServiceId = twoWaits, TaxonomyTermId = waitDays, Value = "3" });
            await db.SaveChangesAsync();
            db.ServiceAttributes.Add(new ServiceAttribute { Id = Guid.NewGuid(), ServiceId = twoWaits, TaxonomyTermId = waitDays, Value = "21" });
            await db.SaveChangesAsync();
            await db.Services.Where(s => s.Id == withdrawn).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, ServiceStatus.Inactive));
        }
        var databases = app.Services.GetRequiredService<IDbContextFactory<WaymarkDbContext>>();
        List<Guid> active;
        await using (var db = app.OpenDb())
        {
            active = await db.Services.Where(s => s.Status == ServiceStatus.Active).Select(s => s.Id).ToListAsync();
        }

        var read = await DirectorySnapshot.LoadAsync(databases, DateTimeOffset.UtcNow);
        var throughEf = DirectorySnapshot.From(await DirectorySnapshot.LoadServicesAsync(databases, active), DateTimeOffset.UtcNow);

        Assert.Equal(active.Count, read.Count);
        Assert.Equal(SnapshotPatchTests.Entries(throughEf), SnapshotPatchTests.Entries(read));
        Assert.DoesNotContain(read.Services, s => s.Id == withdrawn);
        // Attributes are taken in order of term and value ("21" before "3"), so the last one read is "3".
        Assert.Equal(3, read.Services.Single(s => s.Id == twoWaits).TypicalWaitDays);
        Assert.Equal(3, throughEf.Services.Single(s => s.Id == twoWaits).TypicalWaitDays);
        // Every part of an entry is filled from the database, not left at its default.
        Assert.Contains(read.Services, s => s.OpeningCount > 0);
        Assert.Contains(read.Services, s => s.LanguageCount > 0);
        Assert.Contains(read.Services, s => s.LocationCount > 0);
        Assert.Contains(read.Services, s => s.Organization >= 0);
        Assert.Contains(read.Services, s => !float.IsNaN(s.MinimumAge));
        Assert.Contains(read.Services, s => s.AssuredDay >= 0);
        Assert.Contains(read.Services, s => !s.Free);
        Assert.Contains(read.Services, s => s.AreaSet != 0);
    }
}
