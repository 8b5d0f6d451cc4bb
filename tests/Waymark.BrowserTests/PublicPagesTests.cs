using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Waymark.BrowserTests;

/// <summary>What every public page must do for a person in distress on any device (issue 4, SAFETY.md §2–3).</summary>
[Collection(BrowserCollection.Name)]
public sealed class PublicPagesTests(BrowserFixture browser)
{
    public static TheoryData<string> PublicPages => [.. Pages.Public];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Meets_WCAG_2_2_AA_by_axe_core(string path)
    {
        var page = await browser.NewPageAsync();
        await GoAsync(page, path);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });

        var violations = result.Violations.Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}");
        Assert.True(result.Violations.Length == 0, $"{path}:\n" + string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Makes_no_request_to_another_origin(string path)
    {
        var page = await browser.NewPageAsync();
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            var url = new Uri(request.Url);
            if (url.Scheme is "http" or "https" && url.Authority != browser.App.BaseAddress.Authority)
            {
                elsewhere.Add(request.Url);
            }
        };
        await GoAsync(page, path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(elsewhere);
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Shows_the_crisis_bar_and_exit_this_page_and_fits_320_px_without_sideways_scrolling(string path)
    {
        foreach (var width in new[] { 320, 1280 })
        {
            var page = await browser.NewPageAsync(width: width);
            await GoAsync(page, path);

            Assert.True(await page.Locator("#crisis-bar").IsVisibleAsync(), $"{path}: crisis bar visible at {width} px");
            Assert.True(await page.Locator("a#exit-this-page").IsVisibleAsync(), $"{path}: Exit this page visible at {width} px");
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px at {width} px wide");

            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(BrowserFixture.ArtifactsFolder, "screenshots", $"{Pages.FileName(path)}-{width}.png"),
                FullPage = true,
            });
            await page.Context.CloseAsync();
        }
    }

    private static async Task GoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Ok || path.StartsWith("/error/", StringComparison.Ordinal), $"{path} answered {response.Status}");
    }
}
