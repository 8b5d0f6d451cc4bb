using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Account;

public sealed class AuthenticatorTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Theory]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Admin)]
    public async Task Staff_must_set_up_an_authenticator_before_reaching_a_staff_page(string role)
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        var (browser, _) = await app.SignInWithPasswordOnlyAsync(role, role == Roles.Admin ? null : org.Id);
        using (browser)
        {
            var dashboard = await browser.GetAsync("/provider");
            Assert.Equal(HttpStatusCode.Redirect, dashboard.Status);
            Assert.StartsWith("/account/authenticator", dashboard.RedirectPath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Setting_up_shows_the_key_as_text_and_ten_recovery_codes_once_and_opens_the_dashboard()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderAdmin, org.Id);

        Assert.Equal(10, staff.RecoveryCodes.Distinct().Count());
        var dashboard = await staff.Browser.GetAsync("/provider");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        var again = await staff.Browser.GetAsync("/account/authenticator");
        Assert.Empty(again.Document.QuerySelectorAll("#recovery-codes"));

        await using var db = app.OpenDb();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ActorId == staff.Account.UserId && a.Action == AuditActions.AuthenticatorSetUp));
    }

    [Fact]
    public async Task A_wrong_setup_code_is_refused_with_the_form_shown_again()
    {
        var (browser, account) = await app.SignInWithPasswordOnlyAsync(Roles.Moderator);
        using (browser)
        {
            var page = await browser.SubmitAsync("/account/authenticator", [new("Code", "000000")]);
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Equal(["#Code"], page.ErrorSummaryLinks());
            await using var db = app.OpenDb();
            Assert.False((await db.Users.SingleAsync(u => u.Id == account.UserId)).TwoFactorEnabled);
        }
    }

    [Fact]
    public async Task Sign_in_asks_for_the_authenticator_code_and_accepts_the_current_one()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        string email, key;
        using (var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id))
        {
            email = staff.Account.Email;
            key = staff.AuthenticatorKey;
        }
        using var browser = Browser.For(app);
        var typo = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", "heron lantern orchards")]);
        Assert.Equal(HttpStatusCode.BadRequest, typo.Status);
        var password = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, password.Status);
        Assert.StartsWith("/account/sign-in/code", password.RedirectPath, StringComparison.Ordinal);

        // Password alone opens nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/provider")).Status);

        var wrong = await browser.SubmitAsync("/account/sign-in/code", [new("Code", "123456")]);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);

        var right = await browser.SubmitAsync("/account/sign-in/code", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow))]);
        Assert.Equal(HttpStatusCode.Redirect, right.Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/provider")).Status);

        // Password steps are audited once their answer has gone (see GuardedSignIn).
        await app.AccountWorkDoneAsync();
        await using var db = app.OpenDb();
        var actions = await db.AuditEvents.Where(a => a.ActorEmail == email).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.SignIn, actions);
        Assert.Contains(AuditActions.SignInFailed, actions);
        Assert.Contains(AuditActions.SignInSecondFactorFailed, actions);
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Detail != null && a.Detail.Contains("lantern")));
        Assert.Contains(AuditActions.SignInSecondFactor, actions);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_only()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        string email, recovery;
        using (var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id))
        {
            email = staff.Account.Email;
            recovery = staff.RecoveryCodes[3];
        }

        using (var first = Browser.For(app))
        {
            await first.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);
            var used = await first.SubmitAsync("/account/sign-in/code", [new("Code", recovery)]);
            Assert.Equal(HttpStatusCode.Redirect, used.Status);
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/provider")).Status);
        }

        using var second = Browser.For(app);
        await second.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);
        var reused = await second.SubmitAsync("/account/sign-in/code", [new("Code", recovery)]);
        Assert.Equal(HttpStatusCode.BadRequest, reused.Status);

        await using var db = app.OpenDb();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ActorEmail == email && a.Action == AuditActions.SignInRecoveryCode));
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Detail != null && a.Detail.Contains(recovery)));
    }

    [Fact]
    public async Task A_person_account_cannot_open_the_listing_editor()
    {
        var (browser, _) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        using (browser)
        {
            var page = await browser.GetAsync("/provider");
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/account/access-denied", page.RedirectPath, StringComparison.Ordinal);
        }
    }
}

public sealed class SignInRateLimitApp : AccountsApp
{
    protected override int SignInsPerMinute => 3;
}

public sealed class SignInRateLimitTests(SignInRateLimitApp app) : IClassFixture<SignInRateLimitApp>
{
    [Fact]
    public async Task Sign_in_posts_are_rate_limited_per_address()
    {
        using var browser = Browser.For(app);
        var form = await browser.GetAsync("/account/sign-in");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await browser.PostAsync("/account/sign-in", form.AntiforgeryToken(), [new("Input.Email", "nobody@example.org"), new("Input.Password", "wrong password here")])).Status);
        }
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // Reading the form is never limited.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/sign-in")).Status);
    }
}
