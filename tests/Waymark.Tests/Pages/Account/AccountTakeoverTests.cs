using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Account;

/// <summary>
/// Someone who signs up first with another person's address gains nothing: the password that works is the one
/// chosen by whoever confirms from the mailbox, and nothing about the person reaches an account until then.
/// </summary>
public sealed class AccountTakeoverTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string AttackersPassword = "walrus teapot quarry";
    private const string OwnersPassword = "heron lantern orchard";

    [Fact]
    public async Task The_owner_who_signs_up_after_an_attacker_and_confirms_has_their_own_password_and_the_attacker_has_none()
    {
        var email = NewAddress();
        await SignUpAsync(email, AttackersPassword);
        await SignUpAsync(email, OwnersPassword);

        using var owner = Browser.For(app);
        var confirmed = await owner.SubmitAsync(await LinkAsync(email), [new("Password", OwnersPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);

        Assert.False(await SignsInAsync(email, AttackersPassword));
        Assert.True(await SignsInAsync(email, OwnersPassword));
    }

    [Fact]
    public async Task A_sign_up_after_the_owner_s_spends_the_owner_s_link_and_its_own_link_needs_the_attacker_s_password()
    {
        var email = NewAddress();
        await SignUpAsync(email, OwnersPassword);
        var ownersLink = await LinkAsync(email);
        await SignUpAsync(email, AttackersPassword);
        var attackersLink = await LinkAsync(email);
        Assert.NotEqual(ownersLink, attackersLink);

        using var owner = Browser.For(app);
        // The owner's own link was spent by the later sign-up.
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.SubmitAsync(ownersLink, [new("Password", OwnersPassword)])).Status);
        // The newest email was caused by someone else: opening it with the owner's password confirms nothing.
        var refused = await owner.SubmitAsync(attackersLink, [new("Password", OwnersPassword)]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(refused.ErrorSummary(), e => e.Contains("password", StringComparison.Ordinal));
        Assert.False(await SignsInAsync(email, AttackersPassword));
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync());
        }

        // Signing up again gives the owner a link that works with their password.
        await SignUpAsync(email, OwnersPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(await LinkAsync(email), [new("Password", OwnersPassword)])).Status);
        Assert.False(await SignsInAsync(email, AttackersPassword));
        Assert.True(await SignsInAsync(email, OwnersPassword));
    }

    [Fact]
    public async Task A_navigator_referral_for_an_unconfirmed_address_waits_for_its_confirmed_owner()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Selby Listening Space", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var email = NewAddress();
        await SignUpAsync(email, AttackersPassword);

        var id = await navigator.Browser.NavigatorRefersAsync(service.Id,
            ReferralFlowBuilders.NavigatorReferralFields("Sam", email, "Sam has been cutting again since the move."));

        Assert.Null((await app.ReferralAsync(id)).PersonUserId);

        await SignUpAsync(email, OwnersPassword);
        using var owner = Browser.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(await LinkAsync(email), [new("Password", OwnersPassword)])).Status);
        using var signedIn = await SignedInAsync(email, OwnersPassword);
        var mine = await signedIn.GetAsync("/my/referrals");
        Assert.Equal("Sent", mine.Text($"#referral-{id} .referral-status"));
        Assert.Contains("cutting again since the move", mine.Text($"#referral-{id}"), StringComparison.Ordinal);
        Assert.False(await SignsInAsync(email, AttackersPassword));
    }

    [Fact]
    public async Task A_navigator_referral_made_before_any_account_reaches_the_account_once_its_address_is_confirmed()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Ripon Peer Group", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var email = NewAddress();
        var before = await navigator.Browser.NavigatorRefersAsync(service.Id, ReferralFlowBuilders.NavigatorReferralFields("Alex", email.ToUpperInvariant()));
        var someoneElse = await navigator.Browser.NavigatorRefersAsync(service.Id, ReferralFlowBuilders.NavigatorReferralFields("Kim", NewAddress()));

        await SignUpAsync(email, OwnersPassword);
        Assert.Null((await app.ReferralAsync(before)).PersonUserId);
        using var owner = Browser.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(await LinkAsync(email), [new("Password", OwnersPassword)])).Status);

        // And one made once the address is confirmed reaches the account at once.
        var after = await navigator.Browser.NavigatorRefersAsync(service.Id, ReferralFlowBuilders.NavigatorReferralFields("Alex", email));
        using var signedIn = await SignedInAsync(email, OwnersPassword);
        var mine = await signedIn.GetAsync("/my/referrals");
        Assert.Equal("Sent", mine.Text($"#referral-{before} .referral-status"));
        Assert.Equal("Sent", mine.Text($"#referral-{after} .referral-status"));
        Assert.Empty(mine.Document.QuerySelectorAll($"#referral-{someoneElse}"));
        Assert.Null((await app.ReferralAsync(someoneElse)).PersonUserId);
    }

    [Fact]
    public async Task An_owner_who_resets_the_password_of_an_attacker_s_unconfirmed_account_gets_it_and_what_waited_for_the_address()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Thirsk Talking Group", access: "access:professional-referral");
        using var navigator = await app.SignInAsStaffAsync(Roles.Navigator);
        var email = NewAddress();
        await SignUpAsync(email, AttackersPassword);
        var id = await navigator.Browser.NavigatorRefersAsync(service.Id, ReferralFlowBuilders.NavigatorReferralFields("Jamie", email));
        Assert.Null((await app.ReferralAsync(id)).PersonUserId);

        using var owner = Browser.For(app);
        await owner.SubmitAsync("/account/forgot-password", [new("Email", email)]);
        var link = await PersonBuilders.EmailedLinkAsync(app, email, "/account/reset-password");
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync(link, [new("Password", OwnersPassword)])).Status);

        Assert.False(await SignsInAsync(email, AttackersPassword));
        using var signedIn = await SignedInAsync(email, OwnersPassword);
        Assert.Equal("Sent", (await signedIn.GetAsync("/my/referrals")).Text($"#referral-{id} .referral-status"));
    }

    private static string NewAddress() => $"owner-{Guid.NewGuid():N}@example.org";

    private async Task SignUpAsync(string email, string password)
    {
        using var browser = Browser.For(app);
        var created = await browser.SubmitAsync("/account/create", [new("Email", email), new("Password", password)]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        await app.AccountWorkDoneAsync();
    }

    private Task<string> LinkAsync(string email) => PersonBuilders.EmailedLinkAsync(app, email, "/account/confirm-email");

    private async Task<bool> SignsInAsync(string email, string password)
    {
        using var browser = Browser.For(app);
        var signIn = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", password)]);
        return signIn.Status == HttpStatusCode.Redirect;
    }

    private async Task<Browser> SignedInAsync(string email, string password)
    {
        var browser = Browser.For(app);
        var signIn = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", password)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        return browser;
    }
}
