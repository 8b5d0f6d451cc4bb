using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.Commissioning;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;
using Waymark.Web.Accounts;
using Waymark.Web.Commissioning;

namespace Waymark.Web.Pages.Commissioning;

/// <summary>
/// Coverage for a commissioner: services per 100,000 adults in each authority of the regions their areas lie in,
/// by kind, beside deprivation; as a tile map, bars with intervals, tables, CSV and the services behind a figure
/// as ORUK. Services are public listings, so their counts are shown as they are (ADR 0018); every read is audited.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext reads, TimeProvider time) : PageModel
{
    public IReadOnlyList<LocalAuthority> Areas { get; private set; } = [];

    public IReadOnlyList<CoverageReport> Regions { get; private set; } = [];

    /// <summary>When the figures shown were refreshed; null when they were worked out for this request.</summary>
    public DateTimeOffset? RefreshedAt { get; private set; }

    /// <summary>"Figures refreshed at 14:05 on 4 December" in UK time, or that they were worked out now.</summary>
    public static string RefreshedText(DateTimeOffset? at) => at is { } t
        ? "Figures refreshed at " + Waymark.Core.Schedules.UkTime.ToLocal(t).ToString("HH:mm 'on' d MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + " (UK time)."
        : "Figures worked out when you opened this page.";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync("coverage", ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync("coverage csv", ct);
        var header = new List<string> { "region_code", "area_code", "area_name", "in_your_areas", "adults_18_plus_mid_2020", "deprivation_rank_of_average_rank", "deprivation_average_score", "share_neighbourhoods_most_deprived_10pc", "most_deprived_fifth", "flagged", "kind", "services", "per_100000_adults", "ci95_lower", "ci95_upper", "period", "source" };
        var at = Regions.Count > 0 ? Regions[0].At.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "";
        var rows = new List<IReadOnlyList<string>>();
        foreach (var region in Regions)
        {
            foreach (var a in region.Authorities)
            {
                var d = a.Figures?.Deprivation;
                foreach (var (kind, figure) in new[] { ("all", a.Total) }.Concat(ServiceKinds.All.Select(k => (k.Key, a.ByKind[k.Key]))))
                {
                    rows.Add([
                        region.RegionCode, a.Authority.Code, a.Authority.Name, Areas.Contains(a.Authority) ? "yes" : "no",
                        a.Figures?.AdultsMid2020?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                        d is null ? "" : RankText(d), Csv.Number(d?.AverageScore, "0.000"), Csv.Number(d?.ShareMostDeprived10Pc, "0.0000"),
                        a.MostDeprivedFifth ? "yes" : "no", a.Flagged ? "yes" : "no", kind,
                        figure?.Services.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Csv.Number(figure?.Rate), Csv.Number(figure?.Interval.Lower), Csv.Number(figure?.Interval.Upper),
                        at, $"{CoverageReport.Source}; {ReferenceData.AdultsSource}; {ReferenceData.DeprivationSource}",
                    ]);
                }
            }
        }
        return Csv.File($"coverage-{at}.csv", header, rows);
    }

    /// <summary>The active services behind one figure (an authority in the commissioner's areas, and optionally a kind), as ORUK 3.0.</summary>
    public async Task<IActionResult> OnGetOrukAsync(string? area, string? kind, CancellationToken ct)
    {
        Areas = await CommissionerAreas.ForUserAsync(db, User.Actor().UserId!.Value, ct);
        var authority = LocalAuthorities.Find(area);
        if (authority is null || !Areas.Contains(authority) || (kind is not null && ServiceKinds.Find(kind) is null))
        {
            return NotFound();
        }
        db.Audit(time, User.Actor(), AuditActions.CommissioningRead, "area", authority.Code, "coverage oruk" + (kind is null ? "" : " " + kind));
        await db.SaveChangesAsync(ct);
        var ids = await new Coverage(reads, time).ServiceIdsAsync(authority, kind, ct);
        return await OrukFile.ServicesAsync(reads, ids, $"services-{authority.Code}{(kind is null ? "" : "-" + kind)}.json", ct);
    }

    public static string RankText(Deprivation d) => d.RankFrom == d.RankTo
        ? d.RankFrom.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"{d.RankFrom}–{d.RankTo}";

    public static string RateText(RateFigure? f) => f is null ? "no population figure" : $"{f.Rate:0.0} ({f.Interval.Lower:0.0} to {f.Interval.Upper:0.0})";

    public IReadOnlyList<Svg.Tile> TilesFor(CoverageReport report)
    {
        var layout = TileLayouts.For([.. report.Authorities.Select(a => (a.Authority.Code, a.Authority.Name))]);
        return [.. report.Authorities.Select((a, i) => new Svg.Tile(a.Authority.Code, layout[i].Abbreviation, a.Authority.Name, layout[i].Row, layout[i].Col, a.Total?.Rate, a.Total is null ? "no figure" : $"{a.Total.Rate:0.0} services per 100,000 adults", a.Flagged))];
    }

    /// <summary>Four equal bands from the lowest to the highest rate in the region.</summary>
    public static IReadOnlyList<double> Bands(CoverageReport report)
    {
        var rates = report.Authorities.Where(a => a.Total is not null).Select(a => a.Total!.Rate).ToList();
        if (rates.Count == 0)
        {
            return [0];
        }
        double lo = Math.Floor(rates.Min()), hi = Math.Ceiling(rates.Max()), step = Math.Max((hi - lo) / 4, 0.1);
        return [lo, lo + step, lo + (2 * step), lo + (3 * step)];
    }

    private async Task LoadAsync(string what, CancellationToken ct)
    {
        var actor = User.Actor();
        Areas = await CommissionerAreas.ForUserAsync(db, actor.UserId!.Value, ct);
        var regionCodes = ReferenceData.RegionNames.Keys.Where(r => ReferenceData.UpperTierOf(r).Any(Areas.Contains)).Order(StringComparer.Ordinal).ToList();
        var coverage = new Coverage(reads, time);
        var reports = new List<CoverageReport>();
        var refreshed = new List<DateTimeOffset?>();
        foreach (var r in regionCodes)
        {
            // The snapshot when there is one (issue 16 item 9); worked out on the spot before the first refresh.
            if (await CommissioningSnapshots.CoverageAsync(reads, r, ct) is { } snapshot)
            {
                reports.Add(snapshot.Report);
                refreshed.Add(snapshot.RefreshedAt);
            }
            else
            {
                reports.Add(await coverage.ForRegionAsync(r, ct));
                refreshed.Add(null);
            }
        }
        Regions = reports;
        RefreshedAt = refreshed.Count > 0 && refreshed.All(x => x is not null) ? refreshed.Min() : null;
        db.Audit(time, actor, AuditActions.CommissioningRead, "areas", string.Join(";", Areas.Select(a => a.Code)), what);
        await db.SaveChangesAsync(ct);
    }
}
