using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Waymark.BrowserTests;

/// <summary>
/// Waiting for the page a form sends the browser to. Playwright's <c>WaitForURLAsync</c>, once the address matches,
/// waits for the "load" lifecycle event, and on a loaded CI machine it once missed that event and timed out with
/// the page already there. Here the wait is for the address to be committed and then for the page's footer, which
/// the layout puts last: once it is in the DOM, everything the test reads next has been parsed.
/// </summary>
internal static class Arrival
{
    private const string EndOfPage = "footer.footer";

    public static async Task ArrivedAtAsync(this IPage page, string urlGlob)
    {
        await page.WaitForURLAsync(urlGlob, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator(EndOfPage).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    public static async Task ArrivedAtAsync(this IPage page, Regex url)
    {
        await page.WaitForURLAsync(url, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator(EndOfPage).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>Arrived at an address containing <paramref name="path"/> (taken literally, "?" included).</summary>
    public static Task ArrivedAtPathAsync(this IPage page, string path) =>
        page.ArrivedAtAsync(new Regex(Regex.Escape(path)));
}
