using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Matching;
using Waymark.Core.Network;
using Waymark.Tests.Infrastructure;

namespace Waymark.BrowserTests;

/// <summary>
/// Organisations working together in a real browser, checked by axe-core: an onward referral from one organisation to
/// another with a reply, an offer posted and taken up, and a "works with" link shown on both sides' public pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NetworkPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Onward_referral_shared_offer_and_works_with_pages_meet_WCAG_2_2_AA_by_axe_core()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var nameA = $"Hull Listening {suffix}";
        var nameB = $"Humber Housing Support {suffix}";
        Guid orgA, serviceA, orgB, serviceB;
        NewAccount navigator, adminA, adminB;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            (orgA, serviceA, _) = await JourneyListing.AddAsync(db, new Organization { Name = nameA, Description = "Listening support in Hull." },
                new Service { Name = "Hull one-to-one listening", Description = "One-to-one listening for adults." },
                JourneyListing.Place("Hull Hub", "1 George Street", "Hull", "East Riding of Yorkshire", "HU1 3DJ", 53.7446, -0.3352));
            (orgB, serviceB, _) = await JourneyListing.AddAsync(db, new Organization { Name = nameB, Description = "Help with housing." },
                new Service { Name = $"Housing advice {suffix}", Description = "Advice on somewhere safe to live." },
                JourneyListing.Place("Humber Hub", "2 Jameson Street", "Hull", "East Riding of Yorkshire", "HU1 3JX", 53.7440, -0.3380));
            // As an import would: the running app hears of the two services and puts them in search (used by "nearby").
            await DirectoryChanges.AnnounceAsync(db, DirectoryChange.Of(Guid.NewGuid(), [serviceA, serviceB]), DateTimeOffset.UtcNow);
            var accounts = new AccountAdministration(db, TimeProvider.System);
            navigator = await accounts.AddUserAsync($"navigator-{Guid.NewGuid():N}@example.org", Roles.Navigator, null, Actor.CommandLine);
            adminA = await accounts.AddUserAsync($"admin-a-{Guid.NewGuid():N}@example.org", Roles.ProviderAdmin, orgA, Actor.CommandLine);
            adminB = await accounts.AddUserAsync($"admin-b-{Guid.NewGuid():N}@example.org", Roles.ProviderAdmin, orgB, Actor.CommandLine);
        }
        var violations = new List<string>();

        // A navigator refers someone to organisation A.
        var page = await browser.NewPageAsync();
        await BrowserAccounts.SignInAsync(page, navigator, withAuthenticator: true);
        await page.GotoAsync($"/navigator/refer/{serviceA}");
        await page.FillAsync("#PersonName", "Jo Bloggs");
        await page.FillAsync("#PersonEmail", "jo@example.org");
        await page.CheckAsync("#ConsentMethod");
        await page.CheckAsync("#SharesContactDetails");
        await page.ClickAsync("button:has-text('Send referral')");
        var received = Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
        await page.Context.CloseAsync();

        // A's staff refer them on to organisation B, propose a link with B, and post an offer.
        var pageA = await browser.NewPageAsync();
        await BrowserAccounts.SignInAsync(pageA, adminA, withAuthenticator: true);
        await pageA.GotoAsync($"/provider/referrals/{received}");
        await CheckAsync(pageA, "received referral with refer-on link", violations);
        await pageA.ClickAsync("#refer-on");
        // B's housing advice is 200 m from A's listening service.
        Assert.Equal(1, await pageA.Locator($"#nearby-services a[href$='/onward/{serviceB}']").CountAsync());
        await CheckAsync(pageA, "refer on: search", violations);
        await pageA.FillAsync("#Q", nameB);
        await pageA.ClickAsync("button:has-text('Search')");
        await CheckAsync(pageA, "refer on: results", violations);
        await pageA.ClickAsync($"#onward-services a[href$='/onward/{serviceB}']");
        await CheckAsync(pageA, "refer on: form", violations);
        await pageA.ClickAsync("button:has-text('Send referral')");
        Assert.True(await pageA.Locator(".error-summary__list li").CountAsync() >= 2);
        await CheckAsync(pageA, "refer on: form with errors", violations);
        await pageA.CheckAsync("#ConsentMethod");
        await pageA.CheckAsync("#SharesContactDetails");
        await pageA.ClickAsync("button:has-text('Send referral')");
        Assert.Contains("/provider/referrals/sent/", pageA.Url, StringComparison.Ordinal);
        var onward = Guid.Parse(pageA.Url[(pageA.Url.LastIndexOf('/') + 1)..]);
        await CheckAsync(pageA, "sent referral", violations);

        await pageA.GotoAsync($"/provider/network/{orgA}");
        // Some words of B's name, then B picked from the organisations that have them.
        await pageA.FillAsync("#PartnerName", $"{suffix} housing");
        await pageA.ClickAsync("button:has-text('Propose link')");
        await CheckAsync(pageA, "network page: which organisation", violations);
        await pageA.ClickAsync($"#candidate-list li[data-organisation-id='{orgB}'] button");
        Assert.Equal(1, await pageA.Locator($"#links a[href='/organisations/{orgB}']").CountAsync());
        await CheckAsync(pageA, "network page with a proposal", violations);

        await pageA.GotoAsync("/provider/offers/new");
        await CheckAsync(pageA, "new offer", violations);
        await pageA.ClickAsync("button:has-text('Post offer')");
        await CheckAsync(pageA, "new offer with errors", violations);
        await pageA.CheckAsync("#Kind-Supervision");
        await pageA.FillAsync("#Title", "Group supervision for peer supporters");
        await pageA.FillAsync("#Description", "Monthly group supervision, two places.");
        await pageA.FillAsync("#ExpiresOn", DateTime.UtcNow.AddDays(20).ToString("d/M/yyyy", CultureInfo.InvariantCulture));
        await pageA.FillAsync("#Area", "Hull");
        await pageA.FillAsync("#Contact", "Sam, supervision@example.org");
        await pageA.ClickAsync("button:has-text('Post offer')");
        Assert.Contains("/provider/offers/", pageA.Url, StringComparison.Ordinal);
        var offerUrl = new Uri(pageA.Url).AbsolutePath;
        await CheckAsync(pageA, "offer, ours", violations);

        // B's admin reads the referral (seeing who referred) and replies, agrees the link, and asks for the offer.
        var pageB = await browser.NewPageAsync();
        await BrowserAccounts.SignInAsync(pageB, adminB, withAuthenticator: true);
        await pageB.GotoAsync($"/provider/referrals/{onward}");
        Assert.Contains(nameA, await pageB.InnerTextAsync("#referred-by"), StringComparison.Ordinal);
        await pageB.FillAsync("#Message", "We can see Jo on Tuesday.");
        await pageB.ClickAsync("button:has-text('Send message')");
        await CheckAsync(pageB, "received onward referral with a reply", violations);
        await pageB.GotoAsync($"/provider/network/{orgB}");
        await CheckAsync(pageB, "network page, asked to agree", violations);
        await pageB.ClickAsync("form[action*='handler=Agree'] button");
        await pageB.GotoAsync("/provider/offers?Area=Hull&Kind=Supervision");
        await CheckAsync(pageB, "find offers", violations);
        await pageB.ClickAsync($"#found-offers a[href='{offerUrl}']");
        await pageB.FillAsync("#Message", "We would like one place for our new peer supporter.");
        await pageB.ClickAsync("button:has-text('Send request')");
        await CheckAsync(pageB, "offer, asked for", violations);

        // A accepts; A sees B's reply on its sent referral.
        await pageA.GotoAsync(offerUrl);
        await CheckAsync(pageA, "offer with a request", violations);
        await pageA.CheckAsync("form[action*='handler=Decide'] input[value=accept]");
        await pageA.ClickAsync("button:has-text('Send answer')");
        await pageA.GotoAsync($"/provider/referrals/sent/{onward}");
        Assert.Contains("We can see Jo on Tuesday.", await pageA.InnerTextAsync(".referral-replies"), StringComparison.Ordinal);
        await pageA.GotoAsync($"/provider/network/{orgA}");
        await CheckAsync(pageA, "network page with counts and an agreed link", violations);
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            Assert.Equal(OfferRequestStatus.Accepted, await db.OfferRequests.Where(r => r.OrganisationId == orgB).Select(r => r.Status).SingleAsync());
        }
        await pageA.Context.CloseAsync();
        await pageB.Context.CloseAsync();

        // The public sees the link on both sides, one click from each to the other.
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync($"/services/{serviceA}");
        await CheckAsync(visitor, "service page with works-with", violations);
        await visitor.ClickAsync($"#works-with a[href='/organisations/{orgB}']");
        Assert.EndsWith($"/organisations/{orgB}", visitor.Url, StringComparison.Ordinal);
        await CheckAsync(visitor, "organisation page with works-with", violations);
        await visitor.ClickAsync($"#works-with a[href='/organisations/{orgA}']");
        Assert.EndsWith($"/organisations/{orgA}", visitor.Url, StringComparison.Ordinal);
        await visitor.GotoAsync($"/services/{serviceB}");
        Assert.Contains(nameA, await visitor.InnerTextAsync("#works-with"), StringComparison.Ordinal);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await visitor.Context.CloseAsync();
    }

    private static Task CheckAsync(IPage page, string name, List<string> violations) => AxeCheck.PageAsync(page, "network", name, violations);
}
