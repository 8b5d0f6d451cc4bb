using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Listings;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Provider;

/// <summary>
/// A provider signed in for one organisation tries every editor route with another organisation's ids:
/// each answers 404, shows nothing of the other organisation, and changes nothing.
/// </summary>
public sealed class CrossOrganisationTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/provider/organisations/{theirOrg}" },
        { "POST", "/provider/organisations/{theirOrg}" },
        { "GET", "/provider/services/{theirService}" },
        { "POST", "/provider/services/{theirService}" },
        { "POST", "/provider/services/{theirService}?handler=Check" },
        { "POST", "/provider/services/{theirService}?handler=Notice" },
        { "POST", "/provider/services/{theirService}?handler=EndNotice&kind=not-taking-referrals" },
        { "GET", "/provider/services/{theirService}/preview" },
        { "GET", "/provider/services/{theirService}/timetable" },
        { "POST", "/provider/services/{theirService}/timetable" },
        { "POST", "/provider/services/{theirService}/timetable?handler=AddRow" },
        { "GET", "/provider/services/{theirService}/locations/{theirLocation}" },
        { "POST", "/provider/services/{theirService}/locations/{theirLocation}" },
        { "GET", "/provider/services/{myService}/locations/{theirLocation}" },
        { "POST", "/provider/services/{myService}/locations/{theirLocation}" },
        { "POST", "/provider?handler=Resolve&reportId={theirReport}" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_organisations_ids_give_404_and_change_nothing(string method, string template)
    {
        var (mine, myService, _) = await app.AddOrganisationAsync("Mine");
        var (theirs, theirService, theirLocation) = await app.AddOrganisationAsync("Theirs Secret Name");
        var reportId = Guid.NewGuid();
        await using (var db = app.OpenDb())
        {
            db.ListingReports.Add(new ListingReport { Id = reportId, ServiceId = theirService.Id, Message = "Wrong phone", ReceivedAt = DateTimeOffset.UtcNow });
            db.ServiceNotices.Add(new ServiceNotice { Id = Guid.NewGuid(), ServiceId = theirService.Id, Kind = ServiceNoticeKinds.NotTakingReferrals, From = new DateOnly(2026, 1, 1), SetBy = "them" });
            await db.SaveChangesAsync();
        }
        var before = await SnapshotAsync(theirs.Id, theirService.Id, theirLocation.Id, reportId);
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderAdmin, mine.Id);
        var url = template.Replace("{theirOrg}", theirs.Id.ToString(), StringComparison.Ordinal)
            .Replace("{theirService}", theirService.Id.ToString(), StringComparison.Ordinal)
            .Replace("{theirLocation}", theirLocation.Id.ToString(), StringComparison.Ordinal)
            .Replace("{myService}", myService.Id.ToString(), StringComparison.Ordinal)
            .Replace("{theirReport}", reportId.ToString(), StringComparison.Ordinal);

        Infrastructure.Page page;
        if (method == "GET")
        {
            page = await staff.Browser.GetAsync(url);
        }
        else
        {
            var token = (await staff.Browser.GetAsync("/provider")).AntiforgeryToken();
            page = await staff.Browser.PostAsync(url, token,
            [
                new("Input.Name", "Taken over"), new("Input.Description", "Changed"), new("Input.Status", "defunct"), new("Input.ResponseWorkingDays", "3"),
                new("Input.Address1", "1 Other Street"), new("Input.City", "Leeds"), new("Input.Postcode", "LS1 1AA"),
                new("Notice.Kind", ServiceNoticeKinds.TemporarilyClosed),
                new("Rows[0].Days", "MO"), new("Rows[0].Opens", "09:00"), new("Rows[0].Closes", "17:00"),
            ]);
        }

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("Theirs Secret Name", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirService.Name, page.Html, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(theirs.Id, theirService.Id, theirLocation.Id, reportId));
    }

    [Fact]
    public async Task The_dashboard_lists_only_the_providers_own_organisations()
    {
        var (mine, myService, _) = await app.AddOrganisationAsync("Mine");
        var (_, theirService, _) = await app.AddOrganisationAsync("Theirs Secret Name");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, mine.Id);
        var page = await staff.Browser.GetAsync("/provider");
        Assert.Contains(page.Document.QuerySelectorAll(".service-row"), r => r.GetAttribute("data-service-id") == myService.Id.ToString());
        Assert.DoesNotContain(page.Document.QuerySelectorAll(".service-row"), r => r.GetAttribute("data-service-id") == theirService.Id.ToString());
        Assert.DoesNotContain("Theirs Secret Name", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_cannot_reach_the_admin_pages()
    {
        var (mine, _, _) = await app.AddOrganisationAsync("Mine");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderAdmin, mine.Id);
        var page = await staff.Browser.GetAsync($"/admin/organisations/{mine.Id}/members");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("/account/access-denied", page.RedirectPath, StringComparison.Ordinal);
    }

    private async Task<string> SnapshotAsync(Guid orgId, Guid serviceId, Guid locationId, Guid reportId)
    {
        await using var db = app.OpenDb();
        var org = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == orgId);
        var service = await db.Services.AsNoTracking().Include(s => s.Schedules).Include(s => s.Attributes).SingleAsync(s => s.Id == serviceId);
        var location = await db.Locations.AsNoTracking().Include(l => l.Addresses).SingleAsync(l => l.Id == locationId);
        var report = await db.ListingReports.AsNoTracking().SingleAsync(r => r.Id == reportId);
        var notices = await db.ServiceNotices.CountAsync(n => n.ServiceId == serviceId);
        var history = await db.Metadata.CountAsync(m => m.ResourceId == orgId || m.ResourceId == serviceId || m.ResourceId == locationId);
        return string.Join("|", org.Name, org.Description, org.LastModified.ToUnixTimeMilliseconds(), service.Name, service.Status, service.AssuredDate,
            service.LastModified.ToUnixTimeMilliseconds(), Timetable.Describe(service.Schedules), service.Attributes.Count,
            location.Addresses[0].Address1, location.Addresses[0].PostalCode, report.ResolvedAt, notices, history);
    }
}
