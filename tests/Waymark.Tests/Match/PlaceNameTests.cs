using System.Net;
using System.Text.Json;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Match;

/// <summary><c>near</c> as a place name over HTTP: small villages are found, repeated names are asked about, unknown ones get the closest names.</summary>
public sealed class PlaceNameTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    private async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> GetAsync(string near)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/api/v1/match?near=" + Uri.EscapeDataString(near), UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    [Theory]
    [InlineData("Cononley", 53.918, -2.016)]
    [InlineData("Kettlewell", 54.147, -2.045)]
    [InlineData("kettlewell", 54.147, -2.045)]
    [InlineData("Heptonstall", 53.749, -2.021)]
    [InlineData("Hooton Pagnell", 53.567, -1.269)]
    [InlineData("Burton Agnes", 54.052, -0.319)]
    public async Task A_small_village_is_found(string near, double lat, double lon)
    {
        var (status, _, body) = await GetAsync(near);

        Assert.Equal(HttpStatusCode.OK, status);
        var place = body.GetProperty("place");
        Assert.Equal("place", place.GetProperty("precision").GetString());
        Assert.Equal(lat, place.GetProperty("lat").GetDouble(), 2);
        Assert.Equal(lon, place.GetProperty("lon").GetDouble(), 2);
    }

    [Fact]
    public async Task A_repeated_name_is_a_400_listing_the_places_each_of_which_then_works()
    {
        var (status, type, body) = await GetAsync("Newton");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Contains("places called Newton", body.GetProperty("errors").GetProperty("near")[0].GetString(), StringComparison.Ordinal);
        var candidates = body.GetProperty("near_candidates").EnumerateArray().ToList();
        Assert.True(candidates.Count > 20);
        Assert.All(candidates, c =>
        {
            Assert.Equal("Newton", c.GetProperty("name").GetString());
            Assert.False(string.IsNullOrEmpty(c.GetProperty("local_authority").GetString()));
            Assert.False(string.IsNullOrEmpty(c.GetProperty("kind").GetString()));
        });
        Assert.Contains(candidates, c => c.GetProperty("near").GetString() == "Newton, Rugby" && c.GetProperty("local_authority").GetString() == "Rugby");
        Assert.False(body.TryGetProperty("near_suggestions", out _));

        foreach (var near in candidates.Select(c => c.GetProperty("near").GetString()!))
        {
            var (again, _, answer) = await GetAsync(near);
            Assert.Equal(HttpStatusCode.OK, again);
            Assert.Equal(near, answer.GetProperty("place").GetProperty("name").GetString());
        }
    }

    [Theory]
    [InlineData("Newton, Rugby", "Newton, Rugby")]
    [InlineData("Preston (East Riding)", "Preston, East Riding of Yorkshire")]
    [InlineData("Leeds", "Leeds")]
    public async Task A_qualified_name_or_the_only_city_of_a_name_is_one_place(string near, string name)
    {
        var (status, _, body) = await GetAsync(near);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(name, body.GetProperty("place").GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_unknown_name_is_a_400_with_the_closest_names_and_asks_for_a_postcode()
    {
        var (status, type, body) = await GetAsync("Kettlewel");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        var message = body.GetProperty("errors").GetProperty("near")[0].GetString()!;
        Assert.Contains("postcode", message, StringComparison.Ordinal);
        Assert.DoesNotContain("spelling", message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Kettlewell", body.GetProperty("near_suggestions")[0].GetString());
        Assert.False(body.TryGetProperty("near_candidates", out _));
    }

    [Fact]
    public async Task A_name_like_nothing_we_know_has_no_suggestions_but_still_asks_for_a_postcode()
    {
        var (status, _, body) = await GetAsync("Atlantis");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(0, body.GetProperty("near_suggestions").GetArrayLength());
        Assert.Contains("postcode", body.GetProperty("errors").GetProperty("near")[0].GetString(), StringComparison.Ordinal);
    }
}
