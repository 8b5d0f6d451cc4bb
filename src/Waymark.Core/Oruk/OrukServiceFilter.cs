using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;

namespace Waymark.Core.Oruk;

/// <summary>
/// The filters of the ORUK <c>/services</c> and <c>/service_at_locations</c> lists. What SQL can do on both
/// engines runs in the database; schedules and distances are judged in memory on the survivors.
/// </summary>
public sealed record OrukServiceFilter
{
    /// <summary>Case-insensitive substring of the service's name, description or organisation's name.</summary>
    public string? Search { get; init; }
    public Guid? TaxonomyTermId { get; init; }
    public Guid? TaxonomyId { get; init; }
    public Guid? OrganizationId { get; init; }

    /// <summary>Services whose <c>last_modified</c> is at or after this instant.</summary>
    public DateTimeOffset? ModifiedAfter { get; init; }

    /// <summary>As the UK profile words it: the service's minimum age is at least this (no minimum counts as 0).</summary>
    public decimal? MinimumAge { get; init; }

    /// <summary>As the UK profile words it: the service's maximum age is at most this (no maximum never qualifies).</summary>
    public decimal? MaximumAge { get; init; }

    /// <summary>A schedule (on the service or one of its locations) that opens on this day...</summary>
    public DayOfWeek? Day { get; init; }

    /// <summary>...and whose opening overlaps [StartTime, EndTime), either end open when not given.</summary>
    public TimeOnly? StartTime { get; init; }
    public TimeOnly? EndTime { get; init; }

    /// <summary>A point and a radius: services with a located service-at-location within the radius.</summary>
    public (double Latitude, double Longitude)? Near { get; init; }
    public double ProximityMetres { get; init; }

    /// <summary>Candidates read at a time when a page's filters are judged in memory.</summary>
    private const int InMemoryBatch = 500;

    public bool FiltersSchedules => Day is not null || StartTime is not null || EndTime is not null;

    public IQueryable<Service> ApplyInDatabase(IQueryable<Service> services)
    {
        if (Search is { } search)
        {
            var term = search.ToLowerInvariant();
            // lower() + contains is the case-insensitive match that EF translates on both SQLite and PostgreSQL.
#pragma warning disable CA1862
            services = services.Where(s =>
                s.Name.ToLower().Contains(term)
                || (s.Description != null && s.Description.ToLower().Contains(term))
                || (s.Organization != null && s.Organization.Name.ToLower().Contains(term)));
#pragma warning restore CA1862
        }
        if (TaxonomyTermId is { } termId)
        {
            services = services.Where(s => s.Attributes.Any(a => a.TaxonomyTermId == termId));
        }
        if (TaxonomyId is { } taxonomyId)
        {
            services = services.Where(s => s.Attributes.Any(a => a.TaxonomyTerm!.TaxonomyId == taxonomyId));
        }
        if (OrganizationId is { } organizationId)
        {
            services = services.Where(s => s.OrganizationId == organizationId);
        }
        if (ModifiedAfter is { } after)
        {
            var utc = after.ToUniversalTime();
            services = services.Where(s => s.LastModified >= utc);
        }
        if (MinimumAge is { } min)
        {
            services = min <= 0
                ? services
                : services.Where(s => s.MinimumAge != null && s.MinimumAge >= min);
        }
        if (MaximumAge is { } max)
        {
            services = services.Where(s => s.MaximumAge != null && s.MaximumAge <= max);
        }
        return services;
    }

    /// <summary>
    /// One page of matching ids, in list order, and how many match in all. Without schedule or distance
    /// filters the database counts, orders and pages, so a page of a national directory reads one page of
    /// ids, not all of them. The list order has its own index (name in byte order, then id), so a page is a walk
    /// along that index only; a page in the second half is walked from the far end (in reverse order) and turned
    /// round, so no page walks more than half the list.
    /// </summary>
    public async Task<(List<Guid> Ids, int Total)> PageAsync(WaymarkDbContext db, int page, int perPage, CancellationToken ct = default)
    {
        var skip = (long)(page - 1) * perPage;
        if (FiltersSchedules || Near is not null)
        {
            // Judged in memory, so every candidate is read to count them; a batch at a time along the list's index,
            // keeping only the page's ids, so a national directory is never held whole (the graphs of 1M services
            // with their schedules and locations would be gigabytes).
            var matching = 0L;
            var ids = new List<Guid>();
            await foreach (var batch in BatchesAsync(db, InMemoryBatch, ct))
            {
                foreach (var id in batch)
                {
                    if (matching >= skip && ids.Count < perPage)
                    {
                        ids.Add(id);
                    }
                    matching++;
                }
            }
            return (ids, (int)matching);
        }
        var query = ApplyInDatabase(db.Services.AsNoTracking());
        var total = await query.CountAsync(ct);
        if (skip >= total)
        {
            return ([], total);
        }
        var take = (int)Math.Min(perPage, total - skip);
        var fromEnd = total - skip - take;
        if (fromEnd >= skip)
        {
            return (await InListOrder(db, query).Skip((int)skip).Take(take).Select(s => s.Id).ToListAsync(ct), total);
        }
        var reversed = await InReverseListOrder(db, query).Skip((int)fromEnd).Take(take).Select(s => s.Id).ToListAsync(ct);
        reversed.Reverse();
        return (reversed, total);
    }

    /// <summary>
    /// Name in byte order (the same on both engines, whatever the server's locale), then id, so pages
    /// never overlap or skip a record.
    /// </summary>
    public static IOrderedQueryable<Service> InListOrder(WaymarkDbContext db, IQueryable<Service> services) =>
        services.OrderBy(s => EF.Functions.Collate(s.Name, Database.OrdinalCollation(db))).ThenBy(s => s.Id);

    /// <summary>The list order backwards, for walking the list's index from its far end.</summary>
    public static IOrderedQueryable<Service> InReverseListOrder(WaymarkDbContext db, IQueryable<Service> services) =>
        services.OrderByDescending(s => EF.Functions.Collate(s.Name, Database.OrdinalCollation(db))).ThenByDescending(s => s.Id);

    /// <summary>
    /// The services after (name, id) in list order: a seek on the list's index, the key of keyset paging.
    /// </summary>
    public static IQueryable<Service> After(WaymarkDbContext db, string name, Guid id)
    {
        // Row values compare column by column, as the index is ordered; both engines seek the index with them.
        var sql = db.IsPostgres
            ? """SELECT * FROM service WHERE ("Name" COLLATE "C", "Id") > ({0} COLLATE "C", {1})"""
            : """SELECT * FROM service WHERE ("Name", "Id") > ({0}, {1})""";
        // SQLite holds a Guid as upper-case text (EF Core's mapping); a raw Guid parameter would bind as a blob.
        object key = db.IsPostgres ? id : id.ToString("D").ToUpperInvariant();
        return db.Services.FromSqlRaw(sql, name, key);
    }

    /// <summary>
    /// Every matching id, in list order, a batch at a time: each batch is a seek on the list's index after the
    /// last one, so the whole set is never held (a stream of a national directory holds one batch).
    /// </summary>
    public async IAsyncEnumerable<List<Guid>> BatchesAsync(WaymarkDbContext db, int batch, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        (string Name, Guid Id)? last = null;
        while (true)
        {
            var from = last is { } l ? After(db, l.Name, l.Id) : db.Services;
            var ordered = InListOrder(db, ApplyInDatabase(from.AsNoTracking()));
            List<Guid> ids;
            if (!FiltersSchedules && Near is null)
            {
                var rows = await ordered.Take(batch).Select(s => new { s.Name, s.Id }).ToListAsync(ct);
                if (rows.Count == 0)
                {
                    yield break;
                }
                last = (rows[^1].Name, rows[^1].Id);
                ids = [.. rows.Select(r => r.Id)];
                if (rows.Count < batch)
                {
                    yield return ids;
                    yield break;
                }
            }
            else
            {
                var candidates = await ordered.Take(batch)
                    .Include(s => s.Schedules)
                    .Include(s => s.ServiceAtLocations).ThenInclude(x => x.Schedules)
                    .Include(s => s.ServiceAtLocations).ThenInclude(x => x.Location)
                    .AsSplitQuery()
                    .ToListAsync(ct);
                if (candidates.Count == 0)
                {
                    yield break;
                }
                last = (candidates[^1].Name, candidates[^1].Id);
                ids = [.. candidates.Where(s => MatchesSchedules(s) && (Near is null || s.ServiceAtLocations.Any(x => IsNear(x.Location)))).Select(s => s.Id)];
                if (candidates.Count < batch)
                {
                    if (ids.Count > 0)
                    {
                        yield return ids;
                    }
                    yield break;
                }
            }
            if (ids.Count > 0)
            {
                yield return ids;
            }
        }
    }

    /// <summary>The ids of every matching service, in list order (name, then id).</summary>
    public async Task<List<Guid>> MatchingIdsAsync(WaymarkDbContext db, CancellationToken ct = default)
    {
        var query = ApplyInDatabase(db.Services.AsNoTracking());
        if (!FiltersSchedules && Near is null)
        {
            // Sorted here rather than in SQL so that both engines page in the same (ordinal) order.
            var rows = await query.Select(s => new { s.Name, s.Id }).ToListAsync(ct);
            return [.. rows.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id).Select(s => s.Id)];
        }
        var candidates = await query
            .Include(s => s.Schedules)
            .Include(s => s.ServiceAtLocations).ThenInclude(x => x.Schedules)
            .Include(s => s.ServiceAtLocations).ThenInclude(x => x.Location)
            .AsSplitQuery()
            .ToListAsync(ct);
        return [.. candidates
            .Where(s => MatchesSchedules(s) && (Near is null || s.ServiceAtLocations.Any(x => IsNear(x.Location))))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)
            .Select(s => s.Id)];
    }

    public bool MatchesSchedules(Service s) =>
        !FiltersSchedules || s.Schedules.Concat(s.ServiceAtLocations.SelectMany(x => x.Schedules)).Any(MatchesSchedule);

    public bool IsNear(Location? location) =>
        Near is not { } near
        || (location is { Latitude: { } lat, Longitude: { } lon }
            && Gazetteer.Gazetteer.DistanceKm(near.Latitude, near.Longitude, lat, lon) * 1000 <= ProximityMetres);

    private bool MatchesSchedule(Schedule schedule)
    {
        if (Day is { } day && !OpensOn(schedule, day))
        {
            return false;
        }
        if (StartTime is null && EndTime is null)
        {
            return true;
        }
        if (ParseTime(schedule.OpensAt) is not { } opens || ParseTime(schedule.ClosesAt) is not { } closes)
        {
            return false;
        }
        // An opening that runs past midnight is judged on the day it starts, up to midnight.
        var openMinutes = opens.Hour * 60 + opens.Minute;
        var closeMinutes = closes <= opens ? 24 * 60 : closes.Hour * 60 + closes.Minute;
        var from = StartTime is { } s ? s.Hour * 60 + s.Minute : 0;
        var to = EndTime is { } e ? e.Hour * 60 + e.Minute : 24 * 60;
        return openMinutes < to && from < closeMinutes;
    }

    private static bool OpensOn(Schedule schedule, DayOfWeek day) =>
        string.Equals(schedule.Freq, "WEEKLY", StringComparison.OrdinalIgnoreCase)
        && schedule.ByDay is { } byDay
        && byDay.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(d => d.EndsWith(DayCode(day), StringComparison.OrdinalIgnoreCase));

    public static string DayCode(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "MO",
        DayOfWeek.Tuesday => "TU",
        DayOfWeek.Wednesday => "WE",
        DayOfWeek.Thursday => "TH",
        DayOfWeek.Friday => "FR",
        DayOfWeek.Saturday => "SA",
        _ => "SU",
    };

    /// <summary>"MO" or "monday" (any case) → Monday; anything else → null.</summary>
    public static DayOfWeek? ParseDay(string text)
    {
        var t = text.Trim();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (string.Equals(t, DayCode(day), StringComparison.OrdinalIgnoreCase) || string.Equals(t, day.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return day;
            }
        }
        return null;
    }

    /// <summary>The leading HH:MM or HH:MM:SS of a schedule time (an offset after it is ignored).</summary>
    public static TimeOnly? ParseTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var t = text.Trim();
        var end = t.Length >= 8 && t[5] == ':' ? 8 : Math.Min(5, t.Length);
        return TimeOnly.TryParseExact(t[..end], ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;
    }
}
