using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Account;

/// <summary>A session ends on the server when its owner ends it: a copy of the cookie taken before then opens nothing after.</summary>
public sealed class SessionTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task A_copy_of_a_person_s_cookie_opens_nothing_after_they_sign_out()
    {
        using var person = await app.SignUpAsync();
        var copy = person.Browser.CookieHeader();
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(copy, "/my/plan")).StatusCode);

        var signedOut = await person.Browser.SubmitAsync("/account", [], "/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);

        AssertSentToSignIn(await ReplayAsync(copy, "/my/plan"));
    }

    [Fact]
    public async Task A_copy_of_a_person_s_cookie_opens_nothing_after_they_exit_the_page()
    {
        using var person = await app.SignUpAsync();
        var copy = person.Browser.CookieHeader();
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(copy, "/my/plan")).StatusCode);

        var exit = await person.Browser.GetAsync("/exit");
        Assert.Equal(HttpStatusCode.Redirect, exit.Status);

        AssertSentToSignIn(await ReplayAsync(copy, "/my/plan"));
    }

    [Fact]
    public async Task A_copy_of_a_staff_cookie_opens_nothing_after_they_sign_out()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var copy = staff.Browser.CookieHeader();
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(copy, "/provider/referrals")).StatusCode);

        var signedOut = await staff.Browser.SubmitAsync("/account", [], "/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);

        AssertSentToSignIn(await ReplayAsync(copy, "/provider/referrals"));
    }

    [Fact]
    public async Task A_copy_of_a_staff_cookie_opens_nothing_after_they_exit_the_page()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var copy = staff.Browser.CookieHeader();
        Assert.Equal(HttpStatusCode.OK, (await ReplayAsync(copy, "/provider/referrals")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.GetAsync("/exit")).Status);

        AssertSentToSignIn(await ReplayAsync(copy, "/provider/referrals"));
    }

    [Fact]
    public async Task Deleting_the_account_ends_every_session_of_it()
    {
        using var person = await app.SignUpAsync();
        using var elsewhere = await SignInAsync(app, person.Email);
        var copy = elsewhere.CookieHeader();

        var deleted = await person.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);

        AssertSentToSignIn(await ReplayAsync(copy, "/my/plan"));
        AssertSentToSignIn(await elsewhere.Client.GetAsync(new Uri("/my/plan", UriKind.Relative)));
    }

    [Fact]
    public async Task A_staff_session_ends_12_hours_after_sign_in_however_busy()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var atTime = app.AtTime(clock);
        var (org, _, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id, atTime);
        var start = clock.Now;

        // A request every 20 minutes keeps the idle timeout away.
        while (clock.Now < start + TimeSpan.FromHours(12) - TimeSpan.FromMinutes(20))
        {
            clock.Now += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await staff.Browser.GetAsync("/provider/referrals")).Status);
        }
        clock.Now = start + TimeSpan.FromHours(12);

        var late = await staff.Browser.GetAsync("/provider/referrals");
        Assert.Equal(HttpStatusCode.Redirect, late.Status);
        Assert.StartsWith("/account/sign-in", late.RedirectPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_not_kept_signed_in_has_a_browser_cookie_that_ends_after_30_idle_minutes_or_12_busy_hours()
    {
        using var person = await app.SignUpAsync();
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var atTime = app.AtTime(clock);
        using var idle = await SignInAsync(atTime, person.Email);
        using var busy = await SignInAsync(atTime, person.Email);
        Assert.Equal(DateTime.MinValue, busy.CookieNamed(AccountsCookie)!.Expires);
        var start = clock.Now;

        clock.Now = start + TimeSpan.FromMinutes(29);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/my/plan")).Status);
        clock.Now = start + TimeSpan.FromMinutes(31);
        Assert.Equal(HttpStatusCode.Redirect, (await idle.GetAsync("/my/plan")).Status);

        while (clock.Now < start + TimeSpan.FromHours(12) - TimeSpan.FromMinutes(20))
        {
            clock.Now += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/my/plan")).Status);
        }
        clock.Now = start + TimeSpan.FromHours(12);
        Assert.Equal(HttpStatusCode.Redirect, (await busy.GetAsync("/my/plan")).Status);
    }

    [Fact]
    public async Task Keep_me_signed_in_is_offered_to_people_and_off_until_ticked()
    {
        using var browser = Browser.For(app);
        var page = await browser.GetAsync("/account/sign-in");

        var box = page.Document.QuerySelector("input[type=checkbox][name='Input.KeepSignedIn']");
        Assert.NotNull(box);
        Assert.False(box.HasAttribute("checked"));
        Assert.Contains("Keep me signed in", page.Text($"label[for='{box.Id}']"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keep_me_signed_in_gives_a_person_a_cookie_for_at_most_30_days_that_ends_then()
    {
        using var person = await app.SignUpAsync();
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var atTime = app.AtTime(clock);
        using var kept = await SignInAsync(atTime, person.Email, keepSignedIn: true);
        var start = clock.Now;

        var expires = new DateTimeOffset(DateTime.SpecifyKind(kept.CookieNamed(AccountsCookie)!.Expires.ToUniversalTime(), DateTimeKind.Utc));
        Assert.InRange(expires, start + TimeSpan.FromDays(29), start + TimeSpan.FromDays(30));

        // Days without a visit do not end it...
        clock.Now = start + TimeSpan.FromDays(29);
        Assert.Equal(HttpStatusCode.OK, (await kept.GetAsync("/my/plan")).Status);
        // ...and visits do not stretch it past 30 days.
        clock.Now = start + TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1);
        AssertSentToSignIn(await ReplayAsync(kept.CookieHeader(), "/my/plan", atTime));
    }

    [Fact]
    public async Task Staff_are_never_kept_signed_in_even_when_they_tick_the_box()
    {
        using var staff = await app.SignInAsStaffAsync(Roles.Navigator);
        await staff.Browser.SubmitAsync("/account", [], "/account/sign-out");

        using var browser = Browser.For(app);
        var password = await browser.SubmitAsync("/account/sign-in",
            [new("Input.Email", staff.Account.Email), new("Input.Password", AccountsApp.GoodPassword), new("Input.KeepSignedIn", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, password.Status);
        var code = await browser.SubmitAsync(password.RedirectPath, [new("Code", staff.RecoveryCodes[0])]);
        Assert.Equal(HttpStatusCode.Redirect, code.Status);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/navigator/referrals")).Status);
        Assert.Equal(DateTime.MinValue, browser.CookieNamed(AccountsCookie)!.Expires);
    }

    [Fact]
    public async Task Staff_signing_in_for_the_first_time_are_not_kept_signed_in_either()
    {
        var account = await app.AddUserAsync(Roles.Navigator);
        using var browser = Browser.For(app);
        await browser.SubmitAsync(account.SetPasswordPath, [new("Password", AccountsApp.GoodPassword)]);

        var signIn = await browser.SubmitAsync("/account/sign-in",
            [new("Input.Email", account.Email), new("Input.Password", AccountsApp.GoodPassword), new("Input.KeepSignedIn", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        Assert.Equal(DateTime.MinValue, browser.CookieNamed(AccountsCookie)!.Expires);
    }

    [Fact]
    public async Task A_person_signs_out_of_all_other_devices_and_stays_signed_in_on_this_one()
    {
        using var person = await app.SignUpAsync();
        using var phone = await SignInAsync(app, person.Email);
        using var library = await SignInAsync(app, person.Email);
        var copy = library.CookieHeader();

        var account = await person.Browser.GetAsync("/account");
        Assert.Contains("2 other devices", account.Text("#other-sessions"), StringComparison.Ordinal);
        var done = await person.Browser.SubmitAsync("/account", [], "/account/sign-out-others");
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal("/account", done.RedirectPath);
        var after = await person.Browser.GetAsync("/account");
        Assert.Contains("signed out of Waymark on all your other devices", after.Text("#success-banner"), StringComparison.Ordinal);
        Assert.Contains("not signed in to Waymark anywhere else", after.Text("#other-sessions"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await person.Browser.GetAsync("/my/plan")).Status);
        AssertSentToSignIn(await phone.Client.GetAsync(new Uri("/my/plan", UriKind.Relative)));
        AssertSentToSignIn(await ReplayAsync(copy, "/my/plan"));
    }

    [Fact]
    public async Task Staff_sign_out_of_all_other_devices_too()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderAdmin, org.Id);
        using var other = Browser.For(app);
        var password = await other.SubmitAsync("/account/sign-in", [new("Input.Email", staff.Account.Email), new("Input.Password", AccountsApp.GoodPassword)]);
        await other.SubmitAsync(password.RedirectPath, [new("Code", staff.RecoveryCodes[0])]);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/provider")).Status);

        var done = await staff.Browser.SubmitAsync("/account", [], "/account/sign-out-others");
        Assert.Equal(HttpStatusCode.Redirect, done.Status);

        AssertSentToSignIn(await other.Client.GetAsync(new Uri("/provider", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, (await staff.Browser.GetAsync("/provider")).Status);
    }

    [Fact]
    public async Task Session_starts_and_ends_are_audited_with_why_and_nothing_secret()
    {
        using var person = await app.SignUpAsync();
        using var elsewhere = await SignInAsync(app, person.Email);
        var cookie = person.Browser.CookieNamed(AccountsCookie)!.Value;
        await person.Browser.SubmitAsync("/account", [], "/account/sign-out-others");
        await person.Browser.SubmitAsync("/account", [], "/account/sign-out");

        await using var db = app.OpenDb();
        var events = await db.AuditEvents.Where(a => a.ActorId == person.UserId && a.Action.StartsWith("session-"))
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.SessionStarted, AuditActions.SessionStarted, AuditActions.SessionEnded, AuditActions.SessionEnded],
            events.Select(e => e.Action).ToList());
        Assert.Contains("signed out from another device", events[2].Detail, StringComparison.Ordinal);
        Assert.Contains("signed out", events[3].Detail, StringComparison.Ordinal);
        var everything = string.Join("\n", events.Select(e => e.Detail));
        Assert.DoesNotContain(AccountsApp.GoodPassword, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(cookie[..20], everything, StringComparison.Ordinal);
    }

    private const string AccountsCookie = "waymark-session";

    private static async Task<Browser> SignInAsync(WebApplicationFactory<Program> through, string email, bool keepSignedIn = false)
    {
        var browser = Browser.For(through);
        var signIn = await browser.SubmitAsync("/account/sign-in",
            [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword), .. keepSignedIn ? new KeyValuePair<string, string>[] { new("Input.KeepSignedIn", "true") } : []]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
        return browser;
    }

    /// <summary>Sends the copied cookies from somewhere else, as someone who took them would.</summary>
    private async Task<HttpResponseMessage> ReplayAsync(string cookieHeader, string path, WebApplicationFactory<Program>? through = null)
    {
        using var client = (through ?? app).CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", cookieHeader);
        return await client.SendAsync(request);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location?.IsAbsoluteUri == true ? response.Headers.Location.PathAndQuery : response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
