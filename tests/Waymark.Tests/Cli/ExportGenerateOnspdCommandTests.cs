using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Waymark.Tests.Cli;

public sealed class ExportGenerateOnspdCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Import_of_an_export_changes_nothing_field_by_field()
    {
        var generated = _cli.PathOf("generated.json");
        Assert.Equal(0, (await _cli.RunAsync("generate", "--services", "60", "--seed", "7", "--out", generated)).ExitCode);
        var example = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CliHarness.Examples, "service_full.json")))!;
        example["service_at_locations"]![0]!["location"]!["latitude"] = 51.5;
        example["service_at_locations"]![0]!["location"]!["longitude"] = -0.12;
        Assert.Equal(0, (await _cli.RunAsync("import", "oruk", generated)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("import", "oruk", _cli.Write("example.json", example))).ExitCode);

        var a = _cli.PathOf("a.json");
        var export = await _cli.RunAsync("export", "oruk", a);
        Assert.Equal(0, export.ExitCode);
        Assert.Equal($"exported 61 services to {a}", export.Output.Trim());

        using var fresh = new CliHarness();
        var imported = await fresh.RunAsync("import", "oruk", a);
        Assert.Equal("created 61, updated 0, unchanged 0, rejected 0", imported.Output.Trim());
        var b = fresh.PathOf("b.json");
        Assert.Equal(0, (await fresh.RunAsync("export", "oruk", b)).ExitCode);

        var left = JsonNode.Parse(await File.ReadAllTextAsync(a))!.AsArray();
        var right = JsonNode.Parse(await File.ReadAllTextAsync(b))!.AsArray();
        Assert.Equal(left.Count, right.Count);
        for (var i = 0; i < left.Count; i++)
        {
            AssertSame($"[{i}]", left[i], right[i]);
        }
        Assert.Equal("created 0, updated 0, unchanged 61, rejected 0", (await fresh.RunAsync("import", "oruk", b)).Output.Trim());
        Assert.Equal("created 0, updated 0, unchanged 61, rejected 0", (await _cli.RunAsync("import", "oruk", a)).Output.Trim());
    }

    // Field by field, so a difference names its path.
    private static void AssertSame(string path, JsonNode? a, JsonNode? b)
    {
        switch (a)
        {
            case JsonObject o:
                var other = Assert.IsType<JsonObject>(b);
                Assert.True(o.Select(p => p.Key).Order().SequenceEqual(other.Select(p => p.Key).Order()), $"{path}: fields differ");
                foreach (var (key, value) in o)
                {
                    AssertSame($"{path}.{key}", value, other[key]);
                }
                break;
            case JsonArray arr:
                var otherArray = Assert.IsType<JsonArray>(b);
                Assert.True(arr.Count == otherArray.Count, $"{path}: lengths differ");
                for (var i = 0; i < arr.Count; i++)
                {
                    AssertSame($"{path}[{i}]", arr[i], otherArray[i]);
                }
                break;
            default:
                Assert.True(a?.ToJsonString() == b?.ToJsonString(), $"{path}: {a?.ToJsonString()} != {b?.ToJsonString()}");
                break;
        }
    }

    [Fact]
    public async Task Generate_is_deterministic_for_a_seed_and_valid_for_the_importer()
    {
        var one = _cli.PathOf("one.json");
        var two = _cli.PathOf("two.json");
        var other = _cli.PathOf("other.json");
        Assert.Equal("wrote 300 services to " + one, (await _cli.RunAsync("generate", "--services", "300", "--seed", "5", "--out", one)).Output.Trim());
        await _cli.RunAsync("generate", "--services", "300", "--seed", "5", "--out", two);
        await _cli.RunAsync("generate", "--services", "300", "--seed", "6", "--out", other);
        Assert.Equal(await File.ReadAllBytesAsync(one), await File.ReadAllBytesAsync(two));
        Assert.NotEqual(await File.ReadAllBytesAsync(one), await File.ReadAllBytesAsync(other));

        var run = await _cli.RunAsync("import", "oruk", one);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("created 300, updated 0, unchanged 0, rejected 0", run.Output.Trim());
        await using var db = _cli.Database.Open();
        var organisations = await db.Organizations.CountAsync();
        Assert.InRange(organisations, 60, 160);
        var locations = await db.Locations.Select(l => new { l.Latitude, l.Longitude }).ToListAsync();
        Assert.All(locations, l => Assert.True(l.Latitude is > 49.8 and < 55.9 && l.Longitude is > -6 and < 2, $"{l.Latitude},{l.Longitude} is not in England"));
        var closes = await db.Schedules.Select(s => new { s.OpensAt, s.ClosesAt }).ToListAsync();
        Assert.Contains(closes, s => string.CompareOrdinal(s.ClosesAt, s.OpensAt) < 0); // past midnight
        Assert.Contains(closes, s => s.OpensAt == "00:00" && s.ClosesAt == "23:59");
    }

    [Fact]
    public async Task Onspd_loads_postcodes_skipping_terminated_and_unlocated_ones()
    {
        var csv = _cli.Write("onspd.csv", string.Join('\n',
            "\"pcd\",\"pcd2\",\"pcds\",\"dointr\",\"doterm\",\"oseast1m\",\"lat\",\"long\"",
            "\"S1  2HE\",\"S1  2HE\",\"S1 2HE\",\"198001\",\"\",\"435000\",53.381100,-1.470100",
            "\"LS1 1UR\",\"LS1 1UR\",\"ls11ur\",\"198001\",\"\",\"430000\",53.796700,-1.547300",
            "\"S1  9ZZ\",\"S1  9ZZ\",\"S1 9ZZ\",\"198001\",\"200112\",\"435000\",53.380000,-1.470000",
            "\"ZZ9 9ZZ\",\"ZZ9 9ZZ\",\"ZZ9 9ZZ\",\"198001\",\"\",\"\",99.999999,0.000000") + "\n");
        var run = await _cli.RunAsync("import", "onspd", csv);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("imported 2 postcodes, skipped 2", run.Output, StringComparison.Ordinal);
        await using var db = _cli.Database.Open();
        var rows = await db.GazetteerPostcodes.OrderBy(p => p.Postcode).ToListAsync();
        Assert.Equal(["LS1 1UR", "S1 2HE"], rows.Select(r => r.Postcode));
        Assert.Equal(53.3811, rows[1].Latitude, 6);

        Assert.Equal(0, (await _cli.RunAsync("import", "onspd", csv)).ExitCode);
        Assert.Equal(2, await db.GazetteerPostcodes.CountAsync());
    }

    [Theory]
    [InlineData("oslaua")]
    [InlineData("lad25cd")]
    public async Task Onspd_loads_each_postcodes_local_authority_code(string column)
    {
        var csv = _cli.Write("onspd-la.csv", string.Join('\n',
            $"\"pcds\",\"doterm\",\"{column}\",\"lat\",\"long\"",
            "\"BD20 0AA\",\"\",\"E07000163\",53.905100,-1.990000",
            "\"LS1 1UR\",\"\",\"e08000035\",53.796700,-1.547300",
            "\"S1 2HE\",\"\",\"E99999999\",53.381100,-1.470100",
            "\"DN1 1AA\",\"\",\"\",53.522800,-1.128500") + "\n");

        var run = await _cli.RunAsync("import", "onspd", csv);

        Assert.Equal(0, run.ExitCode);
        await using var db = _cli.Database.Open();
        var codes = await db.GazetteerPostcodes.OrderBy(p => p.Postcode).Select(p => new { p.Postcode, p.LocalAuthorityCode }).ToListAsync();
        // Craven's retired code is kept as ONSPD gives it (the authority table knows it as North Yorkshire); no code, or
        // ONSPD's pseudo-code for "none", is no code.
        Assert.Equal(["BD20 0AA E07000163", "DN1 1AA ", "LS1 1UR E08000035", "S1 2HE "], codes.Select(c => $"{c.Postcode} {c.LocalAuthorityCode}"));
    }

    // ONSPD's own columns, in its order: the county (oscty) comes before the district (oslaua) and must not be taken for it.
    private const string OnspdHeader = "pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,parish,usertype,oseast1m,osnrth1m,osgrdind,"
        + "oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,statsward,oa01,casward,npark,lsoa01,msoa01,ur01ind,oac01,"
        + "oa11,lsoa11,msoa11,wz11,sicbl,bua24,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21,ruc21ind,globalid";

    /// <summary>One ONSPD row: the named columns filled in, the others empty as many are in the real file.</summary>
    private static string OnspdRow(string postcode, string county, string district, double lat, double lon)
    {
        var columns = OnspdHeader.Split(',');
        var fields = new string[columns.Length];
        Array.Fill(fields, "");
        void Set(string column, string value) => fields[Array.IndexOf(columns, column)] = value;
        Set("pcd", postcode.Replace(" ", "", StringComparison.Ordinal));
        Set("pcds", postcode);
        Set("dointr", "198001");
        Set("oscty", county);
        Set("oslaua", district);
        Set("ctry", "E92000001");
        Set("lat", lat.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture));
        Set("long", lon.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture));
        return string.Join(',', fields.Select(f => $"\"{f}\""));
    }

    [Fact]
    public async Task Onspd_with_all_its_columns_stores_the_district_not_the_county()
    {
        var csv = _cli.Write("onspd-full.csv", string.Join('\n',
            OnspdHeader,
            OnspdRow("DN22 6AA", "E10000024", "E07000171", 53.322000, -0.943000), // Retford: Bassetlaw, in Nottinghamshire
            OnspdRow("HU1 1AA", "E99999999", "E06000010", 53.744000, -0.332000)) + "\n");

        var run = await _cli.RunAsync("import", "onspd", csv);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("imported 2 postcodes, skipped 0", run.Output, StringComparison.Ordinal);
        await using var db = _cli.Database.Open();
        var codes = await db.GazetteerPostcodes.OrderBy(p => p.Postcode).Select(p => p.Postcode + " " + p.LocalAuthorityCode).ToListAsync();
        Assert.Equal(["DN22 6AA E07000171", "HU1 1AA E06000010"], codes);
    }

    [Fact]
    public async Task Onspd_with_a_bad_local_authority_code_names_each_line_exits_1_and_changes_nothing()
    {
        var good = _cli.Write("good.csv", string.Join('\n', OnspdHeader, OnspdRow("LS1 1UR", "E99999999", "E08000035", 53.796700, -1.547300)) + "\n");
        Assert.Equal(0, (await _cli.RunAsync("import", "onspd", good)).ExitCode);
        var bad = _cli.Write("bad-la.csv", string.Join('\n',
            OnspdHeader,
            OnspdRow("LS1 1UR", "E99999999", "Leeds", 53.796700, -1.547300),
            OnspdRow("S1 2HE", "E99999999", "E08000039", 53.381100, -1.470100),
            OnspdRow("HU1 1AA", "E99999999", "E0600001", 53.744000, -0.332000)) + "\n");

        var run = await _cli.RunAsync("import", "onspd", bad);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("line 2: oslaua 'Leeds' is not a GSS code", run.Error, StringComparison.Ordinal);
        Assert.Contains("line 4: oslaua 'E0600001' is not a GSS code", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("line 3", run.Error, StringComparison.Ordinal);
        await using var db = _cli.Database.Open();
        var codes = await db.GazetteerPostcodes.Select(p => p.Postcode + " " + p.LocalAuthorityCode).ToListAsync();
        Assert.Equal(["LS1 1UR E08000035"], codes);
    }

    [Fact]
    public async Task Onspd_with_a_bad_header_exits_1_and_changes_nothing()
    {
        var csv = _cli.Write("bad.csv", "postcode,latitude,longitude\nS1 2HE,53.3811,-1.4701\n");
        var run = await _cli.RunAsync("import", "onspd", csv);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the header has no pcds, lat, long column", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await _cli.CountsAsync())["gazetteer_postcode"]);
    }

    [Fact]
    public async Task An_unknown_command_or_missing_option_is_an_error_not_a_crash()
    {
        var run = await _cli.RunAsync("generate", "--seed", "1");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--services", run.Error, StringComparison.Ordinal);
    }
}
