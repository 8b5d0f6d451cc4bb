using System.Net;
using Waymark.Core.Accounts;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Account;

/// <summary>
/// Staff land on their own work after signing in (navigators on /navigator, providers on /provider, admins on the
/// organisations list), not on a person's account page; a return address on this site still wins. The authenticator
/// set-up draws its key as a QR code on the server, beside the key as text.
/// </summary>
public sealed class StaffLandingTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Theory]
    [InlineData(Roles.Navigator, "/navigator")]
    [InlineData(Roles.ProviderStaff, "/provider")]
    [InlineData(Roles.ProviderAdmin, "/provider")]
    [InlineData(Roles.Admin, "/admin/organisations")]
    public async Task Staff_land_on_their_own_home_after_setting_up_and_after_each_sign_in(string role, string home)
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        string email, recovery;
        using (var staff = await app.SignInAsStaffAsync(role, role == Roles.Admin ? null : org.Id))
        {
            email = staff.Account.Email;
            recovery = staff.RecoveryCodes[0];
            // Straight after setting up: the "continue" button on the recovery codes.
            var setUp = await staff.Browser.GetAsync("/account/authenticator");
            Assert.Equal(home, setUp.Document.QuerySelector("#continue")?.GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, (await staff.Browser.GetAsync(home)).Status);
        }

        using var browser = Browser.For(app);
        var password = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.StartsWith("/account/sign-in/code", password.RedirectPath, StringComparison.Ordinal);
        var code = await browser.SubmitAsync("/account/sign-in/code", [new("Code", recovery)]);
        Assert.Equal(HttpStatusCode.Redirect, code.Status);
        Assert.Equal(home, code.RedirectPath);
    }

    [Fact]
    public async Task A_return_address_on_this_site_still_wins_over_the_home()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        string email, recovery;
        using (var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id))
        {
            email = staff.Account.Email;
            recovery = staff.RecoveryCodes[1];
        }
        using var browser = Browser.For(app);
        var password = await browser.SubmitAsync("/account/sign-in?ReturnUrl=%2Fprovider%2Freferrals",
            [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword), new("ReturnUrl", "/provider/referrals")]);
        var code = await browser.SubmitAsync(password.RedirectPath, [new("Code", recovery), new("ReturnUrl", "/provider/referrals")]);
        Assert.Equal("/provider/referrals", code.RedirectPath);
    }

    [Fact]
    public async Task A_person_still_lands_on_their_account()
    {
        var (browser, account) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _b = browser;
        using var again = Browser.For(app);
        var signIn = await again.SubmitAsync("/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.Equal("/account", signIn.RedirectPath);
    }

    [Fact]
    public async Task The_navigator_home_shows_refer_someone_overdue_referrals_and_the_newest()
    {
        var here = ReferralFlowBuilders.SomewhereNew();
        var (_, serviceId) = await app.AddServiceAtAsync($"Overdue Listening {Guid.NewGuid():N}", here, "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);

        var empty = await navigator.Browser.GetAsync("/navigator");
        Assert.Equal(HttpStatusCode.OK, empty.Status);
        Assert.NotNull(empty.Document.QuerySelector("form[action='/navigator/refer'] #q"));
        Assert.NotNull(empty.Document.QuerySelector("#no-overdue"));
        Assert.NotNull(empty.Document.QuerySelector("#no-referrals"));

        var late = await navigator.Browser.NavigatorRefersAsync(serviceId, ReferralFlowBuilders.NavigatorReferralFields("Alex Late", "alex@example.org"));
        await app.BackdateAsync(late, 20);
        var fresh = await navigator.Browser.NavigatorRefersAsync(serviceId, ReferralFlowBuilders.NavigatorReferralFields("Bo Fresh", "bo@example.org"));

        var home = await navigator.Browser.GetAsync("/navigator");
        Assert.Contains("2 open referrals", home.Text("#referral-counts"), StringComparison.Ordinal);
        Assert.Contains("1 is overdue", home.Text("#referral-counts"), StringComparison.Ordinal);
        var overdue = home.Document.QuerySelectorAll("#overdue-referrals li").Select(li => li.GetAttribute("data-referral-id")).ToList();
        Assert.Equal([late.ToString()], overdue);
        Assert.Contains("Alex Late", home.Text("#overdue-referrals"), StringComparison.Ordinal);
        var newest = home.Document.QuerySelectorAll("#newest-referrals li").Select(li => li.GetAttribute("data-referral-id")).ToList();
        Assert.Equal([fresh.ToString(), late.ToString()], newest);
        Assert.Equal("/navigator/referrals", home.Document.QuerySelector("#all-referrals")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_provider_home_counts_new_referrals_and_listings_due_a_check()
    {
        var (org, service) = await app.AddReferrableServiceAsync($"Counted Service {Guid.NewGuid():N}");
        var (stale, _, _) = await app.AddOrganisationAsync("Stale listings", assured: DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-7)));
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var before = await staff.Browser.GetAsync("/provider");
        Assert.StartsWith("No new referrals.", before.Text("#new-referrals"), StringComparison.Ordinal);
        Assert.Null(before.Document.QuerySelector("#needs-checking"));

        var (person, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using var _p = person;
        var id = await person.SelfReferAsync(app, service.Id, "Counted please");
        var home = await staff.Browser.GetAsync("/provider");
        Assert.StartsWith("1 new referral nobody has opened yet.", home.Text("#new-referrals"), StringComparison.Ordinal);

        await staff.Browser.GetAsync($"/provider/referrals/{id}");
        Assert.Equal(ReferralStatus.Opened, (await app.ReferralAsync(id)).Status);
        Assert.StartsWith("No new referrals.", (await staff.Browser.GetAsync("/provider")).Text("#new-referrals"), StringComparison.Ordinal);

        using var staleStaff = await app.SignInAsStaffAsync(Roles.ProviderStaff, stale.Id);
        Assert.Contains("1 listing needs checking", (await staleStaff.Browser.GetAsync("/provider")).Text("#needs-checking"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_authenticator_set_up_shows_a_qr_code_drawn_here_beside_the_key()
    {
        var (browser, _) = await app.SignInWithPasswordOnlyAsync(Roles.Navigator);
        using var _b = browser;
        var page = await browser.GetAsync("/account/authenticator");
        Assert.Equal(HttpStatusCode.OK, page.Status);

        var qr = page.Document.QuerySelector("svg#authenticator-qr");
        Assert.NotNull(qr);
        Assert.Equal("img", qr.GetAttribute("role"));
        var title = page.Document.QuerySelector($"#{qr.GetAttribute("aria-labelledby")}");
        Assert.Contains("QR code", title?.TextContent, StringComparison.Ordinal);
        Assert.Contains("enter the key", title?.TextContent, StringComparison.Ordinal);
        var drawn = qr.QuerySelector("path")?.GetAttribute("d") ?? "";
        Assert.True(drawn.Split('M').Length > 100, "the code is drawn as dark squares");
        // The key is still there as text, and nothing on the page comes from another site.
        Assert.Matches("^[a-z2-7]{4}( [a-z2-7]{1,4})+$", page.Text("#authenticator-key"));
        Assert.DoesNotContain("http", qr.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.Document.QuerySelectorAll("img[src^='http'], img[src^='//'], script[src^='http'], link[href^='http'], svg image"));
    }
}
