using System.Net;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Safety;

public sealed class StayingSafeOnlineTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task It_explains_the_exit_button_and_is_honest_that_history_is_not_erased()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/staying-safe-online");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Staying safe online", page.Text("h1"));
        var text = page.Document.GetElementById("main-content")!.TextContent;

        Assert.Contains("Shift", text, StringComparison.Ordinal);
        Assert.Contains("does not delete your browsing history", text, StringComparison.Ordinal);
        Assert.Contains("www.bbc.co.uk", text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.GetElementById("browse-privately"));
        Assert.NotNull(page.Document.GetElementById("clear-history"));
        Assert.Contains("Incognito", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_footer_of_every_page_links_here()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/");
        Assert.Contains(page.Document.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/staying-safe-online");
    }
}
