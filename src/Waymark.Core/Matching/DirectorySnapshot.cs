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

    /// <summary>The per-service entries this snapshot was built from, kept so that <see cref="Patch"/> can rebuild without the database.</summary>
    private readonly Builder _source;

    private DirectorySnapshot(
        ServiceEntry[] services, OrganizationEntry[] organizations, float[] latitudes, float[] longitudes, int[] locationService,
        WeeklyOpening[] openings, ushort[] languages, FrozenDictionary<int, (int, int)> cells, int[] remote, RemoteBucket[] remoteBuckets, ushort[][] areaSets,
        DateTimeOffset builtAt, Builder source)
    {
        _source = source;
        AreaSets = areaSets;
        var n = services.Length;
        FactCodes = new UInt128[n];
        FactAssuredDay = new int[n];
        FactMinimumAge = new float[n];
        FactMaximumAge = new float[n];
        FactFlags = new FactFlags[n];
        FactWindows = new WhenWindows[n];
        FactWaitDays = new short[n];
        FactAreaSet = new int[n];
        for (var i = 0; i < n; i++)
        {
            ref readonly var s = ref services[i];
            FactCodes[i] = s.Codes;
            FactAssuredDay[i] = s.AssuredDay;
            FactMinimumAge[i] = float.IsNaN(s.MinimumAge) ? float.NegativeInfinity : s.MinimumAge;
            FactMaximumAge[i] = float.IsNaN(s.MaximumAge) ? float.PositiveInfinity : s.MaximumAge;
            FactFlags[i] = (s.Free ? Matching.FactFlags.Free : 0) | (s.OpeningCount > 0 ? Matching.FactFlags.HasTimes : 0) | (s.WindowsAreFixed ? Matching.FactFlags.WindowsFixed : 0);
            FactWindows[i] = s.FixedWindows;
            FactWaitDays[i] = s.TypicalWaitDays;
            FactAreaSet[i] = s.AreaSet;
        }

        RemoteBuckets = remoteBuckets;
        Services = services;
        Organizations = organizations;
        Latitudes = latitudes;
        Longitudes = longitudes;
        LatitudeCosines = new double[latitudes.Length];
        LocationIsOwnersOnly = new bool[latitudes.Length];
        for (var l = 0; l < latitudes.Length; l++)
        {
            LatitudeCosines[l] = Gazetteer.Gazetteer.CosOfLatitude(latitudes[l]);
            LocationIsOwnersOnly[l] = services[locationService[l]].LocationCount == 1;
        }
        LocationService = locationService;
        Openings = openings;
        LanguagePool = languages;
        _cells = cells;
        RemoteServices = remote;
        BuiltAt = builtAt;
    }

    public static DirectorySnapshot Empty { get; } = new Builder().Build(DateTimeOffset.MinValue);

    internal ServiceEntry[] Services { get; }
    internal OrganizationEntry[] Organizations { get; }
    internal float[] Latitudes { get; }
    internal float[] Longitudes { get; }

    /// <summary>Each location's <see cref="Gazetteer.Gazetteer.CosOfLatitude"/>, so a search does not work it out again for every location in range.</summary>
    internal double[] LatitudeCosines { get; }

    /// <summary>Whether each location is its service's only one: read in order with the location, instead of from the service's entry.</summary>
    internal bool[] LocationIsOwnersOnly { get; }
    internal int[] LocationService { get; }
    internal WeeklyOpening[] Openings { get; }
    internal ushort[] LanguagePool { get; }

    /// <summary>Indexes of services offering phone, online or text (the first services in <see cref="Services"/>, so the remote pass reads memory in order).</summary>
    internal int[] RemoteServices { get; }

    /// <summary>
    /// The remote services again, as runs of services sharing the same remote deliveries and formats, so a search
    /// that asks for certain deliveries or formats skips whole runs that cannot match instead of testing each service.
    /// </summary>
    internal RemoteBucket[] RemoteBuckets { get; }
    public DateTimeOffset BuiltAt { get; }

    // The facts hard constraints and the score read, per service as flat columns (derived from Services in the
    // constructor): the remote passes scan tens of thousands of services per search and read only these, a few bytes
    // each, instead of each whole ServiceEntry. Ages without a limit are -/+ infinity, so an age check is two compares.
    internal UInt128[] FactCodes { get; }
    internal int[] FactAssuredDay { get; }
    internal float[] FactMinimumAge { get; }
    internal float[] FactMaximumAge { get; }
    internal FactFlags[] FactFlags { get; }
    internal WhenWindows[] FactWindows { get; }

    /// <summary>The provider's typical wait in days, or -1.</summary>
    internal short[] FactWaitDays { get; }

    /// <summary>Each service's <see cref="ServiceEntry.AreaSet"/>.</summary>
    internal int[] FactAreaSet { get; }

    /// <summary>
    /// The distinct sets of local authorities services are limited to, as <see cref="LocalAuthority.Index"/>es; set 0
    /// (empty) is "anyone". An empty set other than 0 stands for areas the authority table does not know: nobody.
    /// </summary>
    internal ushort[][] AreaSets { get; }

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
    internal int OrganizationNumberOf(Guid id)
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
    /// among them or is left out by status) put in. Nothing else is read again, so this costs one
    /// <see cref="Builder.Build"/> over entries already in memory.
    /// </summary>
    public DirectorySnapshot Patch(IReadOnlyCollection<Guid> changed, IReadOnlyList<Service> fresh, DateTimeOffset builtAt)
    {
        var leaveOut = changed as IReadOnlySet<Guid> ?? changed.ToHashSet();
        var organizationNames = new Dictionary<Guid, string>();
        foreach (var s in fresh)
        {
            if (s.OrganizationId is { } id && s.Organization is { } o)
            {
                organizationNames[id] = o.Name;
            }
        }
        // Services go in by id, as a full load adds them, so a patched snapshot is laid out as a rebuilt one.
        var kept = _source.Kept(leaveOut);
        var order = new List<(Guid Id, int Old, Service? Fresh)>(kept.Count + fresh.Count);
        order.AddRange(kept.Select(i => (_source.IdAt(i), i, (Service?)null)));
        order.AddRange(fresh.Where(s => leaveOut.Contains(s.Id)).Select(s => (s.Id, -1, (Service?)s)));
        order.Sort((a, b) => a.Id.CompareTo(b.Id));
        var builder = new Builder();
        foreach (var (_, old, service) in order)
        {
            if (service is null)
            {
                builder.AddFrom(_source, old, organizationNames);
            }
            else
            {
                builder.Add(service);
            }
        }
        return builder.Build(builtAt);
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

        /// <summary>Where each service's locations start in <see cref="_lat"/>, in the order added (for <see cref="AddFrom"/>).</summary>
        private readonly List<int> _locationStart = [];

        public Guid IdAt(int index) => _services[index].Id;

        /// <summary>Indexes of the services added, except those with the given ids.</summary>
        public List<int> Kept(IReadOnlySet<Guid> leaveOut)
        {
            var kept = new List<int>(_services.Count);
            for (var i = 0; i < _services.Count; i++)
            {
                if (!leaveOut.Contains(_services[i].Id))
                {
                    kept.Add(i);
                }
            }
            return kept;
        }

        /// <summary>
        /// Adds service <paramref name="index"/> of another builder as <see cref="Add"/> made it, with its organisation's
        /// name taken from <paramref name="organizationNames"/> when it has changed. Every per-service list that
        /// <see cref="Add"/> fills must be copied here.
        /// </summary>
        public void AddFrom(Builder other, int index, Dictionary<Guid, string> organizationNames)
        {
            var entry = other._services[index];
            var newIndex = _services.Count;
            if (entry.Organization >= 0)
            {
                var organization = other._organizations[entry.Organization];
                entry.Organization = OrganizationOf(organization.Id, organizationNames.GetValueOrDefault(organization.Id) ?? organization.Name);
            }
            var languageStart = _languages.Count;
            for (var i = 0; i < entry.LanguageCount; i++)
            {
                _languages.Add(other._languages[entry.LanguageStart + i]);
            }
            entry.LanguageStart = languageStart;
            var openingStart = _openings.Count;
            for (var i = 0; i < entry.OpeningCount; i++)
            {
                _openings.Add(other._openings[entry.OpeningStart + i]);
            }
            entry.OpeningStart = openingStart;
            entry.AreaSet = _areaSets.NumberOf(other._areaSets, entry.AreaSet);
            _locationStart.Add(_lat.Count);
            var locationStart = other._locationStart[index];
            for (var i = 0; i < entry.LocationCount; i++)
            {
                _lat.Add(other._lat[locationStart + i]);
                _lon.Add(other._lon[locationStart + i]);
                _locationService.Add(newIndex);
            }
            _services.Add(entry);
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

            foreach (var sal in s.ServiceAtLocations)
            {
                if (sal.Location is { Latitude: { } lat, Longitude: { } lon } && lat is >= -90 and <= 90 && lon is >= -180 and <= 180
                    && entry.LocationCount < short.MaxValue)
                {
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

            _services.Add(entry);
        }

        public DirectorySnapshot Build(DateTimeOffset builtAt)
        {
            var openings = _openings.ToArray();
            var n = _services.Count;

            // Lay services out for the hot loops: remote ones first (the remote pass scans them in order), then the
            // rest by the grid cell of their first location, so a search's neighbours sit together in memory.
            var firstCell = new int[n];
            Array.Fill(firstCell, int.MaxValue);
            for (var i = _lat.Count - 1; i >= 0; i--)
            {
                firstCell[_locationService[i]] = Key(CellOf(_lat[i]), CellOf(_lon[i]));
            }
            var order = new long[n];
            var perm = new int[n];
            for (var i = 0; i < n; i++)
            {
                var remote = Codes.Any(_services[i].Codes, Codes.Remote);
                order[i] = ((remote ? RemoteBucketOf(_services[i].Codes) : (1L << BucketCodes.Length) + firstCell[i]) << 32) | (uint)i;
                perm[i] = i;
            }
            Array.Sort(order, perm);
            SortRunsByStaticScore(order, perm);
            var services = new ServiceEntry[n];
            var newIndex = new int[n];
            var remoteList = new List<int>();
            var buckets = new List<RemoteBucket>();
            for (var i = 0; i < n; i++)
            {
                services[i] = _services[perm[i]];
                newIndex[perm[i]] = i;
                ref var s = ref services[i];
                var hours = new OpeningHours(openings, s.OpeningStart, s.OpeningCount, s.ClosedOnBankHolidays);
                if (hours.SameEveryWeek)
                {
                    s.WindowsAreFixed = true;
                    s.FixedWindows = hours.WindowsInWeekOf(new DateOnly(2026, 6, 1));
                }
                if (Codes.Any(s.Codes, Codes.Remote))
                {
                    remoteList.Add(i);
                    var codes = s.Codes & (Codes.Remote | Codes.AllFormats);
                    if (buckets.Count > 0 && buckets[^1].Codes == codes)
                    {
                        buckets[^1] = buckets[^1] with { End = i + 1 };
                    }
                    else
                    {
                        buckets.Add(new RemoteBucket(codes, i, i + 1));
                    }
                }
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

            return new DirectorySnapshot(
                services, [.. _organizations], lat, lon, owner, openings, [.. _languages],
                cells.ToFrozenDictionary(), [.. remoteList], [.. buckets], _areaSets.ToArray(), builtAt, this);
        }

        /// <summary>
        /// Within each remote run, services with the shortest wait come first, then the most recently checked: the parts
        /// of the score that do not depend on the search. Blocks of a run then have tight upper bounds on their scores,
        /// and the matcher only counts (without scoring) the blocks that cannot reach a search's top results.
        /// </summary>
        private void SortRunsByStaticScore(long[] order, int[] perm)
        {
            var remoteEnd = 0;
            while (remoteEnd < order.Length && (order[remoteEnd] >> 32) < (1L << BucketCodes.Length))
            {
                remoteEnd++;
            }
            var keys = new long[remoteEnd];
            for (var i = 0; i < remoteEnd; i++)
            {
                var s = _services[perm[i]];
                // An unknown wait scores as a 14-day one.
                long wait = s.TypicalWaitDays < 0 ? 14 : s.TypicalWaitDays;
                keys[i] = (wait << 32) | (uint)((long)int.MaxValue - s.AssuredDay);
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
