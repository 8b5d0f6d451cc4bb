using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Tests.Infrastructure;
using Location = Waymark.Core.Directory.Location;

namespace Waymark.BrowserTests;

/// <summary>The provider journey in a real browser: every account and editor page meets the same axe-core checks as the public pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProviderPagesTests(BrowserFixture browser)
{
    private const string Password = BrowserAccounts.Password;

    [Fact]
    public async Task The_sign_in_journey_and_every_editor_page_meet_WCAG_2_2_AA_by_axe_core()
    {
        Guid orgId, serviceId, locationId;
        NewAccount account;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            // The sample directory may or may not be seeded; this test brings its own listing.
            (orgId, serviceId, locationId) = await JourneyListing.AddAsync(db,
                new Organization { Name = "Calder Peer Support", Description = "Peer support groups in Calderdale." },
                new Service
                {
                    Name = "Tuesday evening peer group", Description = "A small group for adults who self-harm.",
                    Schedules = [new Schedule { Id = Guid.NewGuid(), Freq = "WEEKLY", ByDay = "TU", OpensAt = "18:00", ClosesAt = "20:00" }],
                },
                JourneyListing.Place("Square Chapel", "10 Square Road", "Halifax", "West Yorkshire", "HX1 1QG"));
            account = await new AccountAdministration(db, TimeProvider.System)
                .AddUserAsync($"provider-{Guid.NewGuid():N}@example.org", Roles.ProviderAdmin, orgId, Actor.CommandLine);
        }

        var page = await browser.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync(account.SetPasswordPath);
        await CheckAsync(page, "set password", violations);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("button[type=submit]");

        await CheckAsync(page, "sign in", violations);
        await page.FillAsync("#Input_Email", account.Email);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("form[novalidate] button[type=submit]");

        Assert.Contains("/account/authenticator", page.Url, StringComparison.Ordinal);
        await CheckAsync(page, "authenticator set-up", violations);
        var key = await page.InnerTextAsync("#authenticator-key");
        await page.FillAsync("#Code", Totp.Code(key, DateTimeOffset.UtcNow));
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        await CheckAsync(page, "recovery codes", violations);

        foreach (var (name, path) in new[]
        {
            ("dashboard", "/provider"),
            ("organisation", $"/provider/organisations/{orgId}"),
            ("service", $"/provider/services/{serviceId}"),
            ("timetable", $"/provider/services/{serviceId}/timetable"),
            ("location", $"/provider/services/{serviceId}/locations/{locationId}"),
            ("preview", $"/provider/services/{serviceId}/preview"),
            ("suggest a change", $"/services/{serviceId}/suggest-a-change"),
        })
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            await CheckAsync(page, name, violations);
        }

        // A form with errors: the error summary and inline messages must pass too.
        await page.GotoAsync($"/provider/services/{serviceId}");
        await page.FillAsync("#Input_Name", "");
        await page.FillAsync("#Input_MinimumAge", "sixteen");
        await page.ClickAsync("#details button[type=submit]");
        Assert.Equal(2, await page.Locator(".error-summary__list li").CountAsync());
        await CheckAsync(page, "service with errors", violations);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    private static Task CheckAsync(IPage page, string name, List<string> violations) => AxeCheck.PageAsync(page, "provider", name, violations);
}
