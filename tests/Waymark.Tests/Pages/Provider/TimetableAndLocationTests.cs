using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Provider;

public sealed class TimetableAndLocationTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task Add_another_time_adds_a_row_without_saving_anything()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var url = $"/provider/services/{service.Id}/timetable";
        var form = await staff.Browser.GetAsync(url);
        Assert.Equal(2, form.Document.QuerySelectorAll(".timetable-row").Length);

        var more = await staff.Browser.PostAsync(url + "?handler=AddRow", form.AntiforgeryToken(),
            [new("Rows[0].Days", "TU"), new("Rows[0].Opens", "18:00"), new("Rows[0].Closes", "20:00"), new("Rows[1].Days", "TH")]);

        Assert.Equal(HttpStatusCode.OK, more.Status);
        Assert.Equal(3, more.Document.QuerySelectorAll(".timetable-row").Length);
        Assert.True(more.Document.QuerySelector("#Rows_1__Days-TH") is null
            ? more.Document.QuerySelector("#Rows_1__Days")!.HasAttribute("checked") == false
            : more.Document.QuerySelector("#Rows_1__Days-TH")!.HasAttribute("checked"));
        await using var db = app.OpenDb();
        Assert.False(await db.Metadata.AnyAsync(m => m.ResourceId == service.Id));
    }

    [Fact]
    public async Task Saving_the_timetable_writes_weekly_schedules_and_history()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var url = $"/provider/services/{service.Id}/timetable";
        var saved = await staff.Browser.SubmitAsync(url,
        [
            new("Rows[0].Days", "MO"), new("Rows[0].Days", "WE"), new("Rows[0].Opens", "09:30"), new("Rows[0].Closes", "17:00"),
            new("Rows[1].Days", "FR"), new("Rows[1].Opens", "22:00"), new("Rows[1].Closes", "02:00"),
            new("Rows[2].Opens", ""), new("Rows[2].Closes", ""),
            new("ClosedOnBankHolidays", "true"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal($"/provider/services/{service.Id}", saved.RedirectPath);
        await using var db = app.OpenDb();
        var stored = await db.Services.Include(s => s.Schedules).Include(s => s.Attributes).SingleAsync(s => s.Id == service.Id);
        Assert.Equal("FR 22:00-02:00; MO,WE 09:30-17:00", ListingHistory.Timetable(stored.Schedules));
        Assert.All(stored.Schedules, s => Assert.Equal("WEEKLY", s.Freq));
        Assert.Contains(stored.Attributes, a => a.TaxonomyTermId == Vocabulary.TermId("schedule:closed-bank-holidays"));
        var row = await db.Metadata.SingleAsync(m => m.ResourceId == service.Id && m.FieldName == "schedules");
        Assert.Equal(("TU 18:00-20:00", "FR 22:00-02:00; MO,WE 09:30-17:00"), (row.PreviousValue, row.ReplacementValue));
    }

    [Fact]
    public async Task A_timetable_row_without_days_or_with_a_bad_time_is_refused()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var page = await staff.Browser.SubmitAsync($"/provider/services/{service.Id}/timetable",
            [new("Rows[0].Opens", "09:00"), new("Rows[0].Closes", "17:00"), new("Rows[1].Days", "SA"), new("Rows[1].Opens", "25:00"), new("Rows[1].Closes", "12:00")]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["#Rows_0__Days", "#Rows_1__Opens"], page.ErrorSummaryLinks());
        foreach (var href in page.ErrorSummaryLinks())
        {
            Assert.NotNull(page.Document.QuerySelector(href));
        }
        await using var db = app.OpenDb();
        Assert.Equal("TU 18:00-20:00", ListingHistory.Timetable((await db.Services.Include(s => s.Schedules).SingleAsync(s => s.Id == service.Id)).Schedules));
    }

    [Fact]
    public async Task A_location_can_be_moved_and_its_history_shows_on_the_service()
    {
        var (org, service, location) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var url = $"/provider/services/{service.Id}/locations/{location.Id}";
        var saved = await staff.Browser.SubmitAsync(url,
            [new("Input.Name", "Halifax Library"), new("Input.Address1", "Square Road"), new("Input.City", "Halifax"), new("Input.Postcode", "hx11qe"), new("Input.Latitude", ""), new("Input.Longitude", "")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using var db = app.OpenDb();
        var stored = await db.Locations.Include(l => l.Addresses).SingleAsync(l => l.Id == location.Id);
        Assert.Equal(("Halifax Library", "HX1 1QE", (double?)null), (stored.Name, stored.Addresses[0].PostalCode, stored.Latitude));
        Assert.Contains(await db.Metadata.Where(m => m.ResourceId == location.Id).ToListAsync(), m => m.ResourceType == "location" && m.FieldName == "postal_code" && m.PreviousValue == "HX1 1QG");
        var editor = await staff.Browser.GetAsync($"/provider/services/{service.Id}");
        Assert.Contains(editor.Document.QuerySelectorAll("#history-list dd"), dd => dd.TextContent == "HX1 1QE");
    }

    [Fact]
    public async Task A_bad_postcode_and_half_a_position_are_refused()
    {
        var (org, service, location) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var page = await staff.Browser.SubmitAsync($"/provider/services/{service.Id}/locations/{location.Id}",
            [new("Input.Address1", "Square Road"), new("Input.City", "Halifax"), new("Input.Postcode", "HALIFAX"), new("Input.Latitude", "53.7"), new("Input.Longitude", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["#Input_Postcode", "#Input_Longitude"], page.ErrorSummaryLinks());
        await using var db = app.OpenDb();
        Assert.Equal("HX1 1QG", (await db.Locations.Include(l => l.Addresses).SingleAsync(l => l.Id == location.Id)).Addresses[0].PostalCode);
    }

    /// <summary>The place form used to allow only one space; it now reads a postcode as search does, spaces and all.</summary>
    [Theory]
    [InlineData("HX1  1QE")]
    [InlineData("H X1 1QE")]
    [InlineData("HX1\t1QE")]
    public async Task A_postcode_is_read_as_search_reads_it_whatever_its_spaces(string typed)
    {
        var (org, service, location) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var saved = await staff.Browser.SubmitAsync($"/provider/services/{service.Id}/locations/{location.Id}",
            [new("Input.Address1", "Square Road"), new("Input.City", "Halifax"), new("Input.Postcode", typed), new("Input.Latitude", ""), new("Input.Longitude", "")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using var db = app.OpenDb();
        Assert.Equal("HX1 1QE", (await db.Locations.Include(l => l.Addresses).SingleAsync(l => l.Id == location.Id)).Addresses[0].PostalCode);
    }

    [Fact]
    public async Task Organisation_details_can_be_changed_with_history()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderAdmin, org.Id);
        var url = $"/provider/organisations/{org.Id}";
        var bad = await staff.Browser.SubmitAsync(url, [new("Input.Name", "Calder Peer Support"), new("Input.Description", "Groups"), new("Input.Website", "calder.example")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["#Input_Website"], bad.ErrorSummaryLinks());

        var good = await staff.Browser.SubmitAsync(url, [new("Input.Name", "Calder Peer Support CIC"), new("Input.Description", "Groups"), new("Input.Website", "https://calder.example")]);
        Assert.Equal(HttpStatusCode.Redirect, good.Status);
        await using var db = app.OpenDb();
        Assert.Equal("Calder Peer Support CIC", (await db.Organizations.SingleAsync(o => o.Id == org.Id)).Name);
        Assert.Contains(await db.Metadata.Where(m => m.ResourceId == org.Id).ToListAsync(), m => m.FieldName == "name" && m.PreviousValue == "Calder Peer Support");
    }
}
