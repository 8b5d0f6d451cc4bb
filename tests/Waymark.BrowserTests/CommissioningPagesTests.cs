using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Insights;

namespace Waymark.BrowserTests;

/// <summary>The commissioner's pages in a real browser, checked by axe-core, at desktop width and at 320 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CommissioningPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Commissioning_pages_meet_WCAG_2_2_AA_by_axe_core_and_reflow_at_320px()
    {
        NewAccount commissioner;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            await JourneyListing.AddAsync(db,
                new Organization { Name = "Calder Evening Group", Description = "Peer groups in Calderdale." },
                new Service
                {
                    Name = "Calder evening peer group", Description = "A peer group for adults.",
                    Attributes = [new ServiceAttribute { Id = Guid.NewGuid(), TaxonomyTermId = Vocabulary.TermId("format:group") }],
                },
                JourneyListing.Place("Square Chapel", "10 Square Road", "Halifax", "West Yorkshire", "HX1 1QG", 53.7196, -1.8568));
            db.UnmetNeeds.Add(new UnmetNeed { LocalAuthority = "Calderdale", Day = DateOnly.FromDateTime(DateTime.UtcNow), Constraints = "delivery,near,when", Searches = 12 });
            await db.SaveChangesAsync();
            commissioner = await new AccountAdministration(db, TimeProvider.System)
                .AddUserAsync($"commissioner-{Guid.NewGuid():N}@example.org", Roles.Commissioner, null, ["Yorkshire and the Humber"], Actor.CommandLine);
        }
        var violations = new List<string>();

        var page = await browser.NewPageAsync();
        await BrowserAccounts.SignInAsync(page, commissioner, withAuthenticator: true);
        foreach (var (name, path) in new[] { ("coverage", "/commissioning"), ("searches that found nothing", "/commissioning/unmet-need") })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            Assert.Equal(0, await page.Locator("main script").CountAsync());
            await AxeCheck.PageAsync(page, "commissioning", name, violations, reflow: true);
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }
}
