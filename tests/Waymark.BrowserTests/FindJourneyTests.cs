using Microsoft.Playwright;

namespace Waymark.BrowserTests;

/// <summary>
/// The find-support journey as people use it (issue 4 item 6): with JavaScript off, all the way to a service page;
/// and with the keyboard alone, to results. Runs against the app seeded with the fictional sample, searching broadly
/// (Sheffield and Leeds, up to 50 km) so that there is always something to open.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FindJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task With_javascript_off_a_person_finds_one_to_one_evening_support_near_Sheffield_and_opens_a_service()
    {
        var page = await browser.NewPageAsync(width: 320, height: 800, javaScript: false);

        await page.GotoAsync("/find");
        await page.Locator("main a.button--start").ClickAsync();
        Assert.EndsWith("/find/where", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Postcode, town or village").FillAsync("Sheffield");
        await page.GetByLabel("Up to 50 km (about 31 miles)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        Assert.Contains("/find/how", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("One-to-one").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        Assert.Contains("/find/when", page.Url, StringComparison.Ordinal);
        await page.GetByLabel("Weekday evenings").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        // Who, about you: skipped. What you need: nothing, just show results.
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip this question" }).ClickAsync();
        Assert.Contains("/find/you", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "Skip this question" }).ClickAsync();
        Assert.Contains("/find/needs", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show results" }).ClickAsync();

        Assert.Contains("/find/results?", page.Url, StringComparison.Ordinal);
        Assert.Contains("near=Sheffield", page.Url, StringComparison.Ordinal);
        Assert.Contains("format=one-to-one", page.Url, StringComparison.Ordinal);
        Assert.Contains("when=weekday-evening", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#change-answers").IsVisibleAsync());
        await ScreenshotAsync(page, "find-results-no-js");

        // A result if any fits, else the nearest miss: either way a service page.
        var service = page.Locator("#results h2 a, .miss h3 a").First;
        var name = (await service.TextContentAsync())!.Trim();
        await service.ClickAsync();

        Assert.Contains("/services/", page.Url, StringComparison.Ordinal);
        Assert.Equal(name, (await page.Locator("h1").TextContentAsync())!.Trim());
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "What to expect" }).IsVisibleAsync());
        Assert.True(await page.Locator("#crisis-bar").IsVisibleAsync());
        await AssertNoSidewaysScrollAsync(page);
        await ScreenshotAsync(page, "service-no-js");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_the_keyboard_alone_a_person_reaches_results()
    {
        var page = await browser.NewPageAsync(width: 320, height: 800);
        await page.GotoAsync("/find/where");

        await KeyboardUser.TabToAsync(page, "#near");
        await page.Keyboard.TypeAsync("Leeds");
        await KeyboardUser.TabToAsync(page, "input[name=within_km]");
        // Arrow keys move within a radio group: down to "Up to 50 km".
        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("ArrowDown");
        }
        Assert.True(await page.Locator("input[name=within_km][value='50']").IsCheckedAsync());
        await KeyboardUser.TabToAsync(page, "button[type=submit]:not([formaction])");
        await page.Keyboard.PressAsync("Enter");
        await page.ArrivedAtPathAsync("/find/how?");

        await KeyboardUser.TabToAsync(page, "input[name=format][value=one-to-one]");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.Locator("input[name=format][value=one-to-one]").IsCheckedAsync());
        await KeyboardUser.TabToAsync(page, "button[formaction='/find/results']");
        await page.Keyboard.PressAsync("Enter");
        await page.ArrivedAtPathAsync("/find/results?");

        Assert.Contains("near=Leeds", page.Url, StringComparison.Ordinal);
        Assert.Contains("within_km=50", page.Url, StringComparison.Ordinal);
        Assert.Contains("format=one-to-one", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("#results li").CountAsync() > 0, "the sample has one-to-one support within 50 km of Leeds");

        // And on from results to a service, still by keyboard.
        await KeyboardUser.TabToAsync(page, "#results h2 a");
        await page.Keyboard.PressAsync("Enter");
        await page.ArrivedAtPathAsync("/services/");
        await AssertNoSidewaysScrollAsync(page);
        await ScreenshotAsync(page, "find-keyboard-service");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_javascript_off_and_the_keyboard_alone_a_student_names_their_university_and_gets_its_own_support()
    {
        var page = await browser.NewPageAsync(width: 320, height: 800, javaScript: false);
        await page.GotoAsync("/find/you?near=Sheffield");

        Assert.True(await page.GetByRole(AriaRole.Group, new() { Name = "Do you study or work somewhere that offers its own support?" }).IsVisibleAsync());
        Assert.Equal(0, await page.GetByLabel("Ouse and Foss University").CountAsync());
        await KeyboardUser.TabToAsync(page, "input[name=circumstances][value=student]");
        await page.Keyboard.PressAsync("Space");
        // Porter Brook University's box, past any organisation listed before it (uuid5 of "organization:porterbrook").
        await KeyboardUser.TabToAsync(page, "input[name=member_of][value='a0237924-9e82-59c4-8d07-19d9e7898d04']");
        Assert.Equal("Porter Brook University", (await page.EvaluateAsync<string>("() => document.activeElement.labels[0].textContent")).Trim());
        await page.Keyboard.PressAsync("Space");
        await AssertNoSidewaysScrollAsync(page);
        await ScreenshotAsync(page, "find-you-member-of");
        await KeyboardUser.TabToAsync(page, "button[formaction='/find/results']");
        await page.Keyboard.PressAsync("Enter");
        await page.ArrivedAtPathAsync("/find/results?");

        Assert.Contains("member_of=", page.Url, StringComparison.Ordinal);
        Assert.Contains("Studies or works at Porter Brook University", await page.Locator("#you-said").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#results li", new() { HasText = "Run by Porter Brook University" }).CountAsync() > 0, "no result run by Porter Brook University");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_misspelt_village_offers_the_closest_places_and_a_postcode_at_320_px_without_javascript()
    {
        var page = await browser.NewPageAsync(width: 320, height: 800, javaScript: false);
        await page.GotoAsync("/find/where");

        await page.GetByLabel("Postcode, town or village").FillAsync("Kettlewel");
        await page.GetByLabel("Up to 15 km (about 9 miles)").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        Assert.Contains("/find/how?", page.Url, StringComparison.Ordinal);
        Assert.Contains("Choose a place from the list, or enter your postcode", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoSidewaysScrollAsync(page);
        // axe-core runs as a script, so the same page is checked in a second window with JavaScript on.
        var checkedPage = await browser.NewPageAsync(width: 320, height: 800);
        await checkedPage.GotoAsync(page.Url);
        var violations = new List<string>();
        await AxeCheck.PageAsync(checkedPage, "find", "where-misspelt-village", violations, reflow: true);
        await checkedPage.Context.CloseAsync();
        Assert.Empty(violations);

        // The closest name is a radio; the distance chosen before is still chosen.
        await page.GetByLabel("Kettlewell", new() { Exact = true }).CheckAsync();
        Assert.True(await page.GetByLabel("Up to 15 km (about 9 miles)").IsCheckedAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        Assert.Equal("How would you like to get support?", (await page.Locator("h1").TextContentAsync())!.Trim());
        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        Assert.Contains("near=Kettlewell", page.Url, StringComparison.Ordinal);
        Assert.Contains("within_km=15", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow} px");
    }

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ArtifactsFolder, "screenshots", $"{name}-320.png"),
            FullPage = true,
        });
}
