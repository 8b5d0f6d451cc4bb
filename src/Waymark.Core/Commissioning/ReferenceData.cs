using System.Collections.Frozen;
using System.Globalization;
using Waymark.Core.Gazetteer;

namespace Waymark.Core.Commissioning;

/// <summary>Deprivation of one authority, from the IoD2025 district figures.</summary>
/// <param name="Districts">How many IoD2025 districts it is made of; 1 for every unitary and metropolitan authority.</param>
/// <param name="AverageScore">The district's average score, or for several the Census-2021-population-weighted mean.</param>
/// <param name="RankFrom">Rank of average rank (1 = most deprived of 296): the district's, or the most deprived of several.</param>
/// <param name="RankTo">The least deprived district's rank; the same as <paramref name="RankFrom"/> for one district.</param>
/// <param name="ShareMostDeprived10Pc">Share of neighbourhoods in the most deprived 10% nationally (for several, population-weighted).</param>
public sealed record Deprivation(int Districts, double AverageScore, int RankFrom, int RankTo, double ShareMostDeprived10Pc);

/// <summary>The published figures for one upper-tier authority, joined on its current code.</summary>
public sealed record AuthorityFigures(LocalAuthority Authority, long? AdultsMid2020, long? AllAgesMid2020, long? Census2021, Deprivation? Deprivation);

/// <summary>
/// The reference tables of <c>data/reference</c> (embedded), each row joined to an authority of the gazetteer's
/// table through its code or an alias of it, so old and new codes meet (data/reference/SOURCES.md).
/// </summary>
public static class ReferenceData
{
    public const string DeprivationSource = "English Indices of Deprivation 2025 (MHCLG), by local authority district";
    public const string AdultsSource = "ONS mid-2020 population estimates, adults 18 and over";
    public const string CensusSource = "ONS Census 2021, usual residents, rounded to 100";
    public const string RegionsSource = "OHID Fingertips area list";
    public const int DistrictsRanked = 296;

    private static readonly Lazy<Loaded> Tables = new(Load);

    /// <summary>Codes in the tables that join to no authority (e.g. Cumbria, abolished in 2023).</summary>
    public static IReadOnlyList<string> Unjoined => Tables.Value.Unjoined;

    /// <summary>The upper-tier authorities of a region, as Fingertips lists them, by the region's code.</summary>
    public static IReadOnlyList<LocalAuthority> UpperTierOf(string regionCode) =>
        Tables.Value.Regions.TryGetValue(regionCode, out var list) ? list : [];

    public static IReadOnlyDictionary<string, string> RegionNames => Tables.Value.RegionNames;

    /// <summary>The figures for an upper-tier authority; null when it is not in the tables.</summary>
    public static AuthorityFigures? For(LocalAuthority authority) =>
        Tables.Value.Figures.TryGetValue(authority.Code, out var f) ? f : null;

    /// <summary>The authority a row's code stands for, as an upper-tier authority: a district is counted in its county.</summary>
    public static LocalAuthority? UpperTier(string code) =>
        LocalAuthorities.Find(code) is { } a ? a.Parent ?? a : null;

    private sealed record Loaded(
        FrozenDictionary<string, AuthorityFigures> Figures,
        FrozenDictionary<string, IReadOnlyList<LocalAuthority>> Regions,
        FrozenDictionary<string, string> RegionNames,
        IReadOnlyList<string> Unjoined);

    private sealed record District(double AverageScore, int Rank, double Share, long? Census);

    private static Loaded Load()
    {
        var unjoined = new List<string>();
        var census = new Dictionary<string, long>();
        foreach (var row in Rows("population-census2021-lad.csv"))
        {
            if (UpperTier(row["code"]) is { } a)
            {
                census[a.Code] = census.GetValueOrDefault(a.Code) + long.Parse(row["population_2021"], CultureInfo.InvariantCulture);
            }
            else
            {
                unjoined.Add(row["code"]);
            }
        }
        // Census for districts, to weight a county's districts by.
        var districtCensus = Rows("population-census2021-lad.csv")
            .Where(r => LocalAuthorities.Find(r["code"]) is not null)
            .GroupBy(r => LocalAuthorities.Find(r["code"])!.Code)
            .ToDictionary(g => g.Key, g => g.Sum(r => long.Parse(r["population_2021"], CultureInfo.InvariantCulture)));

        var districts = new Dictionary<string, List<District>>();
        foreach (var row in Rows("deprivation-iod2025-lad.csv"))
        {
            if (LocalAuthorities.Find(row["code"]) is not { } d)
            {
                unjoined.Add(row["code"]);
                continue;
            }
            var upper = d.Parent ?? d;
            (districts.TryGetValue(upper.Code, out var list) ? list : districts[upper.Code] = []).Add(new District(
                double.Parse(row["average_score"], CultureInfo.InvariantCulture),
                int.Parse(row["rank_of_average_rank"], CultureInfo.InvariantCulture),
                double.Parse(row["share_most_deprived_10pc"], CultureInfo.InvariantCulture),
                districtCensus.TryGetValue(d.Code, out var p) ? p : null));
        }

        var adults = new Dictionary<string, (long Adults, long All)>();
        foreach (var row in Rows("population-mid2020-utla.csv"))
        {
            if (UpperTier(row["code"]) is { } a)
            {
                var (ad, all) = adults.GetValueOrDefault(a.Code);
                adults[a.Code] = (ad + long.Parse(row["adults_18_plus"], CultureInfo.InvariantCulture), all + long.Parse(row["all_ages"], CultureInfo.InvariantCulture));
            }
            else
            {
                unjoined.Add(row["code"]);
            }
        }

        var regions = new Dictionary<string, List<LocalAuthority>>();
        var regionNames = new Dictionary<string, string>();
        foreach (var row in Rows("region-upper-tier.csv"))
        {
            regionNames[row["region_code"]] = row["region_name"];
            if (UpperTier(row["code"]) is { } a)
            {
                var list = regions.TryGetValue(row["region_code"], out var l) ? l : regions[row["region_code"]] = [];
                if (!list.Contains(a))
                {
                    list.Add(a);
                }
            }
            else
            {
                unjoined.Add(row["code"]);
            }
        }

        var codes = census.Keys.Concat(districts.Keys).Concat(adults.Keys).Distinct();
        var figures = codes.Select(code => new AuthorityFigures(
                LocalAuthorities.Find(code)!,
                adults.TryGetValue(code, out var ad) ? ad.Adults : null,
                adults.TryGetValue(code, out var all) ? all.All : null,
                census.TryGetValue(code, out var c) ? c : null,
                districts.TryGetValue(code, out var ds) ? Combine(ds) : null))
            .ToFrozenDictionary(f => f.Authority.Code, StringComparer.Ordinal);
        return new Loaded(
            figures,
            regions.ToFrozenDictionary(kv => kv.Key, kv => (IReadOnlyList<LocalAuthority>)kv.Value.OrderBy(a => a.Name, StringComparer.Ordinal).ToList()),
            regionNames.ToFrozenDictionary(),
            unjoined.Distinct().ToList());
    }

    /// <summary>One district as it is; several weighted by their Census 2021 population, with the range of their ranks (ranks are never averaged).</summary>
    private static Deprivation Combine(List<District> ds)
    {
        if (ds.Count == 1)
        {
            return new Deprivation(1, ds[0].AverageScore, ds[0].Rank, ds[0].Rank, ds[0].Share);
        }
        var weights = ds.Select(d => (double)(d.Census ?? 0)).ToArray();
        var total = weights.Sum();
        if (total <= 0)
        {
            weights = [.. ds.Select(_ => 1.0)];
            total = ds.Count;
        }
        return new Deprivation(
            ds.Count,
            ds.Select((d, i) => d.AverageScore * weights[i]).Sum() / total,
            ds.Min(d => d.Rank),
            ds.Max(d => d.Rank),
            ds.Select((d, i) => d.Share * weights[i]).Sum() / total);
    }

    private static IEnumerable<Dictionary<string, string>> Rows(string file)
    {
        var resource = "Waymark.Core.reference." + file;
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in Waymark.Core");
        using var reader = new StreamReader(stream);
        var header = OnspdImporter.SplitCsv(reader.ReadLine() ?? "");
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var f = OnspdImporter.SplitCsv(line);
            yield return header.Select((h, i) => (h, v: i < f.Count ? f[i] : "")).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal);
        }
    }
}
