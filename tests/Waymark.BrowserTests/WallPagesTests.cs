using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Wall;

namespace Waymark.BrowserTests;

/// <summary>
/// The wall in a real browser: a person writes, a moderator approves and it appears, a rejected note explains itself,
/// an urgent one tops the queue and gets a reply, and reports hide a note — every page checked by axe-core, with and
/// without JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WallPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_note_is_moderated_onto_the_wall_an_urgent_one_gets_a_reply_and_reports_hide_a_note(bool javaScript)
    {
        NewAccount person, moderator, readerOne, readerTwo;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            var accounts = new AccountAdministration(db, TimeProvider.System);
            person = await accounts.AddUserAsync($"person-{Guid.NewGuid():N}@example.org", Roles.Person, null, Actor.CommandLine);
            readerOne = await accounts.AddUserAsync($"person-{Guid.NewGuid():N}@example.org", Roles.Person, null, Actor.CommandLine);
            readerTwo = await accounts.AddUserAsync($"person-{Guid.NewGuid():N}@example.org", Roles.Person, null, Actor.CommandLine);
            moderator = await accounts.AddUserAsync($"moderator-{Guid.NewGuid():N}@example.org", Roles.Moderator, null, Actor.CommandLine);
        }
        var violations = new List<string>();
        var note = $"A walk by the canal helped me today {Guid.NewGuid():N}";

        var page = await browser.NewPageAsync(width: 320, height: 700, javaScript: javaScript);
        await BrowserAccounts.SignInAsync(page, person, withAuthenticator: false);
        await page.GotoAsync("/wall/write");
        await CheckAsync(page, "write", violations);
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.True(await page.Locator(".error-summary__list li").CountAsync() >= 1);
        await CheckAsync(page, "write with errors", violations);
        await page.FillAsync("#DisplayName", "Canal Walker");
        await page.CheckAsync("#Topic-what-helped");
        await page.FillAsync("#Text", note);
        await page.ClickAsync("form[novalidate] button[type=submit]");
        await page.WaitForSelectorAsync("#what-happens-next");
        await CheckAsync(page, "sent, held", violations);

        await WriteAsync(page, "you should just end it if it's that bad");
        Assert.Contains("We can't put this on the wall", await page.InnerTextAsync("#what-happens-next"), StringComparison.Ordinal);
        await CheckAsync(page, "sent, rejected", violations);
        await WriteAsync(page, "i'm going to kill myself tonight. sorry");
        Assert.True(await page.Locator("#crisis-card").IsVisibleAsync());
        Assert.Contains("reply to you privately", await page.InnerTextAsync("#what-happens-next"), StringComparison.Ordinal);
        await CheckAsync(page, "sent, urgent", violations);
        var urgentId = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);

        // Nothing is on the wall yet for anyone else.
        var reader = await browser.NewPageAsync(javaScript: javaScript);
        await reader.GotoAsync("/wall");
        Assert.Equal(0, await reader.Locator($"text={note}").CountAsync());

        var mod = await browser.NewPageAsync(javaScript: javaScript);
        await BrowserAccounts.SignInAsync(mod, moderator, withAuthenticator: true);
        await mod.GotoAsync("/moderate");
        Assert.Equal($"queue-{urgentId}", await mod.Locator("#queue tbody tr").First.GetAttributeAsync("id"));
        await CheckAsync(mod, "queue", violations);
        Guid nameId, noteId;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            var userId = await db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync();
            nameId = await db.WallItems.Where(i => i.AuthorId == userId && i.Kind == WallItemKind.DisplayName).Select(i => i.Id).SingleAsync();
            noteId = await db.WallItems.Where(i => i.AuthorId == userId && i.Text == note).Select(i => i.Id).SingleAsync();
        }
        await mod.GotoAsync($"/moderate/{urgentId}");
        await CheckAsync(mod, "urgent item", violations);
        await mod.CheckAsync("#Action");
        await mod.FillAsync("#Reply", "Thank you for telling us. We are here with you. Please call Samaritans now if you can.");
        await mod.ClickAsync("#decide");
        await mod.WaitForURLAsync("**/moderate");
        foreach (var id in new[] { nameId, noteId })
        {
            await mod.GotoAsync($"/moderate/{id}");
            await mod.CheckAsync("#Action");
            await mod.ClickAsync("#decide");
            await mod.WaitForURLAsync("**/moderate");
        }

        await reader.GotoAsync("/wall");
        Assert.Equal(1, await reader.Locator($"#post-{noteId}").CountAsync());
        Assert.Contains("Canal Walker", await reader.InnerTextAsync($"#post-{noteId}"), StringComparison.Ordinal);
        await CheckAsync(reader, "wall", violations);
        await reader.GotoAsync($"/wall/{noteId}");
        await CheckAsync(reader, "thread", violations);
        await reader.GotoAsync("/wall/how-it-works");
        await CheckAsync(reader, "how it works", violations);

        await page.GotoAsync("/my/wall");
        Assert.Contains("Thank you for telling us. We are here with you.", await page.InnerTextAsync($"#item-{urgentId} .moderator-reply"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".reason").CountAsync());
        await CheckAsync(page, "my wall", violations);

        // Three different readers report it: an anonymous one and two signed in.
        await reader.GotoAsync($"/wall/{noteId}/report");
        await CheckAsync(reader, "report", violations);
        await reader.ClickAsync("#send-report");
        await reader.WaitForSelectorAsync("#report-sent");
        foreach (var account in new[] { readerOne, readerTwo })
        {
            var other = await browser.NewPageAsync(javaScript: javaScript);
            await BrowserAccounts.SignInAsync(other, account, withAuthenticator: false);
            await other.GotoAsync($"/wall/{noteId}/report");
            await other.ClickAsync("#send-report");
            await other.WaitForSelectorAsync("#report-sent");
            await other.Context.CloseAsync();
        }
        var hidden = await reader.GotoAsync($"/wall/{noteId}");
        Assert.Equal(404, hidden!.Status);

        await page.Context.CloseAsync();
        await mod.Context.CloseAsync();
        await reader.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static async Task WriteAsync(IPage page, string text)
    {
        await page.GotoAsync("/wall/write");
        await page.CheckAsync("#Topic");
        await page.FillAsync("#Text", text);
        await page.ClickAsync("form[novalidate] button[type=submit]");
        await page.WaitForSelectorAsync("#what-happens-next");
    }

    private static Task CheckAsync(IPage page, string name, List<string> violations) => AxeCheck.PageAsync(page, "wall", name, violations);
}
