using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.Matching;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Provider;

public sealed class ServiceEditTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static List<KeyValuePair<string, string>> ValidForm(string name = "Tuesday evening peer group") =>
    [
        new("Input.Name", name),
        new("Input.Description", "A small group for adults who self-harm, run by people who have been there."),
        new("Input.Status", "active"),
        new("Input.MinimumAge", "18"),
        new("Input.MaximumAge", ""),
        new("Input.Phone", "01422 000001"),
        new("Input.Email", "group@example.org"),
        new("Input.SessionMinutes", "90"),
        new("Input.Sessions", "ongoing"),
        new("Input.Frequency", "weekly"),
        new("Input.FirstContact", "Just turn up; someone will say hello at the door."),
        new("Input.TypicalWaitDays", "0"),
        new("Input.Terms", "format:group"),
        new("Input.Terms", "delivered-by:peer"),
        new("Input.Terms", "access:no-referral"),
    ];

    [Fact]
    public async Task Saving_changes_redirects_with_a_banner_records_history_and_tells_search()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        var patched = index.Patches;
        var url = $"/provider/services/{service.Id}";

        var saved = await staff.Browser.SubmitAsync(url, ValidForm("Tuesday evening peer support group"), formAction: null);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal(url, saved.RedirectPath);
        var after = await staff.Browser.GetAsync(url);
        Assert.Contains("Your changes are saved", after.Text("#success-banner"), StringComparison.Ordinal);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (index.Patches == patched && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }
        Assert.True(index.Patches > patched, "search was not patched");

        await using var db = app.OpenDb();
        var stored = await db.Services.Include(s => s.Attributes).Include(s => s.Contacts).ThenInclude(c => c.Phones).SingleAsync(s => s.Id == service.Id);
        Assert.Equal("Tuesday evening peer support group", stored.Name);
        Assert.Equal(18m, stored.MinimumAge);
        Assert.Equal("01422 000001", stored.Contacts.Single().Phones.Single().Number);
        Assert.True(stored.LastModified > DateTimeOffset.UtcNow.AddMinutes(-1));
        var codes = stored.Attributes.Select(a => Vocabulary.ById[a.TaxonomyTermId].Code + (a.Value is null ? "" : "=" + a.Value)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["access:no-referral", "delivered-by:peer", "expect:first-contact=Just turn up; someone will say hello at the door.", "expect:frequency=weekly",
            "expect:session-minutes=90", "expect:sessions=ongoing", "expect:typical-wait-days=0", "format:group"], codes);

        var history = await db.Metadata.Where(m => m.ResourceId == service.Id).ToListAsync();
        var name = Assert.Single(history, h => h.FieldName == "name");
        Assert.Equal("Tuesday evening peer group", name.PreviousValue);
        Assert.Equal("Tuesday evening peer support group", name.ReplacementValue);
        Assert.Equal(MetadataActions.Update, name.LastActionType);
        Assert.Equal(staff.Account.Email, name.UpdatedBy);
        Assert.Equal("service", name.ResourceType);
        Assert.Contains(history, h => h.FieldName == "phone" && h.PreviousValue == "01422 000000" && h.ReplacementValue == "01422 000001");
        Assert.DoesNotContain(history, h => h.FieldName == "email");

        // The history is shown on the listing's editor page.
        Assert.Contains(after.Document.QuerySelectorAll("#history-list dd"), dd => dd.TextContent == "Tuesday evening peer support group");
    }

    [Fact]
    public async Task Invalid_input_shows_the_form_again_with_400_an_error_summary_and_saves_nothing()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var form = ValidForm("");
        form.RemoveAll(f => f.Key is "Input.MinimumAge" or "Input.MaximumAge" or "Input.Email" or "Input.SessionMinutes");
        form.AddRange([new("Input.MinimumAge", "40"), new("Input.MaximumAge", "25"), new("Input.Email", "not an email"), new("Input.SessionMinutes", "an hour"), new("Input.Terms", "made:up")]);

        var page = await staff.Browser.SubmitAsync($"/provider/services/{service.Id}", form);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["#Input_Name", "#Input_MaximumAge", "#Input_Email", "#Input_SessionMinutes", "#Input_Terms"], page.ErrorSummaryLinks());
        Assert.Equal("Enter the name of the service", page.ErrorSummary()[0]);
        Assert.NotNull(page.Document.QuerySelector("#Input_Name-error"));
        Assert.Contains("form-group--error", page.Document.QuerySelector("#Input_Name")!.ParentElement!.ClassName, StringComparison.Ordinal);
        Assert.Equal("not an email", page.Document.QuerySelector("#Input_Email")!.GetAttribute("value"));
        foreach (var href in page.ErrorSummaryLinks())
        {
            Assert.NotNull(page.Document.QuerySelector(href));
        }

        await using var db = app.OpenDb();
        var stored = await db.Services.SingleAsync(s => s.Id == service.Id);
        Assert.Equal(service.Name, stored.Name);
        Assert.Null(stored.MinimumAge);
        Assert.False(await db.Metadata.AnyAsync(m => m.ResourceId == service.Id));
    }

    [Fact]
    public async Task Ive_checked_this_listing_sets_the_assured_date_to_today_and_who_checked()
    {
        var (org, service, _) = await app.AddOrganisationAsync(assured: new DateOnly(2025, 1, 1));
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var url = $"/provider/services/{service.Id}";
        var dashboard = await staff.Browser.GetAsync("/provider");
        Assert.NotNull(dashboard.Document.QuerySelector("#needs-checking"));

        var page = await staff.Browser.SubmitAsync(url, [], formAction: $"{url}?handler=Check");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        await using var db = app.OpenDb();
        var stored = await db.Services.SingleAsync(s => s.Id == service.Id);
        Assert.Equal(ListingFreshness.UkToday(TimeProvider.System), stored.AssuredDate);
        // Who checked is in the provider's own history; the published assurer is the listing's contact, never them.
        Assert.Equal(service.Email, stored.AssurerEmail);
        var row = await db.Metadata.SingleAsync(m => m.ResourceId == service.Id);
        Assert.Equal((MetadataActions.Verify, "assured_date", "2025-01-01", staff.Account.Email), (row.LastActionType, row.FieldName, row.PreviousValue, row.UpdatedBy));
        Assert.Null((await staff.Browser.GetAsync("/provider")).Document.QuerySelector("#needs-checking"));

        // Checking again the same day still records who checked.
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.SubmitAsync(url, [], formAction: $"{url}?handler=Check")).Status);
        Assert.Equal(2, await db.Metadata.CountAsync(m => m.ResourceId == service.Id && m.LastActionType == MetadataActions.Verify));
    }

    [Fact]
    public async Task A_service_can_be_marked_temporarily_closed_until_a_date_and_reopened()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var url = $"/provider/services/{service.Id}";
        var until = ListingFreshness.UkToday(TimeProvider.System).AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var closed = await staff.Browser.SubmitAsync(url, [new("Notice.Kind", ServiceNoticeKinds.TemporarilyClosed), new("Notice.Until", until)], formAction: $"{url}?handler=Notice");
        Assert.Equal(HttpStatusCode.Redirect, closed.Status);
        await using (var db = app.OpenDb())
        {
            Assert.Equal(ServiceStatus.TemporarilyClosed, (await db.Services.SingleAsync(s => s.Id == service.Id)).Status);
            Assert.Equal(until, (await db.ServiceNotices.SingleAsync(n => n.ServiceId == service.Id)).Until?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        var editor = await staff.Browser.GetAsync(url);
        Assert.Contains("Temporarily closed", editor.Text(".notice[data-kind=temporarily-closed]"), StringComparison.Ordinal);
        var reopened = await staff.Browser.SubmitAsync(url, [new("kind", ServiceNoticeKinds.TemporarilyClosed)], formAction: $"{url}?handler=EndNotice");
        Assert.Equal(HttpStatusCode.Redirect, reopened.Status);
        await using (var db = app.OpenDb())
        {
            Assert.Equal(ServiceStatus.Active, (await db.Services.SingleAsync(s => s.Id == service.Id)).Status);
            Assert.False(await db.ServiceNotices.AnyAsync(n => n.ServiceId == service.Id));
            Assert.Contains(await db.Metadata.Where(m => m.ResourceId == service.Id && m.FieldName == "status").Select(m => m.ReplacementValue).ToListAsync(), v => v == ServiceStatus.TemporarilyClosed);
        }
    }

    [Fact]
    public async Task Not_taking_referrals_needs_a_real_future_date_if_one_is_given()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var url = $"/provider/services/{service.Id}";
        var page = await staff.Browser.SubmitAsync(url, [new("Notice.Kind", ServiceNoticeKinds.NotTakingReferrals), new("Notice.Until", "2001-01-01")], formAction: $"{url}?handler=Notice");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["#Notice_Until"], page.ErrorSummaryLinks());
        await using var db = app.OpenDb();
        Assert.False(await db.ServiceNotices.AnyAsync(n => n.ServiceId == service.Id));
    }

    [Fact]
    public async Task The_preview_reads_like_the_public_listing()
    {
        var (org, service, _) = await app.AddOrganisationAsync(assured: ListingFreshness.UkToday(TimeProvider.System).AddMonths(-7));
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var page = await staff.Browser.GetAsync($"/provider/services/{service.Id}/preview");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var text = page.Text("#preview");
        Assert.Contains("Last checked 7 months ago", text, StringComparison.Ordinal);
        Assert.Contains("Tuesday 18:00 to 20:00", text, StringComparison.Ordinal);
        Assert.Contains("HX1 1QG", text, StringComparison.Ordinal);
    }
}
