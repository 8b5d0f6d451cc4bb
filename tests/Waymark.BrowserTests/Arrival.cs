using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Waymark.BrowserTests;

/// <summary>
/// Waiting for the page a link or form sends the browser to. Playwright's <c>WaitForURLAsync</c> looks at the address
/// once and then waits for the frame's "navigated" event; under load that event once came in between, and the wait
/// ran out its 30 s with the browser already at the page it was waiting for (the address was right when it failed).
/// Before that it waited for the "load" event, which a loaded CI machine also once missed. So this watches the address
/// itself, then waits for the page's footer, which the layout puts last: once it is in the DOM, everything the test
/// reads next has been parsed.
/// </summary>
internal static class Arrival
{
    private const string EndOfPage = "footer.footer";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Arrived at the page whose path (no query) is exactly <paramref name="path"/>.</summary>
    public static Task ArrivedAtAsync(this IPage page, string path) =>
        ArrivedAsync(page, $"the path {path}", url => new Uri(url).AbsolutePath == path);

    public static Task ArrivedAtAsync(this IPage page, Regex url) =>
        ArrivedAsync(page, $"an address matching {url}", url.IsMatch);

    /// <summary>Arrived at an address containing <paramref name="path"/> (taken literally, "?" included).</summary>
    public static Task ArrivedAtPathAsync(this IPage page, string path) =>
        page.ArrivedAtAsync(new Regex(Regex.Escape(path)));

    /// <summary>The browser's address is <paramref name="url"/>, whatever the page there (it may not be ours).</summary>
    public static Task WentToAsync(this IPage page, Uri url, TimeSpan timeout) =>
        AddressAsync(page, $"the address {url}", address => address == url.ToString(), timeout);

    private static async Task ArrivedAsync(IPage page, string expected, Func<string, bool> isThere)
    {
        await AddressAsync(page, expected, isThere, Timeout);
        await page.Locator(EndOfPage).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    private static async Task AddressAsync(IPage page, string expected, Func<string, bool> isThere, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!isThere(page.Url))
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s to arrive at {expected}; the page is still at {page.Url}.");
            }
            await Task.Delay(20);
        }
    }
}
