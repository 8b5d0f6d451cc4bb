using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Commissioning;
using Waymark.Core.Directory;
using Waymark.Core.Referrals;
using Waymark.Tests.Core.Commissioning;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Commissioning;

/// <summary>The app on a clock that stands still, so referrals seeded at known times have known waits.</summary>
public sealed class WaitsApp : AccountsApp
{
    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Now)));
    }
}

/// <summary>/commissioning/waits: waits and outcomes of referrals by area and service, small counts hidden.</summary>
public sealed class WaitsTests
{
    private const string Note = "Quentin Marchbanks rang about his housing 5521";

    [Fact]
    public async Task Waits_show_median_and_quartiles_from_8_referrals_and_outcomes_by_reason_with_small_counts_hidden()
    {
        using var app = new WaitsApp();
        var referrer = await app.AddUserAsync(Roles.Person);
        var calder = await AddServiceAsync(app, "Calder listening group", "Calderdale");
        var leeds = await AddServiceAsync(app, "Leeds evening group", "Leeds");
        var leedsText = await AddServiceAsync(app, "Leeds text line", "Leeds");
        var bradford = await AddServiceAsync(app, "Bradford walk and talk", "Bradford");
        var seed = new Seeder(app, referrer.UserId);

        // Calderdale: 10 offered after 2, 4, ... 20 days, 8 of them started a day later.
        for (var i = 1; i <= 10; i++)
        {
            await seed.OfferedAsync(calder, 100, offerAfter: 2 * i, startAfter: i <= 8 ? (2 * i) + 1 : null);
        }
        // 3 declined for want of space (a note in the service's own words, which must never reach a commissioner),
        // 9 as not eligible, and 1 from before the fixed list, with no code.
        for (var i = 0; i < 3; i++)
        {
            await seed.DeclinedAsync(calder, 50, ReferralReason.NoCapacity, Note);
        }
        for (var i = 0; i < 9; i++)
        {
            await seed.DeclinedAsync(calder, 50, ReferralReason.NotEligible, null);
        }
        await seed.DeclinedAsync(calder, 50, null, "Old free-text reason");
        // Leeds: 7 offered (too few for a wait), 2 removed from the waiting list as out of touch; 8 never answered.
        for (var i = 1; i <= 7; i++)
        {
            await seed.OfferedAsync(leeds, 90, offerAfter: 30, startAfter: null);
        }
        await seed.RemovedAsync(leeds, 90, ReferralReason.CouldNotContact);
        await seed.RemovedAsync(leeds, 90, ReferralReason.CouldNotContact);
        for (var i = 0; i < 8; i++)
        {
            await seed.SentAsync(leedsText, 30);
        }
        // Outside the 180 days, and outside their areas: neither counts.
        await seed.OfferedAsync(calder, 200, offerAfter: 1, startAfter: null);
        await seed.OfferedAsync(bradford, 20, offerAfter: 1, startAfter: null);
        using var commissioner = await app.SignInAsStaffAsync(Roles.Commissioner, areas: ["Calderdale", "Leeds"]);

        var index = await commissioner.Browser.GetAsync("/commissioning");
        Assert.Equal("/commissioning/waits", index.Document.QuerySelector("#waits-link")?.GetAttribute("href"));
        var page = await commissioner.Browser.GetAsync("/commissioning/waits");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        // 2, 4, ..., 20: median 11, quartiles 6.5 and 15.5 (linear between order statistics).
        Assert.Equal("median 11.0 (middle half 6.5 to 15.5)", page.Text("#waits-table tr[data-code=E08000033] .to-offer"));
        // Started: 3, 5, ..., 17 from exactly 8.
        Assert.Equal("8", page.Text("#waits-table tr[data-code=E08000033] .started"));
        Assert.Equal("median 10.0 (middle half 6.5 to 13.5)", page.Text("#waits-table tr[data-code=E08000033] .to-start"));
        // Leeds: 7 offered is too few for a wait, and its count is small.
        Assert.Equal("fewer than 8", page.Text("#waits-table tr[data-code=E08000035] .offered"));
        Assert.Equal("fewer than 8 referrals: not shown", page.Text("#waits-table tr[data-code=E08000035] .to-offer"));
        Assert.Equal("17", page.Text("#waits-table tr[data-code=all] .offered"));
        // Secondary suppression: with Leeds's 7 hidden, Calderdale's 10 beside the total of 17 would give it away.
        Assert.Equal("not shown", page.Text("#waits-table tr[data-code=E08000033] .offered"));
        Assert.NotNull(page.Document.QuerySelector("svg#offer-boxes"));
        Assert.Equal(3, page.Document.QuerySelectorAll("svg#offer-boxes g.box").Length);

        string Cell(string measure, string code) => page.Text($"#outcomes-table tr[data-measure={measure}] td[data-code={code}]");
        Assert.Equal("23", Cell("referrals", "E08000033"));
        // 10 accepted of 23: 43%, Wilson 95% interval 26% to 63%.
        Assert.Equal("10 (43%, 26% to 63%)", Cell("accepted", "E08000033"));
        Assert.StartsWith("13 (57%", Cell("declined", "E08000033"), StringComparison.Ordinal);
        Assert.Equal("fewer than 8", Cell("declined_no_capacity", "E08000033"));
        Assert.Equal("fewer than 8", Cell("declined_not_recorded", "E08000033"));
        Assert.StartsWith("9 (39%", Cell("declined_not_eligible", "E08000033"), StringComparison.Ordinal);
        Assert.Equal("fewer than 8", Cell("removed_could_not_contact", "E08000035"));
        Assert.StartsWith("8 (47%", Cell("not_answered_in_time", "E08000035"), StringComparison.Ordinal);
        Assert.Equal("0 (0%, 0% to 14%)", Cell("not_answered_in_time", "E08000033"));
        Assert.Equal("Calder listening group", page.Document.QuerySelector("#services-table tbody tr th")?.FirstChild?.TextContent.Trim());
        Assert.DoesNotContain(Note, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Old free-text reason", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bradford walk and talk", page.Html, StringComparison.Ordinal);
        Assert.Equal("1", page.Text("#listings-table tr[data-code=E08000033] .active"));

        var csvResponse = await commissioner.Browser.Client.GetAsync("/commissioning/waits?handler=csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = await csvResponse.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Note, csv, StringComparison.Ordinal);
        var rows = ParseCsv(csv);
        Assert.Equal("row_kind", rows[0][0].TrimStart('\uFEFF'));
        Assert.Contains(rows, r => r[0] == "authority" && r[1] == "E08000033" && r[6] == "days_to_offer" && r[14] == "11.0" && r[13] == "6.5" && r[15] == "15.5");
        Assert.Contains(rows, r => r[1] == "E08000033" && r[6] == "declined_no_capacity" && r[8] == "fewer than 8");
        Assert.Contains(rows, r => r[4] == UkDate(app.Now.AddDays(-180)) && r[5] == UkDate(app.Now));

        // Each service's reasons are on the page too, figure for figure as in the CSV (the same suppression made both).
        var reasonCells = 0;
        foreach (var row in rows.Where(r => r[0] == "service" && (r[6].StartsWith("declined_", StringComparison.Ordinal) || r[6].StartsWith("removed_", StringComparison.Ordinal))))
        {
            var table = row[6].StartsWith("declined_", StringComparison.Ordinal) ? "#declined-reasons-table" : "#removed-reasons-table";
            Assert.Equal(row[8], page.Text($"{table} tr[data-service='{row[1]}'] td[data-measure={row[6]}]"));
            reasonCells++;
        }
        Assert.Equal(3 * (WaitsReport.DeclineReasons.Count + WaitsReport.RemovalReasons.Count), reasonCells);
        Assert.Equal("9", page.Text($"#declined-reasons-table tr[data-service='{calder.Service}'] td[data-measure=declined_not_eligible]"));
        Assert.Equal("fewer than 8", page.Text($"#declined-reasons-table tr[data-service='{calder.Service}'] td[data-measure=declined_no_capacity]"));
        Assert.Equal("fewer than 8", page.Text($"#removed-reasons-table tr[data-service='{leeds.Service}'] td[data-measure=removed_could_not_contact]"));
        Assert.Equal("13", page.Text($"#declined-reasons-table tr[data-service='{calder.Service}'] td[data-measure=declined]"));

        // The reader's attack: take every published count, every sum they know holds, and try to pin a hidden one down.
        Assert.Empty(AttackFromCsv(rows));
    }

    [Fact]
    public async Task The_services_behind_an_areas_waits_download_as_ORUK_only_for_the_commissioners_areas_and_audited()
    {
        using var app = new WaitsApp();
        var referrer = await app.AddUserAsync(Roles.Person);
        var calder = await AddServiceAsync(app, "Calder listening group", "Calderdale");
        var leeds = await AddServiceAsync(app, "Leeds evening group", "Leeds");
        var leedsText = await AddServiceAsync(app, "Leeds text line", "Leeds");
        var leedsQuiet = await AddServiceAsync(app, "Leeds quiet room", "Leeds");
        var bradford = await AddServiceAsync(app, "Bradford walk and talk", "Bradford");
        var seed = new Seeder(app, referrer.UserId);
        await seed.DeclinedAsync(calder, 10, ReferralReason.NoCapacity, Note);
        await seed.SentAsync(leeds, 10);
        await seed.SentAsync(leedsText, 10);
        await seed.SentAsync(bradford, 10);
        // Made before the 180 days: the quiet room is in no figure.
        await seed.SentAsync(leedsQuiet, 200);
        using var commissioner = await app.SignInAsStaffAsync(Roles.Commissioner, areas: ["Calderdale", "Leeds"]);

        var page = await commissioner.Browser.GetAsync("/commissioning/waits");
        Assert.Equal("/commissioning/waits?handler=oruk&area=E08000035", page.Document.QuerySelector("#waits-table tr[data-code=E08000035] a.oruk")?.GetAttribute("href"));
        Assert.Equal($"/commissioning/waits?handler=oruk&service={leeds.Service}", page.Document.QuerySelector($"#services-table tr[data-service='{leeds.Service}'] a.oruk")?.GetAttribute("href"));

        async Task<List<string?>> IdsAsync(Browser browser, string query)
        {
            var response = await browser.Client.GetAsync("/commissioning/waits?handler=oruk&" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Note, text, StringComparison.Ordinal);
            Assert.DoesNotContain("A navigator", text, StringComparison.Ordinal);
            using var json = System.Text.Json.JsonDocument.Parse(text);
            return [.. json.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()).Order(StringComparer.Ordinal)];
        }
        Assert.Equal(new[] { leeds.Service.ToString(), leedsText.Service.ToString() }.Order(StringComparer.Ordinal), await IdsAsync(commissioner.Browser, "area=E08000035"));
        Assert.Equal([calder.Service.ToString()], await IdsAsync(commissioner.Browser, "area=Calderdale"));
        Assert.Equal([leeds.Service.ToString()], await IdsAsync(commissioner.Browser, $"service={leeds.Service}"));
        // The full ORUK record, as /oruk gives it.
        using (var full = System.Text.Json.JsonDocument.Parse(await commissioner.Browser.Client.GetStringAsync($"/commissioning/waits?handler=oruk&service={leeds.Service}")))
        {
            Assert.Equal("Leeds evening group", full.RootElement[0].GetProperty("name").GetString());
            Assert.True(full.RootElement[0].TryGetProperty("service_areas", out _));
        }

        // Not theirs, in no figure, or nothing at all: nothing to see.
        foreach (var query in new[] { "area=E08000032", $"service={bradford.Service}", $"service={leedsQuiet.Service}", "area=nowhere", "service=not-a-guid", "" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await commissioner.Browser.Client.GetAsync("/commissioning/waits?handler=oruk&" + query)).StatusCode);
        }
        using var other = await app.SignInAsStaffAsync(Roles.Commissioner, areas: ["Bradford"]);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.Client.GetAsync("/commissioning/waits?handler=oruk&area=E08000035")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.Client.GetAsync($"/commissioning/waits?handler=oruk&service={leeds.Service}")).StatusCode);
        Assert.Equal([bradford.Service.ToString()], await IdsAsync(other.Browser, "area=E08000032"));
        using var provider = await app.SignInAsStaffAsync(Roles.ProviderStaff, leeds.Org);
        Assert.NotEqual(HttpStatusCode.OK, (await provider.Browser.Client.GetAsync("/commissioning/waits?handler=oruk&area=E08000035")).StatusCode);

        await using var db = app.OpenDb();
        var audited = await db.AuditEvents.Where(a => a.Action == AuditActions.CommissioningRead && a.ActorId == commissioner.Account.UserId).Select(a => a.Detail).ToListAsync();
        Assert.Contains("waits oruk", audited);
        Assert.Equal(4, audited.Count(d => d == "waits oruk"));
    }

    [Fact]
    public async Task A_commissioner_with_no_referrals_in_their_areas_sees_empty_figures_not_an_error()
    {
        using var app = new WaitsApp();
        using var commissioner = await app.SignInAsStaffAsync(Roles.Commissioner, areas: ["Calderdale"]);

        var page = await commissioner.Browser.GetAsync("/commissioning/waits");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("#no-services"));
        Assert.Equal("0", page.Text("#outcomes-table tr[data-measure=referrals] td[data-code=E08000033]"));
        await using var db = app.OpenDb();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.CommissioningRead && a.Detail == "waits"));
    }

    private static string UkDate(DateTimeOffset at) => Waymark.Core.Schedules.UkTime.DateOf(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every figure of the CSV that is a count, the sums a reader knows hold between them, and what they can recover.</summary>
    private static List<(int Figure, long Value)> AttackFromCsv(List<string[]> rows)
    {
        var counts = rows.Skip(1).Where(r => r[8].Length > 0 && !r[6].StartsWith("listings", StringComparison.Ordinal)).ToList();
        var index = counts.Select((r, i) => (Key: (r[0], r[1], r[6]), i)).ToDictionary(p => p.Key, p => p.i);
        var figures = counts.Select(r => long.TryParse(r[8], out var v) ? v : 0).ToArray();
        var hidden = counts.Select(r => r[8] switch { "fewer than 8" => Hidden.Small, "not shown" => Hidden.Secondary, _ => Hidden.Shown }).ToArray();
        var sums = new List<int[]>();
        var entities = counts.Select(r => (r[0], r[1])).Distinct().ToList();
        var measures = counts.Select(r => r[6]).Distinct().ToList();
        foreach (var (kind, code) in entities)
        {
            int I(string m) => index[(kind, code, m)];
            sums.Add([I("accepted"), I("declined"), I("no_answer"), I("referrals")]);
            sums.Add([.. measures.Where(m => m.StartsWith("declined_", StringComparison.Ordinal)).Select(I), I("declined")]);
            sums.Add([.. measures.Where(m => m.StartsWith("removed_", StringComparison.Ordinal)).Select(I), I("removed")]);
        }
        // Each service works in one area here, named on its own page; all the areas is every service.
        var services = entities.Where(e => e.Item1 == "service").ToList();
        foreach (var m in measures)
        {
            sums.Add([index[("service", services[0].Item2, m)], index[("authority", "E08000033", m)]]);
            sums.Add([index[("service", services[1].Item2, m)], index[("service", services[2].Item2, m)], index[("authority", "E08000035", m)]]);
            sums.Add([.. services.Select(s => index[("service", s.Item2, m)]), index[("all", "all", m)]]);
        }
        Assert.Contains(Hidden.Small, hidden);
        return SuppressionAttack.Recover(figures, hidden, sums, figures.Max());
    }

    internal static List<string[]> ParseCsv(string csv)
    {
        var rows = new List<string[]>();
        foreach (var line in csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = new List<string>();
            var sb = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted)
                {
                    fields.Add(sb.ToString());
                    sb.Clear();
                }
                else
                {
                    sb.Append(c);
                }
            }
            fields.Add(sb.ToString());
            rows.Add([.. fields]);
        }
        return rows;
    }

    internal static async Task<(Guid Service, Guid Org)> AddServiceAsync(WaymarkApp app, string name, string area)
    {
        var service = new ServiceBuilder(name).Build();
        service.ServiceAreas = [new ServiceArea { Id = Guid.NewGuid(), ServiceId = service.Id, Name = area, ExtentType = "local_authority" }];
        service.AssuredDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10));
        await using var db = app.OpenDb();
        db.Services.Add(service);
        await db.SaveChangesAsync();
        return (service.Id, service.OrganizationId!.Value);
    }

    /// <summary>Referrals moved through their states at known times before the app's now, by the Core rules.</summary>
    internal sealed class Seeder(WaitsApp app, Guid referrerId)
    {
        private ReferralActor Referrer => new(referrerId, "A navigator", ReferralParty.Referrer);

        private ReferralActor Staff => new(referrerId, "Staff", ReferralParty.Organisation);

        public Task OfferedAsync((Guid Service, Guid Org) s, int daysAgo, double offerAfter, double? startAfter) => SaveAsync(s, daysAgo,
        [
            (ReferralStatus.Opened, 0.1, null, null), (ReferralStatus.Accepted, 0.2, null, null), (ReferralStatus.OnWaitingList, 0.3, null, null),
            (ReferralStatus.Offered, offerAfter, null, null),
            .. startAfter is { } start ? new[] { (ReferralStatus.Started, start, (ReferralReason?)null, (string?)null) } : [],
        ]);

        public Task DeclinedAsync((Guid Service, Guid Org) s, int daysAgo, ReferralReason? code, string? note) =>
            SaveAsync(s, daysAgo, [(ReferralStatus.Opened, 0.1, null, null), (ReferralStatus.Declined, 1, code ?? ReferralReason.Other, note)], clearCode: code is null);

        public Task RemovedAsync((Guid Service, Guid Org) s, int daysAgo, ReferralReason code) => SaveAsync(s, daysAgo,
            [(ReferralStatus.Opened, 0.1, null, null), (ReferralStatus.Accepted, 0.2, null, null), (ReferralStatus.OnWaitingList, 0.3, null, null), (ReferralStatus.RemovedFromWaitingList, 20, code, null)]);

        public Task SentAsync((Guid Service, Guid Org) s, int daysAgo) => SaveAsync(s, daysAgo, []);

        private async Task SaveAsync((Guid Service, Guid Org) s, int daysAgo, (ReferralStatus To, double After, ReferralReason? Code, string? Note)[] steps, bool clearCode = false)
        {
            var sent = app.Now.AddDays(-daysAgo);
            var referral = Referral.Create(s.Service, s.Org, null, Referrer, ContactPreference.None, null, new FixedClock(sent));
            foreach (var step in steps)
            {
                referral.MoveTo(step.To, Staff, step.Code, step.Note, new FixedClock(sent.AddDays(step.After)));
            }
            await using var db = app.OpenDb();
            db.Referrals.Add(referral);
            await db.SaveChangesAsync();
            if (clearCode)
            {
                // As an event saved before reasons had codes.
                await db.ReferralEvents.Where(e => e.ReferralId == referral.Id && e.To == ReferralStatus.Declined)
                    .ExecuteUpdateAsync(x => x.SetProperty(e => e.ReasonCode, (ReferralReason?)null));
            }
        }
    }
}
