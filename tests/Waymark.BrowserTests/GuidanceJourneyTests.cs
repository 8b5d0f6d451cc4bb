using Microsoft.Playwright;

namespace Waymark.BrowserTests;

/// <summary>
/// From the student guidance page into the find journey (issue 17), with JavaScript off on a 320 px phone: "I'm a
/// student at …" carries the university on, and its own counselling is among the results.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class GuidanceJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task With_javascript_off_a_student_chooses_their_university_and_finds_its_counselling()
    {
        var page = await browser.NewPageAsync(width: 320, height: 800, javaScript: false);

        await page.GotoAsync("/guidance/universities-and-colleges");
        await page.GetByLabel("Porter Brook University").CheckAsync();
        await page.Locator("form#student-at button").ClickAsync();
        Assert.Contains("/find/where", page.Url, StringComparison.Ordinal);
        Assert.Contains("circumstances=student", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Postcode, town or village").FillAsync("Sheffield");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        Assert.Contains("/find/how", page.Url, StringComparison.Ordinal);
        Assert.Contains("member_of=", page.Url, StringComparison.Ordinal);

        var results = "/find/results" + new Uri(page.Url).Query;
        await page.GotoAsync(results);
        var names = (await page.Locator("#results h2").AllTextContentsAsync()).Select(n => n.Trim()).ToList();
        Assert.Contains("Student Counselling Service", names);
        Assert.Contains("Porter Brook University", await page.Locator("#you-said").TextContentAsync() ?? "", StringComparison.Ordinal);
        var wide = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(wide <= 320, $"{wide} px wide at 320 px");
        await page.Context.CloseAsync();
    }
}
