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
    /// <summary>Signs up through the pages as a person would: create, open the emailed link, confirm, sign in.</summary>
    public static async Task<PersonSession> SignUpAsync(this AccountsApp app, string? email = null)
    {
        email ??= $"person-{Guid.NewGuid():N}@example.org";
        var browser = Browser.For(app);
        var created = await browser.SubmitAsync("/account/create", [new("Email", email), new("Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        Assert.Equal("/account/check-email", created.RedirectPath);

        var link = await EmailedLinkAsync(app, email, "/account/confirm-email");
        var confirmed = await browser.SubmitAsync(link, []);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);

        var signedIn = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        await using var db = app.OpenDb();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return new PersonSession(browser, id, email);
    }

    /// <summary>The path and query of the newest link in the outbox to the address that contains <paramref name="pathPart"/>.</summary>
    public static async Task<string> EmailedLinkAsync(AccountsApp app, string email, string pathPart)
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
