using System.Net;
using Waymark.Core.Safety;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Shared;

/// <summary>What every public page must have and must never have (SAFETY.md §1–3, PRODUCT.md principle 3).</summary>
public sealed class LayoutTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    public static TheoryData<string> PublicPages => new()
    {
        "/",
        "/need-help-now",
        "/staying-safe-online",
        "/about-self-harm",
        "/privacy",
        "/accessibility",
        "/sources",
        "/error/500",
        "/no-such-page",
        "/find",
        "/find/where",
        "/find/how",
        "/find/when",
        "/find/who",
        "/find/you",
        "/find/needs",
        "/find?near=Leeds&format=one-to-one",
        "/find/results",
        "/find/results?near=Leeds&within_km=20",
        "/find/results?near=Atlantis",
        "/find/results?near=Leeds&open_now=true&urgency=now",
        "/services/3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "/organisations/3f2504e0-4f89-11d3-9a0c-0305e82c3301",
    };

    /// <summary>The pages with the full crisis card below their heading: the start page and the two help-now pages.</summary>
    private static readonly string[] FullCard = ["/", "/need-help-now", "/find/results?near=Leeds&open_now=true&urgency=now"];

    public static TheoryData<string> FullCardPages => [.. FullCard];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Every_page_has_the_crisis_bar_exit_and_help_in_the_same_place(string path)
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, path);
        var doc = page.Document;

        Assert.Equal("en-GB", doc.DocumentElement.GetAttribute("lang"));
        Assert.False(string.IsNullOrWhiteSpace(doc.Title));
        Assert.Single(doc.QuerySelectorAll("h1"));

        // The same parts in the same order on every page (WCAG 3.2.6 Consistent Help).
        Assert.Equal(["skip-link", "skip-link", "header", "exit-this-page", "crisis-bar", "main-content", "footer"],
            doc.Body!.Children.Select(e => e.ClassList.Contains("skip-link") ? "skip-link"
                : e.ClassList.Contains("exit-this-page") ? "exit-this-page"
                : e.Id is { Length: > 0 } id ? id : e.LocalName));

        // The bar: what to do if life is at risk, unmistakably, then two 24-hour contacts and the way to the rest.
        var bar = doc.GetElementById("crisis-bar");
        Assert.NotNull(bar);
        Assert.Equal("aside", bar.LocalName);
        Assert.Equal("If your life is at risk now, call 999 or go to A&E.", bar.QuerySelector("strong")!.TextContent);
        var barLinks = bar.QuerySelectorAll("a").Select(a => (Href: a.GetAttribute("href")!, Text: a.TextContent)).ToList();
        Assert.Equal([.. CrisisContacts.CardContacts.Select(c => c.Href), "/need-help-now"], barLinks.Select(l => l.Href));
        Assert.Equal(["call 999", "Samaritans 116 123", "Text SHOUT to 85258", "Need help now"], barLinks.Select(l => l.Text));

        var fullCard = FullCard.Contains(path);
        Assert.Equal(fullCard, doc.GetElementById("crisis-card") is not null);

        var exit = doc.GetElementById("exit-this-page");
        Assert.NotNull(exit);
        Assert.Equal("a", exit.LocalName);
        Assert.Equal("/exit", exit.GetAttribute("href"));
        Assert.Contains("Exit this page", exit.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("#exit-this-page-status[aria-live=polite]"));

        var skipLinks = doc.QuerySelectorAll("a.skip-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#main-content", "#exit-this-page"], skipLinks);
        Assert.NotNull(doc.GetElementById("main-content"));

        Assert.Contains(doc.QuerySelectorAll("header a, footer a"), a => a.GetAttribute("href") == "/need-help-now");
    }

    [Theory]
    [MemberData(nameof(FullCardPages))]
    public async Task The_start_and_help_now_pages_have_the_full_crisis_card_below_their_heading(string path)
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, path);
        var main = page.Document.GetElementById("main-content")!;

        var card = page.Document.GetElementById("crisis-card");
        Assert.NotNull(card);
        Assert.Same(main, card.ParentElement);
        var before = main.Children.TakeWhile(e => e != card).ToList();
        Assert.Equal("h1", before[0].LocalName);
        // Nothing but a lead sentence between the heading and the card.
        Assert.All(before.Skip(1), e => Assert.True(e.LocalName == "p" && e.ClassList.Contains("lead"), e.OuterHtml));

        Assert.Equal("If your life is at risk now, call 999 or go to A&E", card.QuerySelector("h2")!.TextContent);
        var links = card.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        foreach (var contact in CrisisContacts.CardContacts)
        {
            Assert.Contains(contact.Href, links);
        }
        Assert.DoesNotContain("checked", card.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task No_page_has_inline_script_or_style_or_loads_anything_from_another_site(string path)
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, path);
        var doc = page.Document;

        Assert.Empty(doc.QuerySelectorAll("style"));
        Assert.Empty(doc.QuerySelectorAll("[style]"));
        Assert.All(doc.QuerySelectorAll("script"), s =>
        {
            Assert.True(string.IsNullOrWhiteSpace(s.TextContent), "inline script body");
            Assert.StartsWith("/", s.GetAttribute("src"), StringComparison.Ordinal);
        });
        Assert.DoesNotMatch(@"\son[a-z]+\s*=", page.Markup);

        // Anything the browser fetches by itself must come from this origin.
        var fetched = doc.QuerySelectorAll("script[src], link[href], img[src], source[src], iframe[src], video[src], audio[src], object[data], embed[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? e.GetAttribute("data")!)
            .ToList();
        Assert.NotEmpty(fetched);
        Assert.All(fetched, url => Assert.Matches("^/[^/]", url));
        Assert.DoesNotContain("url(", page.Markup, StringComparison.Ordinal);

        // Links to other sites are fine, but must not say where the reader came from.
        Assert.All(doc.QuerySelectorAll("a[href^='http']"), a => Assert.Contains("noreferrer", a.GetAttribute("rel") ?? "", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task An_anonymous_visit_sets_no_cookie_and_is_not_cached(string path)
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, path);

        Assert.False(page.Response.Headers.Contains("Set-Cookie"), string.Join("; ", page.Response.Headers.TryGetValues("Set-Cookie", out var v) ? v : []));
        Assert.True(page.Response.Headers.CacheControl?.NoStore, $"{path} must be Cache-Control: no-store");
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_missing_page_is_a_404_with_the_full_layout()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.Response.StatusCode);
        Assert.Equal("Page not found", page.Text("h1"));
    }

    [Fact]
    public async Task Without_sample_data_there_is_no_sample_banner()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/");
        Assert.Null(page.Document.GetElementById("sample-data-banner"));
    }
}

public sealed class SampleBannerTests(SampleWaymarkApp app) : IClassFixture<SampleWaymarkApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/need-help-now")]
    [InlineData("/about-self-harm")]
    public async Task The_sample_banner_says_the_services_are_made_up_and_the_helplines_are_real(string path)
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, path);
        var banner = page.Document.GetElementById("sample-data-banner");
        Assert.NotNull(banner);
        Assert.Equal(
            "Sample data — the local services here are made up. The national helplines are real.",
            string.Join(' ', banner.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        // It sits right after the crisis bar, before the page's own content.
        Assert.Equal("crisis-bar", banner.ParentElement!.PreviousElementSibling!.Id);
    }
}
