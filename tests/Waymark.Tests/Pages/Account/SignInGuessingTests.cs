using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Pages.Account;

namespace Waymark.Tests.Pages.Account;

/// <summary>The app, with each test browser able to come from a network of its choosing (as behind many addresses).</summary>
public class NetworksApp : AccountsApp
{
    private const string Header = "X-Test-Client-Address";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, AddressFromHeader>());
    }

    public Browser BrowserFrom(string address)
    {
        var browser = Browser.For(this);
        browser.Client.DefaultRequestHeaders.Add(Header, address);
        return browser;
    }

    /// <summary>The counter of wrong tries at an account from one network, or from everywhere (null).</summary>
    public async Task<SignInCounter?> CounterAsync(string email, string? address)
    {
        await using var db = OpenDb();
        var account = SignInAttempts.AccountKey(email);
        var client = address is null ? SignInAttempts.EveryClient : SignInAttempts.ClientKey(IPAddress.Parse(address));
        return await db.SignInCounters.SingleOrDefaultAsync(c => c.AccountKey == account && c.ClientKey == client);
    }

    private sealed class AddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                return then(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// Guessing at a password or authenticator code: every guess counts once however many arrive together, none is
/// answered 500, a network that guesses locks only itself out, and guessing from many networks cannot lock the
/// owner out of a network they use (docs/adr/0011-lock-the-network-not-the-account.md).
/// </summary>
public sealed class SignInGuessingTests(NetworksApp app) : IClassFixture<NetworksApp>
{
    private const string Attacker = "203.0.113.7";

    [Fact]
    public async Task A_burst_of_64_parallel_guesses_counts_each_once_locks_and_never_answers_500()
    {
        var (owner, account) = await app.SignInWithPasswordOnlyAsync(Roles.Person);
        owner.Dispose();
        using var browser = app.BrowserFrom(Attacker);
        var token = (await browser.GetAsync("/account/sign-in")).AntiforgeryToken();

        var first = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            browser.PostAsync("/account/sign-in", token, [new("Input.Email", account.Email), new("Input.Password", $"wrong guess number {i}")])));
        // The right password inside a second burst, after the limit: it must not sign in.
        var second = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            browser.PostAsync("/account/sign-in", token, [new("Input.Email", account.Email), new("Input.Password", i == 8 ? AccountsApp.GoodPassword : $"another wrong guess {i}")])));

        Assert.All(first.Concat(second), p =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, p.Status);
            Assert.Equal([SignInModel.WrongDetails], p.ErrorSummary());
        });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account")).Status);
        var fromAttacker = await app.CounterAsync(account.Email, Attacker);
        Assert.Equal(80, fromAttacker!.Failures);
        Assert.True(fromAttacker.LockedUntil > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.Equal(80, (await app.CounterAsync(account.Email, null))!.Failures);

        // Exactly five guesses were checked; the other 75 were turned away unchecked. One row each, none holding what was typed.
        await app.AccountWorkDoneAsync();
        await using var db = app.OpenDb();
        var actions = await db.AuditEvents.Where(a => a.ActorId == account.UserId && a.Action != AuditActions.PasswordSet).Select(a => new { a.Action, a.Detail }).ToListAsync();
        Assert.Equal(1, actions.Count(a => a.Action == AuditActions.SignIn));
        Assert.Equal(5, actions.Count(a => a.Action == AuditActions.SignInFailed));
        Assert.Equal(75, actions.Count(a => a.Action == AuditActions.SignInLockedOut));
        Assert.DoesNotContain(actions, a => a.Detail != null && (a.Detail.Contains("guess", StringComparison.Ordinal) || a.Detail.Contains("lantern", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Guesses_from_one_network_lock_that_network_out_but_not_the_owner_on_another()
    {
        var (owner, account) = await app.SignInWithPasswordOnlyAsync(Roles.Admin);
        owner.Dispose();
        using var attacker = app.BrowserFrom(Attacker);
        for (var i = 0; i < SignInAttempts.PerClient.Attempts; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.SubmitAsync("/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", $"wrong guess {i}")])).Status);
        }
        var right = await attacker.SubmitAsync("/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.BadRequest, right.Status);
        Assert.Equal([SignInModel.WrongDetails], right.ErrorSummary());

        // The owner, at work on a network they have not signed in from before.
        using var work = app.BrowserFrom("198.51.100.20");
        var signedIn = await work.SubmitAsync("/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.StartsWith("/account/authenticator", signedIn.RedirectPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Guesses_from_many_networks_lock_the_account_except_on_networks_the_owner_has_used()
    {
        var account = await app.AddUserAsync(Roles.Person);
        using (var home = app.BrowserFrom("192.0.2.10"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await home.SubmitAsync(account.SetPasswordPath, [new("Password", AccountsApp.GoodPassword)])).Status);
            Assert.Equal(HttpStatusCode.Redirect, (await home.SubmitAsync("/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", AccountsApp.GoodPassword)])).Status);
        }

        // Four guesses from each of five networks: under each network's limit, at the account's.
        for (var n = 0; n < 5; n++)
        {
            using var bot = app.BrowserFrom($"203.0.113.{20 + n}");
            var token = (await bot.GetAsync("/account/sign-in")).AntiforgeryToken();
            var pages = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
                bot.PostAsync("/account/sign-in", token, [new("Input.Email", account.Email), new("Input.Password", $"guess {n}-{i}")])));
            Assert.All(pages, p => Assert.Equal(HttpStatusCode.BadRequest, p.Status));
        }
        Assert.Equal(SignInAttempts.PerAccount.Attempts, (await app.CounterAsync(account.Email, null))!.Failures);

        // A network the owner has never used is now turned away, right password or not...
        using var cafe = app.BrowserFrom("198.51.100.30");
        var refused = await cafe.SubmitAsync("/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal([SignInModel.WrongDetails], refused.ErrorSummary());

        // ...but at home, where they have signed in before, the owner still gets in.
        using var again = app.BrowserFrom("192.0.2.10");
        Assert.Equal(HttpStatusCode.Redirect, (await again.SubmitAsync("/account/sign-in", [new("Input.Email", account.Email), new("Input.Password", AccountsApp.GoodPassword)])).Status);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/account")).Status);
    }

    [Fact]
    public async Task A_password_reset_ends_the_locks_and_the_network_it_was_done_from_stays_open_while_guessing_goes_on()
    {
        using var person = await app.SignUpAsync();
        await GuessFromManyNetworksAsync(person.Email, SignInAttempts.PerAccount.Attempts + 5);
        using var phone = app.BrowserFrom("2001:db8:1:2::77");
        Assert.Equal(HttpStatusCode.BadRequest, (await phone.SubmitAsync("/account/sign-in", [new("Input.Email", person.Email), new("Input.Password", AccountsApp.GoodPassword)])).Status);

        // The message points the way: "Forgotten your password?".
        Assert.Equal(HttpStatusCode.Redirect, (await phone.SubmitAsync("/account/forgot-password", [new("Email", person.Email)])).Status);
        var link = await PersonBuilders.EmailedLinkAsync(app, person.Email, "/account/reset-password");
        Assert.Equal(HttpStatusCode.Redirect, (await phone.SubmitAsync(link, [new("Password", "copper kettle morning")])).Status);
        Assert.Null(await app.CounterAsync(person.Email, null));

        // The guessing goes on and locks the account again, but not the phone's network (any address in its /64).
        await GuessFromManyNetworksAsync(person.Email, SignInAttempts.PerAccount.Attempts + 5);
        Assert.True((await app.CounterAsync(person.Email, null))!.LockedUntil > DateTimeOffset.UtcNow);
        using var phoneLater = app.BrowserFrom("2001:db8:1:2::99");
        Assert.Equal(HttpStatusCode.Redirect, (await phoneLater.SubmitAsync("/account/sign-in", [new("Input.Email", person.Email), new("Input.Password", "copper kettle morning")])).Status);
    }

    [Fact]
    public async Task An_address_with_no_account_is_counted_and_locked_the_same_way()
    {
        var nobody = $"nobody-{Guid.NewGuid():N}@example.org";
        using var browser = app.BrowserFrom(Attacker);
        var token = (await browser.GetAsync("/account/sign-in")).AntiforgeryToken();
        var pages = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            browser.PostAsync("/account/sign-in", token, [new("Input.Email", nobody), new("Input.Password", $"wrong guess number {i}")])));

        Assert.All(pages, p => Assert.Equal([SignInModel.WrongDetails], p.ErrorSummary()));
        var counter = await app.CounterAsync(nobody, Attacker);
        Assert.Equal(12, counter!.Failures);
        Assert.True(counter.LockedUntil > DateTimeOffset.UtcNow);
        // Only hashes: the address itself is nowhere in the counters.
        await using var db = app.OpenDb();
        Assert.False(await db.SignInCounters.AnyAsync(c => c.AccountKey.Contains("nobody") || c.ClientKey.Contains("203.0.113")));
    }

    [Fact]
    public async Task A_burst_of_wrong_authenticator_codes_counts_each_once_locks_and_never_answers_500()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        string email, key;
        using (var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id))
        {
            email = staff.Account.Email;
            key = staff.AuthenticatorKey;
        }
        // Someone who has the password, guessing at the code.
        using var browser = app.BrowserFrom(Attacker);
        Assert.StartsWith("/account/sign-in/code", (await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)])).RedirectPath, StringComparison.Ordinal);
        var token = (await browser.GetAsync("/account/sign-in/code")).AntiforgeryToken();
        var next = Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30));
        var guesses = Enumerable.Range(0, 40).Select(i => (100_000 + (i * 7919)).ToString(System.Globalization.CultureInfo.InvariantCulture)).Where(c => c != next).ToList();

        var pages = await Task.WhenAll(guesses.Select(code => browser.PostAsync("/account/sign-in/code", token, [new("Code", code)])));
        var right = await browser.PostAsync("/account/sign-in/code", token, [new("Code", next)]);

        Assert.All(pages.Append(right), p =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, p.Status);
            Assert.Equal([SignInCodeModel.WrongCode], p.ErrorSummary());
        });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/provider")).Status);
        Assert.Equal(guesses.Count + 1, (await app.CounterAsync(email, Attacker))!.Failures);
        await using var db = app.OpenDb();
        Assert.Equal(5, await db.AuditEvents.CountAsync(a => a.ActorEmail == email && a.Action == AuditActions.SignInSecondFactorFailed));

        // The same code, from the owner's own network, works: it was the lock that turned it away.
        using var owner = Browser.For(app);
        await owner.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SubmitAsync("/account/sign-in/code", [new("Code", next)])).Status);
    }

    [Fact]
    public async Task One_recovery_code_sent_from_several_browsers_at_once_signs_in_once_and_never_answers_500()
    {
        var (org, _, _) = await app.AddOrganisationAsync();
        string email, recovery;
        using (var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id))
        {
            email = staff.Account.Email;
            recovery = staff.RecoveryCodes[0];
        }
        var browsers = new List<(Browser Browser, string Token)>();
        for (var i = 0; i < 4; i++)
        {
            var browser = app.BrowserFrom($"198.51.100.{40 + i}");
            await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);
            browsers.Add((browser, (await browser.GetAsync("/account/sign-in/code")).AntiforgeryToken()));
        }

        var pages = await Task.WhenAll(browsers.Select(b => b.Browser.PostAsync("/account/sign-in/code", b.Token, [new("Code", recovery)])));

        Assert.Single(pages, p => p.Status == HttpStatusCode.Redirect);
        Assert.Equal(3, pages.Count(p => p.Status == HttpStatusCode.BadRequest));
        foreach (var (browser, _) in browsers)
        {
            browser.Dispose();
        }
    }

    [Fact]
    public async Task Deleting_the_account_removes_its_counters()
    {
        using var person = await app.SignUpAsync();
        await GuessFromManyNetworksAsync(person.Email, 3);
        Assert.NotNull(await app.CounterAsync(person.Email, null));

        Assert.Equal(HttpStatusCode.Redirect, (await person.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")])).Status);

        await using var db = app.OpenDb();
        var key = SignInAttempts.AccountKey(person.Email);
        Assert.False(await db.SignInCounters.AnyAsync(c => c.AccountKey == key));
    }

    private async Task GuessFromManyNetworksAsync(string email, int guesses)
    {
        for (var i = 0; i < guesses; i++)
        {
            using var bot = app.BrowserFrom($"203.0.113.{100 + (i % 50)}");
            Assert.Equal(HttpStatusCode.BadRequest, (await bot.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", $"guess {i}")])).Status);
        }
    }
}
