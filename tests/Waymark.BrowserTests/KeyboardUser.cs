using Microsoft.Playwright;

namespace Waymark.BrowserTests;

/// <summary>Moving round a page as someone using only a keyboard does.</summary>
internal static class KeyboardUser
{
    /// <summary>Presses Tab until the focused element matches, as a keyboard user would; fails if it is never reached.</summary>
    public static async Task TabToAsync(IPage page, string selector, int maxPresses = 120)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }
        Assert.Fail($"{selector} was never reached with Tab on {page.Url}");
    }
}
