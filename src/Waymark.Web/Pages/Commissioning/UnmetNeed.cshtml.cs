using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.Commissioning;
using Waymark.Core.Data;
using Waymark.Web.Accounts;
using Waymark.Web.Commissioning;

namespace Waymark.Web.Pages.Commissioning;

/// <summary>Searches that found nothing in a commissioner's areas over 12 weeks, with small counts hidden; audited.</summary>
public sealed class UnmetNeedModel(WaymarkDbContext db, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext reads, TimeProvider time) : PageModel
{
    public UnmetNeedReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync("unmet need", ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync("unmet need csv", ct);
        var r = Report;
        var rows = new List<IReadOnlyList<string>>();
        for (var a = 0; a <= r.Areas.Count; a++)
        {
            for (var w = 0; w <= r.WeekStarts.Count; w++)
            {
                rows.Add([
                    a < r.Areas.Count ? r.Areas[a].Code : "all", a < r.Areas.Count ? r.Areas[a].Name : "All your areas",
                    w < r.WeekStarts.Count ? Iso(r.WeekStarts[w]) : Iso(r.From), w < r.WeekStarts.Count ? Iso(r.WeekStarts[w].AddDays(6)) : Iso(r.To),
                    Suppression.Show(r.WithTotals[a, w], r.Hidden[a, w]), UnmetNeedReport.Source,
                ]);
            }
        }
        return Csv.File($"searches-that-found-nothing-{Iso(r.To)}.csv", ["area_code", "area_name", "week_from", "week_to", "searches", "source"], rows);
    }

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task LoadAsync(string what, CancellationToken ct)
    {
        var actor = User.Actor();
        var areas = await CommissionerAreas.ForUserAsync(db, actor.UserId!.Value, ct);
        Report = await UnmetNeedReport.ForAsync(reads, time, areas, ct);
        db.Audit(time, actor, AuditActions.CommissioningRead, "areas", string.Join(";", areas.Select(a => a.Code)), what);
        await db.SaveChangesAsync(ct);
    }
}
