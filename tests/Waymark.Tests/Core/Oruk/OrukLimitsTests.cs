using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Oruk;
using Waymark.Tests.Cli;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Core.Oruk;

/// <summary>
/// An ORUK import refuses records past the size limits in <see cref="OrukLimits"/> — a 20-million-character name,
/// 100,000 languages, a 1 MiB+ ndjson line — as rejections naming the record, the field and the rule, and applies
/// nothing of the feed unless asked to skip invalid records, when the rest go in and the oversized one does not.
/// </summary>
public sealed class OrukLimitsTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private async Task<ImportResult> ImportAsync(string text, bool skipInvalid = false)
    {
        await using var db = _database.Open();
        await db.Database.MigrateAsync();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await new OrukImporter(db, TimeProvider.System).ImportStreamAsync(stream, skipInvalid);
    }

    private async Task<int> ServicesAsync()
    {
        await using var db = _database.Open();
        return await db.Services.CountAsync();
    }

    [Fact]
    public async Task A_twenty_million_character_name_is_rejected_and_nothing_is_applied()
    {
        var good = Feeds.Service("fine");
        var huge = Feeds.Service("huge");
        huge["name"] = new string('a', 20_000_000);

        var result = await ImportAsync(Feeds.Array(good, huge).ToJsonString());

        Assert.False(result.Committed);
        Assert.Equal(1, result.Rejected);
        Assert.Contains(result.Rejections, r => r.Record == 2 && r.Id == Feeds.Id("huge") && r.Field == "name"
            && r.Rule == "must be at most 255 characters (this one has 20,000,000)");
        Assert.Contains(result.Rejections, r => r.Record == 2 && r.Field == "(record)" && r.Rule.StartsWith("must be at most 1 MiB of JSON", StringComparison.Ordinal));
        Assert.Equal(0, await ServicesAsync());
    }

    [Fact]
    public async Task A_hundred_thousand_languages_are_rejected_and_skipping_keeps_the_rest()
    {
        var good = Feeds.Service("fine");
        var babel = Feeds.Service("babel");
        babel["languages"] = new JsonArray([.. Enumerable.Range(0, 100_000).Select(i => (JsonNode)new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = "English", ["code"] = "en" })]);

        var result = await ImportAsync(Feeds.Array(babel, good).ToJsonString(), skipInvalid: true);

        Assert.True(result.Committed);
        Assert.Equal(1, result.Created);
        Assert.Contains(result.Rejections, r => r.Record == 1 && r.Field == "languages" && r.Rule == $"must hold at most {OrukLimits.MaxLanguages} items (this one holds 100,000)");
        await using var db = _database.Open();
        Assert.Equal([Feeds.Id("fine")], await db.Services.Select(s => s.Id).ToListAsync());
        Assert.Equal(1, await db.Languages.CountAsync());
    }

    [Theory]
    [InlineData("description", OrukLimits.MaxLongText)]
    [InlineData("url", OrukLimits.MaxUrl)]
    [InlineData("email", OrukLimits.MaxShortText)]
    public async Task A_field_one_character_past_its_limit_is_rejected_at_its_limit_accepted(string field, int limit)
    {
        string Value(int length) => field switch
        {
            "url" => "https://example.org/" + new string('a', length - "https://example.org/".Length),
            "email" => new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + "." + new string('c', length - 64 - 1 - 182 - 1),
            _ => new string('a', length),
        };
        var at = Feeds.Service("at-limit");
        at[field] = Value(field == "email" ? 254 : limit);
        var over = Feeds.Service("over-limit");
        over[field] = new string('a', limit + 1);

        var result = await ImportAsync(Feeds.Array(at, over).ToJsonString(), skipInvalid: true);

        Assert.Equal(1, result.Created);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal((2, field, $"must be at most {limit:N0} characters (this one has {limit + 1:N0})"), (rejection.Record, rejection.Field, rejection.Rule));
    }

    [Fact]
    public async Task A_nested_field_is_named_by_its_path()
    {
        var s = Feeds.Service("nested");
        s["service_at_locations"]![0]!["location"]!["addresses"]![0]!["address_1"] = new string('x', 300);
        s["contacts"]![0]!["phones"] = new JsonArray([.. Enumerable.Range(0, 501).Select(i => (JsonNode)new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["number"] = "0114 496 0000" })]);

        var result = await ImportAsync(Feeds.Array(s).ToJsonString());

        Assert.False(result.Committed);
        Assert.Contains(result.Rejections, r => r.Field == "service_at_locations[0].location.addresses[0].address_1" && r.Rule == "must be at most 255 characters (this one has 300)");
        Assert.Contains(result.Rejections, r => r.Field == "contacts[0].phones" && r.Rule == "must hold at most 500 items (this one holds 501)");
    }

    [Fact]
    public async Task An_ndjson_line_over_a_mebibyte_is_rejected_as_its_record()
    {
        var big = Feeds.Service("big-line");
        big["description"] = string.Join(' ', Enumerable.Repeat("words", 250_000)); // 1.5 MB, a long text's limit broken too
        var ndjson = string.Join('\n', Feeds.Service("line-one").ToJsonString(), big.ToJsonString(), Feeds.Service("line-three").ToJsonString());

        var result = await ImportAsync(ndjson, skipInvalid: true);

        Assert.Equal(2, result.Created);
        Assert.Contains(result.Rejections, r => r.Record == 2 && r.Field == "(record)" && r.Rule.StartsWith("must be at most 1 MiB of JSON", StringComparison.Ordinal));
        Assert.Contains(result.Rejections, r => r.Record == 2 && r.Field == "description");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_value_past_what_the_reader_holds_stops_the_feed_and_changes_nothing(bool ndjson)
    {
        var huge = "{\"id\":\"" + Guid.NewGuid() + "\",\"name\":\"" + new string('a', OrukLimits.MaxFeedValueBytes + (1 << 20)) + "\"}";
        var text = ndjson ? Feeds.Service("first").ToJsonString() + "\n" + huge : "[" + Feeds.Service("first").ToJsonString() + "," + huge + "]";

        var error = await Assert.ThrowsAsync<FeedException>(() => ImportAsync(text, skipInvalid: true));

        Assert.StartsWith("value 2 of the feed is over 64 MiB", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await ServicesAsync());
    }
}
