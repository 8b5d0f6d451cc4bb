using System.Net;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Find;

/// <summary>The find-support journey: GET pages that carry every answer in the query string, each one skippable.</summary>
public sealed class FindJourneyTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    private async Task<HtmlPage> GetAsync(string path)
    {
        using var client = app.CreateClient();
        return await HtmlPage.GetAsync(client, path);
    }

    private static Dictionary<string, string> Hidden(HtmlPage page) =>
        page.Document.QuerySelectorAll("#find-step input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);

    [Fact]
    public async Task The_start_says_what_will_be_asked_and_that_every_question_can_be_skipped()
    {
        var page = await GetAsync("/find");
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal("Find support that fits you", page.Text("h1"));
        Assert.Equal(6, page.Document.QuerySelectorAll("main ol > li").Length);
        Assert.Contains("You can skip any question", page.Text("main"), StringComparison.Ordinal);
        Assert.Equal("/find/where", page.Document.QuerySelector("a.button--start")!.GetAttribute("href"));
        Assert.False(page.Response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_first_question_is_a_get_form_for_the_place_and_distance_that_goes_on_to_the_next()
    {
        var page = await GetAsync("/find/where");
        var form = page.Document.GetElementById("find-step")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/find/how", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("label[for=near]"));
        Assert.Equal("text", form.QuerySelector("input#near")!.GetAttribute("type"));
        Assert.Equal(["3", "8", "15", "30", "50"], form.QuerySelectorAll("input[name=within_km][type=radio]").Select(r => r.GetAttribute("value")));
        Assert.Equal("/find/how", page.Document.GetElementById("skip-question")!.GetAttribute("href"));
        Assert.Equal("/find/results", form.QuerySelector("button[formaction]")!.GetAttribute("formaction"));
        Assert.False(page.Response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Each_step_carries_the_earlier_answers_as_hidden_inputs_and_shows_its_own_as_chosen()
    {
        var page = await GetAsync("/find/how?near=Leeds&within_km=8&delivery=in-person&delivery=phone&format=one-to-one");

        Assert.Equal(new Dictionary<string, string> { ["near"] = "Leeds", ["within_km"] = "8" }, Hidden(page));
        Assert.Equal(["in-person", "phone"], page.Document.QuerySelectorAll("input[name=delivery]:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal(["one-to-one"], page.Document.QuerySelectorAll("input[name=format]:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal("/find/when", page.Document.GetElementById("find-step")!.GetAttribute("action"));
        Assert.Equal("/find/where?near=Leeds&within_km=8&delivery=in-person,phone&format=one-to-one", page.Document.QuerySelector("a.back-link")!.GetAttribute("href"));

        // Further on, checkbox answers travel as one comma list, as the API takes them.
        var later = await GetAsync("/find/when?near=Leeds&delivery=in-person&delivery=phone&format=one-to-one");
        Assert.Equal("in-person,phone", Hidden(later)["delivery"]);
        Assert.Equal("one-to-one", Hidden(later)["format"]);
    }

    [Fact]
    public async Task Skipping_a_question_drops_only_its_answers()
    {
        var page = await GetAsync("/find/how?near=Leeds&delivery=phone&when=weekend");
        Assert.Equal("/find/when?near=Leeds&when=weekend", page.Document.GetElementById("skip-question")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_who_step_keeps_preferences_it_does_not_ask_about()
    {
        var page = await GetAsync("/find/who?prefer=delivery:phone,delivered-by:peer,audience:women");
        Assert.Equal("delivery:phone", Hidden(page)["prefer"]);
        Assert.Equal(["delivered-by:peer", "audience:women"], page.Document.QuerySelectorAll("input[name=prefer]:checked").Select(i => i.GetAttribute("value")));
        Assert.Equal("/find/you?prefer=delivery%3Aphone", page.Document.GetElementById("skip-question")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_last_step_shows_results()
    {
        var page = await GetAsync("/find/needs?near=Leeds&needs=wheelchair&free=true");
        var form = page.Document.GetElementById("find-step")!;
        Assert.Equal("/find/results", form.GetAttribute("action"));
        Assert.Equal("Show results", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
        Assert.Equal(["wheelchair"], form.QuerySelectorAll("input[name=needs]:checked").Select(i => i.GetAttribute("value")));
        Assert.NotNull(form.QuerySelector("input[name=free][value=true]:checked"));
        Assert.Null(form.QuerySelector("input[name=access]:checked"));
    }

    [Fact]
    public async Task Someone_who_needs_help_now_goes_from_the_place_straight_to_results()
    {
        var page = await GetAsync("/find/where?urgency=now&open_now=true");
        Assert.Equal("/find/results", page.Document.GetElementById("find-step")!.GetAttribute("action"));
        Assert.Equal("now", Hidden(page)["urgency"]);
    }

    [Fact]
    public async Task A_place_we_cannot_find_re_shows_the_place_question_with_an_error_summary_and_a_400()
    {
        // The next step checks what arrived: the person sees the question they answered, with their answer kept.
        var page = await GetAsync("/find/how?near=Atlantis&within_km=8&format=group");
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Error:", page.Document.Title, StringComparison.Ordinal);
        var summary = page.Document.QuerySelector(".error-summary")!;
        Assert.Equal("#near", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.NotNull(page.Document.QuerySelector(".form-group--error #near-error"));
        Assert.Equal("Atlantis", page.Document.QuerySelector("input#near")!.GetAttribute("value"));
        Assert.Equal("group", Hidden(page)["format"]);
    }

    [Theory]
    [InlineData("/find/you?age=200", "age")]
    [InlineData("/find/you?age=thirty", "age")]
    [InlineData("/find/where?within_km=0", "within_km")]
    [InlineData("/find/when?language=xx", "language")]
    public async Task An_answer_out_of_range_is_a_400_on_its_own_question(string path, string field)
    {
        var page = await GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Equal("#" + field, page.Document.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.NotNull(page.Document.GetElementById(field));
    }

    [Fact]
    public async Task An_unknown_step_is_a_404()
    {
        var page = await GetAsync("/find/favourite-colour");
        Assert.Equal(HttpStatusCode.NotFound, page.Response.StatusCode);
    }

    [Fact]
    public async Task With_answers_the_start_page_lists_them_with_a_change_link_for_each_step()
    {
        var page = await GetAsync("/find?near=Leeds&within_km=8&format=one-to-one&when=weekday-evening&free=true");
        var rows = page.Document.QuerySelectorAll("#your-answers .summary-list__row").ToList();
        Assert.Equal(6, rows.Count);
        Assert.Contains("Near Leeds", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("One-to-one", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Weekday evenings", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("Not answered", rows[3].TextContent, StringComparison.Ordinal);
        Assert.Contains("Free services only", rows[5].TextContent, StringComparison.Ordinal);
        const string Answers = "near=Leeds&within_km=8&format=one-to-one&when=weekday-evening&free=true";
        Assert.Equal("/find/how?" + Answers, rows[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("/find/results?" + Answers, page.Document.GetElementById("show-results")!.GetAttribute("href"));
    }
}
