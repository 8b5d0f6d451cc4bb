using System.Globalization;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Schedules;
using Waymark.Tests.Infrastructure;

namespace Waymark.BrowserTests;

/// <summary>A provider adds a group session in a real browser, and the public service page shows it; every page meets axe-core's checks.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GroupSessionsPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_provider_adds_a_session_and_the_public_page_shows_it_meeting_WCAG_2_2_AA_by_axe_core()
    {
        Guid orgId, serviceId, locationId;
        NewAccount account;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            (orgId, serviceId, locationId) = await JourneyListing.AddAsync(db,
                new Organization { Name = "Calder Peer Support", Description = "Peer support groups in Calderdale." },
                new Service
                {
                    Name = "Thursday group for adults who self-harm", Description = "A small peer group.",
                    Schedules = [new Schedule { Id = Guid.NewGuid(), Freq = "WEEKLY", ByDay = "TH", OpensAt = "18:00", ClosesAt = "20:00" }],
                },
                JourneyListing.Place("Square Chapel", "10 Square Road", "Halifax", "West Yorkshire", "HX1 1QG"));
            account = await new AccountAdministration(db, TimeProvider.System)
                .AddUserAsync($"provider-{Guid.NewGuid():N}@example.org", Roles.ProviderAdmin, orgId, Actor.CommandLine);
        }
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        await BrowserAccounts.SignInAsync(page, account, withAuthenticator: true);

        await page.GotoAsync($"/provider/services/{serviceId}");
        await page.ClickAsync("#group-sessions-link");
        Assert.EndsWith($"/provider/services/{serviceId}/groups", page.Url, StringComparison.Ordinal);
        await CheckAsync(page, "group sessions", violations);

        // Ends before it starts: the form comes back with the summary.
        var date = UkTime.DateOf(DateTimeOffset.UtcNow).AddDays(9).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.FillAsync("#Input_Date", date);
        await page.FillAsync("#Input_Starts", "18:30");
        await page.FillAsync("#Input_Ends", "17:00");
        await page.CheckAsync($"input[name='Input.Where'][value='{locationId}']");
        await page.FillAsync("#Input_Capacity", "12");
        await page.ClickAsync("#add-session");
        Assert.Equal(1, await page.Locator(".error-summary__list li").CountAsync());
        await CheckAsync(page, "group sessions with errors", violations);

        await page.FillAsync("#Input_Ends", "20:00");
        await page.ClickAsync("#add-session");
        Assert.Equal(1, await page.Locator("#upcoming-sessions .group-session").CountAsync());
        await page.ClickAsync("#upcoming-sessions .group-session a");
        await CheckAsync(page, "one group session", violations);

        await page.GotoAsync($"/services/{serviceId}");
        var card = page.Locator("#group-sessions .group-session");
        Assert.Equal(1, await card.CountAsync());
        Assert.Equal("18:30 to 20:00", (await card.Locator(".session-time").InnerTextAsync()).Trim());
        Assert.Contains("Square Chapel", await card.Locator(".session-place").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(account.Email, await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        await CheckAsync(page, "service page with sessions", violations);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    private static Task CheckAsync(IPage page, string name, List<string> violations) => AxeCheck.PageAsync(page, "groups", name, violations);
}
