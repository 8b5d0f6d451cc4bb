using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Referrals;
using Waymark.Tests.Infrastructure;
using Location = Waymark.Core.Directory.Location;

namespace Waymark.BrowserTests;

/// <summary>The navigator's and the person's referral follow-up pages in a real browser, checked by axe-core, without JavaScript help.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NavigatorPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Navigator_and_onward_referral_pages_meet_WCAG_2_2_AA_by_axe_core()
    {
        Guid serviceId;
        NewAccount navigator, person;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            (_, serviceId, _) = await JourneyListing.AddAsync(db,
                new Organization { Name = "Aire Listening Service", Description = "Listening support in Leeds." },
                new Service
                {
                    Name = "Aire one-to-one listening", Description = "One-to-one listening for adults.",
                    Attributes = [new ServiceAttribute { Id = Guid.NewGuid(), TaxonomyTermId = Vocabulary.TermId("access:self-referral") }],
                },
                JourneyListing.Place("Leeds Hub", "1 Park Row", "Leeds", "West Yorkshire", "LS1 5HD", 53.7997, -1.5492));
            var accounts = new AccountAdministration(db, TimeProvider.System);
            navigator = await accounts.AddUserAsync($"navigator-{Guid.NewGuid():N}@example.org", Roles.Navigator, null, Actor.CommandLine);
            person = await accounts.AddUserAsync($"person-{Guid.NewGuid():N}@example.org", Roles.Person, null, Actor.CommandLine);
        }
        var violations = new List<string>();

        var page = await browser.NewPageAsync();
        await BrowserAccounts.SignInAsync(page, navigator, withAuthenticator: true);
        foreach (var (name, path) in new[]
        {
            ("navigator home, none yet", "/navigator"),
            ("navigator referrals, none yet", "/navigator/referrals"),
            ("navigator find a service", "/navigator/refer?q=Aire"),
            ("navigator find a service by place", "/navigator/refer?q=Aire&near=Leeds"),
            ("navigator find results with refer links", "/find/results?near=Leeds"),
            ("navigator refer", $"/navigator/refer/{serviceId}"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            await CheckAsync(page, name, violations);
        }
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.True(await page.Locator(".error-summary__list li").CountAsync() >= 2);
        await CheckAsync(page, "navigator refer with errors", violations);

        await page.FillAsync("#PersonName", "Jo Bloggs");
        await page.FillAsync("#PersonEmail", "jo@example.org");
        await page.CheckAsync("#ConsentMethod");
        await page.CheckAsync("#SharesContactDetails");
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.Contains("/navigator/referrals/", page.Url, StringComparison.Ordinal);
        var referralId = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        await CheckAsync(page, "navigator referral", violations);
        await page.GotoAsync("/navigator/referrals");
        await CheckAsync(page, "navigator referrals", violations);
        await page.GotoAsync("/navigator");
        Assert.Equal(1, await page.Locator("#newest-referrals li").CountAsync());
        await CheckAsync(page, "navigator home", violations);

        // Ended: the detail page offers onward referrals.
        await SetStatusAsync(referralId, ReferralStatus.Declined);
        await page.GotoAsync($"/navigator/referrals/{referralId}");
        await CheckAsync(page, "navigator referral declined", violations);
        await page.Context.CloseAsync();

        // The person's side: their referrals with next steps, and the onward page.
        page = await browser.NewPageAsync();
        await BrowserAccounts.SignInAsync(page, person, withAuthenticator: false);
        await page.GotoAsync($"/services/{serviceId}/refer");
        await page.FillAsync("#Story", "What I would like them to know");
        await page.CheckAsync("#Contact-none");
        await page.ClickAsync("form[novalidate] button[type=submit]");
        await page.ClickAsync("#send-referral");
        await page.WaitForSelectorAsync("#referral-sent");
        Guid mine;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            mine = await db.Referrals.Where(r => r.PersonUserId == person.UserId).Select(r => r.Id).SingleAsync();
        }
        await SetStatusAsync(mine, ReferralStatus.Declined);
        await page.GotoAsync("/my/referrals");
        await CheckAsync(page, "my referrals with onward suggestions", violations);
        var onward = page.Locator(".onward-suggestions a").First;
        if (await onward.CountAsync() > 0)
        {
            await onward.ClickAsync();
            await CheckAsync(page, "onward referral", violations);
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    /// <summary>Marks a referral's status directly, to reach the pages an ended referral shows.</summary>
    private async Task SetStatusAsync(Guid referralId, ReferralStatus status)
    {
        await using var db = Database.Open(browser.App.DatabaseConnection);
        await db.Referrals.Where(r => r.Id == referralId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status));
    }

    private static Task CheckAsync(IPage page, string name, List<string> violations) => AxeCheck.PageAsync(page, "navigator", name, violations);
}
