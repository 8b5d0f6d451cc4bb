using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Web.Accounts;

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
    /// Waits until every sign-up and reset asked for so far has been worked on: they are worked on one at a
    /// time, in order, after the answer (see AccountWork), so a marker queued now runs after them.
    /// </summary>
    public static async Task AccountWorkDoneAsync(this WaymarkApp app)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await app.Services.GetRequiredService<AccountWork>().QueueAsync((_, _) =>
        {
            done.SetResult();
            return Task.CompletedTask;
        }, CancellationToken.None);
        // Generous: this only stops a broken run from hanging, it is not a time the work must meet.
        await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
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
