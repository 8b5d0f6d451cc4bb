using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Pages.Account;

namespace Waymark.Tests.Pages.Account;

/// <summary>People make their own accounts: email and password, a confirmed address, no authenticator needed, and nothing revealed about who else has an account.</summary>
public sealed class CreateAccountTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task A_person_signs_up_confirms_signs_in_without_an_authenticator_and_signs_out()
    {
        using var person = await app.SignUpAsync();

        var plan = await person.Browser.GetAsync("/my/plan");
        Assert.Equal(HttpStatusCode.OK, plan.Status);
        Assert.Equal("Your support plan", plan.Text("h1"));
        await using (var db = app.OpenDb())
        {
            var roles = await db.UserRoles.Where(r => r.UserId == person.UserId).Select(r => r.RoleId).ToListAsync();
            Assert.Equal([Roles.IdOf(Roles.Person)], roles);
            var user = await db.Users.SingleAsync(u => u.Id == person.UserId);
            Assert.True(user.EmailConfirmed);
            Assert.False(user.TwoFactorEnabled);
            Assert.True(user.LockoutEnabled);
        }

        var signedOut = await person.Browser.SubmitAsync("/account", [], "/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);
        var after = await person.Browser.GetAsync("/my/plan");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/account/sign-in", after.RedirectPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_that_already_has_an_account_gets_the_same_answer_and_an_email_not_a_new_account()
    {
        using var existing = await app.SignUpAsync();
        using var stranger = Browser.For(app);

        var again = await stranger.SubmitAsync("/account/create", [new("Email", existing.Email), new("Password", "a different long passphrase")]);
        using var fresh = Browser.For(app);
        var newcomer = await fresh.SubmitAsync("/account/create", [new("Email", $"new-{Guid.NewGuid():N}@example.org"), new("Password", "a different long passphrase")]);
        await app.AccountWorkDoneAsync();

        Assert.Equal(newcomer.Status, again.Status);
        Assert.Equal(newcomer.RedirectPath, again.RedirectPath);
        Assert.Equal((await stranger.GetAsync(again.RedirectPath)).Html, (await fresh.GetAsync(newcomer.RedirectPath)).Html);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == existing.Email));
        var latest = await db.OutboxMessages.Where(m => m.Recipient == existing.Email).OrderByDescending(m => m.CreatedAt).FirstAsync();
        Assert.Equal("You already have a Waymark account", latest.Subject);
        // The first password still works; the second changed nothing.
        using var check = Browser.For(app);
        var signIn = await check.SubmitAsync("/account/sign-in", [new("Input.Email", existing.Email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
    }

    [Fact]
    public async Task Until_the_address_is_confirmed_the_account_cannot_sign_in()
    {
        var email = $"unconfirmed-{Guid.NewGuid():N}@example.org";
        using var browser = Browser.For(app);
        await browser.SubmitAsync("/account/create", [new("Email", email), new("Password", AccountsApp.GoodPassword)]);
        await app.AccountWorkDoneAsync();

        var signIn = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);

        Assert.Equal(HttpStatusCode.BadRequest, signIn.Status);
        Assert.Contains(signIn.ErrorSummary(), e => e.StartsWith("Confirm your email address", StringComparison.Ordinal));
        var badLink = await browser.SubmitAsync($"/account/confirm-email?user={Guid.NewGuid()}&token=nonsense", []);
        Assert.Equal(HttpStatusCode.BadRequest, badLink.Status);
    }

    [Theory]
    [InlineData("", "heron lantern orchard", "Enter your email address")]
    [InlineData("not-an-address", "heron lantern orchard", "Enter an email address in the right format, like name@example.com")]
    [InlineData("someone@example.org", "", "Choose a password")]
    [InlineData("someone@example.org", "short one", "Your password must be at least 12 characters. Three random words work well.")]
    [InlineData("someone@example.org", "password1234", "Choose a password that is harder to guess: this one is very common, follows a pattern, or uses our name or your email address. Try three random words.")]
    public async Task Bad_details_are_shown_in_an_error_summary_and_no_account_is_made(string email, string password, string error)
    {
        using var browser = Browser.For(app);
        await using var before = app.OpenDb();
        var users = await before.Users.CountAsync();

        var page = await browser.SubmitAsync("/account/create", [new("Email", email), new("Password", password)]);
        await app.AccountWorkDoneAsync();

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(error, page.ErrorSummary());
        Assert.Empty(page.Document.QuerySelector("#Password")!.GetAttribute("value") ?? "");
        await using var after = app.OpenDb();
        Assert.Equal(users, await after.Users.CountAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_a_person_account_as_they_do_staff_accounts()
    {
        using var person = await app.SignUpAsync();
        using var browser = Browser.For(app);
        for (var i = 0; i < 5; i++)
        {
            await browser.SubmitAsync("/account/sign-in", [new("Input.Email", person.Email), new("Input.Password", "not my password at all")]);
        }

        var right = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", person.Email), new("Input.Password", AccountsApp.GoodPassword)]);

        // Locked, and told so only as anyone with a wrong password is (see SignInGuessingTests).
        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.Equal([SignInModel.WrongDetails], right.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).Status);
    }
}
