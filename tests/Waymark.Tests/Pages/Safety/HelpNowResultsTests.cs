using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Data;
using Waymark.Core.Listings;
using Waymark.Core.Safety;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Safety;

/// <summary>
/// The "help now" results (the Need help now form's search): crisis contacts first and once each, a helpline's number as
/// its way in, and — when nothing near is open — saying so and showing what opens next (issue 12 points 4 and 10).
/// Its own app with its own directory, since remote services reach every search.
/// </summary>
public sealed class HelpNowResultsTests(HelpNowResultsTests.HelpNowDirectory app) : IClassFixture<HelpNowResultsTests.HelpNowDirectory>
{
    // The Need help now form's own fields, near Leeds.
    private const string Search = "/find/results?near=53.81,-1.55&open_now=true&urgency=now&prefer=delivery:phone,delivery:text";

    /// <summary>Tuesday 1 December 2026, 3am in the UK (GMT): every local line and drop-in here is closed.</summary>
    private static readonly DateTimeOffset NightTime = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    /// <summary>The same Tuesday at 7:30pm: the evening lines and the drop-in are open.</summary>
    private static readonly DateTimeOffset Evening = new(2026, 12, 1, 19, 30, 0, TimeSpan.Zero);

    private ServiceBuilder EveningLine => app.EveningLine;
    private ServiceBuilder TextLine => app.TextLine;
    private ServiceBuilder DropIn => app.DropIn;
    private ServiceBuilder SamaritansListing => app.SamaritansListing;

    /// <summary>The app with a directory of its own: two evening lines, an evening drop-in and a listing of Samaritans.</summary>
    public sealed class HelpNowDirectory : WaymarkApp, IAsyncLifetime
    {
        public ServiceBuilder EveningLine { get; } = new ServiceBuilder("Aire evening listening line")
            .Opens("MO,TU,WE,TH,FR,SA,SU", "18:00", "23:00")
            .WithTerm("delivery:phone").WithTerm("format:helpline").WithTerm("access:no-referral").WithTerm("support:crisis")
            .WithPhone("0113 496 0001", "Call this number free");

        public ServiceBuilder TextLine { get; } = new ServiceBuilder("Aire text support")
            .Opens("MO,TU,WE,TH,FR,SA,SU", "17:00", "22:00")
            .WithTerm("delivery:text").WithTerm("format:helpline").WithTerm("access:no-referral")
            .WithPhone("07700 900111", "Text this number");

        public ServiceBuilder DropIn { get; } = new ServiceBuilder("Aire evening drop-in").At(53.80, -1.55, "LS1 1AA")
            .Opens("TU", "17:30", "21:00")
            .WithTerm("format:drop-in").WithTerm("delivery:phone").WithTerm("access:no-referral")
            .WithPhone("0113 496 0002", "Call to ask about this service, Monday to Friday, 10am to 4pm");

        /// <summary>The directory's own listing of Samaritans: open now, but already on the crisis card.</summary>
        public ServiceBuilder SamaritansListing { get; } = new ServiceBuilder("Samaritans")
            .Opens("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59")
            .WithTerm("delivery:phone").WithTerm("format:helpline").WithTerm("access:no-referral").WithTerm("support:crisis")
            .WithPhone("116 123", "Call free, 24 hours a day, every day");

        public async Task InitializeAsync()
        {
            await this.AddSearchableServicesAsync(EveningLine, TextLine, DropIn, SamaritansListing);
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private async Task<HtmlPage> GetAtAsync(DateTimeOffset utc, string path = Search)
    {
        using var atTime = app.AtTime(new FixedClock(utc));
        using var client = atTime.CreateClient();
        var page = await HtmlPage.GetAsync(client, path);
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        return page;
    }

    private static IElement MainOf(HtmlPage page) => page.Document.GetElementById("main-content")!;

    [Fact]
    public async Task When_nothing_near_is_open_it_says_so_and_shows_what_opens_next_soonest_first()
    {
        var page = await GetAtAsync(NightTime);

        Assert.Equal("Help you can get now", page.Text("h1"));
        Assert.Equal("Nothing near you is open right now", page.Text("#results-heading"));
        Assert.Empty(page.Document.QuerySelectorAll("#results"));

        var next = page.Document.QuerySelectorAll("#opens-next + ol > li").ToList();
        Assert.Equal([$"result-{TextLine.Id}", $"result-{DropIn.Id}", $"result-{EveningLine.Id}"], next.Select(li => li.Id));
        Assert.Equal(["Opens today at 5pm", "Opens today at 5:30pm", "Opens today at 6pm"], next.Select(li => li.QuerySelector(".result__open")!.TextContent));
    }

    [Fact]
    public async Task Crisis_contacts_come_first_and_each_appears_once_not_again_among_the_services()
    {
        foreach (var at in new[] { NightTime, Evening })
        {
            var page = await GetAtAsync(at);
            var main = MainOf(page);

            // The card straight below the heading, then the rest behind one tap.
            Assert.Equal("crisis-card", page.Document.QuerySelector("h1")!.NextElementSibling!.Id);
            Assert.Equal("more-contacts", page.Document.GetElementById("crisis-card")!.NextElementSibling!.Id);
            Assert.Equal("details", page.Document.GetElementById("more-contacts")!.LocalName);

            foreach (var contact in CrisisContacts.All)
            {
                Assert.Single(main.QuerySelectorAll("a"), a => a.GetAttribute("href") == contact.Href);
            }
            Assert.Null(page.Document.GetElementById($"result-{SamaritansListing.Id}"));
            // When each contact was checked belongs on /sources, not in the card.
            Assert.DoesNotContain("checked", page.Text("#crisis-card") + page.Text("#more-contacts"), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_helpline_card_has_its_number_as_a_working_call_or_text_link_and_never_refer_yourself()
    {
        foreach (var at in new[] { NightTime, Evening })
        {
            var page = await GetAtAsync(at);

            var call = page.Document.QuerySelector($"#result-{EveningLine.Id} .result__contact a")!;
            Assert.Equal("tel:01134960001", call.GetAttribute("href"));
            Assert.Equal("Call 0113 496 0001", call.TextContent);
            var text = page.Document.QuerySelector($"#result-{TextLine.Id} .result__contact a")!;
            Assert.Equal("sms:07700900111", text.GetAttribute("href"));
            Assert.Equal("Text 07700 900111", text.TextContent);
            // A drop-in's number, even one that also talks by phone, is for questions in office hours: only a helpline's is the way in.
            Assert.Null(page.Document.QuerySelector($"#result-{DropIn.Id} .result__contact"));

            Assert.DoesNotContain("Refer yourself", MainOf(page).TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_edit_to_a_helplines_number_shows_on_the_next_urgent_results_page()
    {
        // One node throughout: its first page reads the number and holds it for the searches after.
        using var node = app.AtTime(new FixedClock(Evening));
        using var client = node.CreateClient();
        Assert.Equal("Call 0113 496 0001", await NumberAsync());
        try
        {
            await SetNumberAsync("0113 496 0009");
            Assert.Equal("Call 0113 496 0009", await NumberAsync());
        }
        finally
        {
            // The other tests share this directory and expect the line's own number.
            await SetNumberAsync("0113 496 0001");
        }
        Assert.Equal("Call 0113 496 0001", await NumberAsync());

        async Task<string> NumberAsync()
        {
            var page = await HtmlPage.GetAsync(client, Search);
            return page.Document.QuerySelector($"#result-{EveningLine.Id} .result__contact a")!.TextContent;
        }

        // As the provider's edit page saves it: through the listing editor, which tells this node's search.
        async Task SetNumberAsync(string number)
        {
            await using var scope = node.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            var service = await db.Services
                .Include(s => s.Organization).Include(s => s.Contacts).ThenInclude(c => c.Phones).Include(s => s.Attributes).Include(s => s.Schedules)
                .AsSplitQuery().SingleAsync(s => s.Id == EveningLine.Id);
            var details = ServiceDetails.From(service);
            details.Phone = number;
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ListingEditor>().UpdateDetailsAsync(service, details, "test"));
        }
    }

    [Fact]
    public async Task When_something_near_is_open_it_is_listed_in_the_matchers_order_without_an_opens_next_list()
    {
        var page = await GetAtAsync(Evening);

        Assert.Equal("Open now near you, or by phone or text", page.Text("#results-heading"));
        Assert.Null(page.Document.GetElementById("opens-next"));
        var shown = page.Document.QuerySelectorAll("#results > li").Select(li => li.Id ?? "").ToList();
        Assert.Equal(3, shown.Count);
        Assert.Contains($"result-{EveningLine.Id}", shown);
        Assert.Contains($"result-{TextLine.Id}", shown);
        Assert.Contains($"result-{DropIn.Id}", shown);

        // The matcher's order, less the crisis contact it also found.
        using var atTime = app.AtTime(new FixedClock(Evening));
        using var client = atTime.CreateClient();
        using var api = await client.GetAsync(new Uri(Search.Replace("/find/results", "/api/v1/match", StringComparison.Ordinal), UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        var matcherOrder = json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => "result-" + r.GetProperty("id").GetString())
            .Where(id => id != $"result-{SamaritansListing.Id}")
            .ToList();
        Assert.Equal(matcherOrder, shown);
    }

    [Fact]
    public async Task Leaving_out_a_crisis_line_still_shows_as_many_services_as_were_asked_for()
    {
        // The matcher's top two include the Samaritans listing, which the page leaves out: it still shows two others.
        using var atTime = app.AtTime(new FixedClock(Evening));
        using var client = atTime.CreateClient();
        using var api = await client.GetAsync(new Uri(Search.Replace("/find/results", "/api/v1/match", StringComparison.Ordinal) + "&limit=2", UriKind.Relative));
        using var json = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        Assert.Contains(json.RootElement.GetProperty("results").EnumerateArray(), r => r.GetProperty("id").GetGuid() == SamaritansListing.Id);

        var page = await HtmlPage.GetAsync(client, Search + "&limit=2");
        Assert.Equal(2, page.Document.QuerySelectorAll("#results > li").Length);
        Assert.Null(page.Document.GetElementById($"result-{SamaritansListing.Id}"));
    }

    [Fact]
    public async Task The_other_crisis_contacts_say_whether_they_are_open_now()
    {
        var night = await GetAtAsync(NightTime);
        var calm = night.Document.QuerySelector("#more-contacts #contact-calm")!;
        Assert.Contains("Closed now", calm.TextContent, StringComparison.Ordinal);
        Assert.Contains("5pm to midnight", calm.TextContent, StringComparison.Ordinal);

        var evening = await GetAtAsync(Evening);
        Assert.Contains("Open now", evening.Document.QuerySelector("#more-contacts #contact-calm")!.TextContent, StringComparison.Ordinal);
    }
}
