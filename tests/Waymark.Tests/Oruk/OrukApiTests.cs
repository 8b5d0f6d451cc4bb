using System.Net;
using System.Text.Json;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Listings;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Oruk;

/// <summary>
/// Each endpoint and query parameter over HTTP. Tests share one app, so each builds its own organisation and
/// scopes its query with organization_id.
/// </summary>
public sealed class OrukApiTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task A_service_record_embeds_its_whole_graph_and_validates()
    {
        var service = new ServiceBuilder("Harbour Group").WithTerm("support:peer-support");
        await app.AddServicesAsync(service);

        var (status, body) = await Get($"/oruk/services/{service.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(OrukSchemas.Errors("service.json", body));
        Assert.Equal("Harbour Group Trust", body.GetProperty("organization").GetProperty("name").GetString());
        var place = body.GetProperty("service_at_locations")[0];
        Assert.Equal("S1 2HE", place.GetProperty("location").GetProperty("addresses")[0].GetProperty("postal_code").GetString());
        Assert.Equal("MO,WE", body.GetProperty("schedules")[0].GetProperty("byday").GetString());
        Assert.Contains(body.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("taxonomy_term").GetProperty("code").GetString() == "support:peer-support");
        Assert.Equal("0114 000 0000", body.GetProperty("contacts")[0].GetProperty("phones")[0].GetProperty("number").GetString());
        Assert.Equal("en", body.GetProperty("languages")[0].GetProperty("code").GetString());
        Assert.Equal(0m, body.GetProperty("cost_options")[0].GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task A_service_record_carries_its_change_history_without_naming_staff()
    {
        var service = new ServiceBuilder("History Group");
        await app.AddServicesAsync(service);
        using (var db = app.OpenDb())
        {
            db.Metadata.Add(new MetadataEntry
            {
                Id = Guid.NewGuid(), ResourceId = service.Id, ResourceType = ListingHistory.ServiceType,
                LastActionDate = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), LastActionType = MetadataActions.Update,
                FieldName = "name", PreviousValue = "Old name", ReplacementValue = "History Group", UpdatedBy = "staff.member@example.org",
            });
            await db.SaveChangesAsync();
        }

        var (status, body) = await Get($"/oruk/services/{service.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(OrukSchemas.Errors("service.json", body));
        var change = Assert.Single(body.GetProperty("metadata").EnumerateArray());
        Assert.Equal("name", change.GetProperty("field_name").GetString());
        Assert.Equal("Old name", change.GetProperty("previous_value").GetString());
        Assert.Equal("History Group", change.GetProperty("replacement_value").GetString());
        Assert.Equal("2026-11-20", change.GetProperty("last_action_date").GetString());
        Assert.DoesNotContain("staff.member@example.org", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_carry_full_services_unless_minimal()
    {
        var org = ServiceBuilder.NewOrganization("Minimal Org");
        var service = new ServiceBuilder("Minimal One", org);
        await app.AddServicesAsync(service);

        var (_, full) = await Get($"/oruk/services?organization_id={org.Id}");
        var (_, minimal) = await Get($"/oruk/services?organization_id={org.Id}&minimal=true");

        Assert.True(full.GetProperty("contents")[0].TryGetProperty("schedules", out _));
        Assert.True(full.GetProperty("contents")[0].TryGetProperty("organization", out _));
        var summary = minimal.GetProperty("contents")[0];
        Assert.Equal(service.Id.ToString(), summary.GetProperty("id").GetString());
        Assert.False(summary.TryGetProperty("schedules", out _));
        Assert.Empty(OrukSchemas.ListErrors("service_list.json", minimal));
    }

    /// <summary>
    /// A list page and the ndjson stream load their services' graphs in set-based queries of their own, not as
    /// the single record does: each full service in them must be exactly the record (less its change history),
    /// children in the same order, a location's schedule included.
    /// </summary>
    [Fact]
    public async Task A_listed_full_service_is_the_service_record_less_its_history()
    {
        var org = ServiceBuilder.NewOrganization("Same Graph Org");
        var services = new[]
        {
            new ServiceBuilder("Same Graph A", org).WithTerm("support:peer-support").WithTerm("support:crisis"),
            new ServiceBuilder("Same Graph B", org).Opens("TU,TH", "10:00", "16:00", atLocation: true).WithPhone("0114 111 1111", "Evenings", "voice"),
            new ServiceBuilder("Same Graph C", org),
        };
        await app.AddServicesAsync(services);

        var (_, page) = await Get($"/oruk/services?organization_id={org.Id}");
        using var stream = await _client.GetAsync(new Uri($"/oruk/services?organization_id={org.Id}&format=ndjson", UriKind.Relative));
        var lines = (await stream.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var listed = page.GetProperty("contents").EnumerateArray().ToList();
        Assert.Equal(services.Select(s => s.Id.ToString()), listed.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(listed.Select(c => c.GetRawText()), lines);
        foreach (var item in listed)
        {
            var (_, record) = await Get($"/oruk/services/{item.GetProperty("id").GetString()}");
            var withoutHistory = System.Text.Json.Nodes.JsonNode.Parse(record.GetRawText())!.AsObject();
            withoutHistory.Remove("metadata");
            Assert.Equal(withoutHistory.ToJsonString(), item.GetRawText());
        }
    }

    [Fact]
    public async Task The_page_envelope_counts_pages_and_flags_the_ends()
    {
        var org = ServiceBuilder.NewOrganization("Paging Org");
        await app.AddServicesAsync([.. Enumerable.Range(1, 5).Select(i => new ServiceBuilder($"Paged {i}", org))]);

        var (_, first) = await Get($"/oruk/services?organization_id={org.Id}&per_page=2&page=1");
        var (_, last) = await Get($"/oruk/services?organization_id={org.Id}&per_page=2&page=3");
        var (_, beyond) = await Get($"/oruk/services?organization_id={org.Id}&per_page=2&page=9");

        Assert.Equal(5, first.GetProperty("total_items").GetInt32());
        Assert.Equal(3, first.GetProperty("total_pages").GetInt32());
        Assert.Equal(2, first.GetProperty("size").GetInt32());
        Assert.True(first.GetProperty("first_page").GetBoolean());
        Assert.False(first.GetProperty("last_page").GetBoolean());
        Assert.Equal(["Paged 1", "Paged 2"], Names(first));
        Assert.Equal(["Paged 5"], Names(last));
        Assert.True(last.GetProperty("last_page").GetBoolean());
        Assert.True(beyond.GetProperty("empty").GetBoolean());
        Assert.Empty(Names(beyond));
    }

    [Fact]
    public async Task Lists_are_in_byte_order_of_name_on_both_engines_and_pages_never_overlap()
    {
        // A PostgreSQL server's locale would sort "apple" before "Banana" and "Émile" among the Es; the list
        // order must not depend on the server, or a feed reader paging through would miss or repeat records.
        var org = ServiceBuilder.NewOrganization("Ordering Org");
        string[] names = ["zebra", "Émile", "apple", "Banana", "Zed", "apple"];
        await app.AddServicesAsync([.. names.Select(n => new ServiceBuilder(n, org))]);

        var seen = new List<string>();
        var ids = new HashSet<string>();
        for (var page = 1; page <= 3; page++)
        {
            var (_, body) = await Get($"/oruk/services?organization_id={org.Id}&per_page=2&page={page}");
            seen.AddRange(Names(body));
            foreach (var item in body.GetProperty("contents").EnumerateArray())
            {
                Assert.True(ids.Add(item.GetProperty("id").GetString()!), "a record appeared on two pages");
            }
        }
        Assert.Equal(["Banana", "Zed", "apple", "apple", "zebra", "Émile"], seen);

        var (_, organisations) = await Get($"/oruk/organizations?search=Ordering%20Org&per_page=1&page=2147483647");
        Assert.True(organisations.GetProperty("empty").GetBoolean());
        Assert.Equal(1, organisations.GetProperty("total_items").GetInt32());
    }

    [Fact]
    public async Task Search_matches_name_description_and_organisation_case_insensitively()
    {
        var org = ServiceBuilder.NewOrganization("Search Org");
        var byName = new ServiceBuilder("Quokka Walk", org);
        var byDescription = new ServiceBuilder("Riverside", org).Described("A gentle QUOKKA-themed craft group.");
        var neither = new ServiceBuilder("Lantern", org);
        var otherOrg = new ServiceBuilder("Meadow", ServiceBuilder.NewOrganization("Quokka Friends"));
        await app.AddServicesAsync(byName, byDescription, neither, otherOrg);

        var (_, scoped) = await Get($"/oruk/services?organization_id={org.Id}&search=quokka");
        var (_, alias) = await Get($"/oruk/services?organization_id={org.Id}&text=QuOkKa");
        var (_, byOrg) = await Get("/oruk/services?search=quokka%20friends");

        Assert.Equal(["Quokka Walk", "Riverside"], Names(scoped));
        Assert.Equal(["Quokka Walk", "Riverside"], Names(alias));
        Assert.Equal(["Meadow"], Names(byOrg));
    }

    [Fact]
    public async Task Taxonomy_term_and_taxonomy_filters_pick_services_by_attribute()
    {
        var org = ServiceBuilder.NewOrganization("Taxonomy Org");
        var (taxonomy, terms) = await app.AddTaxonomyAsync("local-" + Guid.NewGuid().ToString("N")[..8], "Allotments", "Choirs");
        var creative = new ServiceBuilder("Creative", org).WithTerm("support:creative");
        var local = new ServiceBuilder("Local", org).WithTerm(terms[1].Id);
        var plain = new ServiceBuilder("Plain", org);
        await app.AddServicesAsync(creative, local, plain);

        var (_, byTerm) = await Get($"/oruk/services?organization_id={org.Id}&taxonomy_term_id={Vocabulary.TermId("support:creative")}");
        var (_, byTaxonomy) = await Get($"/oruk/services?organization_id={org.Id}&taxonomy_id={taxonomy.Id}");
        var (_, waymark) = await Get($"/oruk/services?organization_id={org.Id}&taxonomy_id={Vocabulary.TaxonomyId}");

        Assert.Equal(["Creative"], Names(byTerm));
        Assert.Equal(["Local"], Names(byTaxonomy));
        Assert.Equal(["Creative", "Local", "Plain"], Names(waymark));
    }

    [Fact]
    public async Task Modified_after_takes_an_instant_or_a_date()
    {
        var org = ServiceBuilder.NewOrganization("Modified Org");
        var old = new ServiceBuilder("Old", org).ModifiedAt(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var recent = new ServiceBuilder("Recent", org).ModifiedAt(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await app.AddServicesAsync(old, recent);

        var (_, instant) = await Get($"/oruk/services?organization_id={org.Id}&modified_after=2026-02-01T00:00:00Z");
        var (_, date) = await Get($"/oruk/services?organization_id={org.Id}&modified_after=2026-02-01");
        var (_, exact) = await Get($"/oruk/services?organization_id={org.Id}&modified_after=2026-03-01T13:00:00%2B01:00");

        Assert.Equal(["Recent"], Names(instant));
        Assert.Equal(["Recent"], Names(date));
        Assert.Equal(["Recent"], Names(exact));
    }

    [Fact]
    public async Task Age_filters_follow_the_uk_profile_wording()
    {
        var org = ServiceBuilder.NewOrganization("Ages Org");
        await app.AddServicesAsync(
            new ServiceBuilder("A young adults", org).Ages(18, 25),
            new ServiceBuilder("B sixteen plus", org).Ages(16, null),
            new ServiceBuilder("C any age", org).Ages(null, null),
            new ServiceBuilder("D working age", org).Ages(30, 65));

        var (_, min) = await Get($"/oruk/services?organization_id={org.Id}&minimum_age=18");
        var (_, max) = await Get($"/oruk/services?organization_id={org.Id}&maximum_age=25");
        var (_, both) = await Get($"/oruk/services?organization_id={org.Id}&minimum_age=17&maximum_age=30");

        Assert.Equal(["A young adults", "D working age"], Names(min));
        Assert.Equal(["A young adults"], Names(max));
        Assert.Equal(["A young adults"], Names(both));
    }

    [Fact]
    public async Task Day_and_time_find_services_with_an_overlapping_opening()
    {
        var org = ServiceBuilder.NewOrganization("Times Org");
        await app.AddServicesAsync(
            new ServiceBuilder("Monday morning", org).Opens("MO", "09:00", "12:00"),
            new ServiceBuilder("Tuesday evening", org).Opens("TU", "18:00:00", "21:00:00", atLocation: true),
            new ServiceBuilder("Saturday late", org).Opens("SA", "22:00", "02:00"));

        async Task<List<string>> Find(string query) => Names((await Get($"/oruk/services?organization_id={org.Id}&{query}")).Body);

        Assert.Equal(["Tuesday evening"], await Find("day=TU"));
        Assert.Equal(["Tuesday evening"], await Find("day=tuesday"));
        Assert.Equal(["Monday morning"], await Find("day=MO&start_time=11:00&end_time=13:00"));
        Assert.Empty(await Find("day=MO&start_time=12:00"));
        Assert.Equal(["Saturday late"], await Find("start_time=23:00"));
        Assert.Equal(["Monday morning", "Tuesday evening"], await Find("end_time=20:00"));
        Assert.Empty(await Find("day=SU"));
    }

    [Fact]
    public async Task Postcode_and_proximity_keep_services_within_the_distance()
    {
        var org = ServiceBuilder.NewOrganization("Places Org");
        var sheffield = new ServiceBuilder("Sheffield", org).At(53.3811, -1.4701, "S1 2HE");
        var leeds = new ServiceBuilder("Leeds", org).At(53.7997, -1.5492, "LS1 4AP");
        var york = new ServiceBuilder("York", org).At(53.9590, -1.0815, "YO1 7HH");
        await app.AddServicesAsync(sheffield, leeds, york);
        using (var db = app.OpenDb())
        {
            db.GazetteerPostcodes.Add(new GazetteerPostcode { Postcode = "LS1 4AP", Latitude = 53.7997, Longitude = -1.5492 });
            await db.SaveChangesAsync();
        }

        async Task<List<string>> Find(string query) => Names((await Get($"/oruk/services?organization_id={org.Id}&{query}")).Body);

        Assert.Equal(["Sheffield"], await Find("postcode=S1&proximity=5000"));
        Assert.Equal(["Sheffield"], await Find("postcode=s12he&proximity=5000"));
        Assert.Equal(["Leeds"], await Find("postcode=LS1%204AP&proximity=500"));
        Assert.Equal(["Leeds", "Sheffield"], await Find("postcode=S1&proximity=60000"));
        var (_, places) = await Get($"/oruk/service_at_locations?organization_id={org.Id}&postcode=YO1&proximity=3000");
        Assert.Equal([york.PlaceId.ToString()], places.GetProperty("contents").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Ndjson_streams_every_record_without_paging()
    {
        var org = ServiceBuilder.NewOrganization("Stream Org");
        var services = Enumerable.Range(1, 3).Select(i => new ServiceBuilder($"Stream {i}", org)).ToArray();
        await app.AddServicesAsync(services);

        using var response = await _client.GetAsync(new Uri($"/oruk/services?organization_id={org.Id}&format=ndjson&per_page=1", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(services.Select(s => s.Id.ToString()), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Empty(OrukSchemas.Errors("service.json", doc.RootElement));
        }

        using var terms = await _client.GetAsync(new Uri($"/oruk/taxonomy_terms?format=ndjson&taxonomy_id={Vocabulary.TaxonomyId}", UriKind.Relative));
        Assert.Equal(Vocabulary.Terms.Count, (await terms.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Organisations_list_search_and_detail_with_services()
    {
        var org = ServiceBuilder.NewOrganization("Wombat Collective " + Guid.NewGuid().ToString("N")[..6]);
        var service = new ServiceBuilder("Wombat Drop-in", org);
        await app.AddServicesAsync(service);

        var (_, list) = await Get($"/oruk/organizations?search={Uri.EscapeDataString(org.Name.ToLowerInvariant())}");
        var (_, detail) = await Get($"/oruk/organizations/{org.Id}");
        var (_, full) = await Get($"/oruk/organizations/{org.Id}?full_service=true");

        Assert.Equal([org.Name], Names(list));
        Assert.Empty(OrukSchemas.ListErrors("organization_list.json", list));
        Assert.Equal(service.Id.ToString(), detail.GetProperty("services")[0].GetProperty("id").GetString());
        Assert.Empty(OrukSchemas.Errors("organization.json", detail));
        Assert.True(full.GetProperty("services")[0].TryGetProperty("service_at_locations", out _));
        Assert.Empty(OrukSchemas.Errors("organization.json", full));
    }

    [Fact]
    public async Task Taxonomies_and_terms_list_the_waymark_vocabulary()
    {
        var (_, taxonomy) = await Get($"/oruk/taxonomies/{Vocabulary.TaxonomyId}");
        var (_, terms) = await Get($"/oruk/taxonomy_terms?taxonomy_id={Vocabulary.TaxonomyId}&top_only=true&per_page=1000");
        var (_, term) = await Get($"/oruk/taxonomy_terms/{Vocabulary.TermId("format:group")}");
        var (_, searched) = await Get("/oruk/taxonomy_terms?search=format:drop");

        Assert.Equal("waymark", taxonomy.GetProperty("name").GetString());
        Assert.Equal(Vocabulary.Terms.Count, taxonomy.GetProperty("taxonomy_terms").GetArrayLength());
        Assert.Equal(Vocabulary.Terms.Count, terms.GetProperty("total_items").GetInt32());
        Assert.Equal("format:group", term.GetProperty("code").GetString());
        Assert.Equal(["Drop-in"], Names(searched));
        Assert.Empty(OrukSchemas.Errors("taxonomy.json", taxonomy));
        Assert.Empty(OrukSchemas.Errors("taxonomy_term.json", term));
    }

    [Theory]
    [InlineData("/oruk/")]
    [InlineData("/oruk/services")]
    [InlineData("/oruk/taxonomy_terms?page=2")]
    [InlineData("/oruk/services/00000000-0000-0000-0000-000000000001")]
    [InlineData("/oruk/services?page=0")]
    public async Task Every_response_allows_any_origin(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Origin", "https://someone-else.example");
        using var response = await _client.SendAsync(request);

        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Theory]
    [InlineData("services")]
    [InlineData("service_at_locations")]
    [InlineData("organizations")]
    [InlineData("taxonomies")]
    [InlineData("taxonomy_terms")]
    public async Task An_unknown_id_is_a_404_problem(string endpoint)
    {
        using var response = await _client.GetAsync(new Uri($"/oruk/{endpoint}/{Guid.NewGuid()}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/oruk/services/not-a-uuid", "id")]
    [InlineData("/oruk/taxonomy_terms/12345", "id")]
    [InlineData("/oruk/services?page=0", "page")]
    [InlineData("/oruk/services?page=two", "page")]
    [InlineData("/oruk/organizations?per_page=1001", "per_page")]
    [InlineData("/oruk/taxonomies?per_page=0", "per_page")]
    [InlineData("/oruk/services?modified_after=yesterday", "modified_after")]
    [InlineData("/oruk/services?modified_after=2026-02-30", "modified_after")]
    [InlineData("/oruk/services?day=funday", "day")]
    [InlineData("/oruk/services?start_time=25:00", "start_time")]
    [InlineData("/oruk/services?end_time=noon", "end_time")]
    [InlineData("/oruk/services?minimum_age=-1", "minimum_age")]
    [InlineData("/oruk/services?maximum_age=old", "maximum_age")]
    [InlineData("/oruk/services?taxonomy_term_id=creative", "taxonomy_term_id")]
    [InlineData("/oruk/services?organization_id=1", "organization_id")]
    [InlineData("/oruk/services?minimal=yes", "minimal")]
    [InlineData("/oruk/services?format=xml", "format")]
    [InlineData("/oruk/services?proximity=1000", "proximity")]
    [InlineData("/oruk/services?postcode=S1&proximity=0", "proximity")]
    [InlineData("/oruk/services?postcode=S1&proximity=far", "proximity")]
    [InlineData("/oruk/services?postcode=hello", "postcode")]
    [InlineData("/oruk/service_at_locations?postcode=ZZ9%209ZZ&proximity=100", "postcode")]
    [InlineData("/oruk/taxonomy_terms?parent_id=x", "parent_id")]
    [InlineData("/oruk/taxonomy_terms?top_only=1", "top_only")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string url, string parameter)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out _), body.GetRawText());
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Get(string url) => await OrukContractTests.GetJson(_client, url);

    private static List<string> Names(JsonElement page) =>
        [.. page.GetProperty("contents").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];
}
