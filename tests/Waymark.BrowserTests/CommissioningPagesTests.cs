using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Insights;
using Waymark.Core.Referrals;

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
            var (orgId, serviceId, _) = await JourneyListing.AddAsync(db,
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
            // Enough referrals offered a place for a box in the waits chart, and a few declined for a hidden count.
            var staff = new ReferralActor(commissioner.UserId, "Staff", ReferralParty.Organisation);
            for (var i = 0; i < 12; i++)
            {
                var sent = DateTimeOffset.UtcNow.AddDays(-60);
                var referral = Referral.Create(serviceId, orgId, null, staff with { Party = ReferralParty.Referrer }, ContactPreference.None, null, new At(sent));
                referral.MoveTo(ReferralStatus.Opened, staff, null, null, new At(sent.AddHours(1)));
                if (i < 9)
                {
                    referral.MoveTo(ReferralStatus.Accepted, staff, null, null, new At(sent.AddHours(2)));
                    referral.MoveTo(ReferralStatus.Offered, staff, null, null, new At(sent.AddDays(3 + i)));
                }
                else
                {
                    referral.MoveTo(ReferralStatus.Declined, staff, ReferralReason.NoCapacity, null, new At(sent.AddDays(1)));
                }
                db.Referrals.Add(referral);
            }
            await db.SaveChangesAsync();
        }
        var violations = new List<string>();

        var page = await browser.NewPageAsync();
        await BrowserAccounts.SignInAsync(page, commissioner, withAuthenticator: true);
        foreach (var (name, path) in new[] { ("coverage", "/commissioning"), ("searches that found nothing", "/commissioning/unmet-need"), ("waits and outcomes", "/commissioning/waits") })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            Assert.Equal(0, await page.Locator("main script").CountAsync());
            await AxeCheck.PageAsync(page, "commissioning", name, violations, reflow: true);
        }

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
