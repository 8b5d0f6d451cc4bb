using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Commissioning;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Referrals;
using Waymark.Tests.Core.Commissioning;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Commissioning;

/// <summary>
/// The waits figures made to scale (issue 16 item 9): read once and put together by service, they are the figures the
/// plain computation gives; and the by-service tables come a page at a time while the CSV still has every service.
/// </summary>
public sealed class WaitsAtScaleTests
{
    [Fact]
    public async Task The_figures_read_once_by_service_are_those_of_the_plain_computation_for_every_set_of_areas()
    {
        using var app = new WaitsApp();
        var referrer = await app.AddUserAsync(Roles.Person);
        var seed = new WaitsTests.Seeder(app, referrer.UserId);
        var random = new Random(16);
        var services = new List<(Guid Service, Guid Org)>();
        foreach (var (name, area) in new[]
        {
            ("Calder listening group", "Calderdale"), ("Calder men's shed", "Calderdale"), ("Leeds evening group", "Leeds"),
            ("Leeds text line", "Leeds"), ("Kirklees walk and talk", "Kirklees"), ("Bradford peer group", "Bradford"),
            ("Another Leeds group", "Leeds"),
        })
        {
            services.Add(await WaitsTests.AddServiceAsync(app, name, area));
        }
        // One service that works in two areas, so it counts in both and the sums overlap.
        var both = await WaitsTests.AddServiceAsync(app, "Calder and Kirklees line", "Calderdale");
        await using (var db = app.OpenDb())
        {
            db.ServiceAreas.Add(new ServiceArea { Id = Guid.NewGuid(), ServiceId = both.Service, Name = "Kirklees", ExtentType = "local_authority" });
            await db.SaveChangesAsync();
        }
        services.Add(both);
        var reasons = new[] { ReferralReason.NoCapacity, ReferralReason.NotEligible, ReferralReason.Other };
        foreach (var s in services)
        {
            for (var i = random.Next(0, 22); i > 0; i--)
            {
                var daysAgo = random.Next(1, 200);
                switch (random.Next(5))
                {
                    case 0:
                        await seed.OfferedAsync(s, daysAgo, offerAfter: random.Next(1, 40) + random.NextDouble(), startAfter: random.Next(2) == 0 ? null : random.Next(41, 60));
                        break;
                    case 1:
                        await seed.DeclinedAsync(s, daysAgo, random.Next(4) == 0 ? null : reasons[random.Next(reasons.Length)], null);
                        break;
                    case 2:
                        await seed.RemovedAsync(s, daysAgo, ReferralReason.PersonAsked);
                        break;
                    default:
                        await seed.SentAsync(s, daysAgo);
                        break;
                }
            }
        }
        using var commissioner = await app.SignInAsStaffAsync(Roles.Commissioner, areas: ["Calderdale", "Leeds", "Kirklees"]);
        using var other = await app.SignInAsStaffAsync(Roles.Commissioner, areas: ["Kirklees"]);

        var time = app.Services.GetRequiredService<TimeProvider>();
        await using (var db = app.OpenDb())
        {
            await new CommissioningSnapshots(db, time).RefreshAsync();
            foreach (var areas in new[] { new[] { "Calderdale", "Kirklees", "Leeds" }, ["Kirklees"], ["Bradford", "Calderdale"], ["Cornwall"] })
            {
                var authorities = areas.Select(a => LocalAuthorities.Find(a)!).ToList();
                var plain = Json(await StraightforwardWaits.ForAsync(db, time, authorities, new Coverage(db, time)));
                Assert.Equal(plain, Json(await WaitsReport.ForAsync(db, time, authorities)));
                if (areas.Length == 3 || areas[0] == "Kirklees")
                {
                    Assert.Equal(plain, Json((await CommissioningSnapshots.WaitsAsync(db, authorities))!.Value.Report));
                }
            }
            // Worth comparing: some figures hidden both ways, some referrals offered a place.
            var report = await WaitsReport.ForAsync(db, time, [.. new[] { "Calderdale", "Kirklees", "Leeds" }.Select(a => LocalAuthorities.Find(a)!)]);
            Assert.Contains(report.Services, s => s.Hidden.Values.Contains(Hidden.Secondary));
            Assert.Contains(report.Services, s => s.Hidden.Values.Contains(Hidden.Small));
            Assert.True(report.All.Counts[WaitsReport.Offered] > 0);
        }
    }

    [Fact]
    public async Task The_by_service_tables_come_a_page_at_a_time_with_page_N_of_M_and_the_CSV_has_every_service()
    {
        using var app = new WaitsApp();
        var referrer = await app.AddUserAsync(Roles.Person);
        var seed = new WaitsTests.Seeder(app, referrer.UserId);
        var count = WaitsReport.ServicesPerPage + 3;
        for (var i = 0; i < count; i++)
        {
            await seed.SentAsync(await WaitsTests.AddServiceAsync(app, $"Calder group {i:D3}", "Calderdale"), 10);
        }
        using var commissioner = await app.SignInAsStaffAsync(Roles.Commissioner, areas: ["Calderdale"]);

        async Task CheckAsync()
        {
            var first = await commissioner.Browser.GetAsync("/commissioning/waits");
            Assert.Equal(WaitsReport.ServicesPerPage, first.Document.QuerySelectorAll("#services-table tbody tr").Length);
            Assert.Equal(WaitsReport.ServicesPerPage, first.Document.QuerySelectorAll("#declined-reasons-table tbody tr").Length);
            Assert.StartsWith($"Page 1 of 2: services 1 to {WaitsReport.ServicesPerPage} of {count}", first.Text("#services-page"), StringComparison.Ordinal);
            Assert.Equal("/commissioning/waits?page=2#by-service", first.Document.QuerySelector("#next-page")!.GetAttribute("href"));
            Assert.Null(first.Document.QuerySelector("#previous-page"));
            Assert.Contains("Calder group 000", first.Document.QuerySelector("#services-table tbody tr")!.TextContent, StringComparison.Ordinal);

            var second = await commissioner.Browser.GetAsync("/commissioning/waits?page=2");
            Assert.Equal(3, second.Document.QuerySelectorAll("#services-table tbody tr").Length);
            Assert.StartsWith($"Page 2 of 2: services {WaitsReport.ServicesPerPage + 1} to {count} of {count}", second.Text("#services-page"), StringComparison.Ordinal);
            Assert.Equal("/commissioning/waits#by-service", second.Document.QuerySelector("#first-page")!.GetAttribute("href"));
            Assert.Null(second.Document.QuerySelector("#next-page"));
            // The figures by area are the whole areas' on every page.
            Assert.Equal(first.Document.QuerySelector("#outcomes-table")!.OuterHtml, second.Document.QuerySelector("#outcomes-table")!.OuterHtml);

            // Out of range or not a number: the nearest page there is, never an error.
            Assert.StartsWith("Page 2 of 2", (await commissioner.Browser.GetAsync("/commissioning/waits?page=99")).Text("#services-page"), StringComparison.Ordinal);
            Assert.StartsWith("Page 1 of 2", (await commissioner.Browser.GetAsync("/commissioning/waits?page=abc")).Text("#services-page"), StringComparison.Ordinal);
            Assert.StartsWith("Page 1 of 2", (await commissioner.Browser.GetAsync("/commissioning/waits?page=-3")).Text("#services-page"), StringComparison.Ordinal);

            var csv = WaitsTests.ParseCsv(await commissioner.Browser.Client.GetStringAsync("/commissioning/waits?handler=csv"));
            Assert.Equal(count, csv.Where(r => r[0] == "service").Select(r => r[1]).Distinct().Count());
        }

        // Worked out on the spot, then from the snapshot, the same.
        await CheckAsync();
        await using (var db = app.OpenDb())
        {
            await new CommissioningSnapshots(db, app.Services.GetRequiredService<TimeProvider>()).RefreshAsync();
            Assert.Equal(2, await db.CommissioningSnapshots.CountAsync(s => s.Key.Contains("#services:")));
        }
        await CheckAsync();
    }

    private static string Json(WaitsReport report) => JsonSerializer.Serialize(new { Head = report.ToSnapshot(), Services = report.ServicePages() });
}
