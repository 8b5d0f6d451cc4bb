using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Safety;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Safety;

public sealed class NeedHelpNowTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    private async Task<HtmlPage> GetAtAsync(DateTimeOffset utc)
    {
        using var atTime = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(utc))));
        using var client = atTime.CreateClient();
        return await HtmlPage.GetAsync(client, "/need-help-now");
    }

    [Fact]
    public async Task Crisis_contacts_come_first_with_the_emergency_line_at_the_top()
    {
        var page = await GetAtAsync(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Need help now", page.Text("h1"));

        var main = page.Document.GetElementById("main-content")!;
        Assert.Equal("open-now", main.QuerySelector("h2")!.Id);
        var contacts = main.QuerySelectorAll("#open-now + ul > li").Select(li => li.Id).ToList();
        Assert.Equal("contact-emergency", contacts[0]);
        foreach (var contact in CrisisContacts.All)
        {
            var card = main.QuerySelector($"#contact-{contact.Id}");
            Assert.NotNull(card);
            Assert.Contains(contact.Hours, card.TextContent, StringComparison.Ordinal);
        }
        // Each link says what it does: the call is one link, the email another.
        var samaritans = main.QuerySelectorAll("#contact-samaritans a").ToList();
        Assert.Equal(["tel:116123", "mailto:jo@samaritans.org"], samaritans.Select(a => a.GetAttribute("href")));
        Assert.Equal("Call 116 123 (free)", samaritans[0].TextContent);
        Assert.Contains("Call 116 123 (free), or email jo@samaritans.org", main.QuerySelector("#contact-samaritans")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Call 999", main.QuerySelector("#contact-emergency a")!.TextContent);
    }

    [Fact]
    public async Task Calm_is_open_at_6pm_uk_time_in_winter()
    {
        var page = await GetAtAsync(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero));
        var calm = page.Document.QuerySelector("#open-now + ul #contact-calm");
        Assert.NotNull(calm);
        Assert.Contains("Open now", calm.TextContent, StringComparison.Ordinal);
        Assert.Equal("tel:0800585858", calm.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(page.Document.GetElementById("closed-now"));
    }

    [Fact]
    public async Task Calm_is_open_at_half_past_5pm_uk_time_in_summer_which_is_half_past_4_utc()
    {
        var page = await GetAtAsync(new DateTimeOffset(2026, 7, 1, 16, 30, 0, TimeSpan.Zero));
        Assert.NotNull(page.Document.QuerySelector("#open-now + ul #contact-calm"));
    }

    [Fact]
    public async Task Calm_is_shown_as_closed_at_9am_uk_time()
    {
        var page = await GetAtAsync(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
        Assert.Null(page.Document.QuerySelector("#open-now + ul #contact-calm"));
        var calm = page.Document.QuerySelector("#closed-now + ul #contact-calm");
        Assert.NotNull(calm);
        Assert.Contains("Closed now", calm.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Open now", calm.TextContent, StringComparison.Ordinal);
        Assert.Contains("5pm to midnight", calm.TextContent, StringComparison.Ordinal);
        Assert.Contains("9:00am", page.Document.GetElementById("main-content")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_open_now_near_you_form_asks_the_search_for_places_open_now_without_javascript()
    {
        var page = await GetAtAsync(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var form = page.Document.QuerySelector("#near-you ~ form");
        Assert.NotNull(form);
        Assert.Equal("/find/results", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("true", form.QuerySelector("input[name=open_now]")!.GetAttribute("value"));
        Assert.Equal("now", form.QuerySelector("input[name=urgency]")!.GetAttribute("value"));
        var near = form.QuerySelector("input[name=near]");
        Assert.NotNull(near);
        Assert.NotNull(form.QuerySelector($"label[for={near.Id}]"));
        // Nothing is listed until the search exists: no made-up results.
        Assert.Empty(page.Document.QuerySelectorAll("#near-you ~ ul .card"));
    }
}
