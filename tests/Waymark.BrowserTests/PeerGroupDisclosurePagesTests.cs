using System.Globalization;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Groups;
using Waymark.Core.Schedules;
using Waymark.Tests.Infrastructure;

namespace Waymark.BrowserTests;

/// <summary>
/// "Someone disclosed risk in this session" from the facilitator's page and the session's page, and a supervisor
/// booking a debrief and the next supervision: plain forms, by keyboard, at 320 px, with axe-core.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PeerGroupDisclosurePagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Recording_a_disclosure_and_booking_from_the_supervisors_side_meet_WCAG_2_2_AA_and_work_by_keyboard()
    {
        Guid orgId, serviceId;
        NewAccount peer, supervisor;
        GroupSession fromPeer, fromSupervisor;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            (orgId, serviceId, _) = await JourneyListing.AddAsync(db,
                new Organization { Name = "Ryburn Peer Support", Description = "Peer support groups in the Ryburn valley." },
                new Service { Name = "Wednesday evening peer group", Description = "A small group for adults who self-harm." },
                JourneyListing.Place("Sowerby Bridge Library", "Hollins Mill Lane", "Sowerby Bridge", "West Yorkshire", "HX6 2QG"));
            var accounts = new AccountAdministration(db, TimeProvider.System);
            peer = await accounts.AddUserAsync($"peer-{Guid.NewGuid():N}@example.org", Roles.PeerSupporter, orgId, Actor.CommandLine);
            supervisor = await accounts.AddUserAsync($"lead-{Guid.NewGuid():N}@example.org", Roles.ProviderAdmin, orgId, Actor.CommandLine);
            fromPeer = Session(serviceId, DateTimeOffset.UtcNow.AddHours(-2), peer.UserId);
            fromSupervisor = Session(serviceId, DateTimeOffset.UtcNow.AddMinutes(-30), peer.UserId);
            db.GroupSessions.AddRange(fromPeer, fromSupervisor);
            await db.SaveChangesAsync();
        }
        var violations = new List<string>();

        var page = await browser.NewPageAsync();
        await BrowserAccounts.SignInAsync(page, peer, withAuthenticator: true);
        await page.GotoAsync("/peer");
        await CheckAsync(page, "peer home with sessions facilitated", violations);
        await page.FocusAsync($"#disclosure-{fromPeer.Id}");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#success-banner");
        Assert.Contains("offered a debrief", await page.InnerTextAsync("#success-banner"), StringComparison.Ordinal);
        Assert.Contains("someone disclosed risk in a group session you facilitated", await page.InnerTextAsync(".debriefs-owed"), StringComparison.Ordinal);
        await CheckAsync(page, "peer home after a disclosure", violations);
        await page.Context.CloseAsync();

        var lead = await browser.NewPageAsync();
        await BrowserAccounts.SignInAsync(lead, supervisor, withAuthenticator: true);
        await lead.GotoAsync($"/provider/services/{serviceId}/groups/{fromSupervisor.Id}");
        await CheckAsync(lead, "group session that has started", violations);
        await lead.FocusAsync("#Disclosure");
        await lead.Keyboard.PressAsync("Enter");
        await lead.WaitForSelectorAsync("#disclosure-recorded");
        await CheckAsync(lead, "group session with a disclosure recorded", violations);

        await lead.GotoAsync("/provider/people");
        Assert.Contains("they facilitated", await lead.InnerTextAsync("table.team-table"), StringComparison.Ordinal);
        await CheckAsync(lead, "team with debriefs after a disclosure", violations);
        await lead.GotoAsync($"/provider/people/{orgId}/{peer.UserId}");
        // A day already past is refused with the summary; then a real day, by keyboard.
        await lead.FillAsync("#NextSupervision", "2020-01-01");
        await lead.Locator("form[action*='handler=BookSupervision'] button[type=submit]").ClickAsync();
        Assert.Contains("Choose today or a day after it", await lead.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await CheckAsync(lead, "peer supporter with a booking refused", violations);
        var tomorrow = UkTime.DateOf(DateTimeOffset.UtcNow).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await lead.FillAsync("#NextSupervision", tomorrow);
        await lead.FocusAsync("form[action*='handler=BookSupervision'] button[type=submit]");
        await lead.Keyboard.PressAsync("Enter");
        await lead.WaitForSelectorAsync("#supervision-booking");
        await lead.Locator("form[action*='handler=BookDebrief'] input[name=BookedFor]").First.FillAsync(tomorrow);
        await lead.Locator("form[action*='handler=BookDebrief'] button[type=submit]").First.ClickAsync();
        await lead.WaitForSelectorAsync("#success-banner");
        Assert.Contains("The debrief is booked for", await lead.InnerTextAsync("#success-banner"), StringComparison.Ordinal);
        await CheckAsync(lead, "peer supporter with supervision and a debrief booked", violations);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await lead.Context.CloseAsync();
    }

    private static GroupSession Session(Guid serviceId, DateTimeOffset startsAt, Guid facilitator)
    {
        var id = Guid.NewGuid();
        return new GroupSession
        {
            Id = id, ServiceId = serviceId, StartsAt = startsAt, EndsAt = startsAt.AddHours(2), Venue = "Room 1, Sowerby Bridge Library",
            Capacity = 10, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            Facilitators = [new GroupFacilitator { Id = Guid.NewGuid(), SessionId = id, UserId = facilitator, AssignedAt = DateTimeOffset.UtcNow }],
        };
    }

    private static Task CheckAsync(IPage page, string name, List<string> violations) => AxeCheck.PageAsync(page, "peer support", name, violations, reflow: true);
}
