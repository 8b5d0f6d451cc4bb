using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Directory;

namespace Waymark.Tests.Cli;

/// <summary><c>waymark import oruk</c> end to end: real entry point, real database, real files and a real HTTP server.</summary>
public sealed class ImportOrukCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<(CliRun Run, Dictionary<string, int> Before, Dictionary<string, int> After)> ImportAsync(string path, params string[] extra)
    {
        // Something is already there, so "unchanged" means more than "still empty".
        await _cli.RunAsync("import", "oruk", _cli.Write("existing.json", Feeds.Array(Feeds.Service("existing"))));
        var before = await _cli.CountsAsync();
        var run = await _cli.RunAsync(["import", "oruk", path, .. extra]);
        return (run, before, await _cli.CountsAsync());
    }

    private static void AssertRefused((CliRun Run, Dictionary<string, int> Before, Dictionary<string, int> After) r, params string[] expected)
    {
        Assert.Equal(1, r.Run.ExitCode);
        foreach (var text in expected)
        {
            Assert.Contains(text, r.Run.Error, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("   at ", r.Run.Error, StringComparison.Ordinal); // no stack trace
        Assert.Equal(r.Before, r.After);
    }

    [Fact]
    public async Task A_valid_feed_is_created_then_unchanged_then_updated()
    {
        var feed = Feeds.Array(Feeds.Service("one"), Feeds.Service("two", org: "one-org"));
        var path = _cli.Write("feed.json", feed);

        var first = await _cli.RunAsync("import", "oruk", path);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal("created 2, updated 0, unchanged 0, rejected 0", first.Output.Trim());

        var again = await _cli.RunAsync("import", "oruk", path);
        Assert.Equal("created 0, updated 0, unchanged 2, rejected 0", again.Output.Trim());

        feed[1]!["name"] = "Renamed group";
        feed[1]!.AsObject().Remove("last_modified");
        var changed = await _cli.RunAsync("import", "oruk", _cli.Write("changed.json", feed));
        Assert.Equal("created 0, updated 1, unchanged 1, rejected 0", changed.Output.Trim());
        await using var db = _cli.Database.Open();
        var renamed = await db.Services.SingleAsync(s => s.Name == "Renamed group");
        Assert.True(renamed.LastModified > new DateTimeOffset(2026, 10, 2, 0, 0, 0, TimeSpan.Zero), "a change without last_modified is stamped now");
        Assert.Equal(1, await db.Organizations.CountAsync());
    }

    [Fact]
    public async Task Malformed_json_is_a_whole_feed_error_with_its_line()
    {
        var path = _cli.Write("bad.json", "[\n  {\"id\": \"x\",\n   \"name\": oops}\n]");
        AssertRefused(await ImportAsync(path), "malformed JSON at line 3");
    }

    [Fact]
    public async Task A_truncated_file_is_a_whole_feed_error()
    {
        var text = Feeds.Array(Feeds.Service("one"), Feeds.Service("two")).ToJsonString();
        var path = _cli.Write("truncated.json", text[..(text.Length / 2)]);
        AssertRefused(await ImportAsync(path), "malformed JSON at line 1, position", "truncated");
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_names_record_field_and_rule()
    {
        var bad = Feeds.Service("typed");
        bad["service_at_locations"]![0]!["location"]!["latitude"] = "north";
        var path = _cli.Write("feed.json", Feeds.Array(Feeds.Service("fine"), bad));
        AssertRefused(await ImportAsync(path), $"record 2 (id {Feeds.Id("typed")}): service_at_locations[0].location.latitude: must be a number");
    }

    [Fact]
    public async Task A_missing_required_field_names_record_field_and_rule()
    {
        var bad = Feeds.Service("nameless");
        bad.Remove("name");
        var noCity = Feeds.Service("cityless");
        noCity["service_at_locations"]![0]!["location"]!["addresses"]![0]!["city"] = null;
        var path = _cli.Write("feed.json", Feeds.Array(bad, noCity));
        AssertRefused(await ImportAsync(path),
            $"record 1 (id {Feeds.Id("nameless")}): name: is required",
            $"record 2 (id {Feeds.Id("cityless")}): service_at_locations[0].location.addresses[0].city: is required");
    }

    [Fact]
    public async Task A_bad_uuid_names_record_field_and_rule()
    {
        var bad = Feeds.Service("uuid");
        bad["contacts"]![0]!["phones"]![0]!["id"] = "not-a-uuid";
        AssertRefused(await ImportAsync(_cli.Write("feed.json", Feeds.Array(bad))), "record 1", "contacts[0].phones[0].id: is not a UUID");
    }

    [Fact]
    public async Task An_unknown_waymark_code_is_rejected()
    {
        var bad = Feeds.Service("grop");
        bad["attributes"]![0] = Feeds.Attribute("grop/a1", "format:grop");
        AssertRefused(await ImportAsync(_cli.Write("feed.json", Feeds.Array(bad))), "record 1", "attributes[0].taxonomy_term.code: unknown Waymark code 'format:grop'");
    }

    [Fact]
    public async Task A_service_area_naming_an_unknown_local_authority_is_rejected()
    {
        var bad = Feeds.Service("nowhere");
        bad["service_areas"] = new JsonArray(
            Area("nowhere/leeds", "local_authority", "Leeds"),
            Area("nowhere/code", "local_authority", "E08000035"),
            Area("nowhere/made-up", "local_authority", "Leeds City"),
            Area("nowhere/text", "geojson", "Anywhere at all"));
        AssertRefused(await ImportAsync(_cli.Write("feed.json", Feeds.Array(bad))),
            "record 1", "service_areas[2].service_area: names no local authority Waymark knows: 'Leeds City'");

        var good = Feeds.Service("somewhere");
        good["service_areas"] = new JsonArray(Area("somewhere/hull", "local_authority", "Hull"), Area("somewhere/er", "LOCAL_AUTHORITY", "E06000011"));
        var (run, _, _) = await ImportAsync(_cli.Write("good.json", Feeds.Array(good)));
        Assert.Equal(0, run.ExitCode);
        await using var db = _cli.Database.Open();
        Assert.Equal(["E06000011", "Hull"], (await db.ServiceAreas.Where(a => a.ServiceId == Feeds.Id("somewhere")).Select(a => a.Description!).ToListAsync()).Order());

        static JsonObject Area(string key, string extentType, string name) =>
            new() { ["id"] = Feeds.Id(key).ToString(), ["name"] = name, ["extent_type"] = extentType, ["service_area"] = name };
    }

    [Fact]
    public async Task A_waymark_value_of_the_wrong_kind_is_rejected()
    {
        var bad = Feeds.Service("sessions");
        bad["attributes"]![2]!["value"] = "lots";
        AssertRefused(await ImportAsync(_cli.Write("feed.json", Feeds.Array(bad))), "attributes[2].value: 'expect:sessions' needs a whole number above 0 or 'ongoing'");
    }

    [Fact]
    public async Task Bad_formats_and_ranges_are_rejected()
    {
        var bad = Feeds.Service("formats");
        bad["status"] = "open";
        bad["assured_date"] = "01/10/2026";
        bad["minimum_age"] = 30;
        bad["maximum_age"] = 20;
        bad["service_at_locations"]![0]!["schedules"]![0]!["opens_at"] = "6.30pm";
        bad["service_at_locations"]![0]!["schedules"]![0]!["byday"] = "Tuesday";
        AssertRefused(await ImportAsync(_cli.Write("feed.json", Feeds.Array(bad))),
            "status: must be one of", "assured_date: must be a date written yyyy-MM-dd", "minimum_age: must not be more than maximum_age",
            "schedules[0].opens_at: must be a time written HH:MM", "schedules[0].byday: must be a comma list");
    }

    [Fact]
    public async Task Duplicate_ids_are_rejected_naming_the_other_record()
    {
        var first = Feeds.Service("dup");
        var second = Feeds.Service("dup-child");
        second["contacts"]![0]!["id"] = first["contacts"]![0]!["id"]!.GetValue<string>();
        var third = Feeds.Service("dup");
        AssertRefused(await ImportAsync(_cli.Write("feed.json", Feeds.Array(first, second, third))),
            $"record 2 (id {Feeds.Id("dup-child")}): contacts[0].id: duplicate id {Feeds.Id("dup/contact")}: also used by record 1",
            $"record 3 (id {Feeds.Id("dup")}): id: duplicate id {Feeds.Id("dup")}: also used by record 1");
    }

    [Fact]
    public async Task Skip_invalid_imports_the_valid_records_and_reports_the_rest()
    {
        var bad = Feeds.Service("bad");
        bad["service_at_locations"]![0]!["location"]!["latitude"] = 100;
        var path = _cli.Write("feed.json", Feeds.Array(Feeds.Service("good"), bad, Feeds.Service("also-good")));

        var refused = await _cli.RunAsync("import", "oruk", path);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(0, (await _cli.CountsAsync())["service"]);

        var run = await _cli.RunAsync("import", "oruk", path, "--skip-invalid");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("created 2, updated 0, unchanged 0, rejected 1", run.Output.Trim());
        Assert.Contains($"record 2 (id {Feeds.Id("bad")}): service_at_locations[0].location.latitude: must be between -90 and 90", run.Error, StringComparison.Ordinal);
        await using var db = _cli.Database.Open();
        Assert.Equal(new[] { Feeds.Id("also-good"), Feeds.Id("good") }.Order(), (await db.Services.Select(s => s.Id).ToListAsync()).Order());
    }

    [Fact]
    public async Task The_oruk_example_service_is_rejected_for_latitude_100_and_imports_once_corrected()
    {
        var path = Path.Combine(CliHarness.Examples, "service_full.json");
        AssertRefused(await ImportAsync(path),
            "record 1 (id ac148810-d857-441c-9679-408f346de14b): service_at_locations[0].location.latitude: must be between -90 and 90");

        var example = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        var location = example["service_at_locations"]![0]!["location"]!;
        location["latitude"] = 53.3811;
        location["longitude"] = -1.4701;
        var run = await _cli.RunAsync("import", "oruk", _cli.Write("corrected.json", example));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("created 1, updated 0, unchanged 0, rejected 0", run.Output.Trim());

        var removed = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        removed["service_at_locations"]![0]!["location"]!.AsObject().Remove("latitude");
        removed["service_at_locations"]![0]!["location"]!.AsObject().Remove("longitude");
        var second = await _cli.RunAsync("import", "oruk", _cli.Write("removed.json", removed));
        Assert.Equal(0, second.ExitCode);
        Assert.Equal("created 0, updated 1, unchanged 0, rejected 0", second.Output.Trim());
        await using var db = _cli.Database.Open();
        var stored = await db.Locations.SingleAsync(l => l.Id == new Guid("3a19ff88-4620-4d17-9830-ac1d859eb5d5"));
        Assert.Null(stored.Latitude);
    }

    [Fact]
    public async Task The_oruk_example_page_of_services_imports()
    {
        var run = await _cli.RunAsync("import", "oruk", Path.Combine(CliHarness.Examples, "service_list.json"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("created 1, updated 0, unchanged 0, rejected 0", run.Output.Trim());
        await using var db = _cli.Database.Open();
        var service = await db.Services.Include(s => s.Organization).SingleAsync();
        Assert.Equal("Community Counselling", service.Name);
        Assert.Equal("Example Organization Inc.", service.Organization!.Name);
    }

    [Fact]
    public async Task An_ndjson_stream_imports_one_service_per_line()
    {
        var text = string.Join('\n', Feeds.Service("nd1").ToJsonString(), Feeds.Service("nd2").ToJsonString(), Feeds.Service("nd3").ToJsonString()) + "\n";
        var run = await _cli.RunAsync("import", "oruk", _cli.Write("feed.ndjson", text));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("created 3, updated 0, unchanged 0, rejected 0", run.Output.Trim());
    }

    [Fact]
    public async Task A_url_that_answers_html_is_refused_with_a_clear_message()
    {
        await using var server = await TinyServer.StartAsync(async c =>
        {
            c.Response.ContentType = "text/html";
            await c.Response.WriteAsync("<!doctype html><title>Welcome</title>");
        });
        AssertRefused(await ImportAsync(server.BaseUrl + "/oruk"), "answered HTML, not ORUK JSON");
    }

    [Fact]
    public async Task A_url_that_answers_500_is_refused_with_a_clear_message()
    {
        await using var server = await TinyServer.StartAsync(c =>
        {
            c.Response.StatusCode = 500;
            return Task.CompletedTask;
        });
        AssertRefused(await ImportAsync(server.BaseUrl), "answered 500");
    }

    [Fact]
    public async Task A_url_is_paged_through_fetching_full_records_where_the_list_is_minimal()
    {
        var services = new[] { Feeds.Service("p1"), Feeds.Service("p2"), Feeds.Service("p3") };
        await using var server = await TinyServer.StartAsync(async c =>
        {
            c.Response.ContentType = "application/json";
            var path = c.Request.Path.Value!;
            if (path == "/oruk/services")
            {
                var page = int.Parse(c.Request.Query["page"]!, System.Globalization.CultureInfo.InvariantCulture);
                var items = services.Skip((page - 1) * 2).Take(2).Select(s => (JsonNode)new JsonObject
                {
                    ["id"] = s["id"]!.GetValue<string>(), ["name"] = s["name"]!.GetValue<string>(), ["status"] = "active",
                }).ToArray();
                await c.Response.WriteAsync(new JsonObject
                {
                    ["total_items"] = 3, ["total_pages"] = 2, ["page_number"] = page, ["size"] = items.Length,
                    ["first_page"] = page == 1, ["last_page"] = page == 2, ["empty"] = false, ["contents"] = new JsonArray(items),
                }.ToJsonString());
                return;
            }
            var id = path["/oruk/services/".Length..];
            await c.Response.WriteAsync(services.Single(s => s["id"]!.GetValue<string>() == id).ToJsonString());
        });

        var run = await _cli.RunAsync("import", "oruk", server.BaseUrl + "/oruk/");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("created 3, updated 0, unchanged 0, rejected 0", run.Output.Trim());
        Assert.Contains("/oruk/services?page=2&per_page=100&full=true", server.Requests);
        Assert.Contains($"/oruk/services/{Feeds.Id("p3")}", server.Requests);
        await using var db = _cli.Database.Open();
        Assert.Equal(3, await db.ServiceAtLocations.CountAsync());
    }

    [Fact]
    public async Task A_missing_file_is_one_line_and_exit_1()
    {
        var run = await _cli.RunAsync("import", "oruk", _cli.PathOf("nowhere.json"));
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("waymark: no such file: " + _cli.PathOf("nowhere.json"), run.Error.Trim());
    }

    [Fact]
    public async Task Shared_terms_outside_waymark_are_kept_as_given()
    {
        var s = Feeds.Service("other-taxonomy");
        s["attributes"]!.AsArray().Add(new JsonObject
        {
            ["id"] = Feeds.Id("other/a").ToString(),
            ["taxonomy_term"] = new JsonObject
            {
                ["id"] = Feeds.Id("other/term").ToString(), ["name"] = "Mental health", ["description"] = "Mental health support",
                ["taxonomy"] = "esd", ["taxonomy_id"] = Feeds.Id("esd").ToString(), ["term"] = "mental-health",
            },
        });
        var run = await _cli.RunAsync("import", "oruk", _cli.Write("feed.json", Feeds.Array(s)));
        Assert.Equal(0, run.ExitCode);
        await using var db = _cli.Database.Open();
        var term = await db.TaxonomyTerms.SingleAsync(t => t.Id == Feeds.Id("other/term"));
        Assert.Equal(("Mental health", "esd", Feeds.Id("esd")), (term.Name, term.TaxonomyName, term.TaxonomyId));
        Assert.Equal(Vocabulary.Terms.Count + 1, await db.TaxonomyTerms.CountAsync());
    }
}
