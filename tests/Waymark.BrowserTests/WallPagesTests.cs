using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Wall;

namespace Waymark.BrowserTests;

/// <summary>
/// The wall in a real browser on a 320 px screen, with and without JavaScript: anyone reads it with no account; a
/// person writes a note by keyboard alone; a moderator approves it from the queue and it appears; a rejected note
/// explains itself; an urgent one tops the queue and gets a reply; reports hide a note. axe-core checks every page
/// in the JavaScript-on run (it cannot run with JavaScript off); both runs check nothing scrolls sideways.
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
        var name = $"Canal Walker {Random.Shared.Next(1000, 9999)}";

        // Reading needs no account and leaves no cookie.
        var reader = await browser.NewPageAsync(width: 320, height: 700, javaScript: javaScript);
        var read = await reader.GotoAsync("/wall");
        Assert.Equal(200, read!.Status);
        Assert.EndsWith("/wall", reader.Url, StringComparison.Ordinal);
        Assert.Equal(1, await reader.Locator("#topics").CountAsync());
        Assert.Empty(await reader.Context.CookiesAsync());
        await CheckAsync(reader, "wall with no account", violations, javaScript);

        // A person writes a note: a display name, a topic and the text, by keyboard alone.
        var page = await browser.NewPageAsync(width: 320, height: 700, javaScript: javaScript);
        await BrowserAccounts.SignInAsync(page, person, withAuthenticator: false);
        await page.GotoAsync("/wall/write");
        await CheckAsync(page, "write", violations, javaScript);
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.True(await page.Locator(".error-summary__list li").CountAsync() >= 1);
        await CheckAsync(page, "write with errors", violations, javaScript);
        await KeyboardUser.TabToAsync(page, "#DisplayName");
        await page.Keyboard.TypeAsync(name);
        await KeyboardUser.TabToAsync(page, "input[name=Topic]");
        // Arrow keys move within the topics: down from the first to "What helped me".
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.IsCheckedAsync("#Topic-what-helped"));
        await KeyboardUser.TabToAsync(page, "#Text");
        await page.Keyboard.TypeAsync(note);
        await KeyboardUser.TabToAsync(page, "form[novalidate] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#what-happens-next");
        Assert.Contains("A moderator will read it before anyone else can see it", await page.InnerTextAsync("#what-happens-next"), StringComparison.Ordinal);
        var noteId = IdAtEndOf(page.Url);
        await CheckAsync(page, "sent, held", violations, javaScript);

        await WriteAsync(page, "you should just end it if it's that bad");
        Assert.Contains("We can't put this on the wall", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await CheckAsync(page, "sent, rejected", violations, javaScript);
        await WriteAsync(page, "i'm going to kill myself tonight. sorry");
        Assert.True(await page.Locator("#crisis-card").IsVisibleAsync());
        Assert.Contains("reply to you privately", await page.InnerTextAsync("#what-happens-next"), StringComparison.Ordinal);
        await CheckAsync(page, "sent, urgent", violations, javaScript);
        var urgentId = IdAtEndOf(page.Url);

        // Nothing is on the wall yet for anyone else.
        await reader.GotoAsync("/wall");
        Assert.Equal(0, await reader.Locator($"#post-{noteId}").CountAsync());
        Assert.Equal(404, (await reader.GotoAsync($"/wall/{noteId}"))!.Status);

        var mod = await browser.NewPageAsync(width: 320, height: 700, javaScript: javaScript);
        await BrowserAccounts.SignInAsync(mod, moderator, withAuthenticator: true);
        await mod.GotoAsync("/moderate");
        Assert.Equal($"queue-{urgentId}", await mod.Locator("#queue tbody tr").First.GetAttributeAsync("id"));
        await CheckAsync(mod, "queue", violations, javaScript);
        await mod.GotoAsync($"/moderate/{urgentId}");
        await CheckAsync(mod, "urgent item", violations, javaScript);
        await mod.CheckAsync("#Action");
        await mod.FillAsync("#Reply", "Thank you for telling us. We are here with you. Please call Samaritans now if you can.");
        await mod.ClickAsync("#decide");
        await mod.ArrivedAtAsync("/moderate");

        // The moderator approves the name and the note from the queue, by keyboard alone.
        Guid nameId;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            var userId = await db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync();
            nameId = await db.WallItems.Where(i => i.AuthorId == userId && i.Kind == WallItemKind.DisplayName).Select(i => i.Id).SingleAsync();
        }
        foreach (var id in new[] { nameId, noteId })
        {
            await KeyboardUser.TabToAsync(mod, $"#queue-{id} a");
            await mod.Keyboard.PressAsync("Enter");
            await mod.ArrivedAtAsync($"/moderate/{id}");
            if (id == noteId)
            {
                Assert.Contains(note, await mod.InnerTextAsync("#item-text"), StringComparison.Ordinal);
                await CheckAsync(mod, "held note", violations, javaScript);
            }
            await KeyboardUser.TabToAsync(mod, "#Action");
            await mod.Keyboard.PressAsync("Space");
            Assert.True(await mod.IsCheckedAsync("#Action"));
            await KeyboardUser.TabToAsync(mod, "#decide");
            await mod.Keyboard.PressAsync("Enter");
            await mod.ArrivedAtAsync("/moderate");
            Assert.Equal(0, await mod.Locator($"#queue-{id}").CountAsync());
        }

        // Now anyone reads it, under the approved name.
        await reader.GotoAsync("/wall");
        Assert.Equal(1, await reader.Locator($"#post-{noteId}").CountAsync());
        Assert.Contains(note, await reader.InnerTextAsync($"#post-{noteId}"), StringComparison.Ordinal);
        Assert.Contains(name, await reader.InnerTextAsync($"#post-{noteId}"), StringComparison.Ordinal);
        Assert.Empty(await reader.Context.CookiesAsync());
        await CheckAsync(reader, "wall", violations, javaScript);
        await reader.GotoAsync($"/wall/{noteId}");
        await CheckAsync(reader, "thread", violations, javaScript);
        await reader.GotoAsync("/wall/how-it-works");
        await CheckAsync(reader, "how it works", violations, javaScript);

        await page.GotoAsync("/my/wall");
        Assert.Contains("Thank you for telling us. We are here with you.", await page.InnerTextAsync($"#item-{urgentId} .moderator-reply"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator(".reason").CountAsync());
        await CheckAsync(page, "my wall", violations, javaScript);

        // Three different readers report it: an anonymous one and two signed in.
        await reader.GotoAsync($"/wall/{noteId}/report");
        await CheckAsync(reader, "report", violations, javaScript);
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_edited_note_tells_its_author_and_a_signed_in_reader_s_choices_are_saved_by_keyboard(bool javaScript)
    {
        NewAccount person, moderator;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            var accounts = new AccountAdministration(db, TimeProvider.System);
            person = await accounts.AddUserAsync($"person-{Guid.NewGuid():N}@example.org", Roles.Person, null, Actor.CommandLine);
            moderator = await accounts.AddUserAsync($"moderator-{Guid.NewGuid():N}@example.org", Roles.Moderator, null, Actor.CommandLine);
        }
        var violations = new List<string>();
        var word = "teacake" + Guid.NewGuid().ToString("N")[..6];
        var edited = $"A {word} and a teacher at my school helped me so much.";

        var page = await browser.NewPageAsync(width: 320, height: 700, javaScript: javaScript);
        await BrowserAccounts.SignInAsync(page, person, withAuthenticator: false);
        await page.GotoAsync("/wall/write");
        await page.FillAsync("#DisplayName", $"Tea Drinker {Random.Shared.Next(1000, 9999)}");
        await page.CheckAsync("#Topic");
        await page.FillAsync("#Text", $"A {word} and Priya Shah at Moor End Academy helped me so much.");
        await page.ClickAsync("form[novalidate] button[type=submit]");
        await page.WaitForSelectorAsync("#what-happens-next");
        var noteId = IdAtEndOf(page.Url);
        Guid nameId;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            var userId = await db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync();
            nameId = await db.WallItems.Where(i => i.AuthorId == userId && i.Kind == WallItemKind.DisplayName).Select(i => i.Id).SingleAsync();
        }

        var mod = await browser.NewPageAsync(width: 320, height: 700, javaScript: javaScript);
        await BrowserAccounts.SignInAsync(mod, moderator, withAuthenticator: true);
        await mod.GotoAsync($"/moderate/{nameId}");
        await mod.CheckAsync("#Action");
        await mod.ClickAsync("#decide");
        await mod.ArrivedAtAsync("/moderate");
        await mod.GotoAsync($"/moderate/{noteId}");
        await CheckAsync(mod, "item with what was taken out", violations, javaScript);
        // By keyboard: the action (arrow keys move within the radios), the edited text, then what kind of detail went.
        await KeyboardUser.TabToAsync(mod, "#Action");
        await mod.Keyboard.PressAsync("ArrowDown");
        await mod.Keyboard.PressAsync("ArrowDown");
        Assert.True(await mod.IsCheckedAsync("#Action-EditAndApprove"));
        await KeyboardUser.TabToAsync(mod, "#EditedText");
        await mod.Keyboard.PressAsync("Control+A");
        await mod.Keyboard.TypeAsync(edited);
        await KeyboardUser.TabToAsync(mod, "#EditedOut");
        await mod.Keyboard.PressAsync("Space");
        await KeyboardUser.TabToAsync(mod, "#EditedOut-place");
        await mod.Keyboard.PressAsync("Space");
        await KeyboardUser.TabToAsync(mod, "#decide");
        await mod.Keyboard.PressAsync("Enter");
        await mod.ArrivedAtAsync("/moderate");

        await page.GotoAsync("/my/wall");
        Assert.Contains("A moderator took out a name and the name of a school, college or workplace", await page.InnerTextAsync($"#item-{noteId} .edited"), StringComparison.Ordinal);
        Assert.Equal(edited, (await page.InnerTextAsync($"#item-{noteId} .wall-text")).Trim());
        await CheckAsync(page, "my wall, edited note", violations, javaScript);

        // The reader's choices, saved with the account by keyboard alone: the note with the muted word is left out.
        await page.GotoAsync("/wall");
        Assert.Equal(1, await page.Locator($"#post-{noteId}").CountAsync());
        await KeyboardUser.TabToAsync(page, "#reading-choices summary");
        await page.Keyboard.PressAsync("Enter");
        await KeyboardUser.TabToAsync(page, "#Mute");
        await page.Keyboard.TypeAsync(word);
        await KeyboardUser.TabToAsync(page, "#save-choices");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("text=Your reading choices are saved");
        Assert.EndsWith("/wall", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"#post-{noteId}").CountAsync());
        await CheckAsync(page, "wall with saved choices", violations, javaScript);

        await page.Context.CloseAsync();
        await mod.Context.CloseAsync();
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

    private static Guid IdAtEndOf(string url) => Guid.Parse(url[(url.LastIndexOf('/') + 1)..]);

    /// <summary>axe-core and 320 px with JavaScript on; with it off axe cannot run (see <see cref="AxeCheck"/>), so 320 px alone.</summary>
    private static Task CheckAsync(IPage page, string name, List<string> violations, bool javaScript) => javaScript
        ? AxeCheck.PageAsync(page, "wall", name, violations, reflow: true)
        : AxeCheck.SidewaysAsync(page, name + " without JavaScript", violations);
}
