using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Tests.Infrastructure;

namespace Waymark.BrowserTests;

/// <summary>A peer supporter's page and their supervisor's team pages in a real browser, by keyboard, at 320 px, with axe-core.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PeerSupportPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_peer_page_and_the_team_pages_meet_WCAG_2_2_AA_and_work_by_keyboard()
    {
        Guid orgId;
        NewAccount peer, supervisor;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            (orgId, _, _) = await JourneyListing.AddAsync(db,
                new Organization { Name = "Calder Peer Support", Description = "Peer support groups in Calderdale." },
                new Service { Name = "Tuesday evening peer group", Description = "A small group for adults who self-harm." },
                JourneyListing.Place("Square Chapel", "10 Square Road", "Halifax", "West Yorkshire", "HX1 1QG"));
            var accounts = new AccountAdministration(db, TimeProvider.System);
            peer = await accounts.AddUserAsync($"peer-{Guid.NewGuid():N}@example.org", Roles.PeerSupporter, orgId, Actor.CommandLine);
            supervisor = await accounts.AddUserAsync($"lead-{Guid.NewGuid():N}@example.org", Roles.ProviderAdmin, orgId, Actor.CommandLine);
        }
        var violations = new List<string>();

        var page = await browser.NewPageAsync();
        await BrowserAccounts.SignInAsync(page, peer, withAuthenticator: true);
        await page.GotoAsync("/peer");
        await CheckAsync(page, "peer home", violations);
        // By keyboard: "I need a break" is reached and pressed with the keyboard alone.
        await page.FocusAsync($"#need-break-{orgId}");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#success-banner");
        Assert.Contains("You are on a break", await page.InnerTextAsync("#success-banner"), StringComparison.Ordinal);
        await CheckAsync(page, "peer home on a break", violations);
        // A form with errors.
        await page.FillAsync("#Work_Minutes", "lots");
        await page.Locator("form[action*='handler=Work'] button[type=submit]").ClickAsync();
        Assert.True(await page.Locator(".error-summary__list li").CountAsync() >= 1);
        await CheckAsync(page, "peer home with errors", violations);
        // "I need a debrief", then "Booked for" with a day already past, then "We had it": plain forms, by keyboard.
        await page.FocusAsync($"#need-debrief-{orgId}");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".debrief-action");
        await CheckAsync(page, "peer home with a debrief owed", violations);
        await page.Locator(".debrief-action input[name=BookedFor]").FillAsync("2020-01-01");
        await page.Locator("form[action*='handler=BookDebrief'] button[type=submit]").ClickAsync();
        Assert.Contains("Choose today or a day after it", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await CheckAsync(page, "peer home with a debrief date refused", violations);
        await page.FocusAsync("form[action*='handler=DebriefHad'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#success-banner");
        Assert.Contains("recorded as held", await page.InnerTextAsync("#success-banner"), StringComparison.Ordinal);
        await page.Context.CloseAsync();

        var lead = await browser.NewPageAsync();
        await BrowserAccounts.SignInAsync(lead, supervisor, withAuthenticator: true);
        await lead.GotoAsync("/provider/people");
        Assert.Contains("On a break", await lead.InnerTextAsync("main"), StringComparison.Ordinal);
        await CheckAsync(lead, "team", violations);
        await lead.Locator("table.team-table a").First.ClickAsync();
        await lead.WaitForSelectorAsync("h1");
        await CheckAsync(lead, "peer supporter", violations);
        await lead.Locator("form[action*='handler=Supervision'] button[type=submit]").ClickAsync();
        Assert.True(await lead.Locator(".error-summary__list li").CountAsync() >= 2);
        await CheckAsync(lead, "peer supporter with errors", violations);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await lead.Context.CloseAsync();
    }

    private static Task CheckAsync(IPage page, string name, List<string> violations) => AxeCheck.PageAsync(page, "peer support", name, violations, reflow: true);
}
