using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Schedules;

namespace Waymark.Core.Matching;

/// <summary>
/// What the matcher needs to know about one active service, precomputed and compact: a million of these must fit
/// comfortably in memory. Locations, openings and languages live in shared pools, addressed by start and count.
/// </summary>
internal struct ServiceEntry
{
    public Guid Id;
    public string Name;
    public int Organization;
    public UInt128 Codes;

    /// <summary>NaN when the service sets no limit.</summary>
    public float MinimumAge;
    public float MaximumAge;
    public int LanguageStart;
    public byte LanguageCount;
    public bool Free;

    /// <summary>The provider's <c>expect:typical-wait-days</c>, or -1.</summary>
    public short TypicalWaitDays;

    /// <summary>Day number of <c>assured_date</c>, or -1.</summary>
    public int AssuredDay;
    public short LocationCount;
    public int OpeningStart;
    public byte OpeningCount;

    /// <summary>The <c>when</c> windows, when they are the same every week; otherwise worked out for the week asked about.</summary>
    public WhenWindows FixedWindows;
    public bool WindowsAreFixed;

    /// <summary>Its number in <see cref="DirectorySnapshot.AreaSets"/>: 0 for a service open to people anywhere.</summary>
    public int AreaSet;

    public readonly bool ClosedOnBankHolidays => Matching.Codes.Any(Codes, Matching.Codes.ClosedBankHolidays);
}

public readonly record struct OrganizationEntry(Guid Id, string Name);

/// <summary>Bits of <see cref="DirectorySnapshot.FactFlags"/>.</summary>
[Flags]
internal enum FactFlags : byte
{
    None = 0,
    Free = 1,
    HasTimes = 2,
    WindowsFixed = 4,
}

/// <summary>Remote services <c>Start</c> to <c>End - 1</c> (indexes of <see cref="DirectorySnapshot.Services"/>) all have exactly these remote delivery and format codes.</summary>
internal readonly record struct RemoteBucket(UInt128 Codes, int Start, int End);

/// <summary>
/// An immutable in-memory index of the active directory, built from the database in one pass, so that searching
/// never queries the database (docs/architecture.md, "The hot path"). In-person locations sit in a grid of 0.1° cells;
/// services offering remote delivery are listed apart.
/// </summary>
public sealed class DirectorySnapshot
{
    public const double CellDegrees = 0.1;
    private const int LonCells = 3601;

    private static readonly UInt128[] BucketCodes = [.. Codes.Terms(Codes.Remote | Codes.AllFormats).Select(t => Codes.Of(t.Code))];

    private readonly FrozenDictionary<int, (int Start, int Count)> _cells;

    private DirectorySnapshot(FrozenDictionary<int, (int Start, int Count)> cells, DateTimeOffset builtAt)
    {
        _cells = cells;
        BuiltAt = builtAt;
    }

    /// <summary>
    /// A snapshot of services already laid out (<see cref="Builder.Build"/>): works out the fact columns, the
    /// per-location columns and the remote runs from them.
    /// </summary>
    private static DirectorySnapshot Laid(
        ServiceEntry[] services, int[] firstCell, OrganizationEntry[] organizations, float[] latitudes, float[] longitudes, int[] locationService,
        WeeklyOpening[] openings, ushort[] languages, FrozenDictionary<int, (int, int)> cells, ushort[][] areaSets, DateTimeOffset builtAt)
    {
        var n = services.Length;
        var snapshot = new DirectorySnapshot(cells, builtAt)
        {
            Services = services,
            FirstCell = firstCell,
            Organizations = organizations,
            Latitudes = latitudes,
            Longitudes = longitudes,
            LocationService = locationService,
            LatitudeCosines = new double[latitudes.Length],
            LocationIsOwnersOnly = new bool[latitudes.Length],
            Openings = openings,
            LanguagePool = languages,
            AreaSets = areaSets,
            FactCodes = new UInt128[n],
            FactAssuredDay = new int[n],
            FactMinimumAge = new float[n],
            FactMaximumAge = new float[n],
            FactFlags = new FactFlags[n],
            FactWindows = new WhenWindows[n],
            FactWaitDays = new short[n],
            FactAreaSet = new int[n],
            OrganizationServices = new int[organizations.Length],
        };
        for (var i = 0; i < n; i++)
        {
            snapshot.SetFacts(i, services[i]);
            if (services[i].Organization >= 0)
            {
                snapshot.OrganizationServices[services[i].Organization]++;
            }
        }
        for (var l = 0; l < latitudes.Length; l++)
        {
            snapshot.LatitudeCosines[l] = Gazetteer.Gazetteer.CosOfLatitude(latitudes[l]);
            snapshot.LocationIsOwnersOnly[l] = services[locationService[l]].LocationCount == 1;
        }
        (snapshot.RemoteServices, snapshot.RemoteBuckets) = RemoteRuns(snapshot.FactCodes);
        snapshot.LocationCodes = LocationCodesOf(snapshot.FactCodes, locationService);
        return snapshot;
    }

    /// <summary>Each location's service's codes, in location order (see <see cref="LocationCodes"/>).</summary>
    private static UInt128[] LocationCodesOf(UInt128[] codes, int[] locationService)
    {
        var byLocation = new UInt128[locationService.Length];
        for (var l = 0; l < byLocation.Length; l++)
        {
            byLocation[l] = codes[locationService[l]];
        }
        return byLocation;
    }

    /// <summary>Fills the fact columns of service <paramref name="i"/> from its entry.</summary>
    private void SetFacts(int i, in ServiceEntry s)
    {
        FactCodes[i] = s.Codes;
        FactAssuredDay[i] = s.AssuredDay;
        FactMinimumAge[i] = float.IsNaN(s.MinimumAge) ? float.NegativeInfinity : s.MinimumAge;
        FactMaximumAge[i] = float.IsNaN(s.MaximumAge) ? float.PositiveInfinity : s.MaximumAge;
        FactFlags[i] = (s.Free ? Matching.FactFlags.Free : 0) | (s.OpeningCount > 0 ? Matching.FactFlags.HasTimes : 0) | (s.WindowsAreFixed ? Matching.FactFlags.WindowsFixed : 0);
        FactWindows[i] = s.FixedWindows;
        FactWaitDays[i] = s.TypicalWaitDays;
        FactAreaSet[i] = s.AreaSet;
    }

    /// <summary>The remote services (laid out first) and their runs of equal remote deliveries and formats.</summary>
    private static (int[] Remote, RemoteBucket[] Buckets) RemoteRuns(UInt128[] codes)
    {
        var count = 0;
        while (count < codes.Length && Codes.Any(codes[count], Codes.Remote))
        {
            count++;
        }
        var remote = new int[count];
        var buckets = new List<RemoteBucket>();
        for (var i = 0; i < count; i++)
        {
            remote[i] = i;
            var bucketCodes = codes[i] & (Codes.Remote | Codes.AllFormats);
            if (buckets.Count > 0 && buckets[^1].Codes == bucketCodes)
            {
                buckets[^1] = buckets[^1] with { End = i + 1 };
            }
            else
            {
                buckets.Add(new RemoteBucket(bucketCodes, i, i + 1));
            }
        }
        return (remote, [.. buckets]);
    }

    public static DirectorySnapshot Empty { get; } = new Builder().Build(DateTimeOffset.MinValue);

    internal ServiceEntry[] Services { get; private init; } = [];
    internal OrganizationEntry[] Organizations { get; private init; } = [];
    internal float[] Latitudes { get; private init; } = [];
    internal float[] Longitudes { get; private init; } = [];

    /// <summary>Each location's <see cref="Gazetteer.Gazetteer.CosOfLatitude"/>, so a search does not work it out again for every location in range.</summary>
    internal double[] LatitudeCosines { get; private init; } = [];

    /// <summary>Whether each location is its service's only one: read in order with the location, instead of from the service's entry.</summary>
    internal bool[] LocationIsOwnersOnly { get; private init; } = [];
    internal int[] LocationService { get; private init; } = [];

    /// <summary>
    /// <see cref="FactCodes"/> of each location's service, in location order: the nearby pass reads them in step with the
    /// coordinates, so the services in range that a search's codes rule out (most of them) are never looked up. Made
    /// from the other columns whenever a snapshot is built or patched.
    /// </summary>
    internal UInt128[] LocationCodes { get; private set; } = [];
    internal WeeklyOpening[] Openings { get; private init; } = [];
    internal ushort[] LanguagePool { get; private init; } = [];

    /// <summary>Indexes of services offering phone, online or text (the first services in <see cref="Services"/>, so the remote pass reads memory in order).</summary>
    internal int[] RemoteServices { get; private set; } = [];

    /// <summary>
    /// The remote services again, as runs of services sharing the same remote deliveries and formats, so a search
    /// that asks for certain deliveries or formats skips whole runs that cannot match instead of testing each service.
    /// </summary>
    internal RemoteBucket[] RemoteBuckets { get; private set; } = [];
    public DateTimeOffset BuiltAt { get; }

    // The facts hard constraints and the score read, per service as flat columns (derived from Services in the
    // constructor): the remote passes scan tens of thousands of services per search and read only these, a few bytes
    // each, instead of each whole ServiceEntry. Ages without a limit are -/+ infinity, so an age check is two compares.
    internal UInt128[] FactCodes { get; private init; } = [];
    internal int[] FactAssuredDay { get; private init; } = [];
    internal float[] FactMinimumAge { get; private init; } = [];
    internal float[] FactMaximumAge { get; private init; } = [];
    internal FactFlags[] FactFlags { get; private init; } = [];
    internal WhenWindows[] FactWindows { get; private init; } = [];

    /// <summary>The provider's typical wait in days, or -1.</summary>
    internal short[] FactWaitDays { get; private init; } = [];

    /// <summary>Each service's <see cref="ServiceEntry.AreaSet"/>.</summary>
    internal int[] FactAreaSet { get; private init; } = [];

    /// <summary>
    /// The distinct sets of local authorities services are limited to, as <see cref="LocalAuthority.Index"/>es; set 0
    /// (empty) is "anyone". An empty set other than 0 stands for areas the authority table does not know: nobody.
    /// </summary>
    internal ushort[][] AreaSets { get; private init; } = [];

    /// <summary>
    /// Each service's place in the layout when it is not remote: the grid cell of its first location (as added), or
    /// <see cref="NoCell"/>. Kept so a patch can work out where a service goes without its locations.
    /// </summary>
    internal int[] FirstCell { get; private init; } = [];

    /// <summary>How many services each of <see cref="Organizations"/> runs; a patch leaves organisations with none in the array.</summary>
    internal int[] OrganizationServices { get; private init; } = [];

    /// <summary>Slots of <see cref="Openings"/> and <see cref="LanguagePool"/> no service uses any more (patches append, never reuse).</summary>
    private int _deadOpenings;
    private int _deadLanguages;

    private FrozenDictionary<Guid, int>? _organizationNumbers;
    private int[]? _membersOnly;

    /// <summary>The indexes of the <c>eligibility:members-only</c> services (few), for the journey's "where do you study or work" question.</summary>
    internal int[] MembersOnlyServices => LazyInitializer.EnsureInitialized(ref _membersOnly,
        () => [.. Enumerable.Range(0, FactCodes.Length).Where(i => Matching.Codes.Any(FactCodes[i], Matching.Codes.MembersOnly))]);

    /// <summary>Whether an organisation runs at least one active service in this snapshot.</summary>
    public bool HasOrganization(Guid id) => OrganizationNumberOf(id) >= 0;

    /// <summary>An organisation running at least one active service, or null.</summary>
    public OrganizationEntry? Organization(Guid id) => OrganizationNumberOf(id) is var n and >= 0 ? Organizations[n] : null;

    /// <summary>The organisation's index in <see cref="Organizations"/>, or -1.</summary>
    internal int OrganizationNumberOf(Guid id) => KnownOrganizationNumber(id) is var number and >= 0 && OrganizationServices[number] > 0 ? number : -1;

    /// <summary>The organisation's index in <see cref="Organizations"/> even if it runs no service now, or -1.</summary>
    private int KnownOrganizationNumber(Guid id)
    {
        var numbers = LazyInitializer.EnsureInitialized(ref _organizationNumbers,
            () => Organizations.Select((o, i) => (o.Id, i)).ToFrozenDictionary(x => x.Id, x => x.i));
        return numbers.TryGetValue(id, out var number) ? number : -1;
    }

    /// <summary>The local authorities a service is limited to (empty when it is for anyone), by its index.</summary>
    internal IReadOnlyList<LocalAuthority> AreaOf(int index) =>
        [.. AreaSets[FactAreaSet[index]].Select(a => LocalAuthorities.All[a])];

    public int Count => Services.Length;

    internal OpeningHours HoursOf(in ServiceEntry s) => new(Openings, s.OpeningStart, s.OpeningCount, s.ClosedOnBankHolidays);

    internal ReadOnlySpan<ushort> LanguagesOf(in ServiceEntry s) => LanguagePool.AsSpan(s.LanguageStart, s.LanguageCount);

    /// <summary>The grid cells covering a circle, as ranges of the location arrays (which are sorted by cell); lets the hot loop avoid a delegate.</summary>
    internal void CellRangesNear(double lat, double lon, double km, List<(int Start, int Count)> into)
    {
        var dLat = km / 110.574;
        var dLon = km / (111.320 * Math.Max(0.01, Math.Cos(lat * Math.PI / 180)));
        for (var la = CellOf(lat - dLat); la <= CellOf(lat + dLat); la++)
        {
            for (var lo = CellOf(lon - dLon); lo <= CellOf(lon + dLon); lo++)
            {
                if (_cells.TryGetValue(Key(la, lo), out var range))
                {
                    into.Add(range);
                }
            }
        }
    }

    /// <summary>Which run of <see cref="RemoteBuckets"/> a remote service belongs to: its remote delivery and format bits.</summary>
    private static int RemoteBucketOf(UInt128 codes)
    {
        var key = 0;
        var bit = 0;
        foreach (var code in BucketCodes)
        {
            if (Codes.Any(codes, code))
            {
                key |= 1 << bit;
            }
            bit++;
        }
        return key;
    }

    private static int CellOf(double degrees) => (int)Math.Floor(degrees / CellDegrees);

    /// <summary>
    /// The <see cref="FirstCell"/> of a service with no location: after every real cell (whose keys stay under 7
    /// million), and small enough that its layout group shifted 32 bits left stays a positive long.
    /// </summary>
    internal const int NoCell = 1 << 30;

    /// <summary>Works out a service's <c>when</c> windows once, when its hours are the same every week.</summary>
    private static void FixWindows(ref ServiceEntry s, WeeklyOpening[] openings)
    {
        var hours = new OpeningHours(openings, s.OpeningStart, s.OpeningCount, s.ClosedOnBankHolidays);
        if (hours.SameEveryWeek)
        {
            s.WindowsAreFixed = true;
            s.FixedWindows = hours.WindowsInWeekOf(new DateOnly(2026, 6, 1));
        }
    }

    private static int Key(int latCell, int lonCell) => ((latCell + 900) * LonCells) + lonCell + 1800;

    /// <summary>
    /// Builds the snapshot from the database: active services only. Each table the matcher reads is read whole, in one
    /// query, with a plain data reader (no change tracker, no EF materialiser: turning 1.7 million attribute rows into
    /// entities through EF was most of a large load), a few tables at once, into struct rows (<see cref="ActiveRows"/>), then
    /// joined one service at a time as
    /// <see cref="LoadServicesAsync(IDbContextFactory{WaymarkDbContext}, IReadOnlyCollection{Guid}, CancellationToken)"/>
    /// joins its rows, so both give the same services.
    /// </summary>
    public static async Task<DirectorySnapshot> LoadAsync(
        IDbContextFactory<WaymarkDbContext> databases, DateTimeOffset now, LoadTimings? timings = null, CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        var cpu = Environment.CpuUsage.TotalTime;
        var (rows, facts) = await DirectoryReader.ReadActiveAsync(databases, ct);
        var loaded = Stopwatch.GetTimestamp();
        var builder = new Builder();
        rows.EachService(s => builder.Add(s, facts.TryGetValue(s.Id, out var f) ? f : AttributeFacts.None));
        var added = Stopwatch.GetTimestamp();
        var snapshot = builder.Build(now);
        timings?.Record(Stopwatch.GetElapsedTime(started, loaded), Stopwatch.GetElapsedTime(loaded, added), Stopwatch.GetElapsedTime(added),
            Environment.CpuUsage.TotalTime - cpu, cpu);
        return snapshot;
    }

    /// <summary>
    /// A new snapshot from this one: the services named in <paramref name="changed"/> are taken out and those of
    /// <paramref name="fresh"/> (their current state; a changed id that is gone or no longer active is simply not
    /// among them or is left out by status) put in, each where a full load would lay it out (ADR 0034). Only the
    /// changed services are turned into entries; every other service's entry, facts and locations are copied across
    /// in runs, the pools are shared and only grow, and the grid's ranges and the remote runs are worked out again.
    /// Once the pools hold more slots no service uses than slots in use, the patched snapshot is
    /// <see cref="Rebuild">rebuilt</see> to compact them.
    /// </summary>
    public DirectorySnapshot Patch(IReadOnlyCollection<Guid> changed, IReadOnlyList<Service> fresh, DateTimeOffset builtAt)
    {
        var leaveOut = changed as IReadOnlySet<Guid> ?? changed.ToHashSet();
        var organizationNames = new Dictionary<Guid, string>();
        var added = new Builder();
        foreach (var s in fresh)
        {
            if (s.OrganizationId is { } id && s.Organization is { } o)
            {
                organizationNames[id] = o.Name;
            }
            if (leaveOut.Contains(s.Id))
            {
                added.Add(s);
            }
        }
        var removed = new List<int>();
        if (leaveOut.Count > 0)
        {
            var services = Services;
            for (var i = 0; i < services.Length; i++)
            {
                if (leaveOut.Contains(services[i].Id))
                {
                    removed.Add(i);
                }
            }
        }
        var patched = added.Into(this, removed, organizationNames, builtAt);
        var compact = (patched._deadOpenings > 4096 && patched._deadOpenings > patched.Openings.Length / 2)
            || (patched._deadLanguages > 4096 && patched._deadLanguages > patched.LanguagePool.Length / 2);
        return compact ? patched.Rebuild(builtAt) : patched;
    }

    /// <summary>
    /// The same services laid out again from scratch, from the entries in memory, as a full load lays them out:
    /// the fallback that compacts the pools a run of patches has left gaps in.
    /// </summary>
    public DirectorySnapshot Rebuild(DateTimeOffset builtAt)
    {
        var n = Services.Length;
        // Each service's locations, gathered from the columns sorted by cell.
        var start = new int[n + 1];
        foreach (var owner in LocationService)
        {
            start[owner + 1]++;
        }
        for (var i = 0; i < n; i++)
        {
            start[i + 1] += start[i];
        }
        var next = start[..n];
        var lat = new float[LocationService.Length];
        var lon = new float[LocationService.Length];
        for (var l = 0; l < LocationService.Length; l++)
        {
            var at = next[LocationService[l]]++;
            (lat[at], lon[at]) = (Latitudes[l], Longitudes[l]);
        }
        var ids = new Guid[n];
        var byId = new int[n];
        for (var i = 0; i < n; i++)
        {
            (ids[i], byId[i]) = (Services[i].Id, i);
        }
        Array.Sort(ids, byId);
        var builder = new Builder();
        foreach (var i in byId)
        {
            builder.AddFrom(this, i, lat.AsSpan(start[i], start[i + 1] - start[i]), lon.AsSpan(start[i], start[i + 1] - start[i]));
        }
        return builder.Build(builtAt);
    }

    /// <summary>
    /// Where a service goes in the layout, before its id: remote services first, by their run of remote deliveries
    /// and formats and then by the parts of the score that do not depend on the search (the shortest wait, then the
    /// most recently checked); the rest by the grid cell of their first location. <see cref="Builder.Build"/> and
    /// <see cref="Patch"/> both place services by this, so a patched snapshot is laid out as a rebuilt one.
    /// </summary>
    private static (long Group, long Rank) Placement(UInt128 codes, int firstCell, short typicalWaitDays, int assuredDay)
    {
        if (!Codes.Any(codes, Codes.Remote))
        {
            return ((1L << BucketCodes.Length) + firstCell, 0);
        }
        // An unknown wait scores as a 14-day one.
        long wait = typicalWaitDays < 0 ? 14 : typicalWaitDays;
        return (RemoteBucketOf(codes), (wait << 32) | (uint)((long)int.MaxValue - assuredDay));
    }

    private (long Group, long Rank) PlacementOf(int i) => Placement(FactCodes[i], FirstCell[i], FactWaitDays[i], FactAssuredDay[i]);

    private static int Compare((long Group, long Rank) a, Guid aId, (long Group, long Rank) b, Guid bId) =>
        a.Group != b.Group ? a.Group.CompareTo(b.Group) : a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : aId.CompareTo(bId);

    /// <summary>Where in this snapshot's layout a service placed at <paramref name="placement"/> would go: before the first service after it.</summary>
    private int InsertionPoint((long Group, long Rank) placement, Guid id)
    {
        var (lo, hi) = (0, Services.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Compare(PlacementOf(mid), Services[mid].Id, placement, id) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>A copy of <paramref name="old"/> with runs of it moved to their new places (the gaps are filled by the caller).</summary>
    private static T[] Spliced<T>(T[] old, List<(int From, int To, int Length)> runs, int length)
    {
        var result = new T[length];
        foreach (var (from, to, count) in runs)
        {
            Array.Copy(old, from, result, to, count);
        }
        return result;
    }

    private static T[] Appended<T>(T[] pool, List<T> more)
    {
        if (more.Count == 0)
        {
            return pool;
        }
        var result = new T[pool.Length + more.Count];
        pool.CopyTo(result, 0);
        more.CopyTo(result, pool.Length);
        return result;
    }

    /// <summary>Loads the services with these ids (any status) in the shape <see cref="Builder.Add"/> reads, with the same flat queries as a full load.</summary>
    public static async Task<List<Service>> LoadServicesAsync(IDbContextFactory<WaymarkDbContext> databases, IReadOnlyCollection<Guid> serviceIds, CancellationToken ct = default)
    {
        var all = serviceIds.ToList();
        var terms = new TermCache();
        var services = new List<Service>(all.Count);
        for (var from = 0; from < all.Count; from += 5000)
        {
            services.AddRange(await LoadServicesAsync(databases, all.GetRange(from, Math.Min(5000, all.Count - from)), terms, ct));
        }
        return services;
    }

    /// <summary>Non-vocabulary taxonomy terms, read once per load and shared by the chunks loading beside each other.</summary>
    private sealed class TermCache
    {
        private Task<Dictionary<Guid, TaxonomyTerm>>? _terms;

        public Task<Dictionary<Guid, TaxonomyTerm>> GetAsync(IDbContextFactory<WaymarkDbContext> databases, CancellationToken ct)
        {
            return LazyInitializer.EnsureInitialized(ref _terms, () => ReadAsync());

            async Task<Dictionary<Guid, TaxonomyTerm>> ReadAsync()
            {
                await using var db = await databases.CreateDbContextAsync(ct);
                return await db.TaxonomyTerms.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
            }
        }
    }

    /// <summary>
    /// One chunk: only the columns the builder reads (a service's description and contact details are most of its
    /// row), each table in one flat query, joined in memory. When <see cref="Builder.Add"/> reads another field, read
    /// it here too.
    /// </summary>
    private static async Task<List<Service>> LoadServicesAsync(IDbContextFactory<WaymarkDbContext> databases, List<Guid> ids, TermCache termCache, CancellationToken ct)
    {
        var terms = await termCache.GetAsync(databases, ct);
        await using var db = await databases.CreateDbContextAsync(ct);
        var services = await db.Services.AsNoTracking().Where(s => EF.Parameter(ids).Contains(s.Id))
            .Select(s => new Service
            {
                Id = s.Id,
                Name = s.Name,
                Status = s.Status,
                OrganizationId = s.OrganizationId,
                MinimumAge = s.MinimumAge,
                MaximumAge = s.MaximumAge,
                AssuredDate = s.AssuredDate,
                LastModified = s.LastModified,
            })
            .ToListAsync(ct);

        var orgIds = services.Select(s => s.OrganizationId).OfType<Guid>().Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(orgIds).Contains(o.Id))
            .Select(o => new Organization { Id = o.Id, Name = o.Name, Description = "" })
            .ToDictionaryAsync(o => o.Id, ct);
        var sals = await db.ServiceAtLocations.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId))
            .Select(x => new ServiceAtLocation { Id = x.Id, ServiceId = x.ServiceId, LocationId = x.LocationId })
            .ToListAsync(ct);
        var salIds = sals.Select(x => x.Id).ToList();
        var locationIds = sals.Select(x => x.LocationId).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => EF.Parameter(locationIds).Contains(l.Id))
            .Select(l => new Location { Id = l.Id, LocationType = l.LocationType, Latitude = l.Latitude, Longitude = l.Longitude })
            .ToDictionaryAsync(l => l.Id, ct);
        var schedules = await db.Schedules.AsNoTracking()
            .Where(x => (x.ServiceId != null && EF.Parameter(ids).Contains(x.ServiceId.Value)) || (x.ServiceAtLocationId != null && EF.Parameter(salIds).Contains(x.ServiceAtLocationId.Value)))
            .Select(x => new Schedule
            {
                Id = x.Id, ServiceId = x.ServiceId, ServiceAtLocationId = x.ServiceAtLocationId, ValidFrom = x.ValidFrom, ValidTo = x.ValidTo, DtStart = x.DtStart,
                Freq = x.Freq, Interval = x.Interval, ByDay = x.ByDay, ByMonthDay = x.ByMonthDay, OpensAt = x.OpensAt, ClosesAt = x.ClosesAt,
            })
            .ToListAsync(ct);
        var languages = await db.Languages.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId))
            .Select(x => new Language { Id = x.Id, ServiceId = x.ServiceId, Code = x.Code })
            .ToListAsync(ct);
        var costs = await db.CostOptions.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId))
            .Select(x => new CostOption { ServiceId = x.ServiceId, Amount = x.Amount })
            .ToListAsync(ct);
        var areas = await db.ServiceAreas.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId))
            .Select(x => new ServiceArea { Id = x.Id, ServiceId = x.ServiceId, Name = x.Name, ExtentType = x.ExtentType, Description = x.Description })
            .ToListAsync(ct);
        // The largest table by far (about seventeen rows a service): only the three columns the builder reads.
        var attributes = await db.ServiceAttributes.AsNoTracking().Where(x => EF.Parameter(ids).Contains(x.ServiceId))
            .Select(x => new ServiceAttribute { ServiceId = x.ServiceId, TaxonomyTermId = x.TaxonomyTermId, Value = x.Value })
            .ToListAsync(ct);

        return new LoadedRows(services, organizations, sals, locations, schedules, languages, costs, areas, attributes).Join(terms);
    }

    /// <summary>Builds a snapshot from services in memory; services that are not active are left out.</summary>
    public static DirectorySnapshot From(IEnumerable<Service> services, DateTimeOffset builtAt)
    {
        var builder = new Builder();
        foreach (var s in services)
        {
            builder.Add(s);
        }
        return builder.Build(builtAt);
    }

    private sealed class Builder
    {
        private readonly List<ServiceEntry> _services = [];
        private readonly List<OrganizationEntry> _organizations = [];
        private readonly Dictionary<Guid, int> _organizationIndex = [];
        private readonly List<float> _lat = [];
        private readonly List<float> _lon = [];
        private readonly List<int> _locationService = [];
        private readonly List<WeeklyOpening> _openings = [];
        private readonly List<ushort> _languages = [];
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
        private readonly List<Schedule> _schedules = [];
        private readonly AreaSets _areaSets = new();

        /// <summary>Where each service's locations start in <see cref="_lat"/>, in the order added (for <see cref="Into"/>).</summary>
        private readonly List<int> _locationStart = [];

        /// <summary>The grid cell of each service's first location, in the order added (<see cref="NoCell"/> for none).</summary>
        private readonly List<int> _firstCell = [];

        /// <summary>
        /// Adds service <paramref name="index"/> of a snapshot as <see cref="Add"/> made it, with its locations
        /// (gathered from the snapshot's columns). Every per-service list that <see cref="Add"/> fills must be filled here.
        /// </summary>
        public void AddFrom(DirectorySnapshot snapshot, int index, ReadOnlySpan<float> lat, ReadOnlySpan<float> lon)
        {
            var entry = snapshot.Services[index];
            var newIndex = _services.Count;
            entry.Name = Intern(entry.Name);
            if (entry.Organization >= 0)
            {
                var organization = snapshot.Organizations[entry.Organization];
                entry.Organization = OrganizationOf(organization.Id, organization.Name);
            }
            var languageStart = _languages.Count;
            _languages.AddRange(snapshot.LanguagePool.AsSpan(entry.LanguageStart, entry.LanguageCount));
            entry.LanguageStart = languageStart;
            var openingStart = _openings.Count;
            _openings.AddRange(snapshot.Openings.AsSpan(entry.OpeningStart, entry.OpeningCount));
            entry.OpeningStart = openingStart;
            entry.AreaSet = _areaSets.NumberOf(snapshot.AreaSets, entry.AreaSet);
            _locationStart.Add(_lat.Count);
            for (var i = 0; i < lat.Length; i++)
            {
                _lat.Add(lat[i]);
                _lon.Add(lon[i]);
                _locationService.Add(newIndex);
            }
            _firstCell.Add(snapshot.FirstCell[index]);
            _services.Add(entry);
        }

        /// <summary>
        /// <paramref name="old"/> with its services at indexes <paramref name="removed"/> (ascending) taken out and the
        /// services added to this builder put in where <see cref="Placement"/> says; see <see cref="Patch"/>.
        /// </summary>
        public DirectorySnapshot Into(DirectorySnapshot old, List<int> removed, Dictionary<Guid, string> organizationNames, DateTimeOffset builtAt)
        {
            var k = _services.Count;
            var entries = _services.ToArray();
            var addedOpenings = _openings.ToArray();

            // Organisations: renamed ones take their new name, new ones go on the end.
            List<OrganizationEntry>? organizations = null;
            foreach (var (id, name) in organizationNames)
            {
                var number = old.KnownOrganizationNumber(id);
                if (number >= 0 && old.Organizations[number].Name != name)
                {
                    organizations ??= [.. old.Organizations];
                    organizations[number] = new OrganizationEntry(id, Intern(name));
                }
            }
            var newOrganizations = new Dictionary<Guid, int>();
            Dictionary<string, int>? areaNumbers = null;
            List<ushort[]>? areaSets = null;
            for (var a = 0; a < k; a++)
            {
                ref var e = ref entries[a];
                FixWindows(ref e, addedOpenings);
                e.OpeningStart += old.Openings.Length;
                e.LanguageStart += old.LanguagePool.Length;
                if (e.Organization >= 0)
                {
                    var organization = _organizations[e.Organization];
                    var number = old.KnownOrganizationNumber(organization.Id);
                    if (number < 0 && !newOrganizations.TryGetValue(organization.Id, out number))
                    {
                        organizations ??= [.. old.Organizations];
                        number = organizations.Count;
                        organizations.Add(organization);
                        newOrganizations[organization.Id] = number;
                    }
                    e.Organization = number;
                }
                if (e.AreaSet != Matching.AreaSets.Everyone)
                {
                    var set = _areaSets[e.AreaSet];
                    if (areaNumbers is null)
                    {
                        areaNumbers = [];
                        for (var number = 1; number < old.AreaSets.Length; number++)
                        {
                            areaNumbers.TryAdd(Matching.AreaSets.KeyOf(old.AreaSets[number]), number);
                        }
                    }
                    var key = Matching.AreaSets.KeyOf(set);
                    if (!areaNumbers.TryGetValue(key, out var found))
                    {
                        areaSets ??= [.. old.AreaSets];
                        found = areaSets.Count;
                        areaSets.Add(set);
                        areaNumbers[key] = found;
                    }
                    e.AreaSet = found;
                }
            }
            var organizationServices = new int[organizations?.Count ?? old.Organizations.Length];
            old.OrganizationServices.CopyTo(organizationServices, 0);
            var (deadOpenings, deadLanguages, removedLocations) = (old._deadOpenings, old._deadLanguages, 0);
            foreach (var i in removed)
            {
                ref readonly var s = ref old.Services[i];
                (deadOpenings, deadLanguages, removedLocations) = (deadOpenings + s.OpeningCount, deadLanguages + s.LanguageCount, removedLocations + s.LocationCount);
                if (s.Organization >= 0)
                {
                    organizationServices[s.Organization]--;
                }
            }
            foreach (var e in entries)
            {
                if (e.Organization >= 0)
                {
                    organizationServices[e.Organization]++;
                }
            }

            // Where each added service goes: in placement order, each before the first old service placed after it.
            var placements = new (long Group, long Rank)[k];
            var addedOrder = new int[k];
            for (var a = 0; a < k; a++)
            {
                placements[a] = Placement(entries[a].Codes, _firstCell[a], entries[a].TypicalWaitDays, entries[a].AssuredDay);
                addedOrder[a] = a;
            }
            Array.Sort(addedOrder, (x, y) => Compare(placements[x], entries[x].Id, placements[y], entries[y].Id));
            var insertAt = new int[k];
            for (var j = 0; j < k; j++)
            {
                insertAt[j] = old.InsertionPoint(placements[addedOrder[j]], entries[addedOrder[j]].Id);
            }

            // The old services as runs copied whole, the gaps between them taken by the added ones.
            var n = old.Services.Length;
            var m = n - removed.Count + k;
            var oldToNew = new int[n];
            var addedAt = new int[k];
            var runs = new List<(int From, int To, int Length)>();
            var (src, dst, r, p) = (0, 0, 0, 0);
            while (src < n || p < k)
            {
                var stop = Math.Min(r < removed.Count ? removed[r] : n, p < k ? insertAt[p] : n);
                if (stop > src)
                {
                    runs.Add((src, dst, stop - src));
                    for (; src < stop; src++, dst++)
                    {
                        oldToNew[src] = dst;
                    }
                }
                if (p < k && insertAt[p] == src)
                {
                    addedAt[addedOrder[p++]] = dst++;
                }
                else if (r < removed.Count && removed[r] == src)
                {
                    oldToNew[src++] = -1;
                    r++;
                }
            }
            var services = Spliced(old.Services, runs, m);
            var firstCells = Spliced(old.FirstCell, runs, m);
            for (var a = 0; a < k; a++)
            {
                services[addedAt[a]] = entries[a];
                firstCells[addedAt[a]] = _firstCell[a];
            }

            // Locations stay sorted by cell and then by owner: the old ones keep their order (owners keep theirs), the
            // added ones are merged in.
            var oldCount = old.Latitudes.Length;
            var oldCells = new int[oldCount];
            foreach (var (key, (start, count)) in old._cells)
            {
                oldCells.AsSpan(start, count).Fill(key);
            }
            var added = new List<(int Cell, int Owner, int From)>();
            for (var a = 0; a < k; a++)
            {
                for (var from = _locationStart[a]; from < _locationStart[a] + entries[a].LocationCount; from++)
                {
                    added.Add((Key(CellOf(_lat[from]), CellOf(_lon[from])), addedAt[a], from));
                }
            }
            added.Sort();
            var locations = oldCount - removedLocations + added.Count;
            var (lat, lon, cos, only, owner, cellOf) = (new float[locations], new float[locations], new double[locations], new bool[locations], new int[locations], new int[locations]);
            var (o, q) = (0, 0);
            for (var l = 0; l < locations; l++)
            {
                while (o < oldCount && oldToNew[old.LocationService[o]] < 0)
                {
                    o++;
                }
                if (o < oldCount && (q == added.Count || oldCells[o] < added[q].Cell || (oldCells[o] == added[q].Cell && oldToNew[old.LocationService[o]] < added[q].Owner)))
                {
                    (lat[l], lon[l], cos[l], only[l]) = (old.Latitudes[o], old.Longitudes[o], old.LatitudeCosines[o], old.LocationIsOwnersOnly[o]);
                    (owner[l], cellOf[l]) = (oldToNew[old.LocationService[o]], oldCells[o]);
                    o++;
                }
                else
                {
                    var (cell, service, from) = added[q++];
                    (lat[l], lon[l], cos[l], only[l]) = (_lat[from], _lon[from], Gazetteer.Gazetteer.CosOfLatitude(_lat[from]), services[service].LocationCount == 1);
                    (owner[l], cellOf[l]) = (service, cell);
                }
            }
            var cells = new Dictionary<int, (int, int)>();
            for (var l = 0; l < locations;)
            {
                var end = l;
                while (end < locations && cellOf[end] == cellOf[l])
                {
                    end++;
                }
                cells[cellOf[l]] = (l, end - l);
                l = end;
            }

            var snapshot = new DirectorySnapshot(cells.ToFrozenDictionary(), builtAt)
            {
                Services = services,
                FirstCell = firstCells,
                Organizations = organizations is null ? old.Organizations : [.. organizations],
                OrganizationServices = organizationServices,
                Latitudes = lat,
                Longitudes = lon,
                LatitudeCosines = cos,
                LocationIsOwnersOnly = only,
                LocationService = owner,
                Openings = Appended(old.Openings, _openings),
                LanguagePool = Appended(old.LanguagePool, _languages),
                AreaSets = areaSets is null ? old.AreaSets : [.. areaSets],
                FactCodes = Spliced(old.FactCodes, runs, m),
                FactAssuredDay = Spliced(old.FactAssuredDay, runs, m),
                FactMinimumAge = Spliced(old.FactMinimumAge, runs, m),
                FactMaximumAge = Spliced(old.FactMaximumAge, runs, m),
                FactFlags = Spliced(old.FactFlags, runs, m),
                FactWindows = Spliced(old.FactWindows, runs, m),
                FactWaitDays = Spliced(old.FactWaitDays, runs, m),
                FactAreaSet = Spliced(old.FactAreaSet, runs, m),
                _deadOpenings = deadOpenings,
                _deadLanguages = deadLanguages,
                // Numbers of organisations already known do not change: the lookup built for the old snapshot still holds.
                _organizationNumbers = newOrganizations.Count == 0 ? old._organizationNumbers : null,
            };
            for (var a = 0; a < k; a++)
            {
                snapshot.SetFacts(addedAt[a], entries[a]);
            }
            (snapshot.RemoteServices, snapshot.RemoteBuckets) = RemoteRuns(snapshot.FactCodes);
            snapshot.LocationCodes = LocationCodesOf(snapshot.FactCodes, owner);
            return snapshot;
        }

        /// <summary>
        /// Adds an active service. <paramref name="facts"/>, when given, stands for what <c>s.Attributes</c> come to (a
        /// full load reads them per service without making an entity per attribute row).
        /// </summary>
        public void Add(Service s, AttributeFacts? facts = null)
        {
            if (s.Status != ServiceStatus.Active)
            {
                return;
            }
            var index = _services.Count;
            var entry = new ServiceEntry
            {
                Id = s.Id,
                Name = Intern(s.Name),
                Organization = OrganizationOf(s),
                MinimumAge = s.MinimumAge is { } min ? (float)min : float.NaN,
                MaximumAge = s.MaximumAge is { } max ? (float)max : float.NaN,
                Free = !s.CostOptions.Any(c => c.Amount is > 0),
                AssuredDay = s.AssuredDate?.DayNumber ?? -1,
                AreaSet = _areaSets.NumberOf(AreaLimit.Of(s.ServiceAreas)),
            };

            var attributeFacts = facts ?? AttributeFacts.Of(s.Attributes);
            entry.Codes = attributeFacts.Codes;
            entry.TypicalWaitDays = attributeFacts.TypicalWaitDays;

            _locationStart.Add(_lat.Count);
            entry.LanguageStart = _languages.Count;
            foreach (var l in s.Languages)
            {
                var packed = Languages.Pack(l.Code);
                if (packed != 0 && entry.LanguageCount < byte.MaxValue && _languages.IndexOf(packed, entry.LanguageStart) < 0)
                {
                    _languages.Add(packed);
                    entry.LanguageCount++;
                }
            }

            var firstCell = NoCell;
            foreach (var sal in s.ServiceAtLocations)
            {
                if (sal.Location is { Latitude: { } lat, Longitude: { } lon } && lat is >= -90 and <= 90 && lon is >= -180 and <= 180
                    && entry.LocationCount < short.MaxValue)
                {
                    if (entry.LocationCount == 0)
                    {
                        firstCell = Key(CellOf((float)lat), CellOf((float)lon));
                    }
                    _lat.Add((float)lat);
                    _lon.Add((float)lon);
                    _locationService.Add(index);
                    entry.LocationCount++;
                }
            }
            // A listing with an address but no delivery facts is taken to be in person.
            if (!Codes.Any(entry.Codes, Codes.AnyDelivery) && entry.LocationCount > 0)
            {
                entry.Codes |= Codes.InPerson;
            }

            _schedules.Clear();
            _schedules.AddRange(s.Schedules);
            foreach (var sal in s.ServiceAtLocations)
            {
                _schedules.AddRange(sal.Schedules);
            }
            entry.OpeningStart = _openings.Count;
            foreach (var schedule in _schedules)
            {
                OpeningHours.Parse(schedule, _openings);
            }
            if (_openings.Count - entry.OpeningStart > byte.MaxValue)
            {
                _openings.RemoveRange(entry.OpeningStart + byte.MaxValue, _openings.Count - entry.OpeningStart - byte.MaxValue);
            }
            entry.OpeningCount = (byte)(_openings.Count - entry.OpeningStart);

            _firstCell.Add(firstCell);
            _services.Add(entry);
        }

        public DirectorySnapshot Build(DateTimeOffset builtAt)
        {
            var openings = _openings.ToArray();
            var n = _services.Count;

            // Lay services out for the hot loops: remote ones first (the remote pass scans them in order), then the
            // rest by the grid cell of their first location, so a search's neighbours sit together in memory.
            var placements = new (long Group, long Rank)[n];
            var order = new long[n];
            var perm = new int[n];
            for (var i = 0; i < n; i++)
            {
                var s = _services[i];
                placements[i] = Placement(s.Codes, _firstCell[i], s.TypicalWaitDays, s.AssuredDay);
                order[i] = (placements[i].Group << 32) | (uint)i;
                perm[i] = i;
            }
            Array.Sort(order, perm);
            SortRunsByStaticScore(order, perm, placements);
            var services = new ServiceEntry[n];
            var firstCells = new int[n];
            var newIndex = new int[n];
            for (var i = 0; i < n; i++)
            {
                services[i] = _services[perm[i]];
                firstCells[i] = _firstCell[perm[i]];
                newIndex[perm[i]] = i;
                FixWindows(ref services[i], openings);
            }

            // Locations sorted by grid cell, so a cell is one range of the location arrays.
            var count = _lat.Count;
            var keys = new long[count];
            var locationOrder = new int[count];
            for (var i = 0; i < count; i++)
            {
                keys[i] = ((long)Key(CellOf(_lat[i]), CellOf(_lon[i])) << 32) | (uint)newIndex[_locationService[i]];
                locationOrder[i] = i;
            }
            Array.Sort(keys, locationOrder);
            var lat = new float[count];
            var lon = new float[count];
            var owner = new int[count];
            for (var i = 0; i < count; i++)
            {
                var from = locationOrder[i];
                lat[i] = _lat[from];
                lon[i] = _lon[from];
                owner[i] = newIndex[_locationService[from]];
            }
            var cells = new Dictionary<int, (int, int)>();
            for (var i = 0; i < count;)
            {
                var cell = (int)(keys[i] >> 32);
                var j = i;
                while (j < count && (int)(keys[j] >> 32) == cell)
                {
                    j++;
                }
                cells[cell] = (i, j - i);
                i = j;
            }

            return Laid(services, firstCells, [.. _organizations], lat, lon, owner, openings, [.. _languages], cells.ToFrozenDictionary(), _areaSets.ToArray(), builtAt);
        }

        /// <summary>
        /// Within each remote run, services with the shortest wait come first, then the most recently checked: the parts
        /// of the score that do not depend on the search. Blocks of a run then have tight upper bounds on their scores,
        /// and the matcher only counts (without scoring) the blocks that cannot reach a search's top results.
        /// </summary>
        private static void SortRunsByStaticScore(long[] order, int[] perm, (long Group, long Rank)[] placements)
        {
            var remoteEnd = 0;
            while (remoteEnd < order.Length && (order[remoteEnd] >> 32) < (1L << BucketCodes.Length))
            {
                remoteEnd++;
            }
            var keys = new long[remoteEnd];
            for (var i = 0; i < remoteEnd; i++)
            {
                keys[i] = placements[perm[i]].Rank;
            }
            for (var start = 0; start < remoteEnd;)
            {
                var end = start;
                while (end < remoteEnd && (order[end] >> 32) == (order[start] >> 32))
                {
                    end++;
                }
                // Ties keep the order of adding, so the same services always give the same layout.
                var items = perm[start..end];
                var runKeys = keys[start..end];
                var tie = new int[end - start];
                for (var i = 0; i < tie.Length; i++)
                {
                    tie[i] = i;
                }
                Array.Sort(tie, (a, b) => runKeys[a] != runKeys[b] ? runKeys[a].CompareTo(runKeys[b]) : items[a].CompareTo(items[b]));
                for (var i = 0; i < tie.Length; i++)
                {
                    perm[start + i] = items[tie[i]];
                }
                start = end;
            }
        }

        private int OrganizationOf(Service s) => s.OrganizationId is { } id ? OrganizationOf(id, s.Organization?.Name ?? "") : -1;

        private int OrganizationOf(Guid id, string name)
        {
            if (!_organizationIndex.TryGetValue(id, out var index))
            {
                index = _organizations.Count;
                _organizations.Add(new OrganizationEntry(id, Intern(name)));
                _organizationIndex[id] = index;
            }
            return index;
        }

        private string Intern(string name)
        {
            if (_names.TryGetValue(name, out var existing))
            {
                return existing;
            }
            _names[name] = name;
            return name;
        }
    }
}

/// <summary>
/// What a service's attributes come to for the matcher: the bits of the codes it has, and the provider's typical wait.
/// Folding attributes in order of term then value (see <see cref="LoadedRows.Join"/>) gives the same facts on every load.
/// </summary>
internal readonly record struct AttributeFacts(UInt128 Codes, short TypicalWaitDays)
{
    private const string TypicalWait = "expect:typical-wait-days";

    public static AttributeFacts None { get; } = new(UInt128.Zero, -1);

    public static AttributeFacts Of(IEnumerable<ServiceAttribute> attributes)
    {
        var facts = None;
        foreach (var a in attributes)
        {
            facts = facts.With(a.TaxonomyTermId, a.TaxonomyTerm, a.Value);
        }
        return facts;
    }

    /// <summary>The code an attribute of this term stands for: the vocabulary's, else the stored term's code or term.</summary>
    public static string? CodeOf(Guid termId, TaxonomyTerm? term) =>
        Vocabulary.ById.TryGetValue(termId, out var known) ? known.Code : term?.Code ?? term?.Term;

    /// <summary>Whether attributes of this term carry a value the facts read (so a full load must read their values).</summary>
    public static bool ReadsValue(Guid termId, TaxonomyTerm? term) => CodeOf(termId, term) == TypicalWait;

    /// <summary>These facts with one more attribute; a later typical wait that parses replaces an earlier one.</summary>
    public AttributeFacts With(Guid termId, TaxonomyTerm? term, string? value)
    {
        var code = CodeOf(termId, term);
        if (code is null || !Matching.Codes.TryBit(code, out var bit))
        {
            return this;
        }
        var wait = TypicalWaitDays;
        if (code == TypicalWait && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            wait = (short)Math.Min(days, short.MaxValue);
        }
        return new AttributeFacts(Codes | bit, wait);
    }
}

/// <summary>Where a full load's time went: reading from the database, turning services into entries, laying the snapshot out.</summary>
public sealed class LoadTimings
{
    public TimeSpan Read { get; private set; }
    public TimeSpan Add { get; private set; }
    public TimeSpan Build { get; private set; }

    /// <summary>CPU time of the whole process while the load ran (other work in the process included).</summary>
    public TimeSpan ProcessCpu { get; private set; }

    /// <summary>CPU time of the process before the load began (at start-up: what starting took).</summary>
    public TimeSpan ProcessCpuBefore { get; private set; }

    internal void Record(TimeSpan read, TimeSpan add, TimeSpan build, TimeSpan processCpu, TimeSpan processCpuBefore) =>
        (Read, Add, Build, ProcessCpu, ProcessCpuBefore) = (read, add, build, processCpu, processCpuBefore);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"read {Read.TotalSeconds:0.00} s, add {Add.TotalSeconds:0.00} s, build {Build.TotalSeconds:0.00} s; process CPU {ProcessCpu.TotalSeconds:0.00} s during the load, {ProcessCpuBefore.TotalSeconds:0.00} s before it");
}
