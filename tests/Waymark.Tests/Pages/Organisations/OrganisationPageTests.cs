using System.Net;
using Waymark.Core.Directory;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Organisations;

public sealed class OrganisationPageTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task An_organisation_page_lists_its_services_running_ones_first()
    {
        var organisation = ServiceBuilder.NewOrganization("Riverside Peer Network");
        var closed = new ServiceBuilder("Archway group", organisation).Status(ServiceStatus.Defunct);
        var running = new ServiceBuilder("Zephyr group", organisation);
        await app.AddServicesAsync(closed, running);

        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, $"/organisations/{organisation.Id}");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Riverside Peer Network", page.Text("h1"));
        Assert.Contains("a voluntary organisation", page.Text("main .lead"), StringComparison.Ordinal);
        var cards = page.Document.QuerySelectorAll("#services + ul > li").ToList();
        Assert.Equal([$"service-{running.Id}", $"service-{closed.Id}"], cards.Select(c => c.Id));
        Assert.Equal($"/services/{running.Id}", cards[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(cards[0].QuerySelector(".tag"));
        Assert.Equal("Closed down", cards[1].QuerySelector(".tag--amber")!.TextContent);
        var website = page.Document.QuerySelector("#organisation-contacts a.external-link")!;
        Assert.Equal("https://example.org/", website.GetAttribute("href"));
        Assert.Equal("noreferrer noopener", website.GetAttribute("rel"));
        Assert.False(page.Response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("/organisations/3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("/organisations/nope")]
    public async Task An_unknown_organisation_is_a_404(string path)
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, path);
        Assert.Equal(HttpStatusCode.NotFound, page.Response.StatusCode);
    }
}
