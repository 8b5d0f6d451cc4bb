using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Account;

/// <summary>
/// Sign-up refuses passwords an attacker tries first — the NCSC's 100,000 most breached passwords (any case, with digits
/// and symbols around them), repeats, keyboard and alphabet runs, the service's name — with one kind message, and makes
/// no account; a passphrase of random words is welcome.
/// </summary>
public sealed class GuessablePasswordTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private const string Kind = "Choose a password that is harder to guess: this one is very common, follows a pattern, or uses our name or your email address. Try three random words.";

    [Theory]
    [InlineData("startfinding")]            // in the NCSC list, 12 characters
    [InlineData("JustinBieber")]            // in the list, any case
    [InlineData("TELECHARGEMENT")]
    [InlineData("Basketball2024!")]         // a listed word with digits and symbols after it
    [InlineData("1990barcelona")]           // … or before it
    [InlineData("!!Sunflower!!")]
    [InlineData("aaaaaaaaaaaa")]            // one character repeated
    [InlineData("abcabcabcabc")]            // a short password repeated
    [InlineData("iloveyouiloveyou")]
    [InlineData("123456789012")]            // counting on, past 9
    [InlineData("210987654321")]            // counting down
    [InlineData("abcdefghijkl")]            // the alphabet
    [InlineData("qwertyuiopasdf")]          // along the keyboard
    [InlineData("1qaz2wsx3edc4rfv")]        // down its columns
    [InlineData("zxcvbnm,./asdf")]
    [InlineData("abcdefgh12345")]           // two runs
    [InlineData("Waymark2026!!")]           // the service's name with little else
    [InlineData("waymarkwaymark")]
    [InlineData("mywaymarkpassword")]       // its name around a listed word
    [InlineData("selfharm12345")]
    public async Task A_guessable_password_is_refused_kindly_and_no_account_is_made(string password)
    {
        using var browser = Browser.For(app);
        await using var before = app.OpenDb();
        var users = await before.Users.CountAsync();

        var page = await browser.SubmitAsync("/account/create", [new("Email", $"guess-{Guid.NewGuid():N}@example.org"), new("Password", password)]);
        await app.AccountWorkDoneAsync();

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([Kind], page.ErrorSummary());
        await using var after = app.OpenDb();
        Assert.Equal(users, await after.Users.CountAsync());
    }

    [Fact]
    public async Task A_password_that_is_the_email_name_with_digits_is_refused()
    {
        using var browser = Browser.For(app);
        var name = $"robin{Guid.NewGuid():N}"[..12];

        var page = await browser.SubmitAsync("/account/create", [new("Email", $"{name}@example.org"), new("Password", name + "2024")]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([Kind], page.ErrorSummary());
    }

    [Theory]
    [InlineData("heron lantern orchard")]
    [InlineData("waymark heron lantern")]   // the name is fine beside enough else
    [InlineData("Tr0ub4dor&3xyz")]
    [InlineData("kettle-bramble-otter")]
    public async Task A_passphrase_is_accepted(string password)
    {
        using var browser = Browser.For(app);

        var page = await browser.SubmitAsync("/account/create", [new("Email", $"phrase-{Guid.NewGuid():N}@example.org"), new("Password", password)]);
        await app.AccountWorkDoneAsync();

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
    }
}
