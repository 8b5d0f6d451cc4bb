using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Gazetteer;
using Waymark.Core.Insights;
using Waymark.Core.Matching;
using Waymark.Core.Schedules;
using Waymark.Tests.Core.Matching;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Match;

public sealed class MatchApiTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    /// <summary>A point of its own for each test, so tests never see each other's in-person services.</summary>
    private static (double Lat, double Lon) SomewhereNew()
    {
        var n = Interlocked.Increment(ref _next);
        return (51.0 + (n * 0.05), -3.0 + ((n % 7) * 0.5));
    }

    private static int _next;

    private async Task AddAsync(params ServiceGraph[] services)
    {
        await using (var db = app.OpenDb())
        {
            db.Services.AddRange(services.Select(s => s.Build()));
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<DirectoryIndex>().RefreshAsync();
    }

    private async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> GetAsync(string query)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/api/v1/match?" + query, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    private static string Near((double Lat, double Lon) p) =>
        string.Create(CultureInfo.InvariantCulture, $"near={p.Lat},{p.Lon}");

    [Fact]
    public async Task A_match_has_the_contract_shape()
    {
        var here = SomewhereNew();
        var service = ServiceGraph.Named("Evening peer group").At(here.Lat + 0.036, here.Lon)
            .With("delivery:in-person", "format:group", "delivered-by:peer", "access:self-referral")
            .Waits(14)
            .Opens("TH", "18:00", "20:00")
            .Assured(new DateOnly(2026, 11, 1));
        await AddAsync(service);

        var (status, type, body) = await GetAsync($"{Near(here)}&within_km=10&delivery=in-person&when=weekday-evening&at=2026-12-02T12:00");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        var r = Assert.Single(body.GetProperty("results").EnumerateArray());
        Assert.Equal(service.Id, r.GetProperty("id").GetGuid());
        Assert.Equal("Evening peer group", r.GetProperty("name").GetString());
        Assert.Equal(service.Build().OrganizationId, r.GetProperty("organization").GetProperty("id").GetGuid());
        Assert.StartsWith("Test organisation", r.GetProperty("organization").GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.InRange(r.GetProperty("score").GetDouble(), 0, 1);
        Assert.Equal(4.0, r.GetProperty("distance_km").GetDouble(), 0);
        Assert.Equal(["in-person"], r.GetProperty("delivery").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["group"], r.GetProperty("format").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["peer"], r.GetProperty("delivered_by").EnumerateArray().Select(e => e.GetString()));
        Assert.False(r.GetProperty("open_now").GetBoolean());
        Assert.Equal("2026-12-03T18:00:00+00:00", r.GetProperty("next_open").GetString());
        Assert.Equal(14, r.GetProperty("typical_wait_days").GetInt32());
        Assert.Equal("provider", r.GetProperty("wait_source").GetString());
        var reasons = r.GetProperty("reasons").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("Evening sessions", reasons);
        Assert.Contains("4 km away", reasons);
        Assert.Contains("Run by people with lived experience", reasons);
        Assert.Contains("Group sessions only", r.GetProperty("cautions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal($"/services/{service.Id}", r.GetProperty("url").GetString());
        Assert.Empty(body.GetProperty("nearest_misses").EnumerateArray());
        Assert.Equal("coordinates", body.GetProperty("place").GetProperty("precision").GetString());
        Assert.Contains(body.GetProperty("crisis").EnumerateArray(), c =>
            c.GetProperty("name").GetString() == "Samaritans" && c.GetProperty("contact").GetString()!.Contains("116 123", StringComparison.Ordinal)
            && c.GetProperty("hours").GetString()!.Length > 0);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("while_you_wait").ValueKind);
        Assert.Equal(1, body.GetProperty("total_matches").GetInt32());
    }

    [Fact]
    public async Task A_remote_only_result_has_no_distance_and_nearest_misses_explain_themselves()
    {
        var here = SomewhereNew();
        var textService = ServiceGraph.Named("Text line").With("delivery:text", "format:helpline", "access-needs:easy-read");
        var farGroup = ServiceGraph.Named("Far group").At(here.Lat + 0.2, here.Lon).With("delivery:in-person", "format:one-to-one", "access-needs:quiet-space");
        await AddAsync(textService, farGroup);

        var (_, _, found) = await GetAsync($"{Near(here)}&delivery=text&needs=easy-read");
        var (_, _, missed) = await GetAsync($"{Near(here)}&delivery=in-person&needs=quiet-space");

        var r = found.GetProperty("results").EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == textService.Id);
        Assert.Equal(JsonValueKind.Null, r.GetProperty("distance_km").ValueKind);
        Assert.Empty(missed.GetProperty("results").EnumerateArray());
        var miss = Assert.Single(missed.GetProperty("nearest_misses").EnumerateArray());
        Assert.Equal(farGroup.Id, miss.GetProperty("id").GetGuid());
        Assert.Equal("within_km", miss.GetProperty("breaks").GetString());
        Assert.Equal("22 km away — further than the 15 km you said", miss.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("S1", "S1", "district")]
    [InlineData("s1", "S1", "district")]
    [InlineData("S1 2HE", "S1", "district")]
    [InlineData("s12he", "S1", "district")]
    [InlineData("Skipton", "Skipton", "place")]
    [InlineData("hull", "Hull", "place")]
    [InlineData("53.38,-1.47", "53.38,-1.47", "coordinates")]
    public async Task The_response_says_what_place_it_used(string near, string name, string precision)
    {
        var (status, _, body) = await GetAsync("near=" + Uri.EscapeDataString(near));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(name, body.GetProperty("place").GetProperty("name").GetString());
        Assert.Equal(precision, body.GetProperty("place").GetProperty("precision").GetString());
    }

    [Fact]
    public async Task A_loaded_full_postcode_is_used_at_postcode_precision()
    {
        await using (var db = app.OpenDb())
        {
            db.GazetteerPostcodes.Add(new GazetteerPostcode { Postcode = "LS1 4AP", Latitude = 53.7960, Longitude = -1.5470 });
            await db.SaveChangesAsync();
        }

        var (_, _, body) = await GetAsync("near=ls14ap");

        var place = body.GetProperty("place");
        Assert.Equal("LS1 4AP", place.GetProperty("name").GetString());
        Assert.Equal("postcode", place.GetProperty("precision").GetString());
        Assert.Equal(53.796, place.GetProperty("lat").GetDouble(), 3);
    }

    [Theory]
    [InlineData("near=Atlantis", "near")]
    [InlineData("near=91,0", "near")]
    [InlineData("within_km=0", "within_km")]
    [InlineData("within_km=201", "within_km")]
    [InlineData("within_km=far", "within_km")]
    [InlineData("delivery=car", "delivery")]
    [InlineData("format=banana", "format")]
    [InlineData("when=night", "when")]
    [InlineData("open_now=yes", "open_now")]
    [InlineData("open_now=True", "open_now")]
    [InlineData("at=2026-12-01", "at")]
    [InlineData("at=tomorrow", "at")]
    [InlineData("at=2026-13-01T10:00", "at")]
    [InlineData("access=anyone", "access")]
    [InlineData("free=1", "free")]
    [InlineData("age=121", "age")]
    [InlineData("age=-1", "age")]
    [InlineData("age=thirty", "age")]
    [InlineData("gender=other", "gender")]
    [InlineData("circumstances=retired", "circumstances")]
    [InlineData("member_of=porter-brook", "member_of")]
    [InlineData("member_of=7d0c5e1a-2b3f-4c6d-8e9f-0a1b2c3d4e5f,42", "member_of")]
    [InlineData("member_of=7d0c5e1a-2b3f-4c6d-8e9f-0a1b2c3d4e5f", "member_of")]
    [InlineData("language=english", "language")]
    [InlineData("language=xx", "language")]
    [InlineData("needs=ramp", "needs")]
    [InlineData("prefer=peer", "prefer")]
    [InlineData("urgency=asap", "urgency")]
    [InlineData("limit=51", "limit")]
    [InlineData("limit=0", "limit")]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var (status, type, body) = await GetAsync(query);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        var errors = body.GetProperty("errors");
        var message = Assert.Single(errors.GetProperty(parameter).EnumerateArray()).GetString();
        Assert.Contains("Use ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_parameter_is_reported_at_once()
    {
        var (status, _, body) = await GetAsync("near=Atlantis&limit=99&format=banana&age=200&open_now=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["age", "format", "limit", "near", "open_now"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task An_organisation_named_in_member_of_must_run_a_service_in_the_directory()
    {
        var staffLine = ServiceGraph.Named("Staff line for member_of").With("delivery:phone", "eligibility:members-only");
        await AddAsync(staffLine);
        var known = staffLine.OrganizationId!.Value;
        var unknown = Guid.NewGuid();

        var (status, type, body) = await GetAsync($"member_of={known},{unknown}&age=200");
        var (okStatus, _, ok) = await GetAsync($"member_of={known.ToString().ToUpperInvariant()}&delivery=phone&limit=50");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(["age", "member_of"], body.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        var message = Assert.Single(body.GetProperty("errors").GetProperty("member_of").EnumerateArray()).GetString()!;
        Assert.Contains(unknown.ToString(), message, StringComparison.Ordinal);
        Assert.DoesNotContain(known.ToString(), message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, okStatus);
        Assert.Contains(ok.GetProperty("results").EnumerateArray(), r => r.GetProperty("id").GetGuid() == staffLine.Id);
    }

    [Fact]
    public async Task A_postcode_loaded_with_its_local_authority_is_judged_by_that_authority_not_its_districts()
    {
        // BD20 straddles Bradford and North Yorkshire; ONSPD places BD20 7ZZ in Craven (now North Yorkshire).
        var bradford = ServiceGraph.Named("Bradford-only line").With("delivery:phone").Area("Bradford");
        var northYorkshire = ServiceGraph.Named("North Yorkshire-only line").With("delivery:phone").Area("North Yorkshire");
        await using (var db = app.OpenDb())
        {
            db.GazetteerPostcodes.Add(new GazetteerPostcode { Postcode = "BD20 7ZZ", Latitude = 53.9051, Longitude = -1.99, LocalAuthorityCode = "E07000163" });
            await db.SaveChangesAsync();
        }
        await AddAsync(bradford, northYorkshire);

        var (_, _, postcode) = await GetAsync("near=BD20%207ZZ&delivery=phone&limit=50");
        var (_, _, district) = await GetAsync("near=BD20&delivery=phone&limit=50");

        var fromPostcode = postcode.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        var fromDistrict = district.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Equal("postcode", postcode.GetProperty("place").GetProperty("precision").GetString());
        Assert.Contains(northYorkshire.Id, fromPostcode);
        Assert.DoesNotContain(bradford.Id, fromPostcode);
        Assert.Contains(northYorkshire.Id, fromDistrict);
        Assert.Contains(bradford.Id, fromDistrict);
    }

    [Fact]
    public async Task An_empty_value_means_not_given()
    {
        var (status, _, body) = await GetAsync("near=&format=&within_km=&limit=&at=&language=&member_of=");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("place").ValueKind);
    }

    [Theory]
    [InlineData("near=%00")]
    [InlineData("near=%F0%9F%98%80")]
    [InlineData("near=,")]
    [InlineData("near=1e400,1")]
    [InlineData("near=NaN,NaN")]
    [InlineData("near=S1&near=LS1")]
    [InlineData("within_km=NaN")]
    [InlineData("within_km=1e308")]
    [InlineData("within_km=-0")]
    [InlineData("age=99999999999999999999")]
    [InlineData("limit=-2147483649")]
    [InlineData("at=9999-12-31T23:59:59%2B14:00")]
    [InlineData("at=0001-01-01T00:00:00-14:00")]
    [InlineData("at=2026-03-29T01:30")]
    [InlineData("at=2026-10-25T01:30")]
    [InlineData("at=2026-12-01T18:00:00 01:00")]
    [InlineData("prefer=,,,")]
    [InlineData("prefer=delivery:")]
    [InlineData("delivery=,")]
    [InlineData("when=%0a")]
    [InlineData("language=%C3%A9n")]
    [InlineData("near=%27%3B%20DROP%20TABLE%20service%3B--")]
    [InlineData("near=S1%202HE%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20%20")]
    [InlineData("urgency=now&open_now=true&near=53.38,-1.47&within_km=200&when=weekday-daytime,weekday-evening,weekend&at=2028-12-25T23:59:59Z")]
    public async Task Garbage_never_gets_a_500(string query)
    {
        var (status, _, _) = await GetAsync(query);

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{query} got {(int)status}");
    }

    [Fact]
    public async Task A_very_long_place_is_a_400()
    {
        var (status, _, body) = await GetAsync("near=" + new string('a', 10_000));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.True(body.GetProperty("errors").TryGetProperty("near", out _));
    }

    [Fact]
    public async Task At_without_an_offset_is_UK_local_time()
    {
        var here = SomewhereNew();
        // Opens 09:00 UK time; in June that is 08:00 UTC.
        var service = ServiceGraph.Named("Summer mornings").At(here.Lat, here.Lon).With("delivery:in-person").Opens("MO", "09:00", "10:00");
        await AddAsync(service);

        var (_, _, local) = await GetAsync($"{Near(here)}&delivery=in-person&open_now=true&at=2026-06-01T09:30");
        var (_, _, utc) = await GetAsync($"{Near(here)}&delivery=in-person&open_now=true&at=2026-06-01T09:30:00Z");
        var (_, _, plusAsSpace) = await GetAsync($"{Near(here)}&delivery=in-person&open_now=true&at=2026-06-01T09:30:00+01:00");

        Assert.Single(local.GetProperty("results").EnumerateArray());
        Assert.Empty(utc.GetProperty("results").EnumerateArray());
        Assert.Single(plusAsSpace.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task An_edit_reaches_search_after_DirectoryChanged()
    {
        var here = SomewhereNew();
        var service = ServiceGraph.Named("Just added").At(here.Lat, here.Lon).With("delivery:in-person");
        await using (var db = app.OpenDb())
        {
            db.Services.Add(service.Build());
            await db.SaveChangesAsync();
        }

        app.Services.GetRequiredService<DirectoryIndex>().DirectoryChanged([service.Id]);

        // Speed is the benchmark's (--edit-to-search); here only that it arrives without a restart.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var found = false;
        while (!found && DateTime.UtcNow < deadline)
        {
            var (_, _, body) = await GetAsync($"{Near(here)}&delivery=in-person");
            found = body.GetProperty("results").EnumerateArray().Any(r => r.GetProperty("id").GetGuid() == service.Id);
        }
        Assert.True(found);
    }

    [Fact]
    public async Task A_search_with_no_results_counts_as_unmet_need_without_anything_identifying()
    {
        // DL8 is in North Yorkshire; nothing offers home visits with easy read there.
        const string query = "near=DL8%205AA&within_km=3&delivery=home-visit&needs=easy-read,hearing-loop&urgency=";
        var (status, _, body) = await GetAsync(query);
        await GetAsync(query);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body.GetProperty("results").EnumerateArray());

        UnmetNeed? row = null;
        for (var i = 0; i < 50 && row?.Searches != 2; i++)
        {
            await Task.Delay(100);
            await using var db = app.OpenDb();
            row = await db.UnmetNeeds.AsNoTracking().SingleOrDefaultAsync(u => u.Constraints == "delivery,near,needs,within_km");
        }

        Assert.NotNull(row);
        Assert.Equal(2, row.Searches);
        Assert.Equal("North Yorkshire", row.LocalAuthority);
        Assert.Equal(UkTime.DateOf(DateTimeOffset.UtcNow), row.Day);
        await using (var db = app.OpenDb())
        {
            var all = await db.UnmetNeeds.AsNoTracking().ToListAsync();
            Assert.All(all, u => Assert.DoesNotContain("DL8", u.LocalAuthority + u.Constraints, StringComparison.OrdinalIgnoreCase));
            Assert.All(all, u => Assert.DoesNotContain("5AA", u.LocalAuthority + u.Constraints, StringComparison.OrdinalIgnoreCase));
            Assert.All(all, u => Assert.DoesNotContain("easy-read", u.Constraints, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Unmet_need_from_a_district_that_straddles_authorities_counts_once_where_most_of_its_people_live()
    {
        // S36 is Penistone (Barnsley) and Stocksbridge (Sheffield).
        const string query = "near=S36&within_km=1&delivery=home-visit&format=self-help&needs=bsl,hearing-loop,easy-read";
        var (status, _, body) = await GetAsync(query);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body.GetProperty("results").EnumerateArray());

        List<UnmetNeed> rows = [];
        for (var i = 0; i < 50 && rows.Count == 0; i++)
        {
            await Task.Delay(100);
            await using var db = app.OpenDb();
            rows = await db.UnmetNeeds.AsNoTracking().Where(u => u.Constraints == "delivery,format,near,needs,within_km").ToListAsync();
        }

        Assert.Equal("Barnsley", Assert.Single(rows).LocalAuthority);
    }

    [Fact]
    public async Task A_search_with_results_is_not_counted()
    {
        var here = SomewhereNew();
        await AddAsync(ServiceGraph.Named("Found").At(here.Lat, here.Lon).With("delivery:in-person", "format:self-help"));

        await GetAsync($"{Near(here)}&format=self-help&delivery=in-person&within_km=2");
        await GetAsync("near=Skipton&within_km=1&delivery=in-person&format=online-community&age=");
        await Task.Delay(500);

        await using var db = app.OpenDb();
        Assert.False(await db.UnmetNeeds.AnyAsync(u => u.Constraints == "delivery,format,near,within_km" && u.LocalAuthority != "North Yorkshire"));
        Assert.True(await db.UnmetNeeds.AnyAsync(u => u.Constraints == "delivery,format,near,within_km" && u.LocalAuthority == "North Yorkshire"));
    }
}
