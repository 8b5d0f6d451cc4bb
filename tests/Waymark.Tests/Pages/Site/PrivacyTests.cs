using System.Net;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Site;

public sealed class PrivacyTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task It_says_we_collect_nothing_from_anonymous_visitors_and_names_the_only_cookie()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/privacy");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Privacy", page.Text("h1"));
        var text = page.Document.GetElementById("main-content")!.TextContent;
        Assert.Contains("don’t use analytics", text, StringComparison.Ordinal);
        Assert.Contains("does not put any cookies on your device", text, StringComparison.Ordinal);
        Assert.Contains("waymark.antiforgery", page.Document.QuerySelector("#cookies ~ table")!.TextContent, StringComparison.Ordinal);
    }
}
