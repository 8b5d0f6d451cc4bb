using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Tests.Infrastructure;

namespace Waymark.BrowserTests;

/// <summary>Accounts in the browser tests: the password they all choose, signing in as a person would, and the links emailed to them.</summary>
internal static partial class BrowserAccounts
{
    public const string Password = "heron lantern orchard";

    /// <summary>Chooses the password through the account's set-password link, signs in, and sets up the authenticator when asked to (staff must).</summary>
    public static async Task SignInAsync(IPage page, NewAccount account, bool withAuthenticator)
    {
        await page.GotoAsync(account.SetPasswordPath);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.FillAsync("#Input_Email", account.Email);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("form[novalidate] button[type=submit]");
        if (withAuthenticator)
        {
            var key = await page.InnerTextAsync("#authenticator-key");
            await page.FillAsync("#Code", Totp.Code(key, DateTimeOffset.UtcNow));
            await page.ClickAsync("form[novalidate] button[type=submit]");
        }
    }

    /// <summary>
    /// The emailed link to <paramref name="pathPart"/>, once it is in the outbox: sign-ups and resets are worked on
    /// after the answer, so it may arrive a moment after the page. The limit only stops a broken run from hanging.
    /// </summary>
    public static async Task<string> EmailedLinkAsync(AppServer app, string email, string pathPart)
    {
        var giveUp = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            await using (var db = Database.Open(app.DatabaseConnection))
            {
                var bodies = await db.OutboxMessages.Where(m => m.Recipient == email).Select(m => m.Body).ToListAsync();
                var links = bodies.Select(b => Link().Match(b).Value).Where(l => l.Contains(pathPart, StringComparison.Ordinal)).ToList();
                if (links.Count > 0)
                {
                    return new Uri(links.Single()).PathAndQuery;
                }
            }
            if (DateTime.UtcNow > giveUp)
            {
                throw new InvalidOperationException($"No link to {pathPart} was sent to {email}.");
            }
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
