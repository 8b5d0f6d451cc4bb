using System.Net;
using System.Text.Json;
using Waymark.Core.Directory;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Oruk;

/// <summary>A feed of ~120 services, judged as the official ORUK validator judges it (README of the standard files).</summary>
public sealed class OrukContractFeed : WaymarkApp
{
    public const int ServiceCount = 120;
    private readonly Lazy<Task> _seeded;

    public OrukContractFeed() => _seeded = new(SeedAsync);

    public Task Seeded => _seeded.Value;

    private async Task SeedAsync()
    {
        var random = new Random(20261129);
        var organizations = Enumerable.Range(1, 12).Select(i => ServiceBuilder.NewOrganization($"Organisation {i:00}")).ToList();
        var codes = Vocabulary.Terms.Where(t => t.ValueKind is null).Select(t => t.Code).ToList();
        var builders = Enumerable.Range(1, ServiceCount).Select(i =>
        {
            var b = new ServiceBuilder($"Service {i:000}", organizations[i % organizations.Count])
                .At(53.0 + random.NextDouble(), -2.0 + random.NextDouble(), "S1 2HE")
                .Ages(i % 3 == 0 ? 18 : null, i % 4 == 0 ? 25 : null)
                .Opens(i % 2 == 0 ? "TU,TH" : "SA", "18:00", i % 5 == 0 ? "02:00" : "21:30:00", atLocation: i % 3 == 1)
                .ModifiedAt(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(i));
            foreach (var code in codes.OrderBy(_ => random.Next()).Take(3))
            {
                b.WithTerm(code);
            }
            return b;
        }).ToArray();
        await this.AddServicesAsync(builders);
    }
}

public sealed class OrukContractTests(OrukContractFeed feed) : IClassFixture<OrukContractFeed>
{
    private const int PerPage = 7;

    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "services", "service_list.json", "service.json" },
        { "service_at_locations", "service_at_location_list.json", "service_at_location.json" },
        { "organizations", "organization_list.json", "organization.json" },
        { "taxonomies", "taxonomy_list.json", "taxonomy.json" },
        { "taxonomy_terms", "taxonomy_term_list.json", "taxonomy_term.json" },
    };

    [Fact]
    public async Task The_root_is_api_details_naming_the_uk_version()
    {
        await feed.Seeded;
        using var client = feed.CreateClient();
        var (status, body) = await GetJson(client, "/oruk/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(OrukSchemas.Errors("api_details.json", body));
        Assert.Equal("HSDS-UK-3.0", body.GetProperty("version").GetString());
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task First_middle_and_last_pages_and_ten_random_records_validate(string endpoint, string listSchema, string recordSchema)
    {
        await feed.Seeded;
        using var client = feed.CreateClient();

        var (status, first) = await GetJson(client, $"/oruk/{endpoint}?page=1&per_page={PerPage}");
        Assert.Equal(HttpStatusCode.OK, status);
        var totalPages = first.GetProperty("total_pages").GetInt32();
        var totalItems = first.GetProperty("total_items").GetInt32();
        Assert.True(totalItems > 0, $"{endpoint} is empty");

        var ids = new List<string>();
        var pages = new[] { 1, Math.Max(1, totalPages / 2), totalPages }.Distinct();
        foreach (var page in pages)
        {
            var (pageStatus, body) = await GetJson(client, $"/oruk/{endpoint}?page={page}&per_page={PerPage}");
            Assert.Equal(HttpStatusCode.OK, pageStatus);
            var errors = OrukSchemas.ListErrors(listSchema, body);
            Assert.True(errors.Count == 0, $"{endpoint} page {page}:\n" + string.Join("\n", errors.Take(20)));
            Assert.Equal(page, body.GetProperty("page_number").GetInt32());
            Assert.Equal(page == totalPages, body.GetProperty("last_page").GetBoolean());
            ids.AddRange(body.GetProperty("contents").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
        }

        var random = new Random(42);
        foreach (var id in ids.OrderBy(_ => random.Next()).Take(10))
        {
            var (recordStatus, record) = await GetJson(client, $"/oruk/{endpoint}/{id}");
            Assert.Equal(HttpStatusCode.OK, recordStatus);
            var errors = OrukSchemas.Errors(recordSchema, record);
            Assert.True(errors.Count == 0, $"{endpoint}/{id}:\n" + string.Join("\n", errors.Take(20)));
        }
    }

    [Fact]
    public async Task Paging_through_services_visits_every_service_once_in_a_stable_order()
    {
        await feed.Seeded;
        using var client = feed.CreateClient();
        var (_, first) = await GetJson(client, $"/oruk/services?per_page={PerPage}&minimal=true");
        var totalPages = first.GetProperty("total_pages").GetInt32();
        Assert.Equal(OrukContractFeed.ServiceCount, first.GetProperty("total_items").GetInt32());
        Assert.Equal((OrukContractFeed.ServiceCount + PerPage - 1) / PerPage, totalPages);

        var names = new List<string>();
        for (var page = 1; page <= totalPages; page++)
        {
            var (_, body) = await GetJson(client, $"/oruk/services?per_page={PerPage}&page={page}&minimal=true");
            names.AddRange(body.GetProperty("contents").EnumerateArray().Select(c => c.GetProperty("name").GetString()!));
        }
        Assert.Equal(Enumerable.Range(1, OrukContractFeed.ServiceCount).Select(i => $"Service {i:000}"), names);
    }

    [Fact]
    public async Task The_validator_bites_on_a_bad_body()
    {
        await feed.Seeded;
        using var client = feed.CreateClient();
        var (_, page) = await GetJson(client, "/oruk/services?per_page=1");
        var good = page.GetProperty("contents")[0].GetRawText();
        Assert.Empty(OrukSchemas.Errors("service.json", Parse(good)));

        var badId = good.Replace(page.GetProperty("contents")[0].GetProperty("id").GetString()!, "not-a-uuid", StringComparison.Ordinal);
        Assert.NotEmpty(OrukSchemas.Errors("service.json", Parse(badId)));
        var badEmail = good.Replace("\"hello@example.org\"", "\"not an email\"", StringComparison.Ordinal);
        Assert.NotEqual(good, badEmail);
        Assert.NotEmpty(OrukSchemas.Errors("service.json", Parse(badEmail)));
        var badDate = good.Replace("\"last_modified\":\"", "\"last_modified\":\"yesterday ", StringComparison.Ordinal);
        Assert.NotEmpty(OrukSchemas.Errors("service.json", Parse(badDate)));
        var badUrl = good.Replace("\"https://example.org/services/", "\"not a url/", StringComparison.Ordinal);
        Assert.NotEmpty(OrukSchemas.Errors("service.json", Parse(badUrl)));
        var noStatus = good.Replace("\"status\":\"active\"", "\"status\":\"open\"", StringComparison.Ordinal);
        Assert.NotEmpty(OrukSchemas.Errors("service.json", Parse(noStatus)));

        var badItemInList = page.GetRawText().Replace("\"hello@example.org\"", "\"not an email\"", StringComparison.Ordinal);
        Assert.NotEmpty(OrukSchemas.ListErrors("service_list.json", Parse(badItemInList)));
        var extraEnvelope = page.GetRawText().Replace("{\"total_items\"", "{\"count\":1,\"total_items\"", StringComparison.Ordinal);
        Assert.NotEmpty(OrukSchemas.ListErrors("service_list.json", Parse(extraEnvelope)));
    }

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> GetJson(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, Parse(text));
    }

    private static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}
