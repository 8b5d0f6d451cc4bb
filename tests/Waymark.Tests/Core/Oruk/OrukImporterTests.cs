using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Directory;
using Waymark.Core.Oruk;
using Waymark.Tests.Cli;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Core.Oruk;

public sealed class OrukImporterTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<ImportResult> ImportAsync(string json, bool skipInvalid = false, int chunk = 1000)
    {
        await using var db = _database.Open();
        await db.Database.MigrateAsync();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await new OrukImporter(db, TimeProvider.System) { ChunkSize = chunk }.ImportStreamAsync(stream, skipInvalid);
    }

    [Fact]
    public async Task A_waymark_term_is_stored_under_the_vocabulary_id_whatever_id_the_feed_gives()
    {
        var s = Feeds.Service("mapped");
        var term = s["attributes"]![0]!["taxonomy_term"]!;
        term["id"] = Guid.NewGuid().ToString();
        term["name"] = "Groups!";
        s["attributes"]![1]!["taxonomy_term"]!.AsObject().Remove("code");
        s["attributes"]![1]!["taxonomy_term"]!["term"] = "delivery:in-person";

        var result = await ImportAsync(Feeds.Array(s).ToJsonString());

        Assert.True(result.Committed, string.Join("\n", result.Rejections));
        await using var db = _database.Open();
        var ids = await db.ServiceAttributes.Select(a => a.TaxonomyTermId).ToListAsync();
        Assert.Contains(Vocabulary.TermId("format:group"), ids);
        Assert.Contains(Vocabulary.TermId("delivery:in-person"), ids);
        Assert.Equal(Vocabulary.Terms.Count, await db.TaxonomyTerms.CountAsync());
    }

    [Fact]
    public async Task Shared_organisations_and_locations_are_stored_once_across_chunks()
    {
        var services = Enumerable.Range(0, 7).Select(i => Feeds.Service($"s{i}", org: "shared-org", location: "shared-place")).ToArray();
        var result = await ImportAsync(Feeds.Array(services).ToJsonString(), chunk: 3);
        Assert.Equal(7, result.Created);
        await using var db = _database.Open();
        Assert.Equal((1, 1, 1, 7), (await db.Organizations.CountAsync(), await db.Locations.CountAsync(), await db.Addresses.CountAsync(), await db.ServiceAtLocations.CountAsync()));
    }

    [Fact]
    public async Task A_shared_organisation_given_two_ways_in_one_feed_is_rejected()
    {
        var a = Feeds.Service("a", org: "shared");
        var b = Feeds.Service("b", org: "shared");
        b["organization"]!["name"] = "Another name";
        var result = await ImportAsync(Feeds.Array(a, b).ToJsonString());
        Assert.False(result.Committed);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((2, "organization.id"), (rejection.Record, rejection.Field));
        Assert.Contains("differs from the one given in record 1", rejection.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_that_refers_to_an_unknown_organisation_is_rejected()
    {
        var s = Feeds.Service("orphan");
        s.Remove("organization");
        s["organization_id"] = Feeds.Id("nobody").ToString();
        var result = await ImportAsync(Feeds.Array(s).ToJsonString());
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal("organization_id", rejection.Field);
        Assert.Contains("neither in the feed nor in the database", rejection.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_service_replaces_its_children()
    {
        var s = Feeds.Service("children");
        await ImportAsync(Feeds.Array(s.DeepClone().AsObject()).ToJsonString());
        s["attributes"] = new JsonArray(Feeds.Attribute("children/new", "format:one-to-one"));
        s["languages"] = new JsonArray();

        var result = await ImportAsync(Feeds.Array(s).ToJsonString());

        Assert.Equal(1, result.Updated);
        await using var db = _database.Open();
        Assert.Equal([Vocabulary.TermId("format:one-to-one")], await db.ServiceAttributes.Select(a => a.TaxonomyTermId).ToListAsync());
        Assert.Equal(0, await db.Languages.CountAsync());
    }

    [Fact]
    public async Task A_record_that_is_not_an_object_is_rejected_by_itself()
    {
        var result = await ImportAsync($"[{Feeds.Service("ok").ToJsonString()}, 42]", skipInvalid: true);
        Assert.Equal(1, result.Created);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((2, "(record)", "must be a JSON object, not number"), (rejection.Record, rejection.Field, rejection.Rule));
    }

    [Fact]
    public async Task The_sample_directory_imports_cleanly()
    {
        await using var db = _database.Open();
        await db.Database.MigrateAsync();
        var result = await SampleDirectory.SeedAsync(db, TimeProvider.System);
        Assert.NotNull(result);
        Assert.True(result.Committed, string.Join("\n", result.Rejections));
        Assert.True(result.Created > 100);
        Assert.Null(await SampleDirectory.SeedAsync(db, TimeProvider.System));
    }
}
