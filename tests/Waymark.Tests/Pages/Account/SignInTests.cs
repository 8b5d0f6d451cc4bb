using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Pages.Account;

namespace Waymark.Tests.Pages.Account;

public sealed class SignInTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task Users_add_prints_a_one_time_link_and_the_owner_chooses_their_own_password()
    {
        var account = await app.AddUserAsync(Roles.Person);
        using var browser = Browser.For(app);

        var form = await browser.GetAsync(account.SetPasswordPath);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("new-password", form.Document.QuerySelector("#Password")?.GetAttribute("autocomplete"));

        var set = await browser.PostAsync("/account/set-password", form.AntiforgeryToken(), [new("Token", account.Token), new("Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, set.Status);
        Assert.StartsWith("/account/sign-in", set.RedirectPath, StringComparison.Ordinal);

        // The link works once.
        var again = await browser.GetAsync(account.SetPasswordPath);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);

        var signIn = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        Assert.Equal("/account", signIn.RedirectPath);
        var home = await browser.GetAsync("/account");
        Assert.Contains(account.Email, home.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_account_has_a_password_until_its_owner_sets_one()
    {
        var account = await app.AddUserAsync(Roles.Admin);
        await using var db = app.OpenDb();
        var user = await db.Users.SingleAsync(u => u.Id == account.UserId);
        Assert.Null(user.PasswordHash);
        Assert.True(user.LockoutEnabled);
    }

    [Theory]
    [InlineData("short words", "at least 12 characters")]
    [InlineData("passwordpassword", "very common")]
    [InlineData("qwertyuiop1234", "very common")]
    public async Task Short_and_common_passwords_are_refused_with_the_form_shown_again(string password, string message)
    {
        var account = await app.AddUserAsync(Roles.Person);
        using var browser = Browser.For(app);
        var page = await browser.SubmitAsync(account.SetPasswordPath, [new("Token", account.Token), new("Password", password)], formAction: null);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(page.ErrorSummary(), e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal(["#Password"], page.ErrorSummaryLinks());
        await using var db = app.OpenDb();
        Assert.Null((await db.Users.SingleAsync(u => u.Id == account.UserId)).PasswordHash);
    }

    [Fact]
    public async Task A_password_longer_than_256_characters_is_refused_before_hashing()
    {
        var account = await app.AddUserAsync(Roles.Person);
        using var browser = Browser.For(app);
        var page = await browser.SubmitAsync(account.SetPasswordPath, [new("Token", account.Token), new("Password", string.Concat(Enumerable.Repeat("heron lantern ", 20)))]);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(page.ErrorSummary(), e => e.Contains("256 characters or fewer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_passphrase_with_no_digits_or_symbols_is_accepted()
    {
        var account = await app.AddUserAsync(Roles.Person);
        using var browser = Browser.For(app);
        var page = await browser.SubmitAsync(account.SetPasswordPath, [new("Token", account.Token), new("Password", "marmalade pylon whistle")]);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_network_out_for_15_minutes_and_it_is_told_what_a_wrong_password_is_told()
    {
        var (signedIn, account) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        signedIn.Dispose();
        using var browser = Browser.For(app);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", "not the right one at all")]);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
            Assert.Equal([SignInModel.WrongDetails], wrong.ErrorSummary());
        }

        // Locked: the right password is turned away with the same words, which say what to do.
        var right = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.Equal([SignInModel.WrongDetails], right.ErrorSummary());
        Assert.Contains("wait 15 minutes", SignInModel.WrongDetails, StringComparison.Ordinal);
        Assert.Contains("Forgotten your password?", SignInModel.WrongDetails, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var key = SignInAttempts.AccountKey(account.Email);
        var counter = await db.SignInCounters.SingleAsync(c => c.AccountKey == key && c.ClientKey != SignInAttempts.EveryClient);
        Assert.Equal(6, counter.Failures);
        Assert.True(counter.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.True(counter.LockedUntil < DateTimeOffset.UtcNow.AddMinutes(16));
    }

    [Fact]
    public async Task The_sign_in_form_allows_paste_and_password_managers()
    {
        using var browser = Browser.For(app);
        var page = await browser.GetAsync("/account/sign-in");
        Assert.Equal("username", page.Document.QuerySelector("#Input_Email")?.GetAttribute("autocomplete"));
        Assert.Equal("current-password", page.Document.QuerySelector("#Input_Password")?.GetAttribute("autocomplete"));
        Assert.DoesNotContain("onpaste", page.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.Document.QuerySelectorAll("[style]"));
        Assert.Empty(page.Document.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_no_session_cookie_and_a_signed_in_one_gets_a_secure_session_cookie()
    {
        using var browser = Browser.For(app);
        var response = await browser.Client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var anon) ? anon : [], c => c.StartsWith("waymark-session", StringComparison.Ordinal));

        var account = await app.AddUserAsync(Roles.Person);
        await browser.SubmitAsync(account.SetPasswordPath, [new("Token", account.Token), new("Password", AccountsApp.GoodPassword)]);
        var form = await browser.GetAsync("/account/sign-in");
        using var content = new FormUrlEncodedContent([new("Input.Email", account.Email), new("Input.Password", AccountsApp.GoodPassword), new("__RequestVerificationToken", form.AntiforgeryToken())]);
        var signIn = await browser.Client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), content);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("waymark-session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", cookie, StringComparison.Ordinal);
    }
}
