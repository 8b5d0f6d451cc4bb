using System.Globalization;
using System.Net;
using Waymark.Core.Safety;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Guidance;

/// <summary>The guidance pages for managers, universities and colleges, and GP practices and pharmacies (issue 17).</summary>
public sealed class GuidancePagesTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    public static TheoryData<string, string, string[]> Pages => new()
    {
        { "/guidance/managers", "For managers: supporting someone at work", ["access-to-work-mhss", "hse-management-standards", "acas-reasonable-adjustments", "nice-ng225"] },
        { "/guidance/universities-and-colleges", "Support at university or college", ["uuk-suicide-safer", "university-mental-health-charter", "nightline", "nice-ng225"] },
        { "/guidance/gp-practices-and-pharmacies", "For GP practice and pharmacy staff: when someone mentions self-harm", ["nice-ng225", "nice-qs34"] },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_credits_its_sources_with_the_date_each_was_checked(string path, string heading, string[] sources)
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, path);

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal(heading, page.Text("h1"));
        Assert.NotNull(page.Document.QuerySelector("nav a[href='#sources']"));
        var rows = page.Document.QuerySelectorAll("#guidance-sources li");
        Assert.Equal(sources, rows.Select(r => r.GetAttribute("data-source")));
        foreach (var source in sources.Select(GuidanceSources.Get))
        {
            var row = Assert.Single(rows, r => r.GetAttribute("data-source") == source.Id);
            Assert.Equal(source.Source.ToString(), row.QuerySelector("a")!.GetAttribute("href"));
            Assert.Equal("noreferrer noopener", row.QuerySelector("a")!.GetAttribute("rel"));
            Assert.Contains(source.Owner, row.TextContent, StringComparison.Ordinal);
            Assert.Contains("last checked " + source.LastVerified.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")), row.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_phone_or_text_link_is_a_crisis_contact_from_the_data(string path, string heading, string[] sources)
    {
        _ = (heading, sources);
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, path);
        var main = page.Document.GetElementById("main-content")!;

        var links = main.QuerySelectorAll("a[href^='tel:'], a[href^='sms:']").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, href => Assert.Contains(href, CrisisContacts.All.Select(c => c.Href)));
        // Every number in the words is one of those contacts' numbers: none typed again by hand.
        var spoken = System.Text.RegularExpressions.Regex.Matches(main.TextContent, @"\b\d{3}(?: ?\d{3})?\b|\b\d{5}\b").Select(m => m.Value.Replace(" ", "", StringComparison.Ordinal));
        Assert.All(spoken, n => Assert.Contains(n, CrisisContacts.All.Select(c => c.Number)));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_pages_follow_the_safe_messaging_words(string path, string heading, string[] sources)
    {
        _ = (heading, sources);
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, path);
        var text = page.Document.GetElementById("main-content")!.TextContent;

        Assert.DoesNotContain("committed suicide", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("self-mutilation", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("mentally ill", text, StringComparison.OrdinalIgnoreCase);
        // "Attention seeking" appears only where the page says not to use it.
        var sentences = System.Text.RegularExpressions.Regex.Split(text, @"(?<=[.!?])\s+").Where(s => s.Contains("attention seeking", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.All(sentences, s => Assert.Contains("Don’t", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_gp_page_says_what_nice_asks_first_contact_to_do_and_not_to_do()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/guidance/gp-practices-and-pharmacies");
        var nice = page.Document.GetElementById("nice")!.NextElementSibling!.NextElementSibling!.TextContent;

        Assert.Contains("same respect and dignity", nice, StringComparison.Ordinal);
        Assert.Contains("psychosocial assessment", nice, StringComparison.Ordinal);
        Assert.Contains("Don’t use risk scores", nice, StringComparison.Ordinal);
        Assert.Contains("Don’t make help depend on them promising to stop", page.Text("#what-not-to-ask + ul"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_are_linked_from_every_footer_and_their_sources_are_on_the_sources_page()
    {
        using var client = app.CreateClient();
        var home = await HtmlPage.GetAsync(client, "/");
        var sourcesPage = await HtmlPage.GetAsync(client, "/sources");

        foreach (var path in new[] { "/guidance/managers", "/guidance/universities-and-colleges", "/guidance/gp-practices-and-pharmacies" })
        {
            Assert.NotNull(home.Document.QuerySelector($"footer a[href='{path}']"));
        }
        var listed = sourcesPage.Document.QuerySelectorAll("#guidance-source-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(GuidanceSources.All.Select(s => s.Source.ToString()), listed);
    }
}
