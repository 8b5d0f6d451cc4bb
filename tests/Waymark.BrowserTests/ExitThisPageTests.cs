using Microsoft.Playwright;

namespace Waymark.BrowserTests;

/// <summary>docs/safety/policy.md §3: leaving quickly, by button, by keyboard and by pressing Shift three times.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExitThisPageTests(BrowserFixture browser)
{
    // Arriving at the neutral site is what matters, not its page finishing loading; a loaded machine once took
    // over 30 s to fire 'load' there although the exit had already happened (Arrival says why the address is watched).
    private static readonly TimeSpan LeftWithin = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Pressing_Shift_three_times_leaves_for_the_neutral_site()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Shift");
        await Assertions.Expect(page.Locator("[aria-live]").Filter(new() { HasText = "2 more times" })).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Shift");
        await page.Keyboard.PressAsync("Shift");

        await page.WentToAsync(browser.App.NeutralSite, LeftWithin);
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

        await page.Locator("a#exit-this-page").ClickAsync();

        await page.WentToAsync(browser.App.NeutralSite, LeftWithin);
        var ours = await page.Context.CookiesAsync([browser.App.BaseAddress.ToString()]);
        Assert.Empty(ours);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_keyboard_user_reaches_Exit_this_page_through_the_skip_link_and_leaves()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");

        // The hidden skip link to the exit comes within the first two stops of the tab order.
        var onSkipLink = false;
        for (var i = 0; i < 2 && !onSkipLink; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            onSkipLink = await page.EvaluateAsync<bool>("() => document.activeElement?.getAttribute('href') === '#exit-this-page'");
        }
        Assert.True(onSkipLink, "The skip link to Exit this page was not among the first two tab stops");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("exit-this-page", await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''"));
        await page.Keyboard.PressAsync("Enter");

        await page.WentToAsync(browser.App.NeutralSite, LeftWithin);
        await page.Context.CloseAsync();
    }
}
