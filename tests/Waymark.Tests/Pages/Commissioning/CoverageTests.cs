using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Commissioning;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Commissioning;

/// <summary>/commissioning through HTTP: coverage by authority and kind beside deprivation, CSV and ORUK, audited.</summary>
public sealed class CoverageTests
{
    [Fact]
    public async Task Coverage_counts_services_where_they_are_and_national_remote_ones_apart()
    {
        using var app = new AccountsApp();
        // A Calderdale venue (HX1) open to all: a Tuesday evening group.
        var (_, calderdale, _) = await app.AddOrganisationAsync("Calder Peer Support");
        // Limited to Leeds, no venue: one-to-one by phone, refer yourself.
        var leeds = await AddServiceAsync(app, "Leeds listening line", ["format:one-to-one", "delivery:phone", "access:self-referral"], area: "Leeds");
        // Open to all with no venue: national and remote.
        await AddServiceAsync(app, "Text line", ["delivery:text"], area: null);
        using var commissioner = await app.SignInAsStaffAsync(Roles.Commissioner, areas: ["Calderdale", "Leeds"]);

        var page = await commissioner.Browser.GetAsync("/commissioning");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Your areas: Calderdale, Leeds.", page.Text("#your-areas"));
        var adults = ReferenceData.For(LocalAuthorities.Find("Calderdale")!)!.AdultsMid2020!.Value;
        var calderdaleRow = page.Document.QuerySelector("#coverage-table-E12000003 tr[data-code=E08000033]")!;
        Assert.Equal("1", calderdaleRow.QuerySelector(".services")!.TextContent.Trim());
        var ci = ConfidenceIntervals.Rate(1, adults);
        Assert.Equal($"{ci.Rate:0.0} ({ci.Interval.Lower:0.0} to {ci.Interval.Upper:0.0})", calderdaleRow.QuerySelector(".rate")!.TextContent.Trim());
        Assert.Equal("1", page.Text("#coverage-table-E12000003 tr[data-code=E08000035] .services"));
        Assert.Equal("0", page.Text("#coverage-table-E12000003 tr[data-code=E08000032] .services"));
        Assert.Equal("1", page.Text("#national-remote-E12000003 strong"));
        Assert.StartsWith("1:", page.Text("#kinds-table-E12000003 tr[data-kind=groups] td[data-code=E08000033]"), StringComparison.Ordinal);
        Assert.StartsWith("1:", page.Text("#kinds-table-E12000003 tr[data-kind=evenings-weekends] td[data-code=E08000033]"), StringComparison.Ordinal);
        Assert.StartsWith("0:", page.Text("#kinds-table-E12000003 tr[data-kind=groups] td[data-code=E08000035]"), StringComparison.Ordinal);
        Assert.StartsWith("1:", page.Text("#kinds-table-E12000003 tr[data-kind=one-to-one] td[data-code=E08000035]"), StringComparison.Ordinal);
        Assert.StartsWith("1:", page.Text("#kinds-table-E12000003 tr[data-kind=self-referral] td[data-code=E08000035]"), StringComparison.Ordinal);
        // Deprivation beside it: Hull is 14th most deprived of 296 districts.
        Assert.Equal("14", page.Text("#coverage-table-E12000003 tr[data-code=E06000010] .rank"));
        // The pictures: a tile per authority, bars, no script.
        Assert.Equal(15, page.Document.QuerySelectorAll("#tile-map-E12000003 g[data-code]").Length);
        Assert.NotNull(page.Document.QuerySelector("#coverage-bars-E12000003"));
        Assert.Empty(page.Document.QuerySelectorAll("main script"));

        await using var db = app.OpenDb();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ActorId == commissioner.Account.UserId && e.Action == AuditActions.CommissioningRead));

        var oruk = await commissioner.Browser.Client.GetAsync("/commissioning?handler=oruk&area=E08000033&kind=groups");
        Assert.Equal(HttpStatusCode.OK, oruk.StatusCode);
        using var json = JsonDocument.Parse(await oruk.Content.ReadAsStringAsync());
        Assert.Equal([calderdale.Id.ToString()], json.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        var leedsOruk = JsonDocument.Parse(await commissioner.Browser.Client.GetStringAsync("/commissioning?handler=oruk&area=Leeds"));
        Assert.Equal([leeds.ToString()], leedsOruk.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        // Not one of their areas: nothing to see.
        Assert.Equal(HttpStatusCode.NotFound, (await commissioner.Browser.Client.GetAsync("/commissioning?handler=oruk&area=E08000032")).StatusCode);
    }

    [Fact]
    public async Task Coverage_downloads_as_UTF8_CSV_with_codes_names_and_an_ISO_date()
    {
        using var app = new AccountsApp();
        await app.AddOrganisationAsync();
        using var commissioner = await app.SignInAsStaffAsync(Roles.Commissioner, areas: ["E12000003"]);

        var response = await commissioner.Browser.Client.GetAsync("/commissioning?handler=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("region_code,area_code,area_name,", lines[0], StringComparison.Ordinal);
        // 15 authorities × (all + 10 kinds).
        Assert.Equal(1 + (15 * 11), lines.Length);
        var calderdale = lines.Single(l => l.Contains("E08000033,Calderdale,yes,", StringComparison.Ordinal) && l.Contains(",all,", StringComparison.Ordinal));
        Assert.Matches(@",all,1,[0-9.]+,[0-9.]+,[0-9.]+,\d{4}-\d{2}-\d{2},", calderdale);
    }

    [Fact]
    public async Task Other_staff_and_people_cannot_open_it()
    {
        using var app = new AccountsApp();
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var anonymous = Browser.For(app);

        var asNavigator = await navigator.Browser.GetAsync("/commissioning");
        var asAnonymous = await anonymous.GetAsync("/commissioning");

        Assert.Equal(HttpStatusCode.Redirect, asNavigator.Status);
        Assert.StartsWith("/account/access-denied", asNavigator.RedirectPath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, asAnonymous.Status);
        Assert.StartsWith("/account/sign-in", asAnonymous.RedirectPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commissioner_account_needs_areas_Waymark_knows_and_a_region_stands_for_its_authorities()
    {
        using var app = new AccountsApp();

        var none = await Assert.ThrowsAsync<AccountException>(() => app.AddUserAsync(Roles.Commissioner));
        var unknown = await Assert.ThrowsAsync<AccountException>(() => app.AddUserAsync(Roles.Commissioner, areas: ["Atlantis"]));
        var notCommissioner = await Assert.ThrowsAsync<AccountException>(() => app.AddUserAsync(Roles.Navigator, areas: ["Leeds"]));
        var region = await app.AddUserAsync(Roles.Commissioner, areas: ["Yorkshire and the Humber"]);
        var oldCode = await app.AddUserAsync(Roles.Commissioner, areas: ["E08000016"]);

        Assert.Contains("--area", none.Message, StringComparison.Ordinal);
        Assert.Contains("'Atlantis'", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("Only a commissioner", notCommissioner.Message, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(15, (await CommissionerAreas.ForUserAsync(db, region.UserId)).Count);
        Assert.Equal(["E08000038"], (await CommissionerAreas.ForUserAsync(db, oldCode.UserId)).Select(a => a.Code));
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.AreasAdded));
    }

    private static async Task<Guid> AddServiceAsync(AccountsApp app, string name, string[] codes, string? area)
    {
        var (org, _, _) = await app.AddOrganisationAsync(name + " organisation");
        var service = new Service
        {
            Id = Guid.NewGuid(),
            OrganizationId = org.Id,
            Name = name,
            Description = "A service for adults who self-harm.",
            AssuredDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)),
            LastModified = DateTimeOffset.UtcNow.AddDays(-10),
            Attributes = [.. codes.Select(c => new ServiceAttribute { Id = Guid.NewGuid(), TaxonomyTermId = Vocabulary.TermId(c) })],
            ServiceAreas = area is null ? [] : [new ServiceArea { Id = Guid.NewGuid(), Name = area, ExtentType = "local_authority" }],
        };
        await using var db = app.OpenDb();
        // The organisation's own starter service is not wanted here: closed services are not counted.
        await db.Services.Where(s => s.OrganizationId == org.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, ServiceStatus.Defunct));
        db.Services.Add(service);
        await db.SaveChangesAsync();
        return service.Id;
    }
}
