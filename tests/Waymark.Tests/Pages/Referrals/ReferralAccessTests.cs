using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Referrals;

/// <summary>Staff see only referrals to their own organisations: another organisation's ids are "not found" and change nothing.</summary>
public sealed class ReferralAccessTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task Another_organisations_staff_get_404_see_nothing_and_change_nothing()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Their Secret Service");
        var (mine, _) = await app.AddReferrableServiceAsync("Mine");
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var id = await person.SelfReferAsync(app, service.Id, "Private words");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, mine.Id);

        var inbox = await staff.Browser.GetAsync("/provider/referrals");
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        Assert.DoesNotContain("Their Secret Service", inbox.Html, StringComparison.Ordinal);
        Assert.Null(inbox.Document.QuerySelector($"tr[data-referral-id='{id}']"));

        Assert.Equal(HttpStatusCode.NotFound, (await staff.Browser.GetAsync($"/provider/referrals/{id}")).Status);
        var token = inbox.Document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await staff.Browser.GetAsync("/provider")).AntiforgeryToken();
        var post = await staff.Browser.PostAsync($"/provider/referrals/{id}", token, [new("To", "Declined"), new("ReasonForDeclined", "NotEligible"), new("Reason", "Not ours")]);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);

        var referral = await app.ReferralAsync(id);
        Assert.Equal(ReferralStatus.Sent, referral.Status);
        Assert.Single(referral.Events);
        await using var db = app.OpenDb();
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == ReferralAudit.Viewed && a.ActorId == staff.Account.UserId));
    }

    [Fact]
    public async Task A_referral_made_for_someone_else_is_not_in_the_referrers_own_referrals_or_plan_but_is_in_the_persons()
    {
        var (_, forThem) = await app.AddReferrableServiceAsync("Referred For Someone Else", access: "access:professional-referral");
        var (_, forMe) = await app.AddReferrableServiceAsync("My Own Referral");
        var (person, account) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var theirs = await navigator.Browser.NavigatorRefersAsync(forThem.Id, ReferralFlowBuilders.NavigatorReferralFields("Robin Elsewhere", account.Email));
        var own = await navigator.Browser.SelfReferAsync(app, forMe.Id, "About me");

        var myReferrals = await navigator.Browser.GetAsync("/my/referrals");
        Assert.Null(myReferrals.Document.QuerySelector($"#referral-{theirs}"));
        Assert.NotNull(myReferrals.Document.QuerySelector($"#referral-{own}"));
        var myPlan = await navigator.Browser.GetAsync("/my/plan");
        Assert.Null(myPlan.Document.QuerySelector($"li[data-referral-id='{theirs}']"));
        Assert.NotNull(myPlan.Document.QuerySelector($"li[data-referral-id='{own}']"));
        // The navigator still follows it where navigators do.
        Assert.Contains("Robin Elsewhere", (await navigator.Browser.GetAsync("/navigator/referrals")).Html, StringComparison.Ordinal);

        Assert.NotNull((await person.GetAsync("/my/referrals")).Document.QuerySelector($"#referral-{theirs}"));
        Assert.NotNull((await person.GetAsync("/my/plan")).Document.QuerySelector($"li[data-referral-id='{theirs}']"));
        Assert.Null((await person.GetAsync("/my/referrals")).Document.QuerySelector($"#referral-{own}"));
    }

    [Fact]
    public async Task A_person_cannot_open_the_staff_pages()
    {
        var (org, service) = await app.AddReferrableServiceAsync();
        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var id = await person.SelfReferAsync(app, service.Id, "x");

        var page = await person.GetAsync($"/provider/referrals/{id}");
        Assert.NotEqual(HttpStatusCode.OK, page.Status);
        Assert.Equal(ReferralStatus.Sent, (await app.ReferralAsync(id)).Status);
    }
}
