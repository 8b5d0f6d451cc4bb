using Waymark.Core.Gazetteer;

namespace Waymark.Tests.Core.Areas;

/// <summary>The local authority table, and the gazetteer knowing the authorities of every district and place.</summary>
public sealed class LocalAuthoritiesTests
{
    public static TheoryData<string, string> YorkshireAndTheHumber => new()
    {
        { "Barnsley", "E08000038" }, { "Bradford", "E08000032" }, { "Calderdale", "E08000033" }, { "Doncaster", "E08000017" },
        { "East Riding of Yorkshire", "E06000011" }, { "Kingston upon Hull", "E06000010" }, { "Kirklees", "E08000034" },
        { "Leeds", "E08000035" }, { "North East Lincolnshire", "E06000012" }, { "North Lincolnshire", "E06000013" },
        { "North Yorkshire", "E06000065" }, { "Rotherham", "E08000018" }, { "Sheffield", "E08000039" }, { "Wakefield", "E08000036" },
        { "York", "E06000014" },
    };

    [Theory]
    [MemberData(nameof(YorkshireAndTheHumber))]
    public void Each_of_the_regions_15_authorities_is_found_by_name_and_by_code(string name, string code)
    {
        var byName = LocalAuthorities.Find(name);

        Assert.NotNull(byName);
        Assert.Equal(code, byName.Code);
        Assert.Same(byName, LocalAuthorities.Find(code));
        Assert.Same(byName, LocalAuthorities.Find(name.ToUpperInvariant()));
        Assert.Equal("Yorkshire and The Humber", byName.Region);
    }

    [Theory]
    [InlineData("Hull", "Kingston upon Hull")]
    [InlineData("Kingston upon Hull, City of", "Kingston upon Hull")]
    [InlineData("east riding", "East Riding of Yorkshire")]
    [InlineData("E08000016", "Barnsley")]
    [InlineData("E08000019", "Sheffield")]
    [InlineData("E10000023", "North Yorkshire")]
    [InlineData("E07000169", "North Yorkshire")]
    [InlineData(" Leeds ", "Leeds")]
    public void Aliases_and_retired_codes_stand_for_the_authority_now(string alias, string name) =>
        Assert.Equal(name, LocalAuthorities.Find(alias)?.Name);

    [Theory]
    [InlineData("Leeds City")]
    [InlineData("Yorkshire")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_an_authority(string? text) => Assert.Null(LocalAuthorities.Find(text));

    [Fact]
    public void A_county_covers_its_districts_and_no_one_else()
    {
        var nottinghamshire = LocalAuthorities.Find("Nottinghamshire")!;
        var bassetlaw = LocalAuthorities.Find("Bassetlaw")!;

        Assert.True(nottinghamshire.Covers(bassetlaw));
        Assert.True(bassetlaw.Covers(bassetlaw));
        Assert.False(bassetlaw.Covers(nottinghamshire));
        Assert.False(nottinghamshire.Covers(LocalAuthorities.Find("West Lindsey")!));
        Assert.All(LocalAuthorities.All.Where(a => a.Tier == AuthorityTier.District), d => Assert.Equal(AuthorityTier.County, d.Parent!.Tier));
    }

    [Fact]
    public void Every_authority_a_postcode_district_or_place_names_is_in_the_table()
    {
        var districts = Gazetteer.Districts.Values.ToList();
        var places = Gazetteer.Places.All().ToList();
        var named = districts.SelectMany(e => e.LocalAuthorityNames).Concat(places.Select(p => p.LocalAuthority)).Distinct().ToList();

        Assert.All(named, name => Assert.NotNull(LocalAuthorities.Find(name)));
        Assert.All(named, name => Assert.Equal(name, LocalAuthorities.Find(name)!.Name));
        Assert.All(districts.Select(e => e.LocalAuthority).Concat(places.Select(p => p.LocalAuthority)).Distinct(),
            name => Assert.NotEqual(AuthorityTier.County, LocalAuthorities.Find(name)!.Tier));
    }

    [Fact]
    public async Task Every_place_in_england_resolves_to_its_own_authority()
    {
        var gazetteer = new Gazetteer();
        var wrong = new List<string>();
        foreach (var p in Gazetteer.Places.All())
        {
            var place = await gazetteer.ResolveAsync(p.Label);
            var got = string.Join(",", place?.Authorities.Select(a => a.Name) ?? ["(not found)"]);
            if (got != p.LocalAuthority)
            {
                wrong.Add($"{p.Label}: {got}, not {p.LocalAuthority}");
            }
        }

        Assert.True(Gazetteer.Places.Count > 30_000);
        Assert.Empty(wrong.Take(20));
    }

    [Theory]
    [InlineData("BD11", "Kirklees", "Kirklees,Leeds")]
    [InlineData("BD20", "Bradford", "Bradford,North Yorkshire")]
    [InlineData("S36", "Barnsley", "Barnsley,Sheffield")]
    [InlineData("S63", "Barnsley", "Barnsley,Rotherham")]
    [InlineData("S64", "Rotherham", "Rotherham,Doncaster")]
    [InlineData("DN9", "North Lincolnshire", "North Lincolnshire,Doncaster")]
    [InlineData("DN36", "North East Lincolnshire", "North East Lincolnshire,East Lindsey")]
    [InlineData("DN38", "North Lincolnshire", "North Lincolnshire,West Lindsey")]
    [InlineData("DN14", "East Riding of Yorkshire", "East Riding of Yorkshire,North Yorkshire")]
    [InlineData("YO8", "North Yorkshire", "North Yorkshire,East Riding of Yorkshire")]
    [InlineData("LS1", "Leeds", "Leeds")]
    public async Task A_district_that_straddles_authorities_lies_in_each_and_counts_in_the_first(string outcode, string countedIn, string liesIn)
    {
        var place = await new Gazetteer().ResolveAsync(outcode);

        Assert.NotNull(place);
        Assert.Equal(countedIn, place.LocalAuthority);
        Assert.Equal(liesIn, string.Join(",", place.Authorities.Select(a => a.Name)));
    }

    [Theory]
    [InlineData("Skipton", "North Yorkshire")]
    [InlineData("Hull", "Kingston upon Hull")]
    [InlineData("53.9051,-1.99", "Bradford,North Yorkshire")]
    [InlineData("S1 2HE", "Sheffield")]
    public async Task A_place_postcode_or_point_knows_its_authorities(string near, string authorities)
    {
        var place = await new Gazetteer().ResolveAsync(near);

        Assert.Equal(authorities, string.Join(",", place!.Authorities.Select(a => a.Name)));
    }

    [Theory]
    [InlineData("E1,Leeds,metropolitan-district,,Yorkshire and The Humber,\nE2,Leeds City,metropolitan-district,,Yorkshire and The Humber,Leeds", "'Leeds' already stands for Leeds")]
    [InlineData("E1,Leeds,district,,Yorkshire and The Humber,", "only a district, has a parent_code")]
    [InlineData("E1,Leeds,metropolitan-district,E2,Yorkshire and The Humber,", "only a district, has a parent_code")]
    [InlineData("E1,Leeds,district,E2,Yorkshire and The Humber,", "is not a county in the table")]
    [InlineData("E1,Leeds,city,,Yorkshire and The Humber,", "unknown tier 'city'")]
    [InlineData("E1,Leeds,unitary,,Yorkshire and The Humber", "expected 6 fields")]
    public void A_table_breaking_the_agreed_format_is_refused_saying_why(string rows, string why)
    {
        using var reader = new StringReader("code,name,tier,parent_code,region,aliases\n" + rows + "\n");

        var e = Assert.Throws<FormatException>(() => LocalAuthorities.Parse(reader));

        Assert.Contains(why, e.Message, StringComparison.Ordinal);
    }
}
