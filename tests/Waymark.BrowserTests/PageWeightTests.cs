using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Waymark.BrowserTests;

/// <summary>
/// A slow connection must still get help: each public page's first load is at most 150 KB transferred
/// in at most 15 requests. The figures are written to test-results/browser/page-weight.md for docs/benchmarks.md.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageWeightTests(BrowserFixture browser)
{
    private const long MaxBytes = 150 * 1024;
    private const int MaxRequests = 15;

    [Fact]
    public async Task Every_public_page_loads_first_time_within_150_KB_and_15_requests()
    {
        var report = new StringBuilder("| page | requests | KB transferred |\n|---|---|---|\n");
        var tooHeavy = new List<string>();
        foreach (var path in Pages.Public)
        {
            var page = await browser.NewPageAsync(); // a fresh context: nothing cached
            var finished = new List<IRequest>();
            page.RequestFinished += (_, r) => finished.Add(r);
            await page.GotoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

            long bytes = 0;
            foreach (var request in finished)
            {
                var sizes = await request.SizesAsync();
                bytes += sizes.ResponseHeadersSize + sizes.ResponseBodySize;
            }
            report.Append(CultureInfo.InvariantCulture, $"| `{path}` | {finished.Count} | {bytes / 1024.0:0.0} |\n");
            if (bytes > MaxBytes || finished.Count > MaxRequests)
            {
                tooHeavy.Add($"{path}: {finished.Count} requests, {bytes} bytes");
            }
            await page.Context.CloseAsync();
        }

        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ArtifactsFolder, "page-weight.md"), report.ToString());
        Assert.True(tooHeavy.Count == 0, string.Join("\n", tooHeavy));
    }
}
