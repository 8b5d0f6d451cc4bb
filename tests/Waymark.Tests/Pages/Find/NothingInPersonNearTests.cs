using System.Globalization;
using System.Net;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Find;

/// <summary>
/// /find/results when every result is by phone, text or online although the person would go somewhere in person: the
/// page says nothing in person fits within their distance, and how far the closest is (a village with no buses).
/// </summary>
public sealed class NothingInPersonNearTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    // Every service here needs an access need no other test gives, so only this class's services answer, and the
    // places are east of Greenwich, where no other test puts a service.
    private const string Need = "access-needs:neurodivergent-adjustments";

    private static string Near(double lat, double lon) => Uri.EscapeDataString(string.Create(CultureInfo.InvariantCulture, $"{lat},{lon}"));

    /// <summary>In person only in Sheffield (the builder's place), and by phone: for anyone far away, a phone line.</summary>
    private static ServiceBuilder PhoneLine(string name) => new ServiceBuilder(name).WithTerm("delivery:phone").WithTerm(Need);

    private async Task<HtmlPage> GetAsync(string path)
    {
        using var client = app.CreateClient();
        return await HtmlPage.GetAsync(client, path);
    }

    [Fact]
    public async Task The_page_says_nothing_in_person_is_in_range_and_links_to_the_closest()
    {
        // The Norfolk coast; the rooms are 0.2° of latitude (22.2 km) inland.
        var line = PhoneLine("Coast phone line");
        var rooms = new ServiceBuilder("Holt counselling rooms").At(52.73, 1.30, "NR25 6BN").WithTerm(Need);
        await app.AddSearchableServicesAsync(line, rooms);

        var page = await GetAsync($"/find/results?near={Near(52.93, 1.30)}&within_km=8&needs=neurodivergent-adjustments");

        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        Assert.NotNull(page.Document.GetElementById($"result-{line.Id}"));
        var note = page.Text("#in-person");
        Assert.Contains("Nothing you can go to in person fits within 8 km, so these are by phone, text or online.", note, StringComparison.Ordinal);
        Assert.Contains("The closest in person that we found is Holt counselling rooms, 22 km away (about 14 miles).", note, StringComparison.Ordinal);
        var further = page.Document.GetElementById("search-further")!;
        Assert.Equal("Search up to 23 km away", further.TextContent.Trim());

        var wider = await GetAsync(further.GetAttribute("href")!);
        Assert.Contains("within 23 km", wider.Text("#searched"), StringComparison.Ordinal);
        Assert.Equal("22 km away (about 14 miles)", wider.Document.QuerySelector($"#result-{rooms.Id} .result__distance")!.TextContent);
        Assert.Null(wider.Document.GetElementById("in-person"));
    }

    [Fact]
    public async Task The_page_says_when_nothing_in_person_fits_within_the_furthest_it_looks()
    {
        // Thanet; the only rooms are 1° of longitude (about 70 km) west.
        var line = PhoneLine("Thanet phone line");
        await app.AddSearchableServicesAsync(line, new ServiceBuilder("Far rooms").At(51.39, 0.37, "ME1 1AA").WithTerm(Need));

        var page = await GetAsync($"/find/results?near={Near(51.39, 1.38)}&within_km=15&needs=neurodivergent-adjustments");

        var note = page.Text("#in-person");
        Assert.Contains("Nothing you can go to in person fits within 15 km", note, StringComparison.Ordinal);
        Assert.Contains("We found nothing in person within 50 km either.", note, StringComparison.Ordinal);
        Assert.Null(page.Document.GetElementById("search-further"));
    }

    [Fact]
    public async Task Nothing_is_said_to_someone_who_only_wants_phone_text_or_online()
    {
        var line = PhoneLine("Broads phone line");
        await app.AddSearchableServicesAsync(line);

        var page = await GetAsync($"/find/results?near={Near(52.45, 1.70)}&within_km=8&delivery=phone,online&needs=neurodivergent-adjustments");

        Assert.NotNull(page.Document.GetElementById($"result-{line.Id}"));
        Assert.Null(page.Document.GetElementById("in-person"));
    }

    [Fact]
    public async Task Nothing_is_said_when_something_in_person_is_in_range_further_down_the_list()
    {
        // Phone lines preferred and one result shown: the rooms 2 km away are in range but not on the page.
        var line = PhoneLine("Fens phone line");
        var rooms = new ServiceBuilder("Fens rooms").At(52.418, 0.26, "CB6 1AA").WithTerm(Need);
        await app.AddSearchableServicesAsync(line, rooms);
        var search = $"/find/results?near={Near(52.40, 0.26)}&within_km=8&needs=neurodivergent-adjustments&prefer=delivery:phone";

        var all = await GetAsync(search);
        Assert.Equal("2 km away (about 1 mile)", all.Document.QuerySelector($"#result-{rooms.Id} .result__distance")!.TextContent);
        var page = await GetAsync(search + "&limit=1");

        var shown = Assert.Single(page.Document.QuerySelectorAll("#results .result"));
        Assert.NotEqual($"result-{rooms.Id}", shown.Id);
        Assert.Equal("By phone — no travel", shown.QuerySelector(".result__distance")!.TextContent);
        Assert.Null(page.Document.GetElementById("in-person"));
    }
}
