using System.Globalization;
using Microsoft.Playwright;

namespace Waymark.BrowserTests;

/// <summary>
/// On a phone, each page's own content starts on the first screen: the header, Exit this page, the crisis bar and the
/// sample banner together take less than half of a 375×740 screen (issue 12, point 9).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MobileScreenTests(BrowserFixture browser)
{
    private const int Width = 375;
    private const int Height = 740;

    public static TheoryData<string> PublicPages => [.. Pages.Public];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task The_page_heading_starts_in_the_top_half_of_a_375_by_740_screen(string path)
    {
        var page = await browser.NewPageAsync(Width, Height);
        await page.GotoAsync(path);

        // What a person sees first on a phone, kept for review beside the 320 and 1280 px full-page shots.
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ArtifactsFolder, "screenshots", $"{Pages.FileName(path)}-{Width}x{Height}.png"),
        });
        var top = await page.EvaluateAsync<double>("() => document.querySelector('h1').getBoundingClientRect().top");
        Assert.True(top < Height / 2.0, $"{path}: the h1 starts {top.ToString("0", CultureInfo.InvariantCulture)} px down a {Height} px screen");

        // The crisis help is still on that first screen, whole, with 999 and the Need help now route one tap away.
        var bar = page.Locator("#crisis-bar");
        Assert.True(await bar.IsVisibleAsync(), $"{path}: crisis bar visible");
        var box = await bar.BoundingBoxAsync();
        Assert.True(box is not null && box.Y + box.Height <= Height, $"{path}: the crisis bar ends on the first screen");
        Assert.True(await bar.Locator("a[href='tel:999']").IsVisibleAsync(), $"{path}: 999 link visible");
        Assert.True(await bar.Locator("a[href='/need-help-now']").IsVisibleAsync(), $"{path}: Need help now link visible");
        await page.Context.CloseAsync();
    }
}
