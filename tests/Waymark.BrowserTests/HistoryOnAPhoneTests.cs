using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Tests.Infrastructure;

namespace Waymark.BrowserTests;

/// <summary>
/// Referral and listing history on a 375 px phone, for the person, the navigator and the provider: no word is broken
/// across two lines when it would fit on one ("Dece/mber" in the old four-column table, issue 12 point 10).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HistoryOnAPhoneTests(BrowserFixture browser)
{
    private const int Width = 375;
    private const int Height = 740;

    /// <summary>
    /// Words (split at spaces and hyphens) inside <c>main</c> whose text runs over more than one line although the whole
    /// word is narrower than the content column: a break the layout forced mid-word. A word too long for any line (a
    /// long email address) may still wrap, as WCAG 1.4.10 asks.
    /// </summary>
    private const string BrokenWords = """
        () => {
          const main = document.getElementById('main-content');
          const column = main.clientWidth;
          const broken = [];
          const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const words = /[^\s\-\u2013\u2014]+/g;
            for (let m = words.exec(node.data); m; m = words.exec(node.data)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const rects = [...range.getClientRects()].filter(r => r.width > 0);
              const lines = new Set(rects.map(r => Math.round(r.top)));
              const width = rects.reduce((sum, r) => sum + r.width, 0);
              if (lines.size > 1 && width < column) {
                broken.push(m[0]);
              }
            }
          }
          return broken;
        }
        """;

    [Fact]
    public async Task No_word_in_referral_or_listing_history_breaks_across_lines_at_375_px()
    {
        Guid serviceId, orgId;
        NewAccount navigator, provider, person;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            (orgId, serviceId, _) = await JourneyListing.AddAsync(db,
                new Organization { Name = "Holme Valley Listening", Description = "Listening support in Kirklees." },
                new Service
                {
                    Name = "Holme Valley one-to-one listening", Description = "One-to-one listening for adults.",
                    Attributes = [new ServiceAttribute { Id = Guid.NewGuid(), TaxonomyTermId = Vocabulary.TermId("access:self-referral") }],
                },
                JourneyListing.Place("Holmfirth Library", "47 Huddersfield Road", "Holmfirth", "West Yorkshire", "HD9 3JH"));
            var accounts = new AccountAdministration(db, TimeProvider.System);
            navigator = await accounts.AddUserAsync($"nav-{Guid.NewGuid():N}"[..12] + "@example.org", Roles.Navigator, null, Actor.CommandLine);
            provider = await accounts.AddUserAsync($"pro-{Guid.NewGuid():N}"[..12] + "@example.org", Roles.ProviderAdmin, orgId, Actor.CommandLine);
            person = await accounts.AddUserAsync($"per-{Guid.NewGuid():N}"[..12] + "@example.org", Roles.Person, null, Actor.CommandLine);
        }

        // A navigator refers someone, and the person refers themselves.
        var navigatorPage = await SignedInAsync(navigator, withAuthenticator: true);
        await navigatorPage.GotoAsync($"/navigator/refer/{serviceId}");
        await navigatorPage.FillAsync("#PersonName", "Jo Bloggs");
        await navigatorPage.FillAsync("#PersonEmail", "jo@example.org");
        await navigatorPage.CheckAsync("#ConsentMethod");
        await navigatorPage.CheckAsync("#SharesContactDetails");
        await navigatorPage.ClickAsync("form[novalidate] button[type=submit]");
        var referred = Guid.Parse(navigatorPage.Url[(navigatorPage.Url.LastIndexOf('/') + 1)..]);

        var personPage = await SignedInAsync(person, withAuthenticator: false);
        await personPage.GotoAsync($"/services/{serviceId}/refer");
        await personPage.FillAsync("#Name", "Sam");
        await personPage.ClickAsync("form[novalidate] button[type=submit]");
        await personPage.ClickAsync("#send-referral");
        await personPage.WaitForSelectorAsync("#referral-sent");

        // The provider declines the navigator's referral with a reason, and renames the listing.
        var providerPage = await SignedInAsync(provider, withAuthenticator: true);
        await providerPage.GotoAsync($"/provider/referrals/{referred}");
        await providerPage.CheckAsync("#To-Declined");
        await providerPage.FillAsync("#Reason", "We only work with people who live in the Holme Valley, so we have passed this on to Kirklees Talking Therapies.");
        await providerPage.ClickAsync("form[novalidate] button[type=submit]");
        await providerPage.GotoAsync($"/provider/services/{serviceId}");
        await providerPage.FillAsync("#Input_Name", "Holme Valley one-to-one listening service");
        await providerPage.ClickAsync("#details button[type=submit]");

        // December: the longest month name, the one the old table broke.
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            var december = new DateTimeOffset(2026, 12, 14, 9, 30, 0, TimeSpan.Zero);
            var referrals = await db.Referrals.Where(r => r.ServiceId == serviceId).Select(r => r.Id).ToListAsync();
            Assert.Equal(2, referrals.Count);
            await db.ReferralEvents.Where(e => referrals.Contains(e.ReferralId)).ExecuteUpdateAsync(s => s.SetProperty(e => e.OccurredAt, december));
            await db.Metadata.Where(m => m.ResourceId == serviceId).ExecuteUpdateAsync(s => s.SetProperty(m => m.LastActionDate, december));
        }

        var problems = new List<string>();
        foreach (var (page, path) in new[]
        {
            (personPage, "/my/referrals"),
            (navigatorPage, $"/navigator/referrals/{referred}"),
            (providerPage, $"/provider/referrals/{referred}"),
            (providerPage, $"/provider/services/{serviceId}"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            Assert.Contains("14 Dec", await page.InnerTextAsync("#main-content"), StringComparison.Ordinal);
            var broken = await page.EvaluateAsync<string[]>(BrokenWords);
            if (broken.Length > 0)
            {
                problems.Add($"{path}: {string.Join(", ", broken)}");
            }
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                problems.Add($"{path} scrolls sideways by {overflow} px");
            }
            await AxeCheck.PageAsync(page, "history-375", Pages.FileName(path), problems);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        foreach (var page in new[] { navigatorPage, personPage, providerPage })
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> SignedInAsync(NewAccount account, bool withAuthenticator)
    {
        var page = await browser.NewPageAsync(Width, Height);
        await BrowserAccounts.SignInAsync(page, account, withAuthenticator);
        return page;
    }
}
