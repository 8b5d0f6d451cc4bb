using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Find;

/// <summary>/find/results: the matcher's answer as a page, for the same query string the API takes.</summary>
public sealed class ResultsTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    private static int _next;

    /// <summary>A point of its own for each test, so no test sees another's in-person services.</summary>
    private static (double Lat, double Lon) SomewhereNew()
    {
        var n = Interlocked.Increment(ref _next);
        return (51.2 + (n * 0.3), -2.8 + ((n % 5) * 0.4));
    }

    private static string Near((double Lat, double Lon) p) => string.Create(CultureInfo.InvariantCulture, $"{p.Lat},{p.Lon}");

    private static string Q(string s) => Uri.EscapeDataString(s);

    private async Task<HtmlPage> GetAsync(string path)
    {
        using var client = app.CreateClient();
        return await HtmlPage.GetAsync(client, path);
    }

    private static ServiceBuilder EveningPeerGroup((double Lat, double Lon) here, string name) =>
        new ServiceBuilder(name)
            .At(here.Lat + 0.036, here.Lon, "S1 2HE")
            .Opens("TU", "18:00", "20:00")
            .WithTerm("delivered-by:peer").WithTerm("access:self-referral").WithTerm("expect:typical-wait-days", "14");

    [Fact]
    public async Task A_result_shows_its_reasons_cautions_distance_opening_and_wait_in_words()
    {
        var here = SomewhereNew();
        var group = EveningPeerGroup(here, "Tuesday evening circle");
        await app.AddSearchableServicesAsync(group);

        // Tuesday 1 December 2026, midday, UK time.
        var page = await GetAsync($"/find/results?near={Q(Near(here))}&within_km=10&delivery=in-person&when=weekday-evening&at=2026-12-01T12:00");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("1 service fits what you said", page.Text("h1"));
        Assert.Contains("within 10 km", page.Text("#searched"), StringComparison.Ordinal);
        var card = page.Document.GetElementById($"result-{group.Id}")!;
        // The search rides along, so the service page can offer "Back to your results".
        Assert.StartsWith($"/services/{group.Id}?near=", card.QuerySelector("h2 a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains("Run by Tuesday evening circle Trust", card.TextContent, StringComparison.Ordinal);
        var reasons = card.QuerySelectorAll(".result__reasons .tag--green").Select(t => t.TextContent).ToList();
        Assert.Contains("Evening sessions", reasons);
        Assert.Contains("4 km away", reasons);
        Assert.Contains("Run by people with lived experience", reasons);
        var cautions = card.QuerySelectorAll(".result__cautions .tag--amber").Select(t => t.TextContent).ToList();
        Assert.Contains("Group sessions only", cautions);
        Assert.Equal("4 km away (about 2 miles)", card.QuerySelector(".result__distance")!.TextContent);
        Assert.Equal("Opens today at 6pm", card.QuerySelector(".result__open")!.TextContent);
        Assert.Equal("About 2 weeks — the service’s own estimate", card.QuerySelector(".result__wait")!.TextContent);
        Assert.False(page.Response.Headers.Contains("Set-Cookie"));

        var during = await GetAsync($"/find/results?near={Q(Near(here))}&within_km=10&delivery=in-person&at=2026-12-01T19:00");
        Assert.Equal("Open now until 8pm", during.Document.QuerySelector($"#result-{group.Id} .result__open")!.TextContent);
        var later = await GetAsync($"/find/results?near={Q(Near(here))}&within_km=10&delivery=in-person&at=2026-12-03T12:00");
        Assert.Equal("Next open Tuesday at 6pm", later.Document.QuerySelector($"#result-{group.Id} .result__open")!.TextContent);
    }

    [Fact]
    public async Task The_change_answers_link_goes_back_to_the_journey_with_every_answer_kept()
    {
        var here = SomewhereNew();
        var query = $"near={Q(Near(here))}&within_km=10&delivery=in-person&format=group&when=weekday-evening";
        var page = await GetAsync("/find/results?" + query);
        var change = page.Document.GetElementById("change-answers")!.GetAttribute("href")!;
        Assert.Equal("/find?" + query.Replace("%2C", ",", StringComparison.Ordinal), change);

        var check = await GetAsync(change);
        Assert.Contains("Near " + Near(here), check.Text("#your-answers"), StringComparison.Ordinal);
        var how = await GetAsync(check.Document.QuerySelectorAll("#your-answers a")[1].GetAttribute("href")!);
        Assert.NotNull(how.Document.QuerySelector("input[name=delivery][value=in-person]:checked"));
        Assert.NotNull(how.Document.QuerySelector("input[name=format][value=group]:checked"));
    }

    [Fact]
    public async Task Checkbox_answers_are_settled_into_the_api_form_of_the_address()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/find/results?delivery=phone&delivery=text&format=&near=&utm=x", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/find/results?delivery=phone,text", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task When_nothing_fits_it_says_so_kindly_with_the_nearest_misses_a_way_to_relax_each_and_crisis_contacts()
    {
        var here = SomewhereNew();
        var far = new ServiceBuilder("Far away group").At(here.Lat + 0.27, here.Lon, "S1 2HE");
        await app.AddSearchableServicesAsync(far);

        var page = await GetAsync($"/find/results?near={Q(Near(here))}&within_km=10&delivery=in-person");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("No services fit everything you said", page.Text("h1"));
        var miss = page.Document.GetElementById($"miss-{far.Id}")!;
        Assert.Contains("30 km away — further than the 10 km you said", miss.TextContent, StringComparison.Ordinal);
        var relax = miss.QuerySelector("a.miss__relax")!;
        Assert.Equal("within_km", relax.GetAttribute("data-breaks"));
        Assert.Equal("Search up to 31 km away", relax.TextContent);

        var wider = await GetAsync(relax.GetAttribute("href")!);
        Assert.NotNull(wider.Document.GetElementById($"result-{far.Id}"));

        Assert.NotNull(page.Document.GetElementById("talk-now"));
        Assert.NotNull(page.Document.QuerySelector("#crisis-samaritans a[href='tel:116123']"));
        Assert.NotNull(page.Document.QuerySelector("#crisis-shout"));
    }

    [Fact]
    public async Task Something_to_hold_on_to_is_offered_while_the_best_match_has_a_long_wait()
    {
        var here = SomewhereNew();
        var counselling = new ServiceBuilder("Slow counselling").At(here.Lat + 0.01, here.Lon, "S1 2HE")
            .WithTerm("format:one-to-one").WithTerm("access:self-referral").WithTerm("expect:typical-wait-days", "60");
        var dropIn = new ServiceBuilder("Corner drop-in").At(here.Lat + 0.02, here.Lon, "S1 2HE")
            .WithTerm("format:drop-in").WithTerm("access:no-referral");
        await app.AddSearchableServicesAsync(counselling, dropIn);

        var page = await GetAsync($"/find/results?near={Q(Near(here))}&within_km=10&delivery=in-person&format=one-to-one");

        Assert.NotNull(page.Document.GetElementById($"result-{counselling.Id}"));
        // One way of saying the wait: its caution and its waiting time give the same weeks, never also "2 months".
        Assert.Equal("About 9 weeks — the service’s own estimate", page.Document.QuerySelector($"#result-{counselling.Id} .result__wait")!.TextContent);
        Assert.Contains("About a 9-week wait", page.Document.QuerySelectorAll($"#result-{counselling.Id} .result__cautions .tag").Select(t => t.TextContent));
        Assert.NotNull(page.Document.GetElementById("while-you-wait"));
        Assert.StartsWith($"/services/{dropIn.Id}?near=", page.Document.QuerySelector($"#wait-{dropIn.Id} a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("near=Atlantis", "near", "where")]
    [InlineData("near=Leeds&within_km=500", "within_km", "where")]
    [InlineData("age=200", "age", "you")]
    [InlineData("format=tea-and-biscuits", "format", "how")]
    public async Task Bad_input_re_shows_its_question_with_an_error_summary_and_a_400_never_json(string query, string field, string step)
    {
        var page = await GetAsync("/find/results?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("There is a problem", page.Text(".error-summary h2"));
        Assert.Equal("#" + field, page.Document.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.NotNull(page.Document.QuerySelector($".form-group--error #{field}-error, .form-group--error #{field}"));
        var form = page.Document.GetElementById("find-step")!;
        Assert.Equal("/find/results", form.GetAttribute("action"));
        Assert.Contains(Waymark.Web.Pages.Find.FindJourney.Step(step)!.Question, page.Text("h1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_parameter_value_no_question_asks_for_still_gets_a_page_not_a_500()
    {
        var page = await GetAsync("/find/results?urgency=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.NotNull(page.Document.QuerySelector(".error-summary"));
        Assert.Equal("/find/where", page.Document.QuerySelector("a.button--start")!.GetAttribute("href"));
    }
}

/// <summary>"Need help now" results: crisis contacts first, then what is open now, by phone or text first. Its own app, as remote services reach every search.</summary>
public sealed class UrgentResultsTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task Under_urgency_now_the_page_leads_with_crisis_contacts_then_services_open_now_by_phone_or_text_first()
    {
        var line = new ServiceBuilder("Evening listening line")
            .Opens("MO,TU,WE,TH,FR,SA,SU", "18:00", "23:00")
            .WithTerm("delivery:phone").WithTerm("format:helpline").WithTerm("access:no-referral");
        var dropIn = new ServiceBuilder("Evening drop-in").At(53.80, -1.55, "LS1 1AA")
            .Opens("TU", "17:00", "21:00")
            .WithTerm("format:drop-in").WithTerm("access:no-referral");
        var closed = new ServiceBuilder("Daytime line")
            .Opens("TU", "09:00", "17:00")
            .WithTerm("delivery:phone").WithTerm("format:helpline");
        await app.AddSearchableServicesAsync(line, dropIn, closed);

        using var client = app.CreateClient();
        // The Need help now form's own fields, on a Tuesday evening.
        var page = await HtmlPage.GetAsync(client, "/find/results?near=53.81,-1.55&open_now=true&urgency=now&prefer=delivery:phone,delivery:text&at=2026-12-01T19:00");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Help you can get now", page.Text("h1"));
        var main = page.Document.GetElementById("main-content")!;
        var order = main.QuerySelectorAll("[id^=contact-], [id^=result-]").Select(e => e.Id ?? "").ToList();
        Assert.StartsWith("contact-", order[0], StringComparison.Ordinal);
        Assert.True(order.FindLastIndex(id => id.StartsWith("contact-", StringComparison.Ordinal)) < order.IndexOf($"result-{line.Id}"));
        Assert.True(order.IndexOf($"result-{line.Id}") < order.IndexOf($"result-{dropIn.Id}"), string.Join(", ", order));
        Assert.DoesNotContain($"result-{closed.Id}", order);
        Assert.Equal("Open now until 11pm", page.Document.QuerySelector($"#result-{line.Id} .result__open")!.TextContent);
        Assert.StartsWith("By phone", page.Document.QuerySelector($"#result-{line.Id} .result__distance")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_need_help_now_form_asks_for_what_is_open_now_by_phone_or_text_first()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/need-help-now");
        var form = page.Document.QuerySelector("#near-you ~ form")!;
        var hidden = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);
        Assert.Equal(new Dictionary<string, string> { ["open_now"] = "true", ["urgency"] = "now", ["prefer"] = "delivery:phone,delivery:text" }, hidden);

        // A place it cannot find comes back as the place question, still on the urgent path.
        var unknown = await HtmlPage.GetAsync(client, "/find/results?open_now=true&urgency=now&prefer=delivery:phone,delivery:text&near=Nowhere+Special");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Response.StatusCode);
        Assert.Equal("#near", unknown.Document.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("now", unknown.Document.QuerySelector("#find-step input[name=urgency]")!.GetAttribute("value"));
    }
}
