using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;
using Waymark.Core.Schedules;

namespace Waymark.Core.Commissioning;

/// <summary>Services per 100,000 adults in one authority, with its 95% interval.</summary>
public sealed record RateFigure(int Services, double Rate, Interval Interval);

/// <summary>One authority's coverage, beside its deprivation.</summary>
public sealed record AuthorityCoverage(
    LocalAuthority Authority,
    AuthorityFigures? Figures,
    RateFigure? Total,
    IReadOnlyDictionary<string, RateFigure?> ByKind,
    bool MostDeprivedFifth,
    bool Flagged)
{
    public int Services => Total?.Services ?? 0;
}

/// <summary>A region's active services counted by authority and kind at <see cref="At"/>: what its coverage is made from.</summary>
public sealed record CoverageCounts(
    string RegionCode,
    IReadOnlyList<CoverageCounts.Authority> Authorities,
    int NationalRemote,
    IReadOnlyDictionary<string, int> NationalRemoteByKind,
    int AreaUnknown,
    DateTimeOffset At)
{
    public sealed record Authority(string Code, int Services, IReadOnlyDictionary<string, int> ByKind);
}

/// <summary>Coverage of a region's upper-tier authorities, worked out at <see cref="At"/>.</summary>
public sealed record CoverageReport(
    string RegionCode,
    string RegionName,
    IReadOnlyList<AuthorityCoverage> Authorities,
    double? RegionalMedianRate,
    int NationalRemote,
    IReadOnlyDictionary<string, int> NationalRemoteByKind,
    int AreaUnknown,
    DateTimeOffset At)
{
    public const string Source = "Waymark directory: active services";
}

/// <summary>
/// Where services are (ADR 0018): a service limited to areas counts for each authority it names (a district's
/// county); one open to everyone counts where its venues are; one open to everyone with no venue (by phone, text,
/// online) is national and remote and shown apart. A service counts once per authority, however many venues it has.
/// </summary>
public sealed class Coverage(WaymarkDbContext db, TimeProvider time)
{
    /// <summary>The most deprived fifth of the 296 districts ranked by IoD2025 (rank of average rank 1 to 59).</summary>
    public const int MostDeprivedFifthRank = ReferenceData.DistrictsRanked / 5;

    private List<ServiceRow>? _active;

    public async Task<CoverageReport> ForRegionAsync(string regionCode, CancellationToken ct = default) =>
        FromCounts(await CountsAsync(regionCode, ct));

    /// <summary>
    /// What a region's coverage is worked out from: its services by authority and kind, counted at one time. The
    /// snapshot (<see cref="CommissioningSnapshots"/>) keeps these, and the page makes its report from them with
    /// <see cref="FromCounts"/>, as it does from a count made on the spot.
    /// </summary>
    public async Task<CoverageCounts> CountsAsync(string regionCode, CancellationToken ct = default)
    {
        var authorities = ReferenceData.UpperTierOf(regionCode);
        var services = await ActiveAsync(ct);
        var counts = authorities.ToDictionary(a => a, _ => new KindTally());
        var national = new KindTally();
        var unknown = 0;
        foreach (var s in services)
        {
            if (s.National)
            {
                national.Add(s.Kinds);
            }
            unknown += s.AreaUnknown ? 1 : 0;
            foreach (var p in s.Places)
            {
                if (counts.TryGetValue(p, out var tally))
                {
                    tally.Add(s.Kinds);
                }
            }
        }
        return new CoverageCounts(
            regionCode,
            [.. authorities.Select(a => new CoverageCounts.Authority(a.Code, counts[a].Services, counts[a].ByKind()))],
            national.Services,
            national.ByKind(),
            unknown,
            time.GetUtcNow());
    }

    /// <summary>Services counted, and how many of them are of each kind.</summary>
    private sealed class KindTally
    {
        private readonly int[] _byKind = new int[ServiceKinds.All.Count];

        public int Services { get; private set; }

        public void Add(int kinds)
        {
            Services++;
            for (var k = 0; k < _byKind.Length; k++)
            {
                _byKind[k] += (kinds >> k) & 1;
            }
        }

        public Dictionary<string, int> ByKind() => ServiceKinds.All.Select((k, i) => (k.Key, _byKind[i])).ToDictionary();
    }

    /// <summary>The report from its counts: rates, intervals, the regional median and the flags.</summary>
    public static CoverageReport FromCounts(CoverageCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var regionCode = c.RegionCode;
        var rows = c.Authorities.Select(a => Row(LocalAuthorities.Find(a.Code)!, a.Services, a.ByKind)).ToList();
        var rates = rows.Where(r => r.Total is not null).Select(r => r.Total!.Rate).Order().ToArray();
        double? median = rates.Length == 0 ? null : rates.Length % 2 == 1 ? rates[rates.Length / 2] : (rates[(rates.Length / 2) - 1] + rates[rates.Length / 2]) / 2;
        rows = [.. rows.Select(r => r with { Flagged = r.MostDeprivedFifth && median is { } m && r.Total is { } t && t.Rate < m })];
        return new CoverageReport(
            regionCode,
            ReferenceData.RegionNames.GetValueOrDefault(regionCode, regionCode),
            rows,
            median,
            c.NationalRemote,
            c.NationalRemoteByKind,
            c.AreaUnknown,
            c.At);
    }

    /// <summary>The ids of the active services that count for an authority (for an ORUK export of a figure).</summary>
    public async Task<IReadOnlyList<Guid>> ServiceIdsAsync(LocalAuthority authority, string? kind, CancellationToken ct = default)
    {
        var k = kind is null ? null : ServiceKinds.Find(kind);
        var bit = k is null ? 0 : 1 << ServiceKinds.IndexOf(k);
        var services = await ActiveAsync(ct);
        return [.. services.Where(s => s.Places.Contains(authority) && (k is null || (s.Kinds & bit) != 0)).Select(s => s.Id)];
    }

    private static AuthorityCoverage Row(LocalAuthority a, int services, IReadOnlyDictionary<string, int> byKind)
    {
        var figures = ReferenceData.For(a);
        RateFigure? RateOf(int n)
        {
            if (figures?.AdultsMid2020 is not { } adults || adults <= 0)
            {
                return null;
            }
            var (rate, ci) = ConfidenceIntervals.Rate(n, adults);
            return new RateFigure(n, rate, ci);
        }
        var deprived = figures?.Deprivation is { } d && d.RankFrom <= MostDeprivedFifthRank;
        return new AuthorityCoverage(
            a,
            figures,
            RateOf(services),
            ServiceKinds.All.ToDictionary(k => k.Key, k => RateOf(byKind[k.Key])),
            deprived,
            Flagged: false);
    }

    /// <summary>Where each of these services counts (none for a national remote one), whatever its status: referrals to a service since closed still count where it was.</summary>
    public async Task<Dictionary<Guid, IReadOnlyList<LocalAuthority>>> PlacesAsync(IReadOnlyCollection<Guid> serviceIds, CancellationToken ct = default)
    {
        var services = await ReadAsync(ct, serviceIds);
        return services.ToDictionary(s => s.Id, s => s.Places);
    }

    /// <summary>Every active listing, where it counts, and when a person last checked it was true.</summary>
    public async Task<IReadOnlyList<(Guid Id, IReadOnlyList<LocalAuthority> Places, DateOnly? Assured)>> ActiveListingsAsync(CancellationToken ct = default)
    {
        var services = await ActiveAsync(ct);
        return [.. services.Select(s => (s.Id, s.Places, s.Assured))];
    }

    /// <summary>
    /// A service as coverage needs it, and no more: where it counts and which kinds it is (bit i for
    /// <c>ServiceKinds.All[i]</c>). A refresh holds one for every active service, so its vocabulary and timetable are
    /// not kept (at 1M services they were most of the refresh's memory).
    /// </summary>
    internal sealed record ServiceRow(Guid Id, IReadOnlyList<LocalAuthority> Places, bool National, bool AreaUnknown, int Kinds, DateOnly? Assured);

    private static ServiceRow RowOf(Guid id, AreaLimit limit, IReadOnlyList<LocalAuthority> venueAuthorities, ServiceKinds.ServiceFacts facts, DateOnly? assured)
    {
        var kinds = 0;
        for (var i = 0; i < ServiceKinds.All.Count; i++)
        {
            kinds |= ServiceKinds.All[i].Has(facts) ? 1 << i : 0;
        }
        if (limit.IsLimited)
        {
            return new(id, [.. limit.Authorities.Select(a => a.Parent ?? a).Distinct()], false, limit.Authorities.Count == 0, kinds, assured);
        }
        return venueAuthorities.Count > 0 ? new(id, venueAuthorities, false, false, kinds, assured) : new(id, [], true, false, kinds, assured);
    }

    /// <summary>Every active service, read once for this instance (a refresh works out every region and area from one read).</summary>
    private async Task<List<ServiceRow>> ActiveAsync(CancellationToken ct) => _active ??= await ReadAsync(ct);

    /// <summary>Services are read this many at a time, in id order, so a read of every service never holds more than a batch's related rows.</summary>
    internal int BatchSize { get; init; } = 5_000;

    private async Task<List<ServiceRow>> ReadAsync(CancellationToken ct, IReadOnlyCollection<Guid>? only = null)
    {
        var rows = new List<ServiceRow>();
        if (only is not null)
        {
            // Given ids are read a batch of ids at a time, once each: each query touches only its own services. They
            // go as one parameter (json_each on SQLite, an array on PostgreSQL), not as one parameter each: with tens
            // of thousands of ids, EF's processing of an IN list of parameters takes minutes (issue 16 item 9).
            foreach (var ids in only.Distinct().Chunk(BatchSize))
            {
                rows.AddRange(await ReadBatchAsync(db.Services.AsNoTracking().AsSplitQuery().Where(s => EF.Parameter(ids).Contains(s.Id)), ct));
            }
            return rows;
        }
        Guid? after = null;
        while (true)
        {
            var query = db.Services.AsNoTracking().AsSplitQuery().Where(s => s.Status == ServiceStatus.Active);
            if (after is { } last)
            {
                query = query.Where(s => s.Id.CompareTo(last) > 0);
            }
            var batch = await ReadBatchAsync(query.OrderBy(s => s.Id).Take(BatchSize), ct);
            rows.AddRange(batch);
            if (batch.Count < BatchSize)
            {
                return rows;
            }
            after = batch[^1].Id;
        }
    }

    private static async Task<List<ServiceRow>> ReadBatchAsync(IQueryable<Service> query, CancellationToken ct)
    {
        var services = await query
            .Select(s => new
            {
                s.Id,
                s.AssuredDate,
                Areas = s.ServiceAreas.Select(a => new ServiceArea { Name = a.Name, Description = a.Description, ExtentType = a.ExtentType }).ToList(),
                Terms = s.Attributes.Select(a => a.TaxonomyTermId).ToList(),
                Schedules = s.Schedules.ToList(),
                Venues = s.ServiceAtLocations
                    .Where(l => l.Location!.LocationType == "physical")
                    .Select(l => new { l.Location!.Latitude, l.Location.Longitude, Postcodes = l.Location.Addresses.Select(a => a.PostalCode).ToList() })
                    .ToList(),
            })
            .ToListAsync(ct);
        return [.. services.Select(s => RowOf(
            s.Id,
            AreaLimit.Of(s.Areas),
            [.. s.Venues.Select(v => VenueAuthority(v.Postcodes, v.Latitude, v.Longitude)).OfType<LocalAuthority>().Distinct()],
            new ServiceKinds.ServiceFacts(
                s.Terms.Select(t => Vocabulary.ById.TryGetValue(t, out var term) ? term.Code : null).OfType<string>().ToHashSet(StringComparer.Ordinal),
                OpeningHours.From(s.Schedules, closedOnBankHolidays: false)),
            s.AssuredDate))];
    }

    /// <summary>The upper-tier authority of a venue: its postcode district's, else the nearest postcode district's.</summary>
    private static LocalAuthority? VenueAuthority(IEnumerable<string> postcodes, double? lat, double? lon)
    {
        foreach (var pc in postcodes)
        {
            var outcode = pc.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            if (outcode is not null && Gazetteer.Gazetteer.Districts.TryGetValue(outcode, out var d) && LocalAuthorities.Find(d.LocalAuthority) is { } a)
            {
                return a.Parent ?? a;
            }
        }
        return lat is { } la && lon is { } lo && Gazetteer.Gazetteer.NearestDistrict(la, lo) is { } near && LocalAuthorities.Find(near.LocalAuthority) is { } n
            ? n.Parent ?? n
            : null;
    }
}
