using System.Net;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Find;

/// <summary>The "where" step with place names: villages are found, a repeated name asks which, an unknown one offers the closest names.</summary>
public sealed class WhereStepTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    private async Task<HtmlPage> GetAsync(string path)
    {
        using var client = app.CreateClient();
        return await HtmlPage.GetAsync(client, path);
    }

    private static List<string> Radios(HtmlPage page, string name) =>
        [.. page.Document.QuerySelectorAll($"#find-step input[type=radio][name={name}]").Select(r => r.GetAttribute("value")!)];

    [Theory]
    [InlineData("Cononley")]
    [InlineData("Kettlewell")]
    public async Task A_small_village_goes_on_to_the_next_question(string village)
    {
        var page = await GetAsync($"/find/how?near={village}&within_km=8");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Equal(village, page.Document.QuerySelector("#find-step input[type=hidden][name=near]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_repeated_name_asks_which_one_with_radios_and_a_postcode_box()
    {
        var page = await GetAsync("/find/how?near=Newton&within_km=8&format=group");

        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        var choices = Radios(page, "near");
        Assert.True(choices.Count > 20);
        Assert.Contains("Newton, Rugby", choices);
        var message = page.Text(".error-summary");
        Assert.Contains($"There are {choices.Count} places called Newton", message, StringComparison.Ordinal);
        Assert.Contains("postcode", message, StringComparison.Ordinal);
        // The summary's link lands on the first choice; each choice says what sort of place it is.
        Assert.Equal("#near", page.Document.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("radio", page.Document.GetElementById("near")!.GetAttribute("type"));
        Assert.Equal("Which one do you mean?", page.Text("#find-step fieldset legend"));
        Assert.All(page.Document.QuerySelectorAll("#find-step .radios__item").Take(choices.Count), item => Assert.NotNull(item.QuerySelector(".radios__hint")));
        var postcode = page.Document.GetElementById("near-other")!;
        Assert.Equal("near", postcode.GetAttribute("name"));
        Assert.Equal("", postcode.GetAttribute("value"));
        Assert.Equal(["3", "8", "15", "30", "50"], Radios(page, "within_km"));
        Assert.Equal("group", page.Document.QuerySelector("#find-step input[type=hidden][name=format]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Choosing_a_place_or_typing_a_postcode_instead_goes_on()
    {
        // What the form sends: the chosen radio, then the postcode box (empty, or filled in).
        var chosen = await GetAsync("/find/how?near=Newton%2C+Rugby&near=&within_km=8");
        Assert.Equal(HttpStatusCode.OK, chosen.Response.StatusCode);
        Assert.Equal("Newton, Rugby", chosen.Document.QuerySelector("#find-step input[type=hidden][name=near]")!.GetAttribute("value"));

        var typed = await GetAsync("/find/how?near=Newton%2C+Rugby&near=S1&within_km=8");
        Assert.Equal(HttpStatusCode.OK, typed.Response.StatusCode);
        Assert.Equal("S1", typed.Document.QuerySelector("#find-step input[type=hidden][name=near]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_misspelt_village_offers_the_closest_names_and_a_postcode_without_blaming_the_spelling()
    {
        var page = await GetAsync("/find/how?near=Kettlewel&within_km=8");

        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Equal("Kettlewell", Radios(page, "near")[0]);
        Assert.Equal("Did you mean one of these places?", page.Text("#find-step fieldset legend"));
        var message = page.Text(".error-summary");
        Assert.Contains("Kettlewel", message, StringComparison.Ordinal);
        Assert.Contains("postcode", message, StringComparison.Ordinal);
        Assert.DoesNotContain("spelling", page.Text("main"), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(page.Document.GetElementById("near-other"));
    }

    [Fact]
    public async Task The_results_page_asks_the_same_question_for_a_repeated_name()
    {
        var page = await GetAsync("/find/results?near=Newton");

        Assert.Equal(HttpStatusCode.BadRequest, page.Response.StatusCode);
        Assert.Equal("/find/results", page.Document.GetElementById("find-step")!.GetAttribute("action"));
        Assert.Contains("Newton, Rugby", Radios(page, "near"));
    }

    [Fact]
    public async Task Results_for_a_village_say_where_they_looked()
    {
        var page = await GetAsync("/find/results?near=Kettlewell&within_km=15");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.Contains("Near Kettlewell", page.Text("main"), StringComparison.Ordinal);
    }
}
