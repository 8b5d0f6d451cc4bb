using System.Net;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Site;

public sealed class AccessibilityTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task It_states_the_wcag_target_how_we_test_and_how_to_report_a_problem()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/accessibility");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Accessibility statement", page.Text("h1"));
        var text = page.Document.GetElementById("main-content")!.TextContent;
        Assert.Contains("WCAG) version 2.2 at level AA", text, StringComparison.Ordinal);
        Assert.Contains("320 pixels", text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.GetElementById("report"));
    }
}
