using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Waymark.Core.Accounts;
using Waymark.Core.Commissioning;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Commissioning;

namespace Waymark.Tests.Pages.Commissioning;

/// <summary>Coverage and waits read from snapshots refreshed ahead of time (issue 16 item 9), one node at a time.</summary>
public sealed class SnapshotTests
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(15);

    [Fact]
    public async Task Refreshed_figures_are_those_worked_out_on_the_spot_and_the_pages_say_when()
    {
        using var app = new WaitsApp();
        var referrer = await app.AddUserAsync(Roles.Person);
        var calder = await WaitsTests.AddServiceAsync(app, "Calder listening group", "Calderdale");
        var leeds = await WaitsTests.AddServiceAsync(app, "Leeds evening group", "Leeds");
        var seed = new WaitsTests.Seeder(app, referrer.UserId);
        for (var i = 1; i <= 9; i++)
        {
            await seed.OfferedAsync(calder, 40, offerAfter: i, startAfter: i + 1);
        }
        for (var i = 0; i < 4; i++)
        {
            await seed.DeclinedAsync(calder, 30, ReferralReason.NoCapacity, null);
            await seed.RemovedAsync(leeds, 30, ReferralReason.PersonAsked);
        }
        await seed.SentAsync(leeds, 5);
        using var commissioner = await app.SignInAsStaffAsync(Roles.Commissioner, areas: ["Calderdale", "Leeds"]);
        async Task<(string Waits, string Coverage, string Tables, string CoverageTables)> ReadAsync()
        {
            var waits = await commissioner.Browser.GetAsync("/commissioning/waits");
            var coverage = await commissioner.Browser.GetAsync("/commissioning");
            string Tables(Page page, string selector) => string.Join("\n", page.Document.QuerySelectorAll(selector).Select(t => t.OuterHtml));
            return (await commissioner.Browser.Client.GetStringAsync("/commissioning/waits?handler=csv"),
                await commissioner.Browser.Client.GetStringAsync("/commissioning?handler=csv"),
                Tables(waits, "table") + Tables(waits, "svg"),
                Tables(coverage, "table") + Tables(coverage, "svg"));
        }
        var onTheSpot = await ReadAsync();
        Assert.Equal("Figures worked out when you opened this page.", (await commissioner.Browser.GetAsync("/commissioning/waits")).Text("#refreshed"));

        await using (var db = app.OpenDb())
        {
            Assert.True(await new CommissioningSnapshots(db, app.Services.GetRequiredService<TimeProvider>()).RefreshIfDueAsync(Every));
        }
        // After the refresh: a new referral and a new service are not in the figures until the next one.
        await seed.SentAsync(calder, 1);
        await WaitsTests.AddServiceAsync(app, "Calder new group", "Calderdale");
        var fromSnapshot = await ReadAsync();

        Assert.Equal(onTheSpot.Waits, fromSnapshot.Waits);
        Assert.Equal(onTheSpot.Coverage, fromSnapshot.Coverage);
        Assert.Equal(onTheSpot.Tables, fromSnapshot.Tables);
        Assert.Equal(onTheSpot.CoverageTables, fromSnapshot.CoverageTables);
        var uk = UkTimeText(app.Now);
        Assert.Equal($"Figures refreshed at {uk} (UK time).", (await commissioner.Browser.GetAsync("/commissioning/waits")).Text("#refreshed"));
        Assert.Equal($"Figures refreshed at {uk} (UK time).", (await commissioner.Browser.GetAsync("/commissioning")).Text("#refreshed"));

        // Not due again yet at the same moment; refreshed by hand, the figures are today's computation again.
        await using (var db = app.OpenDb())
        {
            var time = app.Services.GetRequiredService<TimeProvider>();
            Assert.False(await new CommissioningSnapshots(db, time).RefreshIfDueAsync(Every));
            await new CommissioningSnapshots(db, time).RefreshAsync();
            var direct = await WaitsReport.ForAsync(db, time, [LocalAuthorities.Find("Calderdale")!, LocalAuthorities.Find("Leeds")!]);
            var rows = WaitsTests.ParseCsv(await commissioner.Browser.Client.GetStringAsync("/commissioning/waits?handler=csv"));
            Assert.Equal(direct.All.Show(WaitsReport.Referrals), rows.Single(r => r[0] == "all" && r[6] == WaitsReport.Referrals)[8]);
            Assert.Equal("19", direct.All.Show(WaitsReport.Referrals));
            var coverage = WaitsTests.ParseCsv(await commissioner.Browser.Client.GetStringAsync("/commissioning?handler=csv"));
            Assert.Equal("2", coverage.Single(r => r[1] == "E08000033" && r[10] == "all")[11]);
        }
    }

    [Fact]
    public async Task Only_one_run_refreshes_while_another_holds_the_claim_and_a_lapsed_claim_is_taken()
    {
        using var app = new WaitsApp();
        var time = app.Services.GetRequiredService<TimeProvider>();
        await app.AddUserAsync(Roles.Commissioner, areas: ["Leeds"]);
        await using (var db = app.OpenDb())
        {
            db.CommissioningRefreshes.Add(new CommissioningRefresh { ClaimToken = Guid.NewGuid(), ClaimedUntil = app.Now.AddMinutes(10) });
            await db.SaveChangesAsync();
        }
        await using (var db = app.OpenDb())
        {
            Assert.False(await new CommissioningSnapshots(db, time).RefreshIfDueAsync(Every));
            Assert.Equal(0, await db.CommissioningSnapshots.CountAsync());
            // The other node died: its lease ran out.
            await db.CommissioningRefreshes.ExecuteUpdateAsync(x => x.SetProperty(r => r.ClaimedUntil, app.Now.AddMinutes(-1)));
            Assert.True(await new CommissioningSnapshots(db, time).RefreshIfDueAsync(Every));
            Assert.True(await db.CommissioningSnapshots.AnyAsync(s => s.Key == "coverage:E12000003"));
            var row = await db.CommissioningRefreshes.AsNoTracking().SingleAsync();
            Assert.Null(row.ClaimToken);
            Assert.Equal(app.Now, row.RefreshedAt!.Value, TimeSpan.FromMilliseconds(1));
        }

        // Two nodes at once on a fresh database: one refreshes, the other does not.
        using var fresh = new WaitsApp();
        var freshTime = fresh.Services.GetRequiredService<TimeProvider>();
        async Task<bool> NodeAsync()
        {
            await using var scope = fresh.Services.CreateAsyncScope();
            return await new CommissioningSnapshots(scope.ServiceProvider.GetRequiredService<WaymarkDbContext>(), freshTime).RefreshIfDueAsync(Every);
        }
        var runs = await Task.WhenAll(NodeAsync(), NodeAsync());
        Assert.Equal(1, runs.Count(r => r));
    }

    [Fact]
    public async Task The_refresh_at_start_waits_for_search_to_load_and_then_runs()
    {
        using var app = new WaitsApp();
        await app.AddUserAsync(Roles.Commissioner, areas: ["Leeds"]);
        var search = new DirectoryIndex(app.Services.GetRequiredService<IDbContextFactory<WaymarkDbContext>>(), TimeProvider.System, NullLogger<DirectoryIndex>.Instance);
        using var refresh = new CommissioningRefreshService(app.Services.GetRequiredService<IServiceScopeFactory>(), new CommissioningOptions(),
            app.Services.GetRequiredService<TimeProvider>(), search, NullLogger<CommissioningRefreshService>.Instance);
        async Task<DateTimeOffset?> RefreshedAtAsync()
        {
            await using var db = app.OpenDb();
            return (await db.CommissioningRefreshes.AsNoTracking().SingleOrDefaultAsync())?.RefreshedAt;
        }

        await refresh.StartAsync(CancellationToken.None);
        // Search has not loaded: the refresh has not run (it would have by now: it runs at once otherwise).
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Null(await RefreshedAtAsync());

        search.Replace(DirectorySnapshot.Empty);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await RefreshedAtAsync() is null && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }
        Assert.Equal(app.Now, (await RefreshedAtAsync())!.Value, TimeSpan.FromMilliseconds(1));
        await refresh.StopAsync(CancellationToken.None);
    }

    private static string UkTimeText(DateTimeOffset at) =>
        Waymark.Core.Schedules.UkTime.ToLocal(at).ToString("HH:mm 'on' d MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
