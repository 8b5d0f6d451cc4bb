using System.Net;
using AngleSharp.Dom;
using Waymark.Core.Safety;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Safety;

public sealed class NeedHelpNowTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    private async Task<HtmlPage> GetAtAsync(DateTimeOffset utc)
    {
        using var atTime = app.AtTime(new FixedClock(utc));
        using var client = atTime.CreateClient();
        return await HtmlPage.GetAsync(client, "/need-help-now");
    }

    private static IElement MainOf(HtmlPage page) => page.Document.GetElementById("main-content")!;

    [Fact]
    public async Task The_card_comes_first_below_the_heading_with_the_emergency_line_and_two_24_hour_contacts()
    {
        var page = await GetAtAsync(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero));
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Need help now", page.Text("h1"));

        var main = MainOf(page);
        var card = page.Document.GetElementById("crisis-card")!;
        Assert.Same(main, card.ParentElement);
        // Only a short lead sentence between the heading and the card; no other section before it.
        Assert.Equal("crisis-card", main.Children.First(e => e.LocalName != "h1" && !e.ClassList.Contains("lead")).Id);
        Assert.Equal("If your life is at risk now, call 999 or go to A&E", card.QuerySelector("h2")!.TextContent);
        Assert.Equal(["contact-samaritans", "contact-shout"], card.QuerySelectorAll("li").Select(li => li.Id));
        Assert.Equal(["tel:999", "tel:116123", "mailto:jo@samaritans.org", "sms:85258?body=SHOUT"], card.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        // Each link says what it does: the call is one link, the email another.
        var samaritans = card.QuerySelectorAll("#contact-samaritans a").ToList();
        Assert.Equal("Call 116 123 (free)", samaritans[0].TextContent);
        Assert.Contains("Call 116 123 (free), or email jo@samaritans.org", card.QuerySelector("#contact-samaritans")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("call 999", card.QuerySelector("h2 a")!.TextContent);
    }

    [Fact]
    public async Task The_other_contacts_are_one_tap_away_in_a_details_element_that_needs_no_javascript()
    {
        var page = await GetAtAsync(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero));
        var more = page.Document.GetElementById("more-contacts")!;
        Assert.Equal("details", more.LocalName);
        Assert.Null(more.GetAttribute("open"));
        Assert.Equal("crisis-card", more.PreviousElementSibling!.Id);
        Assert.Equal("More helplines: NHS 111, PAPYRUS HOPELINE247 (under 35s) and CALM", more.QuerySelector("summary")!.TextContent);
        Assert.Equal(CrisisContacts.More.Select(c => "contact-" + c.Id), more.QuerySelectorAll("li.card").Select(li => li.Id));
        foreach (var contact in CrisisContacts.More)
        {
            var link = more.QuerySelector($"#contact-{contact.Id} a")!;
            Assert.Equal(contact.Href, link.GetAttribute("href"));
            Assert.Contains(contact.Hours, more.QuerySelector($"#contact-{contact.Id}")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Each_crisis_contact_appears_once_as_a_call_or_text_link_with_no_checked_on_lines()
    {
        var page = await GetAtAsync(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero));
        var main = MainOf(page);
        foreach (var contact in CrisisContacts.All)
        {
            var link = Assert.Single(main.QuerySelectorAll("a"), a => a.GetAttribute("href") == contact.Href);
            // A helpline's way in is to call or text it, never a referral.
            Assert.Matches("^(Call|call|Text) ", link.TextContent);
        }
        Assert.DoesNotContain("Refer", main.TextContent, StringComparison.OrdinalIgnoreCase);
        // When each was last checked is on /sources (SourcesTests), not in the card.
        Assert.DoesNotContain("checked", main.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(CrisisContacts.All[0].LastVerified.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), main.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calm_is_open_at_6pm_uk_time_in_winter()
    {
        var page = await GetAtAsync(new DateTimeOffset(2026, 11, 29, 18, 0, 0, TimeSpan.Zero));
        var calm = page.Document.QuerySelector("#more-contacts #contact-calm")!;
        Assert.Contains("Open now", calm.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Closed now", calm.TextContent, StringComparison.Ordinal);
        Assert.Equal("tel:0800585858", calm.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Calm_is_open_at_half_past_5pm_uk_time_in_summer_which_is_half_past_4_utc()
    {
        var page = await GetAtAsync(new DateTimeOffset(2026, 7, 1, 16, 30, 0, TimeSpan.Zero));
        Assert.Contains("Open now", page.Text("#more-contacts #contact-calm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calm_is_shown_as_closed_at_9am_uk_time()
    {
        var page = await GetAtAsync(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
        var calm = page.Document.QuerySelector("#more-contacts #contact-calm")!;
        Assert.Contains("Closed now", calm.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Open now", calm.TextContent, StringComparison.Ordinal);
        Assert.Contains("5pm to midnight", calm.TextContent, StringComparison.Ordinal);
        Assert.Contains("9:00am", page.Text("#uk-time"), StringComparison.Ordinal);
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
