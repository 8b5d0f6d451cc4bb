using Microsoft.Playwright;

namespace Waymark.BrowserTests;

/// <summary>SAFETY.md §3: leaving quickly, by button, by keyboard and by pressing Shift three times.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExitThisPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Pressing_Shift_three_times_leaves_for_the_neutral_site()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Shift");
        await Assertions.Expect(page.Locator("[aria-live]").Filter(new() { HasText = "2 more times" })).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Shift");
        await page.Keyboard.PressAsync("Shift");

        await page.WaitForURLAsync(browser.App.NeutralSite.ToString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Shift_pressed_with_another_key_does_not_leave()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        for (var i = 0; i < 4; i++)
        {
            await page.Keyboard.PressAsync("Shift+A");
        }
        // Give any exit a chance to happen before checking it did not.
        await page.WaitForTimeoutAsync(1000);

        Assert.StartsWith(browser.App.BaseAddress.ToString(), page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Without_JavaScript_the_button_is_a_plain_link_that_leaves_and_clears_our_cookies()
    {
        var page = await browser.NewPageAsync(javaScript: false);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Exit this page" }).First.ClickAsync();

        await page.WaitForURLAsync(browser.App.NeutralSite.ToString());
        var ours = await page.Context.CookiesAsync([browser.App.BaseAddress.ToString()]);
        Assert.Empty(ours);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_keyboard_user_reaches_Exit_this_page_within_a_few_tabs()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        // The exit control must come early in the tab order: within the first few stops.
        var reached = false;
        for (var i = 0; i < 5 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>("() => document.activeElement?.textContent?.trim() === 'Exit this page'");
        }
        Assert.True(reached, "Exit this page was not reached within 5 presses of Tab");

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(browser.App.NeutralSite.ToString());
        await page.Context.CloseAsync();
    }
}
