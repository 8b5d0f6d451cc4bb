using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Matching;
using Waymark.Core.Schedules;

namespace Waymark.Bench;

/// <summary>
/// The way most directories search: one EF Core query per search against the database — the hard filters as
/// WHERE clauses with EXISTS over attributes, costs and schedules, then ORDER BY a squared-degree distance to the
/// nearest location, LIMIT 10. No ranking by fit, no reasons; it only has to find and order, so it is a generous
/// baseline for the matcher, which does much more per search.
/// </summary>
public static class PostgresBaseline
{
    public const string EnvironmentVariable = "WAYMARK_BENCH_POSTGRES";

    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public static string? ConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } c ? c : null;

    public static async Task<List<Guid>> SearchAsync(WaymarkDbContext db, MatchQuery q, CancellationToken ct = default)
    {
        var services = db.Services.AsNoTracking().Where(s => s.Status == ServiceStatus.Active);

        var localIds = TermIds(Codes.Local);
        var remoteIds = TermIds(Codes.Remote);
        var accepted = q.Delivery ?? Codes.AnyDelivery;
        var acceptedLocal = TermIds(accepted & Codes.Local);
        var acceptedRemote = TermIds(accepted & Codes.Remote);
        if (q.Delivery is not null)
        {
            var ids = TermIds(accepted);
            services = services.Where(s => s.Attributes.Any(a => ids.Contains(a.TaxonomyTermId)));
        }
        if (q.Format is { } format)
        {
            var ids = TermIds(format);
            services = services.Where(s => s.Attributes.Any(a => ids.Contains(a.TaxonomyTermId)));
        }
        if (q.SelfAccessOnly)
        {
            var ids = TermIds(Codes.SelfAccess);
            services = services.Where(s => s.Attributes.Any(a => ids.Contains(a.TaxonomyTermId)));
        }
        if (q.FreeOnly)
        {
            services = services.Where(s => !s.CostOptions.Any(c => c.Amount > 0));
        }
        if (q.Age is { } years)
        {
            var age = (decimal)years;
            services = services.Where(s => (s.MinimumAge == null || s.MinimumAge <= age) && (s.MaximumAge == null || s.MaximumAge >= age));
        }
        foreach (var need in TermIds(q.Needs))
        {
            services = services.Where(s => s.Attributes.Any(a => a.TaxonomyTermId == need));
        }
        if (q.Language is { } language)
        {
            services = services.Where(s => s.Languages.Any(l => l.Code == language));
        }
        if (q.OpenNow)
        {
            var local = UkTime.ToLocal(q.At ?? Directories.BuiltAt);
            var day = Days[((int)local.DayOfWeek + 6) % 7];
            var time = local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            services = services.Where(s =>
                s.Schedules.Any(h => h.ByDay!.Contains(day) && string.Compare(h.OpensAt, time) <= 0 && string.Compare(h.ClosesAt, time) > 0)
                || s.ServiceAtLocations.Any(x => x.Schedules.Any(h => h.ByDay!.Contains(day) && string.Compare(h.OpensAt, time) <= 0 && string.Compare(h.ClosesAt, time) > 0)));
        }
        if (q.When != WhenWindows.None)
        {
            var weekend = (q.When & WhenWindows.Weekend) != 0;
            var evening = (q.When & WhenWindows.WeekdayEvening) != 0;
            var daytime = (q.When & WhenWindows.WeekdayDaytime) != 0;
            services = services.Where(s =>
                s.Schedules.Concat(s.ServiceAtLocations.SelectMany(x => x.Schedules)).Any(h =>
                    (weekend && (h.ByDay!.Contains("SA") || h.ByDay!.Contains("SU")))
                    || (evening && string.Compare(h.ClosesAt, "18:00") > 0)
                    || (daytime && string.Compare(h.OpensAt, "17:00") < 0)));
        }

        if (q.Place is not { } place)
        {
            return await services
                .Where(s => s.Attributes.Any(a => acceptedRemote.Contains(a.TaxonomyTermId)))
                .OrderBy(s => s.Name)
                .Select(s => s.Id)
                .Take(q.Limit)
                .ToListAsync(ct);
        }

        var lat = place.Latitude;
        var lon = place.Longitude;
        var kx = Math.Cos(lat * Math.PI / 180);
        var radius = q.WithinKm / 111.2;
        var radiusSquared = radius * radius;
        var withDistance = services.Select(s => new
        {
            s.Id,
            s.Name,
            Remote = s.Attributes.Any(a => acceptedRemote.Contains(a.TaxonomyTermId)),
            Local = s.Attributes.Any(a => acceptedLocal.Contains(a.TaxonomyTermId)),
            Distance = s.ServiceAtLocations
                .Where(x => x.Location!.Latitude != null)
                .Min(x => (double?)(((x.Location!.Latitude!.Value - lat) * (x.Location!.Latitude!.Value - lat))
                    + ((x.Location!.Longitude!.Value - lon) * kx * (x.Location!.Longitude!.Value - lon) * kx))),
        });
        return await withDistance
            .Where(s => (s.Local && s.Distance <= radiusSquared) || s.Remote)
            .OrderBy(s => s.Distance == null || s.Distance > radiusSquared)
            .ThenBy(s => s.Distance)
            .ThenBy(s => s.Name)
            .Select(s => s.Id)
            .Take(q.Limit)
            .ToListAsync(ct);
    }

    private static List<Guid> TermIds(UInt128 codes) => [.. Codes.Terms(codes).Select(t => Vocabulary.TermId(t.Code))];
}
