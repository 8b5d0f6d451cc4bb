using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.Commissioning;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;
using Waymark.Web.Accounts;
using Waymark.Web.Commissioning;

namespace Waymark.Web.Pages.Commissioning;

/// <summary>Waits and outcomes of referrals in a commissioner's areas over 180 days, small counts hidden; audited.</summary>
public sealed class WaitsModel(WaymarkDbContext db, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext reads, TimeProvider time) : PageModel
{
    /// <summary>The figures; on the page, <see cref="WaitsReport.Services"/> holds only the services on this page.</summary>
    public WaitsReport Report { get; private set; } = null!;

    /// <summary>The page of the by-service tables shown, from 1, and how many there are.</summary>
    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    /// <summary>Every service in the figures, on all pages.</summary>
    public int ServiceCount { get; private set; }

    /// <summary>When the figures shown were refreshed; null when they were worked out for this request.</summary>
    public DateTimeOffset? RefreshedAt { get; private set; }

    /// <summary>The page, with the by-service tables (from the query string: "page" alone is Razor Pages' own route value) <see cref="WaitsReport.ServicesPerPage"/> services at a time (<paramref name="page"/> from 1).</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] string? page, CancellationToken ct)
    {
        // A page that is not a number or is out of range shows the nearest one there is: never an error.
        var wanted = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Max(1, n) : 1;
        await LoadAsync("waits", wanted, ct);
        return Page();
    }

    /// <summary>The address of a page of the by-service tables.</summary>
    public static string PageLink(int page) => page == 1 ? "/commissioning/waits#by-service" : FormattableString.Invariant($"/commissioning/waits?page={page}#by-service");

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync("waits csv", null, ct);
        var r = Report;
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in r.Authorities.Append(r.All).Concat(r.Services))
        {
            var kind = row.Kind.ToString().ToLowerInvariant();
            foreach (var m in WaitsReport.Measures)
            {
                var share = m.Key == WaitsReport.Referrals ? null : row.Share(m.Key);
                rows.Add([kind, row.Code, row.Name, row.Organisation ?? "", Iso(r.From), Iso(r.To), m.Key, m.Label, row.Show(m.Key),
                    Csv.Number(share?.Share, "0.0000"), Csv.Number(share?.Interval.Lower, "0.0000"), Csv.Number(share?.Interval.Upper, "0.0000"), "", "", "", "", "", WaitsReport.Source]);
            }
            foreach (var (key, w) in new[] { ("days_to_offer", row.ToOffer), ("days_to_start", row.ToStart) })
            {
                if (w is not null)
                {
                    rows.Add([kind, row.Code, row.Name, row.Organisation ?? "", Iso(r.From), Iso(r.To), key, key == "days_to_offer" ? "Days from referral to offer" : "Days from referral to start", "",
                        "", "", "", Csv.Number(w.P10), Csv.Number(w.Q1), Csv.Number(w.Median), Csv.Number(w.Q3), Csv.Number(w.P90), WaitsReport.Source]);
                }
            }
        }
        foreach (var l in r.Listings)
        {
            rows.Add(["authority", l.Authority.Code, l.Authority.Name, "", Iso(r.To), Iso(r.To), "listings_active", "Active listings", l.Active.ToString(CultureInfo.InvariantCulture), "", "", "", "", "", "", "", "", WaitsReport.ListingsSource]);
            rows.Add(["authority", l.Authority.Code, l.Authority.Name, "", Iso(r.To), Iso(r.To), "listings_overdue_check", "Listings overdue a check", l.Overdue.ToString(CultureInfo.InvariantCulture), "", "", "", "", "", "", "", "", WaitsReport.ListingsSource]);
        }
        return Csv.File($"waits-and-outcomes-{Iso(r.To)}.csv",
            ["row_kind", "code", "name", "organisation", "period_from", "period_to", "measure", "measure_name", "count", "share", "ci95_lower", "ci95_upper", "p10_days", "q1_days", "median_days", "q3_days", "p90_days", "source"], rows);
    }

    /// <summary>
    /// The services counted in one authority's figures (<paramref name="area"/>, one of the commissioner's) or one
    /// service's row (<paramref name="service"/>, counted in their areas), as ORUK 3.0: listings, never a person; audited.
    /// </summary>
    public async Task<IActionResult> OnGetOrukAsync(string? area, string? service, CancellationToken ct)
    {
        var actor = User.Actor();
        var areas = await CommissionerAreas.ForUserAsync(db, actor.UserId!.Value, ct);
        IReadOnlyList<Guid> ids;
        string subjectType, subject;
        if (area is not null && service is null && LocalAuthorities.Find(area) is { } authority && areas.Contains(authority))
        {
            ids = await WaitsReport.ServiceIdsAsync(reads, time, [authority], ct: ct);
            (subjectType, subject) = ("area", authority.Code);
        }
        else if (area is null && Guid.TryParse(service, out var id))
        {
            ids = await WaitsReport.ServiceIdsAsync(reads, time, areas, [id], ct);
            if (ids.Count == 0)
            {
                return NotFound();
            }
            (subjectType, subject) = ("service", id.ToString());
        }
        else
        {
            return NotFound();
        }
        db.Audit(time, actor, AuditActions.CommissioningRead, subjectType, subject, "waits oruk");
        await db.SaveChangesAsync(ct);
        return await OrukFile.ServicesAsync(reads, ids, $"services-waits-{subject}.json", ct);
    }

    public static string OrukLink(WaitsRow row) => row.Kind switch
    {
        WaitsRowKind.Authority => "/commissioning/waits?handler=oruk&area=" + row.Code,
        WaitsRowKind.Service => "/commissioning/waits?handler=oruk&service=" + row.Code,
        _ => "",
    };

    /// <summary>"12 (25%, 14% to 40%)": a count with its share of referrals and the Wilson interval, when both are shown.</summary>
    public static string CountAndShare(WaitsRow row, string measure)
    {
        var shown = row.Show(measure);
        return measure != WaitsReport.Referrals && row.Share(measure) is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"{shown} ({s.Share:0%}, {s.Interval.Lower:0%} to {s.Interval.Upper:0%})")
            : shown;
    }

    public static string Days(double d) => d.ToString("0.0", CultureInfo.InvariantCulture);

    public static string WaitText(WaitFigures? w) => w is null
        ? "fewer than 8 referrals: not shown"
        : $"median {Days(w.Median)} (middle half {Days(w.Q1)} to {Days(w.Q3)})";

    public static IReadOnlyList<Svg.Box> Boxes(IEnumerable<WaitsRow> rows, Func<WaitsRow, WaitFigures?> which) =>
        [.. rows.Select(r => which(r) is { } w
            ? new Svg.Box(r.Name, w.P10, w.Q1, w.Median, w.Q3, w.P90, $"median {Days(w.Median)}")
            : new Svg.Box(r.Name, null, null, null, null, null, "too few"))];

    /// <summary>The figures with every service (<paramref name="page"/> null, for the CSV) or one page of them.</summary>
    private async Task LoadAsync(string what, int? page, CancellationToken ct)
    {
        var actor = User.Actor();
        var areas = await CommissionerAreas.ForUserAsync(db, actor.UserId!.Value, ct);
        // The snapshot when these areas had one at the last refresh (issue 16 item 9); else worked out on the spot.
        if (page is not { } wanted)
        {
            if (await CommissioningSnapshots.WaitsAsync(reads, areas, ct) is { } all)
            {
                (Report, RefreshedAt) = all;
            }
            else
            {
                Report = await WaitsReport.ForAsync(reads, time, areas, ct);
            }
            ServiceCount = Report.Services.Count;
        }
        else
        {
            if (await CommissioningSnapshots.WaitsPageAsync(reads, areas, wanted, ct) is { } snapshot)
            {
                (Report, ServiceCount, RefreshedAt) = snapshot;
                if (wanted > WaitsReport.PagesFor(ServiceCount))
                {
                    wanted = WaitsReport.PagesFor(ServiceCount);
                    (Report, ServiceCount, RefreshedAt) = (await CommissioningSnapshots.WaitsPageAsync(reads, areas, wanted, ct))!.Value;
                }
            }
            else
            {
                var full = await WaitsReport.ForAsync(reads, time, areas, ct);
                ServiceCount = full.Services.Count;
                wanted = Math.Min(wanted, WaitsReport.PagesFor(ServiceCount));
                Report = full with { Services = full.ServicesOnPage(wanted) };
            }
            PageNumber = wanted;
            PageCount = WaitsReport.PagesFor(ServiceCount);
        }
        db.Audit(time, actor, AuditActions.CommissioningRead, "areas", string.Join(";", areas.Select(a => a.Code)), what);
        await db.SaveChangesAsync(ct);
    }
}
