using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Location = Waymark.Core.Directory.Location;

namespace Waymark.BrowserTests;

/// <summary>A person's journey in a real browser: sign up, plan, story, refer with the story, download, forgotten password, delete — every page checked by axe-core and at 320 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PersonPagesTests(BrowserFixture browser)
{
    private const string Password = BrowserAccounts.Password;
    private const string NewPassword = "puffin ledger saucepan";

    [Fact]
    public async Task The_person_journey_meets_WCAG_2_2_AA_by_axe_core_and_fits_320_px()
    {
        Guid serviceId;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            (_, serviceId, _) = await JourneyListing.AddAsync(db,
                new Organization { Name = "Calder Peer Support", Description = "Peer support groups in Calderdale." },
                new Service
                {
                    Name = "Tuesday evening peer group", Description = "A small group for adults who self-harm.",
                    Attributes = [new ServiceAttribute { Id = Guid.NewGuid(), TaxonomyTermId = Vocabulary.TermId("access:self-referral") }],
                },
                JourneyListing.Place("Square Chapel", "10 Square Road", "Halifax", "West Yorkshire", "HX1 1QG"));
        }
        var email = $"person-{Guid.NewGuid():N}@example.org";
        var page = await browser.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync("/account/create");
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.Equal(2, await page.Locator(".error-summary__list li").CountAsync());
        await CheckAsync(page, "create account with errors", violations);
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.Contains("/account/check-email", page.Url, StringComparison.Ordinal);

        var link = await BrowserAccounts.EmailedLinkAsync(browser.App, email, "/account/confirm-email");
        await page.GotoAsync(link);
        await CheckAsync(page, "confirm email", violations);
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.Equal(1, await page.Locator(".error-summary__list li").CountAsync());
        await CheckAsync(page, "confirm email with errors", violations);
        await page.FillAsync("#Password", Password);
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.EndsWith("/account", page.Url, StringComparison.Ordinal);
        await CheckAsync(page, "account, just confirmed", violations);

        await page.GotoAsync($"/services/{serviceId}");
        await page.ClickAsync("#save-to-plan");
        await CheckAsync(page, "service saved to plan", violations);
        await page.GotoAsync("/my/story");
        await page.FillAsync("#Input_Happening", "Things have been hard since the winter");
        await page.ClickAsync("form[novalidate] button[type=submit]");
        await page.GotoAsync($"/services/{serviceId}/refer");
        await CheckAsync(page, "refer with story", violations);
        await page.CheckAsync("#ShareStory");
        await page.FillAsync("#Name", "Sam");
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.Equal("Sent with this referral", await page.InnerTextAsync("#check-story dd.summary-list__value"));
        await page.ClickAsync("#send-referral");
        await page.WaitForSelectorAsync("#referral-sent");

        await page.GotoAsync("/my/plan");
        await page.CheckAsync("#Contact-sms");
        await page.ClickAsync("form[action*='handler=Contact'] button[type=submit]");
        Assert.Equal(1, await page.Locator(".error-summary__list li").CountAsync());
        await CheckAsync(page, "plan with errors", violations);

        foreach (var path in Pages.Person)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response is { Ok: true }, $"{path} answered {response?.Status}");
            await CheckAsync(page, path, violations);
        }

        // Forgotten password: ask (with an error first), open the emailed link, break the rules once, then change it.
        await page.GotoAsync("/account/sign-out");
        await page.ClickAsync("h1 + form button[type=submit]");
        await page.GotoAsync("/account/sign-in");
        await page.ClickAsync("a[href='/account/forgot-password']");
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.Equal(1, await page.Locator(".error-summary__list li").CountAsync());
        await CheckAsync(page, "forgot password with errors", violations);
        await page.FillAsync("#Email", email);
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.Contains("/account/forgot-password/sent", page.Url, StringComparison.Ordinal);
        link = await BrowserAccounts.EmailedLinkAsync(browser.App, email, "/account/reset-password");
        await page.GotoAsync(link);
        await CheckAsync(page, "reset password", violations);
        await page.FillAsync("#Password", "too short");
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.Equal(1, await page.Locator(".error-summary__list li").CountAsync());
        await CheckAsync(page, "reset password with errors", violations);
        await page.FillAsync("#Password", NewPassword);
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.Contains("PasswordChanged=true", page.Url, StringComparison.Ordinal);
        await CheckAsync(page, "password changed", violations);
        var used = await page.GotoAsync(link);
        Assert.Equal(400, used?.Status);
        await CheckAsync(page, "reset link used", violations);
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", NewPassword);
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.DoesNotContain("/account/sign-in", page.Url, StringComparison.Ordinal);

        await page.GotoAsync("/my/delete");
        await page.CheckAsync("#Confirm");
        await page.ClickAsync("form[novalidate] button[type=submit]");
        Assert.Contains("/account/deleted", page.Url, StringComparison.Ordinal);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    private static Task CheckAsync(IPage page, string name, List<string> violations) => AxeCheck.PageAsync(page, "person", name, violations, reflow: true);

}
