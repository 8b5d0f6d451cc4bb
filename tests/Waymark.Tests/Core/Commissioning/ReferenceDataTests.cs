using Waymark.Core.Commissioning;
using Waymark.Core.Gazetteer;

namespace Waymark.Tests.Core.Commissioning;

/// <summary>The shipped reference tables join on one code per authority (data/reference/SOURCES.md).</summary>
public sealed class ReferenceDataTests
{
    private const string YorkshireAndTheHumber = "E12000003";

    [Fact]
    public void The_15_Yorkshire_and_the_Humber_authorities_join_every_table_without_gaps_or_duplicates()
    {
        var authorities = ReferenceData.UpperTierOf(YorkshireAndTheHumber);

        Assert.Equal(15, authorities.Count);
        Assert.Equal(15, authorities.Select(a => a.Code).Distinct().Count());
        Assert.Equal(
            ["Barnsley", "Bradford", "Calderdale", "Doncaster", "East Riding of Yorkshire", "Kingston upon Hull", "Kirklees", "Leeds",
             "North East Lincolnshire", "North Lincolnshire", "North Yorkshire", "Rotherham", "Sheffield", "Wakefield", "York"],
            authorities.Select(a => a.Name));
        foreach (var a in authorities)
        {
            var f = ReferenceData.For(a);
            Assert.NotNull(f);
            Assert.True(f.AdultsMid2020 > 100_000, a.Name);
            Assert.True(f.Census2021 > f.AdultsMid2020, a.Name);
            Assert.NotNull(f.Deprivation);
            Assert.Equal(1, f.Deprivation.Districts);
        }
    }

    [Theory]
    // IoD2025 uses Barnsley's and Sheffield's old codes; the rows must land on the new ones.
    [InlineData("E08000016", "E08000038", 30.057, 40)]
    [InlineData("E08000019", "E08000039", 27.574, 90)]
    [InlineData("E06000010", "E06000010", 37.206, 14)]
    public void Deprivation_rows_under_old_codes_join_to_the_authority_now(string sourceCode, string code, double score, int rank)
    {
        var authority = LocalAuthorities.Find(sourceCode);

        Assert.NotNull(authority);
        Assert.Equal(code, authority.Code);
        var d = ReferenceData.For(authority)!.Deprivation!;
        Assert.Equal(score, d.AverageScore, 3);
        Assert.Equal(rank, d.RankFrom);
    }

    [Fact]
    public void North_Yorkshires_census_population_is_the_sum_of_its_seven_former_districts()
    {
        var rows = File.ReadAllLines(Path.Combine(RepoRoot(), "data", "reference", "population-census2021-lad.csv"))
            .Skip(1).Select(l => l.Split(',')).ToList();
        var districts = rows.Where(f => string.CompareOrdinal(f[0], "E07000163") >= 0 && string.CompareOrdinal(f[0], "E07000169") <= 0).ToList();

        Assert.Equal(7, districts.Count);
        Assert.Equal(districts.Sum(f => long.Parse(f[^1], System.Globalization.CultureInfo.InvariantCulture)), ReferenceData.For(LocalAuthorities.Find("North Yorkshire")!)!.Census2021);
    }

    [Fact]
    public void A_county_made_of_districts_gets_a_population_weighted_score_and_the_range_of_its_ranks()
    {
        var kent = LocalAuthorities.Find("Kent")!;

        var d = ReferenceData.For(kent)!.Deprivation!;

        Assert.True(d.Districts > 5);
        Assert.True(d.RankFrom < d.RankTo);
    }

    [Fact]
    public void Only_Cumbria_which_was_abolished_fails_to_join() =>
        Assert.Equal(["E10000006"], ReferenceData.Unjoined);

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Waymark.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Waymark.sln not found above the test folder.");
    }
}
