using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Oruk;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Oruk;

/// <summary>
/// The ORUK services list over a directory of its own (no filter, so every service counts): every page, from
/// the first to the last and beyond, in list order; the filters' edge pages; and the ndjson stream, which walks
/// the list's index a batch at a time. Pages in the second half are read backwards from the far end, so the
/// last pages are where a mistake would show.
/// </summary>
public sealed class OrukListPagingTests(OrukListPagingTests.ListApp app) : IClassFixture<OrukListPagingTests.ListApp>
{
    private const int Count = 450;
    private readonly HttpClient _client = app.CreateClient();

    /// <summary>Its own database with <see cref="Count"/> services under two organisations, names repeating (ties go by id).</summary>
    public sealed class ListApp : WaymarkApp
    {
        private readonly SemaphoreSlim _once = new(1, 1);
        private List<Service>? _services;

        public Organization Even { get; } = ServiceBuilder.NewOrganization("Even Org");
        public Organization Odd { get; } = ServiceBuilder.NewOrganization("Odd Org");

        /// <summary>Every service, in list order: name byte by byte, then id.</summary>
        public async Task<List<Service>> ServicesAsync()
        {
            await _once.WaitAsync();
            try
            {
                if (_services is null)
                {
                    // Upper and lower case, an accent and repeated names: byte order differs from any locale's.
                    string[] stems = ["zebra", "Émile", "apple", "Banana", "Zed", "Crisis line", "crisis line"];
                    var builders = Enumerable.Range(0, Count)
                        .Select(i => new ServiceBuilder($"{stems[i % stems.Length]} {i % 60:D2}", i % 2 == 0 ? Even : Odd))
                        .ToArray();
                    await this.AddServicesAsync(builders);
                    using var db = OpenDb();
                    _services = [.. (await db.Services.AsNoTracking().ToListAsync())
                        .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)];
                }
                return _services;
            }
            finally
            {
                _once.Release();
            }
        }
    }

    [Theory]
    [InlineData(50)]
    [InlineData(7)]
    [InlineData(1000)]
    public async Task Every_page_from_first_to_last_is_the_list_in_order_with_a_true_envelope(int perPage)
    {
        var all = await app.ServicesAsync();
        var pages = (Count + perPage - 1) / perPage;

        var seen = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var body = await Get($"/oruk/services?per_page={perPage}&page={page}&minimal=true");
            Assert.Equal(Count, body.GetProperty("total_items").GetInt32());
            Assert.Equal(pages, body.GetProperty("total_pages").GetInt32());
            Assert.Equal(page, body.GetProperty("page_number").GetInt32());
            Assert.Equal(perPage, body.GetProperty("size").GetInt32());
            Assert.Equal(page == 1, body.GetProperty("first_page").GetBoolean());
            Assert.Equal(page == pages, body.GetProperty("last_page").GetBoolean());
            Assert.False(body.GetProperty("empty").GetBoolean());
            var ids = Ids(body);
            Assert.Equal(page < pages ? perPage : Count - (perPage * (pages - 1)), ids.Count);
            seen.AddRange(ids);
        }

        Assert.Equal(all.Select(s => s.Id.ToString()), seen);
    }

    [Theory]
    [InlineData(10, 46)]
    [InlineData(10, 2147483647)]
    [InlineData(1000, 2)]
    public async Task A_page_beyond_the_last_is_empty_and_still_counts_everything(int perPage, int page)
    {
        await app.ServicesAsync();

        var body = await Get($"/oruk/services?per_page={perPage}&page={page}");

        Assert.Equal(Count, body.GetProperty("total_items").GetInt32());
        Assert.Equal((Count + perPage - 1) / perPage, body.GetProperty("total_pages").GetInt32());
        Assert.True(body.GetProperty("empty").GetBoolean());
        Assert.True(body.GetProperty("last_page").GetBoolean());
        Assert.False(body.GetProperty("first_page").GetBoolean());
        Assert.Empty(Ids(body));
    }

    [Fact]
    public async Task Filtered_lists_page_from_first_to_beyond_the_last_in_order()
    {
        var all = await app.ServicesAsync();
        var odd = all.Where(s => s.OrganizationId == app.Odd.Id).Select(s => s.Id.ToString()).ToList();
        var crisis = all.Where(s => s.Name.Contains("crisis", StringComparison.OrdinalIgnoreCase)).Select(s => s.Id.ToString()).ToList();
        var even = all.Where(s => s.OrganizationId == app.Even.Id).Select(s => s.Id.ToString()).ToList();

        // The last is judged in memory (day and time), read a batch at a time along the list's index.
        foreach (var (filter, expected) in new[]
        {
            ($"organization_id={app.Odd.Id}", odd), ("search=CRISIS", crisis), ($"organization_id={app.Even.Id}&day=MO&start_time=10:00", even),
        })
        {
            const int perPage = 20;
            var pages = (expected.Count + perPage - 1) / perPage;
            var seen = new List<string>();
            for (var page = 1; page <= pages + 1; page++)
            {
                var body = await Get($"/oruk/services?{filter}&per_page={perPage}&page={page}&minimal=true");
                Assert.Equal(expected.Count, body.GetProperty("total_items").GetInt32());
                Assert.Equal(pages, body.GetProperty("total_pages").GetInt32());
                Assert.Equal(page >= pages, body.GetProperty("last_page").GetBoolean());
                Assert.Equal(page > pages, body.GetProperty("empty").GetBoolean());
                seen.AddRange(Ids(body));
            }
            Assert.Equal(expected, seen);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("&day=MO")]
    [InlineData("&search=crisis")]
    public async Task Ndjson_streams_the_whole_list_in_page_order_across_batches(string filter)
    {
        var all = await app.ServicesAsync();
        var expected = filter == "&search=crisis"
            ? all.Where(s => s.Name.Contains("crisis", StringComparison.OrdinalIgnoreCase)).ToList()
            : all;

        using var response = await _client.GetAsync(new Uri($"/oruk/services?format=ndjson&minimal=true{filter}", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected.Select(s => s.Id.ToString()), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(449)]
    [InlineData(450)]
    public async Task Batches_seek_after_the_last_key_and_never_repeat_or_skip(int batch)
    {
        var all = await app.ServicesAsync();
        using var db = app.OpenDb();

        var ids = new List<Guid>();
        await foreach (var ids1 in new OrukServiceFilter().BatchesAsync(db, batch))
        {
            Assert.InRange(ids1.Count, 1, batch);
            ids.AddRange(ids1);
        }
        var even = new List<Guid>();
        await foreach (var ids1 in new OrukServiceFilter { OrganizationId = app.Even.Id, Day = DayOfWeek.Monday }.BatchesAsync(db, batch))
        {
            even.AddRange(ids1);
        }

        Assert.Equal(all.Select(s => s.Id), ids);
        Assert.Equal(all.Where(s => s.OrganizationId == app.Even.Id).Select(s => s.Id), even);
    }

    [Fact]
    public async Task A_deep_page_walks_the_list_order_index_only()
    {
        await app.ServicesAsync();
        using var db = app.OpenDb();

        // The shapes of the queries a page sends (OrukServiceFilter.PageAsync): forwards, and backwards from the far end.
        var name = db.IsPostgres ? "\"Name\" COLLATE \"C\"" : "\"Name\" COLLATE BINARY";
        string[] queries =
        [
            $"SELECT \"Id\" FROM service ORDER BY {name}, \"Id\" LIMIT 50 OFFSET 200",
            $"SELECT \"Id\" FROM service ORDER BY {name} DESC, \"Id\" DESC LIMIT 50 OFFSET 200",
        ];
        foreach (var sql in queries)
        {
            var plan = await PlanAsync(db, sql);
            Assert.Contains(ServiceListOrderIndex, plan, StringComparison.Ordinal);
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
            Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        }
    }

    private const string ServiceListOrderIndex = "IX_service_list_order";

    private static async Task<string> PlanAsync(WaymarkDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            if (db.IsPostgres)
            {
                // A test table is small enough that a sequential scan, or reading all of it and sorting, would win on
                // cost; the question is whether the index can serve the order, so both are priced out. A Sort still in
                // the plan then means the index cannot give that order.
                command.CommandText = "SET enable_seqscan = off; SET enable_sort = off";
                await command.ExecuteNonQueryAsync();
                command.CommandText = "EXPLAIN " + sql;
            }
            else
            {
                command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            }
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? "");
            }
            return string.Join('\n', lines);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<JsonElement> Get(string url)
    {
        var (status, body) = await OrukContractTests.GetJson(_client, url);
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    private static List<string> Ids(JsonElement page) =>
        [.. page.GetProperty("contents").EnumerateArray().Select(c => c.GetProperty("id").GetString()!)];
}
