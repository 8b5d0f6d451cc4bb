using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Waymark.Tests.Infrastructure;

public sealed record PersonSession(Browser Browser, Guid UserId, string Email) : IDisposable
{
    public void Dispose() => Browser.Dispose();
}

public static partial class PersonBuilders
{
    /// <summary>Signs up through the pages as a person would: create, open the emailed link, confirm with the password (which signs them in).</summary>
    public static async Task<PersonSession> SignUpAsync(this AccountsApp app, string? email = null)
    {
        email ??= $"person-{Guid.NewGuid():N}@example.org";
        var browser = Browser.For(app);
        var created = await browser.SubmitAsync("/account/create", [new("Email", email), new("Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal("/account/check-email", created.RedirectPath);

        var link = await EmailedLinkAsync(app, email, "/account/confirm-email");
        var confirmed = await browser.SubmitAsync(link, [new("Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        Assert.Equal("/account", confirmed.RedirectPath);
        await using var db = app.OpenDb();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new PersonSession(browser, id, email);
    }

    /// <summary>
    /// Waits until every sign-up, reset and sign-in record asked for so far has been worked on: each is a row in
    /// <c>account_work</c> until the transaction that saves its work deletes it (see AccountWork).
    /// </summary>
    public static async Task AccountWorkDoneAsync(this WaymarkApp app)
    {
        // Generous: this only stops a broken run from hanging, it is not a time the work must meet.
        var giveUp = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (await app.AccountWorkWaitingAsync() > 0)
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException("Account work was still waiting after two minutes.");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Sign-ups, resets and sign-in records not yet worked on, by any node of this database.</summary>
    public static async Task<int> AccountWorkWaitingAsync(this WaymarkApp app)
    {
        await using var db = app.OpenDb();
        return await db.AccountWork.CountAsync();
    }

    /// <summary>The path and query of the newest link in the outbox to the address that contains <paramref name="pathPart"/>, once the account work asked for so far is done.</summary>
    public static async Task<string> EmailedLinkAsync(AccountsApp app, string email, string pathPart)
    {
        await app.AccountWorkDoneAsync();
        return await NewestLinkAsync(app, email, pathPart);
    }

    /// <summary>As <see cref="EmailedLinkAsync"/>, without waiting for the account work.</summary>
    public static async Task<string> NewestLinkAsync(WaymarkApp app, string email, string pathPart)
    {
        await using var db = app.OpenDb();
        var bodies = await db.OutboxMessages.Where(m => m.Recipient == email).OrderByDescending(m => m.CreatedAt).Select(m => m.Body).ToListAsync();
        var link = bodies.Select(b => Link().Match(b)).FirstOrDefault(m => m.Success && m.Value.Contains(pathPart, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No link to {pathPart} was sent to {email}.");
        return new Uri(link.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
