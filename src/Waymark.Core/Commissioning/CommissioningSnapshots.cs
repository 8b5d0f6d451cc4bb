using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;

namespace Waymark.Core.Commissioning;

/// <summary>One precomputed set of figures: a region's coverage counts, or the waits report for one set of areas.</summary>
public sealed class CommissioningSnapshot
{
    public string Key { get; set; } = "";
    public string Json { get; set; } = "";
    public DateTimeOffset RefreshedAt { get; set; }
}

/// <summary>The one row that says when the snapshots were last refreshed, and which run (on any node) holds the claim to refresh them.</summary>
public sealed class CommissioningRefresh
{
    public const int TheRow = 1;
    public int Id { get; set; } = TheRow;
    public Guid? ClaimToken { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
    public DateTimeOffset? RefreshedAt { get; set; }
}

/// <summary>
/// The coverage and waits figures, worked out ahead of time (issue 16 item 9) so that the pages read one
/// row instead of every service and referral. A refresh reads every active service once, counts coverage for every
/// region and works out the waits report for every set of areas a commissioner holds, by the same code as a page
/// working them out on the spot, and replaces the snapshots in one transaction. Only one node refreshes at a time:
/// a run must first claim the row <see cref="CommissioningRefresh"/> with a conditional update (a lease, so a node
/// that dies mid-refresh holds it only until <see cref="Lease"/> ends), and only when the last refresh is due.
/// </summary>
public sealed class CommissioningSnapshots(WaymarkDbContext db, TimeProvider time)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);

    public static string CoverageKey(string regionCode) => "coverage:" + regionCode;

    public static string WaitsKey(IEnumerable<LocalAuthority> areas) => "waits:" + string.Join(";", areas.Select(a => a.Code).Order(StringComparer.Ordinal));

    /// <summary>The key of one page (from 1) of a waits report's services.</summary>
    public static string WaitsPageKey(IEnumerable<LocalAuthority> areas, int page) => WaitsKey(areas) + "#services:" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Refreshes if no other run holds the claim and the last refresh is at least <paramref name="every"/> old; says whether it did.</summary>
    public async Task<bool> RefreshIfDueAsync(TimeSpan every, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (!await db.CommissioningRefreshes.AsNoTracking().AnyAsync(ct))
        {
            try
            {
                db.CommissioningRefreshes.Add(new CommissioningRefresh());
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node made it first.
            }
            db.ChangeTracker.Clear();
        }
        var token = Guid.NewGuid();
        var until = now + Lease;
        // A tick a little early still counts as due, so a node's own timer is not put off a whole interval.
        var dueIfBefore = now - (every * 0.9);
        var claimed = await db.CommissioningRefreshes
            .Where(r => r.Id == CommissioningRefresh.TheRow && (r.ClaimedUntil == null || r.ClaimedUntil < now) && (r.RefreshedAt == null || r.RefreshedAt <= dueIfBefore))
            .ExecuteUpdateAsync(x => x.SetProperty(r => r.ClaimToken, token).SetProperty(r => r.ClaimedUntil, until), ct);
        if (claimed == 0)
        {
            return false;
        }
        var refreshed = false;
        try
        {
            await RefreshAsync(ct);
            refreshed = true;
        }
        finally
        {
            // Let the claim go (only while it is still this run's); a failed run leaves the last refresh time as it was.
            var mine = db.CommissioningRefreshes.Where(r => r.Id == CommissioningRefresh.TheRow && r.ClaimToken == token);
            await (refreshed
                ? mine.ExecuteUpdateAsync(x => x.SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null).SetProperty(r => r.RefreshedAt, now), CancellationToken.None)
                : mine.ExecuteUpdateAsync(x => x.SetProperty(r => r.ClaimToken, (Guid?)null).SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null), CancellationToken.None));
        }
        return true;
    }

    /// <summary>Works every snapshot out again and replaces them all at once. Call it through <see cref="RefreshIfDueAsync"/> on a live site.</summary>
    public async Task<int> RefreshAsync(CancellationToken ct = default)
    {
        var at = time.GetUtcNow();
        var coverage = new Coverage(db, time);
        var rows = new List<CommissioningSnapshot>();
        foreach (var region in ReferenceData.RegionNames.Keys.Order(StringComparer.Ordinal))
        {
            rows.Add(new CommissioningSnapshot { Key = CoverageKey(region), Json = JsonSerializer.Serialize(await coverage.CountsAsync(region, ct)), RefreshedAt = at });
        }
        var areaSets = await AreaSetsAsync(ct);
        if (areaSets.Count > 0)
        {
            // The referrals are read once for every set of areas; each report is then put together from its services.
            var waits = await WaitsData.ReadAsync(db, time, coverage, ct);
            foreach (var areas in areaSets)
            {
                var report = waits.For(areas);
                rows.Add(new CommissioningSnapshot { Key = WaitsKey(areas), Json = JsonSerializer.Serialize(report.ToSnapshot()), RefreshedAt = at });
                rows.AddRange(report.ServicePages().Select((page, i) => new CommissioningSnapshot { Key = WaitsPageKey(areas, i + 1), Json = JsonSerializer.Serialize(page), RefreshedAt = at }));
            }
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.CommissioningSnapshots.ExecuteDeleteAsync(ct);
        db.CommissioningSnapshots.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count;
    }

    /// <summary>A region's coverage from the snapshot, with when it was refreshed; null when there is none yet.</summary>
    public static async Task<(CoverageReport Report, DateTimeOffset RefreshedAt)?> CoverageAsync(WaymarkDbContext db, string regionCode, CancellationToken ct = default)
    {
        var row = await ReadAsync(db, CoverageKey(regionCode), ct);
        return row is null ? null : (Coverage.FromCounts(JsonSerializer.Deserialize<CoverageCounts>(row.Json)!), row.RefreshedAt);
    }

    /// <summary>The waits report for exactly these areas from the snapshot, every service in it (for the CSV); null when these areas were not held by anyone at the last refresh.</summary>
    public static async Task<(WaitsReport Report, DateTimeOffset RefreshedAt)?> WaitsAsync(WaymarkDbContext db, IReadOnlyList<LocalAuthority> areas, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = await ReadAsync(db, WaitsKey(areas), ct);
        if (row is null)
        {
            return null;
        }
        var head = JsonSerializer.Deserialize<WaitsReport.Snapshot>(row.Json)!;
        var keys = Enumerable.Range(1, WaitsReport.PagesFor(head.ServiceCount)).Select(p => WaitsPageKey(areas, p)).ToList();
        var pages = (await db.CommissioningSnapshots.AsNoTracking().Where(s => keys.Contains(s.Key)).Select(s => new { s.Key, s.Json }).ToListAsync(ct))
            .ToDictionary(p => p.Key, p => p.Json, StringComparer.Ordinal);
        var services = keys.Where(pages.ContainsKey).SelectMany(k => JsonSerializer.Deserialize<List<WaitsReport.SnapshotRow>>(pages[k])!);
        return (WaitsReport.FromSnapshot(head, services), row.RefreshedAt);
    }

    /// <summary>
    /// The same with only the services on page <paramref name="page"/> (from 1; one past the last is empty), reading
    /// two rows, and how many services there are in all: what the waits page shows.
    /// </summary>
    public static async Task<(WaitsReport Report, int ServiceCount, DateTimeOffset RefreshedAt)?> WaitsPageAsync(WaymarkDbContext db, IReadOnlyList<LocalAuthority> areas, int page, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = new[] { WaitsKey(areas), WaitsPageKey(areas, page) };
        var rows = await db.CommissioningSnapshots.AsNoTracking().Where(s => keys.Contains(s.Key)).ToListAsync(ct);
        if (rows.Find(r => r.Key == keys[0]) is not { } row)
        {
            return null;
        }
        var head = JsonSerializer.Deserialize<WaitsReport.Snapshot>(row.Json)!;
        var services = rows.Find(r => r.Key == keys[1]) is { } p ? JsonSerializer.Deserialize<List<WaitsReport.SnapshotRow>>(p.Json)! : [];
        return (WaitsReport.FromSnapshot(head, services), head.ServiceCount, row.RefreshedAt);
    }

    private static Task<CommissioningSnapshot?> ReadAsync(WaymarkDbContext db, string key, CancellationToken ct) =>
        db.CommissioningSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Key == key, ct);

    /// <summary>Every set of areas a commissioner holds, as <see cref="CommissionerAreas.ForUserAsync"/> reads them, each once.</summary>
    private async Task<List<IReadOnlyList<LocalAuthority>>> AreaSetsAsync(CancellationToken ct)
    {
        var claims = await db.UserClaims.AsNoTracking().Where(c => c.ClaimType == CommissionerAreas.ClaimType).Select(c => new { c.UserId, c.ClaimValue }).ToListAsync(ct);
        return [.. claims.GroupBy(c => c.UserId)
            .Select(g => (IReadOnlyList<LocalAuthority>)[.. g.Select(c => LocalAuthorities.Find(c.ClaimValue)).OfType<LocalAuthority>().Distinct().OrderBy(a => a.Name, StringComparer.Ordinal)])
            .Where(s => s.Count > 0)
            .DistinctBy(WaitsKey)];
    }
}
