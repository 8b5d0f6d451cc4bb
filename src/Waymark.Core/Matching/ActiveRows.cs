using System.Runtime.InteropServices;
using Waymark.Core.Directory;

namespace Waymark.Core.Matching;

/// <summary>
/// The rows a full load reads (only the columns the snapshot builder reads), kept as structs rather than entities: at a
/// million services an entity graph of every row was most of a load's memory and of the collector's time.
/// <see cref="EachService"/> joins them as <see cref="LoadedRows.Join"/> does (services by id; their children by id,
/// costs in the order read; a schedule goes to its service if that is loaded, otherwise to its service-at-location) and
/// makes each service's entities only to hand them to the builder, so they die young.
/// </summary>
internal sealed class ActiveRows
{
    public List<ServiceRow> ServiceRows { get; set; } = [];
    public Dictionary<Guid, Organization> Organizations { get; set; } = [];
    public List<SalRow> Sals { get; set; } = [];
    public Dictionary<Guid, LocationRow> Locations { get; set; } = [];
    public List<ScheduleRow> Schedules { get; set; } = [];
    public List<LanguageRow> Languages { get; set; } = [];
    public List<CostRow> Costs { get; set; } = [];
    public List<AreaRow> Areas { get; set; } = [];

    /// <summary>Hands each service, with its children, to <paramref name="add"/> in order of id.</summary>
    public void EachService(Action<Service> add)
    {
        var services = CollectionsMarshal.AsSpan(ServiceRows);
        var ids = new Guid[services.Length];
        for (var i = 0; i < services.Length; i++)
        {
            ids[i] = services[i].Id;
        }
        ids.AsSpan().Sort(services);
        var serviceNumber = new Dictionary<Guid, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            serviceNumber[ids[i]] = i;
        }
        int OwnerOf(Guid serviceId) => serviceNumber.TryGetValue(serviceId, out var n) ? n : -1;

        var sals = Group(Sals.Count, i => (OwnerOf(Sals[i].ServiceId), Sals[i].Id, 0));
        var salNumber = new Dictionary<Guid, int>(sals.Rows.Length);
        for (var p = 0; p < sals.Rows.Length; p++)
        {
            salNumber[Sals[sals.Rows[p]].Id] = p;
        }
        bool ToService(ScheduleRow x, out int owner)
        {
            owner = -1;
            return x.ServiceId is { } sid && serviceNumber.TryGetValue(sid, out owner);
        }
        var serviceSchedules = Group(Schedules.Count, i => (ToService(Schedules[i], out var owner) ? owner : -1, Schedules[i].Id, 0));
        var salSchedules = Group(Schedules.Count, i =>
            (!ToService(Schedules[i], out _) && Schedules[i].ServiceAtLocationId is { } x && salNumber.TryGetValue(x, out var p) ? p : -1, Schedules[i].Id, 0));
        var languages = Group(Languages.Count, i => (OwnerOf(Languages[i].ServiceId), Languages[i].Id, 0));
        var costs = Group(Costs.Count, i => (OwnerOf(Costs[i].ServiceId), Guid.Empty, i));
        var areas = Group(Areas.Count, i => (OwnerOf(Areas[i].ServiceId), Areas[i].Id, 0));

        var (sal, serviceSchedule, salSchedule, language, cost, area) = (0, 0, 0, 0, 0, 0);
        for (var i = 0; i < services.Length; i++)
        {
            var row = services[i];
            var service = new Service
            {
                Id = row.Id,
                Name = row.Name,
                OrganizationId = row.OrganizationId,
                Organization = row.OrganizationId is { } oid ? Organizations.GetValueOrDefault(oid) : null,
                MinimumAge = row.MinimumAge,
                MaximumAge = row.MaximumAge,
                AssuredDate = row.AssuredDate,
            };
            for (; sal < sals.Rows.Length && sals.Owners[sal] == i; sal++)
            {
                var x = Sals[sals.Rows[sal]];
                var at = new ServiceAtLocation
                {
                    Id = x.Id,
                    ServiceId = x.ServiceId,
                    LocationId = x.LocationId,
                    Location = Locations.TryGetValue(x.LocationId, out var l)
                        ? new Location { Id = x.LocationId, LocationType = l.LocationType, Latitude = l.Latitude, Longitude = l.Longitude }
                        : null,
                };
                for (; salSchedule < salSchedules.Rows.Length && salSchedules.Owners[salSchedule] == sal; salSchedule++)
                {
                    at.Schedules.Add(Schedules[salSchedules.Rows[salSchedule]].ToEntity());
                }
                service.ServiceAtLocations.Add(at);
            }
            for (; serviceSchedule < serviceSchedules.Rows.Length && serviceSchedules.Owners[serviceSchedule] == i; serviceSchedule++)
            {
                service.Schedules.Add(Schedules[serviceSchedules.Rows[serviceSchedule]].ToEntity());
            }
            for (; language < languages.Rows.Length && languages.Owners[language] == i; language++)
            {
                var x = Languages[languages.Rows[language]];
                service.Languages.Add(new Language { Id = x.Id, ServiceId = x.ServiceId, Code = x.Code });
            }
            for (; cost < costs.Rows.Length && costs.Owners[cost] == i; cost++)
            {
                var x = Costs[costs.Rows[cost]];
                service.CostOptions.Add(new CostOption { ServiceId = x.ServiceId, Amount = x.Amount });
            }
            for (; area < areas.Rows.Length && areas.Owners[area] == i; area++)
            {
                var x = Areas[areas.Rows[area]];
                service.ServiceAreas.Add(new ServiceArea { Id = x.Id, ServiceId = x.ServiceId, Name = x.Name, ExtentType = x.ExtentType, Description = x.Description });
            }
            add(service);
        }
    }

    /// <summary>The rows that have an owner (-1: none), ordered by owner, then id, then <c>Order</c>; with each one's owner.</summary>
    private static (int[] Rows, int[] Owners) Group(int count, Func<int, (int Owner, Guid Id, int Order)> keyOf)
    {
        var keys = new List<OwnerKey>(count);
        var rows = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            var (owner, id, order) = keyOf(i);
            if (owner >= 0)
            {
                keys.Add(new OwnerKey(owner, id, order));
                rows.Add(i);
            }
        }
        var keySpan = CollectionsMarshal.AsSpan(keys);
        var rowArray = rows.ToArray();
        keySpan.Sort(rowArray.AsSpan());
        var owners = new int[keySpan.Length];
        for (var i = 0; i < keySpan.Length; i++)
        {
            owners[i] = keySpan[i].Owner;
        }
        return (rowArray, owners);
    }

    private readonly record struct OwnerKey(int Owner, Guid Id, int Order) : IComparable<OwnerKey>
    {
        public int CompareTo(OwnerKey other) =>
            Owner != other.Owner ? Owner.CompareTo(other.Owner)
            : Id != other.Id ? Id.CompareTo(other.Id)
            : Order.CompareTo(other.Order);
    }

    internal readonly record struct ServiceRow(Guid Id, string Name, Guid? OrganizationId, decimal? MinimumAge, decimal? MaximumAge, DateOnly? AssuredDate);

    internal readonly record struct SalRow(Guid Id, Guid ServiceId, Guid LocationId);

    internal readonly record struct LocationRow(string LocationType, double? Latitude, double? Longitude);

    internal readonly record struct LanguageRow(Guid Id, Guid ServiceId, string? Code);

    internal readonly record struct CostRow(Guid ServiceId, decimal? Amount);

    internal readonly record struct AreaRow(Guid Id, Guid ServiceId, string? Name, string? ExtentType, string? Description);

    internal readonly record struct ScheduleRow(
        Guid Id, Guid? ServiceId, Guid? ServiceAtLocationId, DateOnly? ValidFrom, DateOnly? ValidTo, DateOnly? DtStart,
        string? Freq, int? Interval, string? ByDay, string? ByMonthDay, string? OpensAt, string? ClosesAt)
    {
        public Schedule ToEntity() => new()
        {
            Id = Id, ServiceId = ServiceId, ServiceAtLocationId = ServiceAtLocationId, ValidFrom = ValidFrom, ValidTo = ValidTo, DtStart = DtStart,
            Freq = Freq, Interval = Interval, ByDay = ByDay, ByMonthDay = ByMonthDay, OpensAt = OpensAt, ClosesAt = ClosesAt,
        };
    }
}

/// <summary>One string object for each distinct value read (a million schedules share a few dozen opening times).</summary>
internal sealed class Interner
{
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

    public string? Of(string? value)
    {
        if (value is null)
        {
            return null;
        }
        if (_seen.TryGetValue(value, out var kept))
        {
            return kept;
        }
        _seen[value] = value;
        return value;
    }
}
