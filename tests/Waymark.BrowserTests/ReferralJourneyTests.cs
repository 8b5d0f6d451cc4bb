using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Waymark.Core.Data;
using Waymark.Core.Directory;

namespace Waymark.BrowserTests;

/// <summary>
/// A person who is not signed in finds a service from their results and refers themselves: told why an account is
/// needed, they make one, confirm it from the email with their password, and land back on the referral with their search kept;
/// then check their answers, send, and read the confirmation. Every page axe-clean and fitting 320 px; the form is
/// filled and sent from the keyboard.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReferralJourneyTests(BrowserFixture browser)
{
    private const string Password = BrowserAccounts.Password;

    [Fact]
    public async Task A_signed_out_person_refers_themselves_through_sign_up_and_lands_back_on_the_referral()
    {
        Guid serviceId;
        await using (var db = Database.Open(browser.App.DatabaseConnection))
        {
            (_, serviceId, _) = await JourneyListing.AddAsync(db,
                new Organization { Name = "Aire Valley Listening", Description = "Listening support in Airedale." },
                new Service
                {
                    Name = "Thursday listening space", Description = "Someone to talk to, in a quiet room.",
                    Attributes =
                    [
                        new ServiceAttribute { Id = Guid.NewGuid(), TaxonomyTermId = Vocabulary.TermId("access:self-referral") },
                        new ServiceAttribute { Id = Guid.NewGuid(), TaxonomyTermId = Vocabulary.TermId("expect:response-working-days"), Value = "2" },
                    ],
                },
                JourneyListing.Place("Keighley Library", "North Street", "Keighley", "West Yorkshire", "BD21 3SX"));
        }
        const string search = "?near=Leeds&within_km=50";
        var email = $"person-{Guid.NewGuid():N}@example.org";
        var page = await browser.NewPageAsync();
        var violations = new List<string>();

        await page.GotoAsync($"/services/{serviceId}{search}");
        Assert.Equal($"/find/results{search}", await page.GetAttributeAsync("#back-to-results", "href"));
        await page.ClickAsync("#refer-yourself");
        Assert.EndsWith($"/services/{serviceId}/refer{search}", page.Url, StringComparison.Ordinal);
        Assert.Contains("follow your referral", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await CheckAsync(page, "refer signed out", violations);

        await page.ClickAsync("#create-account");
        await CheckAsync(page, "create account to refer", violations);
        await page.FillAsync("#Email", email);
        await page.FillAsync("#Password", Password);
        await page.PressAsync("#Password", "Enter");
        await page.ArrivedAtAsync(new Regex("/account/check-email"));

        await page.GotoAsync(await BrowserAccounts.EmailedLinkAsync(browser.App, email, "/account/confirm-email"));
        await CheckAsync(page, "confirm email to refer", violations);
        // Confirming takes the password chosen at sign-up and signs the person in.
        await page.FillAsync("#Password", Password);
        await page.PressAsync("#Password", "Enter");

        // Back on the referral they were making, with their search still in the address.
        await page.ArrivedAtAsync(new Regex("/refer\\?"));
        Assert.EndsWith($"/services/{serviceId}/refer{search}", page.Url, StringComparison.Ordinal);
        Assert.Equal("Refer yourself to Thursday listening space", await page.InnerTextAsync("h1"));

        // Email is offered from the account; cleared, with no name, the form cannot be sent.
        Assert.Equal(email, await page.InputValueAsync("#Email"));
        await page.FillAsync("#Email", "");
        await page.FocusAsync("main form[novalidate] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Equal(2, await page.Locator(".error-summary__list li").CountAsync());
        await CheckAsync(page, "refer with errors", violations);

        // Filled from the keyboard.
        await page.FocusAsync("#Story");
        await page.Keyboard.TypeAsync("I would like to talk to someone on a weekday evening.");
        await page.FocusAsync("#Contact-sms");
        await page.Keyboard.PressAsync("Space");
        await page.FocusAsync("#Name");
        await page.Keyboard.TypeAsync("Sam");
        await page.FocusAsync("#Phone");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("07700 900 982");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#check-answers");
        Assert.Equal("Check your answers before sending your referral", await page.InnerTextAsync("h1"));
        Assert.Contains("weekday evening", await page.InnerTextAsync("#check-words"), StringComparison.Ordinal);
        await CheckAsync(page, "check your answers", violations);

        await page.FocusAsync("#send-referral");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#referral-sent");
        Assert.Contains("/refer/sent/", page.Url, StringComparison.Ordinal);
        var who = await page.InnerTextAsync("#who-contacts");
        Assert.Contains("Aire Valley Listening will contact you by phone on 07700 900 982", who, StringComparison.Ordinal);
        Assert.Contains("usually reply within 2 working days", who, StringComparison.Ordinal);
        Assert.Equal($"/find/results{search}", await page.GetAttributeAsync("#back-to-results", "href"));
        await CheckAsync(page, "referral sent", violations);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    private static Task CheckAsync(IPage page, string name, List<string> violations) => AxeCheck.PageAsync(page, "referral", name, violations, reflow: true);

}
