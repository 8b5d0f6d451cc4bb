using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.People;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Accounts;
using Waymark.Web.Pages.Account;
using Waymark.Web.Referrals;

namespace Waymark.Tests.Pages.Account;

/// <summary>The real password hasher, counting the passwords it checks.</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<WaymarkUser>
{
    private readonly PasswordHasher<WaymarkUser> _real = new(options);
    private int _checks;

    public int Checks => Volatile.Read(ref _checks);

    public string HashPassword(WaymarkUser user, string password) => _real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(WaymarkUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _checks);
        return _real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>Counts the database commands run while answering requests (not by background services).</summary>
public sealed class CountingCommands : DbCommandInterceptor
{
    private readonly HttpContextAccessor _request = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    private void Counted()
    {
        if (_request.HttpContext is not null)
        {
            Interlocked.Increment(ref _count);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Counted();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Counted();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Counted();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Counted();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Counted();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Counted();
        return ValueTask.FromResult(result);
    }
}

/// <summary>The app with a password hasher and database commands that count, and sign-ups and resets left waiting until a test works on them.</summary>
public sealed class HeldAccountWorkApp : AccountsApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<CountingPasswordHasher>();
            s.AddSingleton<IPasswordHasher<WaymarkUser>>(p => p.GetRequiredService<CountingPasswordHasher>());
            s.ConfigureDbContext<SqliteWaymarkDbContext>(o => o.AddInterceptors(_commands));
            s.ConfigureDbContext<PostgresWaymarkDbContext>(o => o.AddInterceptors(_commands));
            foreach (var worker in s.Where(d => d.ImplementationType == typeof(AccountWorkService)).ToList())
            {
                s.Remove(worker);
            }
        });
    }

    private readonly CountingCommands _commands = new();

    public int PasswordChecks => Services.GetRequiredService<CountingPasswordHasher>().Checks;

    /// <summary>Database commands run so far while answering requests.</summary>
    public int DatabaseCommands => _commands.Count;

    /// <summary>Works through what is waiting, as the app's own background service does, then stops.</summary>
    public async Task WorkThroughAsync()
    {
        using var worker = new AccountWorkService(Services.GetRequiredService<AccountWork>(), Services.GetRequiredService<OutboxOptions>(), NullLogger<AccountWorkService>.Instance);
        await worker.StartAsync(CancellationToken.None);
        await this.AccountWorkDoneAsync();
        await worker.StopAsync(CancellationToken.None);
    }
}

/// <summary>
/// Whether an address has an account shows neither in the answer nor in the work done before it: the lookup,
/// emails and audit of sign-up and reset happen after the answer, and sign-in checks a password either way.
/// (How long each takes is measured by the account-timing benchmark, not here.)
/// </summary>
public sealed class AccountExistenceTests(HeldAccountWorkApp app) : IClassFixture<HeldAccountWorkApp>
{
    private const string Password = "kettle meadow lantern";

    [Fact]
    public async Task A_reset_is_answered_before_the_account_is_looked_up_and_the_link_is_sent_afterwards()
    {
        var email = await ConfirmedPersonAsync();
        using var browser = Browser.For(app);

        var asked = await browser.SubmitAsync("/account/forgot-password", [new("Email", email)]);

        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Equal("/account/forgot-password/sent", asked.RedirectPath);
        Assert.Equal(1, await app.AccountWorkWaitingAsync());
        Assert.Equal(0, await ResetEmailsToAsync(email));

        await app.WorkThroughAsync();
        Assert.Equal(0, await app.AccountWorkWaitingAsync());
        Assert.Equal(1, await ResetEmailsToAsync(email));
        await using var db = app.OpenDb();
        Assert.True(await db.AuditEvents.AnyAsync(a => a.ActorEmail == email && a.Action == AuditActions.PasswordResetRequested));
    }

    [Fact]
    public async Task A_reset_for_an_address_with_no_account_stores_and_audits_nothing()
    {
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        await app.WorkThroughAsync();
        var before = await RowCountsAsync();
        using var browser = Browser.For(app);

        var asked = await browser.SubmitAsync("/account/forgot-password", [new("Email", unknown)]);
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        Assert.Equal("/account/forgot-password/sent", asked.RedirectPath);
        Assert.Equal(1, await app.AccountWorkWaitingAsync());
        await app.WorkThroughAsync();

        Assert.Equal(before, await RowCountsAsync());
        await using var db = app.OpenDb();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Recipient == unknown));
        Assert.False(await db.AuditEvents.AnyAsync(a => a.ActorEmail == unknown || a.Detail!.Contains(unknown)));
    }

    [Fact]
    public async Task A_sign_up_is_answered_before_the_account_is_made_and_a_known_address_is_answered_the_same()
    {
        var known = await ConfirmedPersonAsync();
        var fresh = $"new-{Guid.NewGuid():N}@example.org";
        using var first = Browser.For(app);
        using var second = Browser.For(app);

        var newcomer = await first.SubmitAsync("/account/create", [new("Email", fresh), new("Password", Password)]);
        var again = await second.SubmitAsync("/account/create", [new("Email", known), new("Password", "another long passphrase")]);

        Assert.Equal(HttpStatusCode.Redirect, newcomer.Status);
        Assert.Equal("/account/check-email", newcomer.RedirectPath);
        Assert.Equal(newcomer.RedirectPath, again.RedirectPath);
        Assert.Equal(2, await app.AccountWorkWaitingAsync());
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == fresh));
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Recipient == fresh || m.Subject == "You already have a Waymark account" && m.Recipient == known));
        }

        await app.WorkThroughAsync();
        await using (var db = app.OpenDb())
        {
            var user = await db.Users.SingleAsync(u => u.Email == fresh);
            Assert.StartsWith("AQAAAA", user.PasswordHash, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, user.PasswordHash, StringComparison.Ordinal);
            Assert.Equal([Roles.IdOf(Roles.Person)], await db.UserRoles.Where(r => r.UserId == user.Id).Select(r => r.RoleId).ToListAsync());
            Assert.True(await db.AuditEvents.AnyAsync(a => a.ActorId == user.Id && a.Action == PersonAudit.AccountCreated));
            Assert.True(await db.OutboxMessages.AnyAsync(m => m.Recipient == known && m.Subject == "You already have a Waymark account"));
        }
        // The password chosen in the form is the one that works once the address is confirmed.
        var link = await PersonBuilders.NewestLinkAsync(app, fresh, "/account/confirm-email");
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync(link, [new("Password", Password)])).Status);
        var signIn = await first.SubmitAsync("/account/sign-in", [new("Input.Email", fresh), new("Input.Password", Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.Status);
    }

    [Fact]
    public async Task Signing_in_with_an_address_that_has_no_account_checks_a_password_and_says_what_a_wrong_password_says()
    {
        var known = await ConfirmedPersonAsync();
        using var browser = Browser.For(app);
        await using var before = app.OpenDb();
        var audits = await before.AuditEvents.CountAsync();

        var unknown = await SignInAsync(browser, $"nobody-{Guid.NewGuid():N}@example.org", "not a password of anyone's");
        var wrong = await SignInAsync(browser, known, "not a password of anyone's");

        Assert.Equal((1, 1), (unknown.PasswordChecks, unknown.Queued));
        Assert.Equal((unknown.PasswordChecks, unknown.Queued, unknown.DatabaseCommands), (wrong.PasswordChecks, wrong.Queued, wrong.DatabaseCommands));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Page.Status);
        Assert.Equal(wrong.Page.Status, unknown.Page.Status);
        Assert.Equal([SignInModel.WrongDetails], unknown.Page.ErrorSummary());
        Assert.Equal(wrong.Page.ErrorSummary(), unknown.Page.ErrorSummary());
        // The audit row is written after the answer, and only the known account's failure has one.
        await using (var answered = app.OpenDb())
        {
            Assert.Equal(audits, await answered.AuditEvents.CountAsync());
        }
        await app.WorkThroughAsync();
        await using var after = app.OpenDb();
        Assert.Equal(audits + 1, await after.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task A_locked_account_is_answered_as_a_wrong_password_and_an_unknown_address_are_after_the_same_work()
    {
        var locked = await ConfirmedPersonAsync();
        var open = await ConfirmedPersonAsync();
        using var browser = Browser.For(app);
        for (var i = 0; i < SignInAttempts.PerClient.Attempts; i++)
        {
            await SignInAsync(browser, locked, $"wrong guess {i}");
        }

        // The locked account is given its right password, and is still turned away.
        var lockedRight = await SignInAsync(browser, locked, Password);
        var lockedWrong = await SignInAsync(browser, locked, "not a password of anyone's");
        var wrong = await SignInAsync(browser, open, "not a password of anyone's");
        var unknown = await SignInAsync(browser, $"nobody-{Guid.NewGuid():N}@example.org", "not a password of anyone's");

        foreach (var attempt in new[] { lockedRight, lockedWrong, wrong, unknown })
        {
            Assert.Equal(HttpStatusCode.BadRequest, attempt.Page.Status);
            Assert.Equal([SignInModel.WrongDetails], attempt.Page.ErrorSummary());
            Assert.Equal(1, attempt.PasswordChecks);
            Assert.Equal(1, attempt.Queued);
            Assert.Equal(unknown.DatabaseCommands, attempt.DatabaseCommands);
        }
        await app.WorkThroughAsync();
        await using var db = app.OpenDb();
        var lockedId = await db.Users.Where(u => u.Email == locked).Select(u => u.Id).SingleAsync();
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.ActorId == lockedId && a.Action == AuditActions.SignInLockedOut));
    }

    /// <summary>A sign-in POST, with the password checks, queued after-answer work and database commands it caused.</summary>
    private async Task<(Page Page, int PasswordChecks, int Queued, int DatabaseCommands)> SignInAsync(Browser browser, string email, string password)
    {
        var token = (await browser.GetAsync("/account/sign-in")).AntiforgeryToken();
        var (checks, queued, commands) = (app.PasswordChecks, await app.AccountWorkWaitingAsync(), app.DatabaseCommands);
        var page = await browser.PostAsync("/account/sign-in", token, [new("Input.Email", email), new("Input.Password", password)]);
        var waiting = await app.AccountWorkWaitingAsync();
        return (page, app.PasswordChecks - checks, waiting - queued, app.DatabaseCommands - commands);
    }

    [Fact]
    public async Task An_unconfirmed_account_with_a_wrong_password_says_what_a_wrong_password_says_and_only_the_right_one_hears_confirm_first()
    {
        var email = $"unconfirmed-{Guid.NewGuid():N}@example.org";
        using var browser = Browser.For(app);
        await browser.SubmitAsync("/account/create", [new("Email", email), new("Password", Password)]);
        await app.WorkThroughAsync();

        var checks = app.PasswordChecks;
        var wrong = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", "not a password of anyone's")]);
        Assert.True(app.PasswordChecks - checks >= 1);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal([SignInModel.WrongDetails], wrong.ErrorSummary());

        var right = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", Password)]);
        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.Contains(right.ErrorSummary(), e => e.StartsWith("Confirm your email address", StringComparison.Ordinal));
    }

    private async Task<string> ConfirmedPersonAsync()
    {
        var email = $"person-{Guid.NewGuid():N}@example.org";
        using var browser = Browser.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/account/create", [new("Email", email), new("Password", Password)])).Status);
        await app.WorkThroughAsync();
        var link = await PersonBuilders.NewestLinkAsync(app, email, "/account/confirm-email");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(link, [new("Password", Password)])).Status);
        return email;
    }

    private async Task<int> ResetEmailsToAsync(string email)
    {
        await using var db = app.OpenDb();
        return await db.OutboxMessages.CountAsync(m => m.Recipient == email && m.Subject == PasswordReset.EmailSubject);
    }

    private async Task<(int Users, int Outbox, int Audit)> RowCountsAsync()
    {
        await using var db = app.OpenDb();
        return (await db.Users.CountAsync(), await db.OutboxMessages.CountAsync(), await db.AuditEvents.CountAsync());
    }
}
