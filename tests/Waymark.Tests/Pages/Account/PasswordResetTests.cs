using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Waymark.Core.Accounts;
using Waymark.Core.People;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Accounts;

namespace Waymark.Tests.Pages.Account;

/// <summary>The app with links in emails going to a public address unlike the test server's own.</summary>
public sealed class PublicUrlApp : AccountsApp
{
    public const string PublicUrl = "https://waymark.example.org/";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("WAYMARK_PUBLIC_URL", PublicUrl);
    }
}

/// <summary>"Forgotten your password?" for people: same answer for any address, a one-hour single-use link by email, the sign-up password rules, other sessions ended, staff left to their administrator.</summary>
public sealed class PasswordResetTests(PublicUrlApp app) : IClassFixture<PublicUrlApp>
{
    private const string NewPassword = "puffin ledger saucepan";

    [Fact]
    public async Task A_person_asks_for_a_link_chooses_a_new_password_and_signs_in_with_it_not_the_old_one()
    {
        using var person = await app.SignUpAsync();
        using var browser = Browser.For(app);
        var signInPage = await browser.GetAsync("/account/sign-in");
        Assert.NotNull(signInPage.Document.QuerySelector("a[href='/account/forgot-password']"));

        var asked = await browser.SubmitAsync("/account/forgot-password", [new("Email", person.Email)]);
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Equal("/account/forgot-password/sent", asked.Location?.OriginalString);
        var link = await PersonBuilders.EmailedLinkAsync(app, person.Email, "/account/reset-password");

        // Opening the link (as a mail scanner would, twice) spends nothing; the form post does.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(link)).Status);
        var changed = await browser.SubmitAsync(link, [new("Password", NewPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);
        Assert.Equal("/account/sign-in?PasswordChanged=true", changed.Location?.OriginalString);
        var notice = await browser.GetAsync(changed.Location!.OriginalString);
        Assert.Contains("Your password has been changed", notice.Html, StringComparison.Ordinal);
        // Nobody was signed in by the reset.
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/my/plan")).Status);

        var old = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", person.Email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.BadRequest, old.Status);
        var fresh = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", person.Email), new("Input.Password", NewPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, fresh.Status);

        // The link works once.
        using var again = Browser.For(app);
        var used = await again.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, used.Status);
        Assert.Equal("This link has not worked", used.Text("h1"));
    }

    [Fact]
    public async Task The_email_links_to_the_public_address_says_how_long_it_works_and_says_nothing_about_what_the_service_is_for()
    {
        using var person = await app.SignUpAsync();
        using var browser = Browser.For(app);
        await browser.SubmitAsync("/account/forgot-password", [new("Email", person.Email)]);
        await app.AccountWorkDoneAsync();

        await using var db = app.OpenDb();
        var email = await db.OutboxMessages.Where(m => m.Recipient == person.Email && m.Subject == PasswordReset.EmailSubject).SingleAsync();
        Assert.Equal("email", email.Channel);
        Assert.Contains($"\n{PublicUrlApp.PublicUrl}account/reset-password?user={person.UserId}&token=", email.Body, StringComparison.Ordinal);
        Assert.Contains("works once, for 1 hour", email.Body, StringComparison.Ordinal);
        foreach (var word in new[] { "harm", "crisis", "support", "referral", "mental", "Samaritans" })
        {
            Assert.DoesNotContain(word, email.Subject + email.Body, StringComparison.OrdinalIgnoreCase);
        }
        // The sign-up confirmation goes to the public address too.
        var confirm = await db.OutboxMessages.Where(m => m.Recipient == person.Email && m.Subject != PasswordReset.EmailSubject).FirstAsync();
        Assert.Contains($"{PublicUrlApp.PublicUrl}account/confirm-email?", confirm.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_links_live_an_hour_while_confirmation_links_keep_their_day()
    {
        var reset = app.Services.GetRequiredService<IOptions<PasswordResetTokenProviderOptions>>().Value;
        var confirm = app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Identity.DataProtectionTokenProviderOptions>>().Value;
        Assert.Equal(TimeSpan.FromHours(1), reset.TokenLifespan);
        Assert.Equal(TimeSpan.FromDays(1), confirm.TokenLifespan);
        Assert.NotEqual(confirm.Name, reset.Name);
    }

    [Fact]
    public async Task Known_unknown_and_staff_addresses_get_the_same_answer_and_only_a_person_gets_a_link()
    {
        using var person = await app.SignUpAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.Navigator);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";

        var answers = new List<Page>();
        foreach (var address in new[] { person.Email, unknown, staff.Account.Email })
        {
            using var browser = Browser.For(app);
            var asked = await browser.SubmitAsync("/account/forgot-password", [new("Email", address)]);
            Assert.Equal(HttpStatusCode.Redirect, asked.Status);
            answers.Add(await browser.GetAsync(asked.Location!.OriginalString));
        }
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Single(answers.Select(a => a.Html).Distinct());
        Assert.Contains("If an account uses that email address", answers[0].Html, StringComparison.Ordinal);
        await app.AccountWorkDoneAsync();

        await using var db = app.OpenDb();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Recipient == unknown));
        var toStaff = await db.OutboxMessages.Where(m => m.Recipient == staff.Account.Email).OrderByDescending(m => m.CreatedAt).FirstAsync();
        Assert.DoesNotContain("reset-password", toStaff.Body, StringComparison.Ordinal);
        Assert.Contains("administrator", toStaff.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_cannot_reset_a_staff_password_even_if_one_is_made()
    {
        using var staff = await app.SignInAsStaffAsync(Roles.Admin);
        string token;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<WaymarkUser>>();
            token = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(staff.Account.UserId.ToString()))!);
        }
        var link = $"/account/reset-password?user={staff.Account.UserId}&token={Uri.EscapeDataString(token)}";
        using var browser = Browser.For(app);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(link)).Status);
        var form = await browser.GetAsync("/account/forgot-password");
        var post = await browser.PostAsync(link, form.AntiforgeryToken(), [new("user", staff.Account.UserId.ToString()), new("Token", token), new("Password", NewPassword)]);
        Assert.Equal(HttpStatusCode.BadRequest, post.Status);

        var signIn = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", staff.Account.Email), new("Input.Password", NewPassword)]);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.Status);
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_signed_in_sessions()
    {
        using var person = await app.SignUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await person.Browser.GetAsync("/my/plan")).Status);

        using var elsewhere = Browser.For(app);
        await elsewhere.SubmitAsync("/account/forgot-password", [new("Email", person.Email)]);
        var link = await PersonBuilders.EmailedLinkAsync(app, person.Email, "/account/reset-password");
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.SubmitAsync(link, [new("Password", NewPassword)])).Status);

        var after = await person.Browser.GetAsync("/my/plan");
        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.StartsWith("/account/sign-in", after.RedirectPath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Enter a new password")]
    [InlineData("short one", "Your password must be at least 12 characters. Three random words work well.")]
    [InlineData("password1234", "Choose a password that is harder to guess: this one is very common, follows a pattern, or uses our name or your email address. Try three random words.")]
    public async Task A_password_that_breaks_the_rules_is_refused_with_an_error_summary_and_the_link_still_works(string password, string error)
    {
        using var person = await app.SignUpAsync();
        using var browser = Browser.For(app);
        await browser.SubmitAsync("/account/forgot-password", [new("Email", person.Email)]);
        var link = await PersonBuilders.EmailedLinkAsync(app, person.Email, "/account/reset-password");

        var refused = await browser.SubmitAsync(link, [new("Password", password)]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal([error], refused.ErrorSummary());
        Assert.Equal(["#Password"], refused.ErrorSummaryLinks());
        Assert.Empty(refused.Document.QuerySelector("#Password")!.GetAttribute("value") ?? "");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(link, [new("Password", NewPassword)])).Status);
    }

    [Theory]
    [InlineData("", "Enter your email address")]
    [InlineData("not-an-address", "Enter an email address in the right format, like name@example.com")]
    public async Task A_missing_or_malformed_address_is_shown_in_an_error_summary(string email, string error)
    {
        using var browser = Browser.For(app);
        var page = await browser.SubmitAsync("/account/forgot-password", [new("Email", email)]);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([error], page.ErrorSummary());
        Assert.Equal(["#Email"], page.ErrorSummaryLinks());
    }

    [Fact]
    public async Task A_made_up_or_mangled_link_does_not_work()
    {
        using var person = await app.SignUpAsync();
        using var browser = Browser.For(app);
        var madeUp = await browser.GetAsync($"/account/reset-password?user={person.UserId}&token=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, madeUp.Status);
        Assert.Equal("This link has not worked", madeUp.Text("h1"));
        Assert.Null(madeUp.Document.QuerySelector("#Password"));
        var noUser = await browser.GetAsync($"/account/reset-password?user={Guid.NewGuid()}&token=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, noUser.Status);
    }

    [Fact]
    public async Task No_more_than_three_reset_emails_an_hour_go_to_one_account()
    {
        using var person = await app.SignUpAsync();
        using var browser = Browser.For(app);
        for (var i = 0; i < 5; i++)
        {
            var asked = await browser.SubmitAsync("/account/forgot-password", [new("Email", person.Email)]);
            Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        }
        await app.AccountWorkDoneAsync();
        await using var db = app.OpenDb();
        Assert.Equal(PasswordReset.EmailsPerHour, await db.OutboxMessages.CountAsync(m => m.Recipient == person.Email && m.Subject == PasswordReset.EmailSubject));
    }

    [Fact]
    public async Task Person_sign_ins_and_resets_are_audited_without_the_password()
    {
        using var person = await app.SignUpAsync();
        using var browser = Browser.For(app);
        await browser.SubmitAsync("/account/sign-in", [new("Input.Email", person.Email), new("Input.Password", "not my password at all")]);
        await browser.SubmitAsync("/account/forgot-password", [new("Email", person.Email)]);
        var link = await PersonBuilders.EmailedLinkAsync(app, person.Email, "/account/reset-password");
        await browser.SubmitAsync(link, [new("Password", NewPassword)]);
        await browser.SubmitAsync("/account/sign-in", [new("Input.Email", person.Email), new("Input.Password", NewPassword)]);
        await app.AccountWorkDoneAsync();

        await using var db = app.OpenDb();
        var events = await db.AuditEvents.Where(a => a.ActorId == person.UserId).OrderBy(a => a.OccurredAt).ThenBy(a => a.Id).ToListAsync();
        var actions = events.Select(a => a.Action).Where(a => a.StartsWith("sign-in", StringComparison.Ordinal) || a.StartsWith("password", StringComparison.Ordinal)).ToList();
        // SignUpAsync signed in once first.
        Assert.Equal([AuditActions.SignIn, AuditActions.SignInFailed, AuditActions.PasswordResetRequested, AuditActions.PasswordReset, AuditActions.SignIn], actions);
        Assert.All(events, e =>
        {
            Assert.Equal(person.Email, e.ActorEmail);
            Assert.Equal(person.UserId.ToString(), e.SubjectId);
        });
        var everything = string.Join("\n", events.Select(e => $"{e.ActorEmail} {e.Detail} {e.SubjectId}"));
        Assert.DoesNotContain(NewPassword, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountsApp.GoodPassword, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("not my password", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("token", everything, StringComparison.OrdinalIgnoreCase);
    }
}
