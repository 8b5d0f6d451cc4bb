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
        // axe-core's run settles through timers, which never fire with JavaScript off, and Playwright's evaluate has
        // no timeout: the run would wait for ever. Check the same page in a JavaScript-on context instead.
        if (BrowserFixture.HasJavaScriptOff(page))
        {
            throw new InvalidOperationException($"{journey}, {name}: axe-core cannot check a page opened with JavaScript off; check it with JavaScript on.");
        }
        // Nothing else in a run waits without a limit, so a generous one stops any other stall from hanging the suite.
        AxeResult result;
        try
        {
            result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
            }).WaitAsync(TimeSpan.FromMinutes(5));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{journey}, {name}: axe-core did not finish on {page.Url}", ex);
        }
        violations.AddRange(result.Violations.Select(v => $"{name}: {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        if (reflow)
        {
            await SidewaysAsync(page, name, violations);
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

    /// <summary>
    /// WCAG 1.4.10 alone: nothing scrolls sideways on a 320 px screen. Needs no page script, so it also checks pages
    /// opened with JavaScript off. Leaves the page 320 px wide.
    /// </summary>
    public static async Task SidewaysAsync(IPage page, string name, List<string> violations)
    {
        await page.SetViewportSizeAsync(320, 800);
        var wide = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        if (wide > 320)
        {
            // Name what sticks out, so the failure says where to look. Absolutely positioned text counts: a scroll box
            // that is not its containing block does not hold it in.
            var culprits = await page.EvaluateAsync<string[]>("""
                [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > 321 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > 321))
                  .slice(0, 5)
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''))
                """);
            violations.Add($"{name}: {wide} px wide at 320 px (sticking out: {string.Join(", ", culprits)})");
        }
    }
}
