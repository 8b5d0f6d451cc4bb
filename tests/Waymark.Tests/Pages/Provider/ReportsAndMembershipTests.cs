using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Provider;

public sealed class ReportsAndMembershipTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task Anyone_can_suggest_a_change_and_the_provider_sees_and_resolves_it()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using (var visitor = Browser.For(app))
        {
            var url = $"/services/{service.Id}/suggest-a-change";
            var empty = await visitor.SubmitAsync(url, [new("Message", " "), new("Email", "")]);
            Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
            Assert.Equal(["#Message"], empty.ErrorSummaryLinks());

            var sent = await visitor.SubmitAsync(url, [new("Message", "The phone number is out of date."), new("Email", "")]);
            Assert.Equal(HttpStatusCode.Redirect, sent.Status);
            var thanks = await visitor.GetAsync(sent.RedirectPath);
            Assert.NotNull(thanks.Document.QuerySelector("#report-sent"));
            var cookies = visitor.Client.DefaultRequestHeaders.Contains("Cookie");
            Assert.False(cookies);
        }

        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var dashboard = await staff.Browser.GetAsync("/provider");
        Assert.Contains("The phone number is out of date.", dashboard.Text("#open-reports"), StringComparison.Ordinal);
        Guid reportId;
        await using (var db = app.OpenDb())
        {
            var report = await db.ListingReports.SingleAsync(r => r.ServiceId == service.Id);
            Assert.Null(report.Email);
            reportId = report.Id;
        }

        var resolved = await staff.Browser.PostAsync($"/provider?handler=Resolve&reportId={reportId}", dashboard.AntiforgeryToken(), []);
        Assert.Equal(HttpStatusCode.Redirect, resolved.Status);
        await using (var db = app.OpenDb())
        {
            var report = await db.ListingReports.SingleAsync(r => r.Id == reportId);
            Assert.NotNull(report.ResolvedAt);
            Assert.Equal(staff.Account.Email, report.ResolvedBy);
        }
        Assert.Null((await staff.Browser.GetAsync("/provider")).Document.QuerySelector("#open-reports"));
    }

    [Fact]
    public async Task Suggesting_a_change_to_a_listing_that_does_not_exist_is_404()
    {
        using var visitor = Browser.For(app);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/services/{Guid.NewGuid()}/suggest-a-change")).Status);
    }

    [Fact]
    public async Task An_admin_adds_and_removes_a_member_and_each_change_is_audited()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        var (other, _, _) = await app.AddOrganisationAsync("Other");
        using var provider = await app.SignInAsStaffAsync(Roles.ProviderStaff, other.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.Browser.GetAsync($"/provider/services/{service.Id}")).Status);

        using var admin = await app.SignInAsStaffAsync(Roles.Admin);
        var url = $"/admin/organisations/{org.Id}/members";
        var bad = await admin.Browser.SubmitAsync(url, [new("Email", "nobody-here@example.org"), new("Role", "staff")], formAction: $"{url}?handler=Add");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["#Email"], bad.ErrorSummaryLinks());

        var added = await admin.Browser.SubmitAsync(url, [new("Email", provider.Account.Email), new("Role", "staff")], formAction: $"{url}?handler=Add");
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal(HttpStatusCode.OK, (await provider.Browser.GetAsync($"/provider/services/{service.Id}")).Status);

        Guid membershipId;
        await using (var db = app.OpenDb())
        {
            membershipId = (await db.OrganisationMemberships.SingleAsync(m => m.OrganizationId == org.Id && m.UserId == provider.Account.UserId)).Id;
            var audit = await db.AuditEvents.SingleAsync(a => a.Action == AuditActions.MembershipAdded && a.SubjectId == org.Id.ToString());
            Assert.Equal(admin.Account.UserId, audit.ActorId);
        }

        var page = await admin.Browser.GetAsync(url);
        var removed = await admin.Browser.PostAsync($"{url}?handler=Remove&membershipId={membershipId}", page.AntiforgeryToken(), []);
        Assert.Equal(HttpStatusCode.Redirect, removed.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.Browser.GetAsync($"/provider/services/{service.Id}")).Status);
        await using (var db = app.OpenDb())
        {
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.MembershipRemoved && a.SubjectId == org.Id.ToString() && a.ActorId == admin.Account.UserId));
        }
    }

    [Fact]
    public async Task Creating_an_account_audits_the_account_its_role_and_membership_without_the_token()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        var account = await app.AddUserAsync(Roles.ProviderAdmin, org.Id);
        await using var db = app.OpenDb();
        var audit = await db.AuditEvents.Where(a => a.SubjectId == account.UserId.ToString() || a.SubjectId == org.Id.ToString()).ToListAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.UserCreated);
        Assert.Contains(audit, a => a.Action == AuditActions.RoleAdded && a.Detail == Roles.ProviderAdmin);
        Assert.Contains(audit, a => a.Action == AuditActions.MembershipAdded && a.Detail!.Contains("admin", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, a => (a.Detail ?? "").Contains(account.Token, StringComparison.Ordinal));
        Assert.False(await db.SetPasswordTokens.AnyAsync(t => t.TokenHash == account.Token));
    }

    [Fact]
    public async Task An_admin_adds_an_organisation_with_a_create_history_and_an_audit_row()
    {
        using var admin = await app.SignInAsStaffAsync(Roles.Admin);
        var bad = await admin.Browser.SubmitAsync("/admin/organisations", [new("Name", ""), new("Description", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["#Name", "#Description"], bad.ErrorSummaryLinks());

        var name = $"Wakefield Recovery College {Guid.NewGuid():N}";
        var added = await admin.Browser.SubmitAsync("/admin/organisations", [new("Name", name), new("Description", "Courses about recovery.")]);
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        await using var db = app.OpenDb();
        var org = await db.Organizations.SingleAsync(o => o.Name == name);
        Assert.Equal($"/admin/organisations/{org.Id}/members", added.RedirectPath);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == AuditActions.OrganisationCreated && a.SubjectId == org.Id.ToString() && a.ActorId == admin.Account.UserId));
        Assert.Contains(await db.Metadata.Where(m => m.ResourceId == org.Id).ToListAsync(), m => m.LastActionType == "create" && m.FieldName == "name" && m.ReplacementValue == name);
    }
}
