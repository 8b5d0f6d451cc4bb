using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Waymark.BrowserTests;

/// <summary>One page of a journey checked against WCAG 2.2 AA with axe-core, with a screenshot to look at afterwards.</summary>
internal static class AxeCheck
{
    /// <summary>
    /// Adds the page's violations to <paramref name="violations"/>, named by <paramref name="name"/>. With
    /// <paramref name="reflow"/>, also checks WCAG 1.4.10: nothing scrolls sideways on a 320 px screen.
    /// </summary>
    public static async Task PageAsync(IPage page, string journey, string name, List<string> violations, bool reflow = false)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        violations.AddRange(result.Violations.Select(v => $"{name}: {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        if (reflow)
        {
            await page.SetViewportSizeAsync(320, 800);
            var wide = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            if (wide > 320)
            {
                violations.Add($"{name}: {wide} px wide at 320 px");
            }
        }
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ArtifactsFolder, "screenshots", $"{journey}-{string.Concat(name.Select(c => char.IsLetterOrDigit(c) ? c : '-'))}.png"),
            FullPage = true,
        });
        if (reflow)
        {
            await page.SetViewportSizeAsync(1280, 900);
        }
    }
}
