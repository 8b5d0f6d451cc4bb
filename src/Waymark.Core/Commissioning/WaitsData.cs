using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;
using Waymark.Core.Listings;
using Waymark.Core.Referrals;
using Waymark.Core.Schedules;

namespace Waymark.Core.Commissioning;

/// <summary>
/// Everything a <see cref="WaitsReport"/> is made from, read once (issue 16 item 9): the referrals made in the last
/// <see cref="WaitsReport.WindowDays"/> days with their status changes, streamed in one pass and reduced as they come
/// to each service's counts by measure and its days to offer and to start; where each referred service counts; and
/// the active listings by authority. A report for any set of areas is then put together from the services in them,
/// so a refresh reads the referrals once for every commissioner, and no step scans all referrals for each service.
/// </summary>
public sealed class WaitsData
{
    private static readonly Dictionary<string, int> Column =
        WaitsReport.Measures.Select((m, i) => (m.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);

    private readonly Dictionary<Guid, ServiceFigures> _byService;
    private readonly Dictionary<Guid, IReadOnlyList<LocalAuthority>> _places;
    private readonly Dictionary<Guid, (string Name, string? Organisation)> _names;
    private readonly Dictionary<LocalAuthority, (int Active, int Overdue)> _listings;
    private readonly int _nationalRemote;
    private readonly DateTimeOffset _now;

    private WaitsData(
        Dictionary<Guid, ServiceFigures> byService,
        Dictionary<Guid, IReadOnlyList<LocalAuthority>> places,
        Dictionary<Guid, (string Name, string? Organisation)> names,
        Dictionary<LocalAuthority, (int Active, int Overdue)> listings,
        int nationalRemote,
        DateTimeOffset now)
    {
        _byService = byService;
        _places = places;
        _names = names;
        _listings = listings;
        _nationalRemote = nationalRemote;
        _now = now;
    }

    /// <summary>One service's referrals: a count for each measure, and the days to offer and to start of those that got there.</summary>
    private sealed class ServiceFigures
    {
        public long[] Counts { get; } = new long[WaitsReport.Measures.Count];

        public List<double> ToOffer { get; } = [];

        public List<double> ToStart { get; } = [];
    }

    public static async Task<WaitsData> ReadAsync(WaymarkDbContext db, TimeProvider time, Coverage coverage, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(coverage);
        var now = time.GetUtcNow();
        var since = now.AddDays(-WaitsReport.WindowDays);
        var referred = db.Referrals.AsNoTracking().Where(r => r.CreatedAt >= since);

        // Response times first (one attribute a service at most), so each referral can be reduced to its figures as it
        // is read. Every service's, not only the referred ones': referrals have no index by service, and a subquery per
        // attribute would scan them all each time.
        var stated = await db.ServiceAttributes.AsNoTracking()
            .Where(a => a.TaxonomyTermId == ReferralFollowUps.ResponseTimeTerm)
            .Select(a => new { a.ServiceId, a.Value })
            .ToListAsync(ct);
        var responseDays = new Dictionary<Guid, int>();
        foreach (var a in stated)
        {
            if (Staleness.StatedResponseDays(a.Value) is { } n)
            {
                responseDays[a.ServiceId] = n;
            }
        }

        // One pass over the referrals and their events, joined and in referral order, never all held at once. Only
        // what the figures need: never the note (Reason) or anyone's name.
        var byService = new Dictionary<Guid, ServiceFigures>();
        var referrals = referred
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.ServiceId,
                r.CreatedAt,
                Events = r.Events.Select(e => new { e.To, e.ReasonCode, e.OccurredAt }).ToList(),
            })
            .AsAsyncEnumerable();
        await foreach (var r in referrals.WithCancellation(ct))
        {
            var events = r.Events.OrderBy(e => e.OccurredAt).Select(e => (e.To, e.ReasonCode, e.OccurredAt)).ToList();
            var facts = WaitsReport.Facts(r.ServiceId, r.CreatedAt, events, responseDays.TryGetValue(r.ServiceId, out var d) ? d : null, now);
            if (!byService.TryGetValue(r.ServiceId, out var figures))
            {
                byService[r.ServiceId] = figures = new ServiceFigures();
            }
            foreach (var key in facts.Measures)
            {
                figures.Counts[Column[key]]++;
            }
            if (facts.DaysToOffer is { } offer)
            {
                figures.ToOffer.Add(offer);
            }
            if (facts.DaysToStart is { } start)
            {
                figures.ToStart.Add(start);
            }
        }

        var places = await coverage.PlacesAsync(byService.Keys, ct);
        var nationalRemote = byService.Where(s => places.TryGetValue(s.Key, out var p) && p.Count == 0).Sum(s => (int)s.Value.Counts[0]);
        var ids = byService.Keys.ToArray();
        var names = (await db.Services.AsNoTracking()
            .Where(s => EF.Parameter(ids).Contains(s.Id))
            .Select(s => new { s.Id, s.Name, Organisation = s.Organization!.Name })
            .ToListAsync(ct))
            .ToDictionary(s => s.Id, s => (s.Name, (string?)s.Organisation));

        var today = UkTime.DateOf(now);
        var listings = new Dictionary<LocalAuthority, (int Active, int Overdue)>();
        foreach (var l in await coverage.ActiveListingsAsync(ct))
        {
            var overdue = ListingFreshness.Of(l.Assured, today) != Freshness.Fresh ? 1 : 0;
            foreach (var a in l.Places.Distinct())
            {
                var (active, over) = listings.GetValueOrDefault(a);
                listings[a] = (active + 1, over + overdue);
            }
        }
        return new WaitsData(byService, places, names, listings, nationalRemote, now);
    }

    /// <summary>The report for one set of areas, as <see cref="WaitsReport"/> describes it.</summary>
    public WaitsReport For(IReadOnlyList<LocalAuthority> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var since = _now.AddDays(-WaitsReport.WindowDays);
        var inAreas = WaitsReport.InAreas(_places, areas);
        var services = inAreas.Where(_byService.ContainsKey)
            .OrderBy(id => _names.TryGetValue(id, out var n) ? n.Name : "", StringComparer.Ordinal).ThenBy(id => id).ToList();
        // Which of the services (by position) count in each area.
        var inArea = areas.Select(a => services.Select((id, i) => (id, i)).Where(s => _places[s.id].Contains(a)).Select(s => s.i).ToArray()).ToArray();

        // Rows: each service, then each authority, then all the areas; figures row by row in Measures order.
        var m = WaitsReport.Measures.Count;
        var rowCount = services.Count + areas.Count + 1;
        var all = rowCount - 1;
        var figures = new long[rowCount * m];
        void Add(int row, long[] counts)
        {
            for (var c = 0; c < m; c++)
            {
                figures[(row * m) + c] += counts[c];
            }
        }
        for (var i = 0; i < services.Count; i++)
        {
            Add(i, _byService[services[i]].Counts);
            Add(all, _byService[services[i]].Counts);
        }
        for (var a = 0; a < areas.Count; a++)
        {
            foreach (var i in inArea[a])
            {
                Add(services.Count + a, _byService[services[i]].Counts);
            }
        }

        int Index(int row, string key) => (row * m) + Column[key];
        var sums = new List<int[]>();
        for (var row = 0; row < rowCount; row++)
        {
            foreach (var keys in WaitsReport.RowSums)
            {
                sums.Add([.. keys.Select(k => Index(row, k))]);
            }
        }
        foreach (var measure in WaitsReport.Measures)
        {
            for (var a = 0; a < areas.Count; a++)
            {
                if (inArea[a].Length > 0)
                {
                    sums.Add([.. inArea[a].Select(i => Index(i, measure.Key)), Index(services.Count + a, measure.Key)]);
                }
            }
            if (services.Count > 0)
            {
                sums.Add([.. Enumerable.Range(0, services.Count).Select(i => Index(i, measure.Key)), Index(all, measure.Key)]);
            }
        }
        var hidden = Suppression.Apply(figures, sums);

        WaitsRow Row(int row, WaitsRowKind kind, string code, string name, string? organisation, IEnumerable<ServiceFigures> of) => new(
            kind, code, name, organisation,
            WaitsReport.Measures.Select((x, c) => (x.Key, c)).ToDictionary(x => x.Key, x => figures[(row * m) + x.c]),
            WaitsReport.Measures.Select((x, c) => (x.Key, c)).ToDictionary(x => x.Key, x => hidden[(row * m) + x.c]),
            WaitsReport.Waits([.. of.SelectMany(f => f.ToOffer)]),
            WaitsReport.Waits([.. of.SelectMany(f => f.ToStart)]));

        return new WaitsReport(
            areas,
            [.. services.Select((id, i) => Row(i, WaitsRowKind.Service, id.ToString(), _names[id].Name, _names[id].Organisation, [_byService[id]]))],
            [.. areas.Select((a, i) => Row(services.Count + i, WaitsRowKind.Authority, a.Code, a.Name, null, inArea[i].Select(s => _byService[services[s]])))],
            Row(all, WaitsRowKind.All, "all", "All your areas", null, services.Select(id => _byService[id])),
            [.. areas.Select(a => (a, Checks: _listings.GetValueOrDefault(a))).Select(x => new ListingChecks(x.a, x.Checks.Active, x.Checks.Overdue))],
            _nationalRemote,
            UkTime.DateOf(since),
            UkTime.DateOf(_now),
            _now);
    }
}
