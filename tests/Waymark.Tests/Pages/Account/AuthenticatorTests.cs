using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Account;

/// <summary>The app on a clock the tests move on, a 30-second authenticator step at a time.</summary>
public sealed class AuthenticatorApp : AccountsApp
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public MovableClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public string CodeAt(string key, int stepsFromNow) => Totp.Code(key, Clock.Now + (Step * stepsFromNow));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class AuthenticatorTests(AuthenticatorApp app) : IClassFixture<AuthenticatorApp>
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

        // Later than the code that set the authenticator up: that one does not work twice.
        app.Clock.Advance(AuthenticatorApp.Step);
        var right = await browser.SubmitAsync("/account/sign-in/code", [new("Code", app.CodeAt(key, 0))]);
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
    public async Task A_code_works_once_even_within_its_own_30_seconds()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        string email, key;
        using (var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id))
        {
            email = staff.Account.Email;
            key = staff.AuthenticatorKey;
        }

        // The code that set the authenticator up is still the current one, but it has been used.
        using (var browser = await PasswordAcceptedAsync(email))
        {
            var replayed = await browser.SubmitAsync("/account/sign-in/code", [new("Code", app.CodeAt(key, 0))]);
            Assert.Equal(HttpStatusCode.BadRequest, replayed.Status);
            Assert.Equal(["#Code"], replayed.ErrorSummaryLinks());

            app.Clock.Advance(AuthenticatorApp.Step);
            var fresh = await browser.SubmitAsync("/account/sign-in/code", [new("Code", app.CodeAt(key, 0))]);
            Assert.Equal(HttpStatusCode.Redirect, fresh.Status);
        }

        // Someone who saw that code and the password, in the same 30 seconds, gets nowhere.
        using var onlooker = await PasswordAcceptedAsync(email);
        var again = await onlooker.SubmitAsync("/account/sign-in/code", [new("Code", app.CodeAt(key, 0))]);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await onlooker.GetAsync("/provider")).Status);
    }

    [Fact]
    public async Task A_code_one_step_either_side_of_now_is_accepted_but_not_two_nor_one_older_than_the_last_used()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        string email, key;
        using (var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id))
        {
            email = staff.Account.Email;
            key = staff.AuthenticatorKey;
        }
        app.Clock.Advance(AuthenticatorApp.Step * 5);

        using (var browser = await PasswordAcceptedAsync(email))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.SubmitAsync("/account/sign-in/code", [new("Code", app.CodeAt(key, -2))])).Status);
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.SubmitAsync("/account/sign-in/code", [new("Code", app.CodeAt(key, 2))])).Status);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/account/sign-in/code", [new("Code", app.CodeAt(key, -1))])).Status);
        }
        using (var browser = await PasswordAcceptedAsync(email))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/account/sign-in/code", [new("Code", app.CodeAt(key, 1))])).Status);
        }
        // Now's code is older than the one just used (a step ahead), so it is refused too.
        using (var browser = await PasswordAcceptedAsync(email))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.SubmitAsync("/account/sign-in/code", [new("Code", app.CodeAt(key, 0))])).Status);
        }
    }

    [Fact]
    public async Task Two_requests_with_the_same_code_at_once_sign_in_once_and_neither_fails()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        string email, key;
        using (var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id))
        {
            email = staff.Account.Email;
            key = staff.AuthenticatorKey;
        }
        app.Clock.Advance(AuthenticatorApp.Step);

        using var browser = await PasswordAcceptedAsync(email);
        var token = (await browser.GetAsync("/account/sign-in/code")).AntiforgeryToken();
        var code = app.CodeAt(key, 0);
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => browser.PostAsync("/account/sign-in/code", token, [new("Code", code)])));

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.BadRequest], results.Select(r => r.Status).Order().ToList());
    }

    [Fact]
    public async Task Recovery_codes_are_counted_and_each_redeemed_once()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        Assert.Equal(10, await RecoveryCodesLeftAsync(staff.Account.UserId));

        // Typed in lower case, as people do: still the same code.
        using (var browser = await PasswordAcceptedAsync(staff.Account.Email))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/account/sign-in/code", [new("Code", staff.RecoveryCodes[0].ToLowerInvariant())])).Status);
        }
        Assert.Equal(9, await RecoveryCodesLeftAsync(staff.Account.UserId));

        // Two at once with the same code: one signs in.
        using var first = await PasswordAcceptedAsync(staff.Account.Email);
        using var second = await PasswordAcceptedAsync(staff.Account.Email);
        var tokens = (await first.GetAsync("/account/sign-in/code")).AntiforgeryToken();
        var otherToken = (await second.GetAsync("/account/sign-in/code")).AntiforgeryToken();
        var results = await Task.WhenAll(
            first.PostAsync("/account/sign-in/code", tokens, [new("Code", staff.RecoveryCodes[1])]),
            second.PostAsync("/account/sign-in/code", otherToken, [new("Code", staff.RecoveryCodes[1])]));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.BadRequest], results.Select(r => r.Status).Order().ToList());
        Assert.Equal(8, await RecoveryCodesLeftAsync(staff.Account.UserId));
    }

    private async Task<int> RecoveryCodesLeftAsync(Guid userId)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
        return await users.CountRecoveryCodesAsync((await users.FindByIdAsync(userId.ToString()))!);
    }

    /// <summary>A browser that has given the right password and is asked for the second step.</summary>
    private async Task<Browser> PasswordAcceptedAsync(string email)
    {
        var browser = Browser.For(app);
        var password = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, password.Status);
        Assert.StartsWith("/account/sign-in/code", password.RedirectPath, StringComparison.Ordinal);
        return browser;
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
