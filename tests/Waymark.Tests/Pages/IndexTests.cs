using System.Net;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages;

public sealed class IndexTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task The_start_page_starts_the_find_journey_and_points_to_help()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Find support for self-harm", page.Text("h1"));
        Assert.Equal("Find support for self-harm – Waymark", page.Document.Title);

        var main = page.Document.GetElementById("main-content")!;
        var start = main.QuerySelector("a.button--start");
        Assert.NotNull(start);
        Assert.Equal("/find", start.GetAttribute("href"));
        var links = main.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/need-help-now", links);
        Assert.Contains("/about-self-harm", links);
    }
}
