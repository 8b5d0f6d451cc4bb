using System.Net;
using Waymark.Core.Safety;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Site;

public sealed class SourcesTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task It_credits_each_source_as_its_licence_asks_and_says_when_each_crisis_contact_was_checked()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/sources");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        var text = page.Document.GetElementById("main-content")!.TextContent;
        Assert.Contains("GeoNames", text, StringComparison.Ordinal);
        Assert.Contains("Creative Commons Attribution 4.0", text, StringComparison.Ordinal);
        Assert.Contains("Open Government Licence v3.0", text, StringComparison.Ordinal);
        Assert.Contains("National Cyber Security Centre", page.Text("#passwords + p"), StringComparison.Ordinal);
        // OS Open Names (the places) and the council table: the attribution statements their licences ask for.
        var places = page.Text("#source-os-open-names");
        Assert.Contains("OS Open Names", places, StringComparison.Ordinal);
        Assert.Contains("Contains OS data © Crown copyright and database right", places, StringComparison.Ordinal);
        Assert.Contains("Contains Royal Mail data © Royal Mail copyright and database right", places, StringComparison.Ordinal);
        Assert.Contains("Contains National Statistics data © Crown copyright and database right", places, StringComparison.Ordinal);
        Assert.Contains("mySociety", page.Text("#source-councils"), StringComparison.Ordinal);
        var rows = page.Document.QuerySelectorAll("#crisis-contact-sources li");
        Assert.Equal(CrisisContacts.All.Count, rows.Length);
        foreach (var contact in CrisisContacts.All)
        {
            var row = Assert.Single(rows, r => r.QuerySelector("a")!.GetAttribute("href") == contact.Source.ToString());
            // The date each was last checked lives here, not on the crisis card (issue 12 point 10).
            Assert.Contains("last checked " + contact.LastVerified.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), row.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task It_credits_the_commissioner_figures_at_the_versions_data_reference_names()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/sources");
        var sources = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "data", "reference", "SOURCES.md"));

        foreach (var (id, repo, commit) in new[]
        {
            ("#source-iod2025", "traffordDataLab/open_data", "3fcf109b"), ("#source-census2021", "ONSvisual/census-population-scrolly", "54e5f596"),
            ("#source-mid2020", "humaniverse/demographr", "c6210a3a"), ("#source-regions", "dhsc-govuk/FingertipsNext", "54aee382"),
        })
        {
            Assert.Contains(repo, page.Text(id), StringComparison.Ordinal);
            Assert.Contains(commit, page.Text(id), StringComparison.Ordinal);
            Assert.Contains($"`{repo}`", sources, StringComparison.Ordinal);
            Assert.Contains($"`{commit}", sources, StringComparison.Ordinal);
        }
        Assert.Contains("Open Government Licence v3.0", page.Text("#commissioning + p"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_links_to_it_from_the_footer()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/");
        Assert.NotNull(page.Document.QuerySelector("footer a[href='/sources']"));
    }
}
