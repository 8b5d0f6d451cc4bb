using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Waymark.Core.Data;
using Waymark.Core.Directory;

namespace Waymark.Core.Matching;

/// <summary>
/// The rows of the tables the snapshot builder reads, each holding only the columns it reads, before they are joined
/// into services. Both loads (EF Core queries for a few services, plain readers for the whole directory) fill this and
/// join it here, so they give the same services in the same order.
/// </summary>
internal sealed record LoadedRows(
    List<Service> Services,
    Dictionary<Guid, Organization> Organizations,
    List<ServiceAtLocation> ServiceAtLocations,
    Dictionary<Guid, Location> Locations,
    List<Schedule> Schedules,
    List<Language> Languages,
    List<CostOption> CostOptions,
    List<ServiceArea> ServiceAreas,
    List<ServiceAttribute> Attributes)
{
    /// <summary>
    /// Services by id, their children by id (attributes by term and value), whatever order the database returned them
    /// in: the builder's result depends on the order of children (the last typical wait wins, languages keep their
    /// first order). Rows whose service is not among <see cref="Services"/> are left out.
    /// </summary>
    public List<Service> Join(Dictionary<Guid, TaxonomyTerm> terms)
    {
        SortById(Services, static x => x.Id);
        var byId = new Dictionary<Guid, Service>(Services.Count);
        foreach (var s in Services)
        {
            byId[s.Id] = s;
            s.Organization = s.OrganizationId is { } oid ? Organizations.GetValueOrDefault(oid) : null;
        }
        SortById(ServiceAtLocations, static x => x.Id);
        var salById = new Dictionary<Guid, ServiceAtLocation>();
        foreach (var x in ServiceAtLocations)
        {
            if (byId.TryGetValue(x.ServiceId, out var owner))
            {
                x.Location = Locations.GetValueOrDefault(x.LocationId);
                owner.ServiceAtLocations.Add(x);
                salById[x.Id] = x;
            }
        }
        SortById(Schedules, static x => x.Id);
        foreach (var x in Schedules)
        {
            if (x.ServiceId is { } sid && byId.TryGetValue(sid, out var owner))
            {
                owner.Schedules.Add(x);
            }
            else if (x.ServiceAtLocationId is { } xid && salById.TryGetValue(xid, out var sal))
            {
                sal.Schedules.Add(x);
            }
        }
        SortById(Languages, static x => x.Id);
        foreach (var x in Languages)
        {
            if (byId.TryGetValue(x.ServiceId, out var owner))
            {
                owner.Languages.Add(x);
            }
        }
        foreach (var x in CostOptions)
        {
            if (byId.TryGetValue(x.ServiceId, out var owner))
            {
                owner.CostOptions.Add(x);
            }
        }
        SortById(ServiceAreas, static x => x.Id);
        foreach (var x in ServiceAreas)
        {
            if (byId.TryGetValue(x.ServiceId, out var owner))
            {
                owner.ServiceAreas.Add(x);
            }
        }
        foreach (var a in Attributes)
        {
            if (byId.TryGetValue(a.ServiceId, out var owner))
            {
                a.TaxonomyTerm = terms.GetValueOrDefault(a.TaxonomyTermId);
                owner.Attributes.Add(a);
            }
        }
        foreach (var s in Services)
        {
            if (s.Attributes.Count > 1)
            {
                s.Attributes.Sort(static (a, b) => a.TaxonomyTermId != b.TaxonomyTermId
                    ? a.TaxonomyTermId.CompareTo(b.TaxonomyTermId)
                    : string.CompareOrdinal(a.Value, b.Value));
            }
        }
        return Services;
    }

    /// <summary>Sorts by id, comparing ids from one array rather than through each row object (hundreds of thousands of rows in a full load).</summary>
    private static void SortById<T>(List<T> rows, Func<T, Guid> id)
    {
        var span = CollectionsMarshal.AsSpan(rows);
        var keys = new Guid[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            keys[i] = id(span[i]);
        }
        keys.AsSpan().Sort(span);
    }
}

/// <summary>
/// Reads the whole active directory with plain data readers: one query per table, by ordinal, GUIDs as the provider
/// stores them (TEXT on SQLite, uuid on PostgreSQL; both readers' GetGuid read them). Table and column names come from
/// the EF model, so they follow its mapping.
/// </summary>
internal static class DirectoryReader
{
    /// <summary>
    /// The active services with their children, except attributes: those come as each service's
    /// <see cref="AttributeFacts"/> (1.7 million attribute rows at 100k services; an entity for each was most of a load).
    /// </summary>
    public static async Task<(List<Service> Services, Dictionary<Guid, AttributeFacts> Facts)> ReadActiveAsync(
        IDbContextFactory<WaymarkDbContext> databases, CancellationToken ct)
    {
        var terms = Task.Run(() => ReadTermsAsync(databases, ct), ct);
        // The attribute table is most of the rows; the others share a second reader, and the small ones a third.
        var attributes = Task.Run(() => ReadAttributeFactsAsync(databases, terms, ct), ct);
        var locations = Task.Run(() => ReadLocationsAsync(databases, ct), ct);
        var rest = Task.Run(() => ReadServicesAsync(databases, ct), ct);
        var (services, organizations, languages, costs, areas) = await rest;
        var (sals, places, schedules) = await locations;
        var joined = new LoadedRows(services, organizations, sals, places, schedules, languages, costs, areas, []).Join((await terms).Terms);
        return (joined, await attributes);
    }

    private static async Task<(List<Service>, Dictionary<Guid, Organization>, List<Language>, List<CostOption>, List<ServiceArea>)> ReadServicesAsync(
        IDbContextFactory<WaymarkDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var services = new List<Service>();
        var sql = Select<Service>(db, nameof(Service.Id), nameof(Service.Name), nameof(Service.OrganizationId),
            nameof(Service.MinimumAge), nameof(Service.MaximumAge), nameof(Service.AssuredDate))
            + " WHERE " + Column<Service>(db, nameof(Service.Status)) + " = @status";
        await using (var reader = await ExecuteAsync(db, sql, ct, ("@status", ServiceStatus.Active)))
        {
            while (await reader.ReadAsync(ct))
            {
                services.Add(new Service
                {
                    Id = reader.GetGuid(0),
                    Name = reader.GetString(1),
                    OrganizationId = reader.IsDBNull(2) ? null : reader.GetGuid(2),
                    MinimumAge = NullableDecimal(reader, 3),
                    MaximumAge = NullableDecimal(reader, 4),
                    AssuredDate = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                });
            }
        }
        var organizations = new Dictionary<Guid, Organization>();
        await using (var reader = await ExecuteAsync(db, Select<Organization>(db, nameof(Organization.Id), nameof(Organization.Name)), ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                organizations[id] = new Organization { Id = id, Name = reader.GetString(1), Description = "" };
            }
        }
        var languages = new List<Language>();
        await using (var reader = await ExecuteAsync(db, Select<Language>(db, nameof(Language.Id), nameof(Language.ServiceId), nameof(Language.Code)), ct))
        {
            while (await reader.ReadAsync(ct))
            {
                languages.Add(new Language { Id = reader.GetGuid(0), ServiceId = reader.GetGuid(1), Code = reader.IsDBNull(2) ? null : reader.GetString(2) });
            }
        }
        var costs = new List<CostOption>();
        await using (var reader = await ExecuteAsync(db, Select<CostOption>(db, nameof(CostOption.ServiceId), nameof(CostOption.Amount)), ct))
        {
            while (await reader.ReadAsync(ct))
            {
                costs.Add(new CostOption { ServiceId = reader.GetGuid(0), Amount = NullableDecimal(reader, 1) });
            }
        }
        var areas = new List<ServiceArea>();
        sql = Select<ServiceArea>(db, nameof(ServiceArea.Id), nameof(ServiceArea.ServiceId), nameof(ServiceArea.Name), nameof(ServiceArea.ExtentType), nameof(ServiceArea.Description));
        await using (var reader = await ExecuteAsync(db, sql, ct))
        {
            while (await reader.ReadAsync(ct))
            {
                areas.Add(new ServiceArea
                {
                    Id = reader.GetGuid(0), ServiceId = reader.GetGuid(1), Name = NullableString(reader, 2), ExtentType = NullableString(reader, 3), Description = NullableString(reader, 4),
                });
            }
        }
        return (services, organizations, languages, costs, areas);
    }

    /// <summary>
    /// The taxonomy terms (only what the builder reads of them), and each id as the database stores it, to pass back as
    /// a parameter (TEXT on SQLite, uuid on PostgreSQL) without depending on how a provider would convert a Guid.
    /// </summary>
    private static async Task<(Dictionary<Guid, TaxonomyTerm> Terms, Dictionary<Guid, object> StoredIds)> ReadTermsAsync(
        IDbContextFactory<WaymarkDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var terms = new Dictionary<Guid, TaxonomyTerm>();
        var stored = new Dictionary<Guid, object>();
        var sql = Select<TaxonomyTerm>(db, nameof(TaxonomyTerm.Id), nameof(TaxonomyTerm.Code), nameof(TaxonomyTerm.Term));
        await using var reader = await ExecuteAsync(db, sql, ct);
        while (await reader.ReadAsync(ct))
        {
            var storedId = reader.GetValue(0);
            var id = storedId as Guid? ?? Guid.Parse((string)storedId, CultureInfo.InvariantCulture);
            stored[id] = storedId;
            terms[id] = new TaxonomyTerm { Id = id, Name = "", Description = "", Code = NullableString(reader, 1), Term = NullableString(reader, 2) };
        }
        return (terms, stored);
    }

    private static async Task<(List<ServiceAtLocation>, Dictionary<Guid, Location>, List<Schedule>)> ReadLocationsAsync(
        IDbContextFactory<WaymarkDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var sals = new List<ServiceAtLocation>();
        await using (var reader = await ExecuteAsync(db, Select<ServiceAtLocation>(db, nameof(ServiceAtLocation.Id), nameof(ServiceAtLocation.ServiceId), nameof(ServiceAtLocation.LocationId)), ct))
        {
            while (await reader.ReadAsync(ct))
            {
                sals.Add(new ServiceAtLocation { Id = reader.GetGuid(0), ServiceId = reader.GetGuid(1), LocationId = reader.GetGuid(2) });
            }
        }
        var locations = new Dictionary<Guid, Location>();
        var sql = Select<Location>(db, nameof(Location.Id), nameof(Location.LocationType), nameof(Location.Latitude), nameof(Location.Longitude));
        await using (var reader = await ExecuteAsync(db, sql, ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                locations[id] = new Location
                {
                    Id = id,
                    LocationType = reader.GetString(1),
                    Latitude = reader.IsDBNull(2) ? null : reader.GetDouble(2),
                    Longitude = reader.IsDBNull(3) ? null : reader.GetDouble(3),
                };
            }
        }
        var schedules = new List<Schedule>();
        sql = Select<Schedule>(db, nameof(Schedule.Id), nameof(Schedule.ServiceId), nameof(Schedule.ServiceAtLocationId), nameof(Schedule.ValidFrom),
            nameof(Schedule.ValidTo), nameof(Schedule.DtStart), nameof(Schedule.Freq), nameof(Schedule.Interval), nameof(Schedule.ByDay),
            nameof(Schedule.ByMonthDay), nameof(Schedule.OpensAt), nameof(Schedule.ClosesAt));
        await using (var reader = await ExecuteAsync(db, sql, ct))
        {
            while (await reader.ReadAsync(ct))
            {
                schedules.Add(new Schedule
                {
                    Id = reader.GetGuid(0),
                    ServiceId = reader.IsDBNull(1) ? null : reader.GetGuid(1),
                    ServiceAtLocationId = reader.IsDBNull(2) ? null : reader.GetGuid(2),
                    ValidFrom = NullableDate(reader, 3),
                    ValidTo = NullableDate(reader, 4),
                    DtStart = NullableDate(reader, 5),
                    Freq = NullableString(reader, 6),
                    Interval = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                    ByDay = NullableString(reader, 8),
                    ByMonthDay = NullableString(reader, 9),
                    OpensAt = NullableString(reader, 10),
                    ClosesAt = NullableString(reader, 11),
                });
            }
        }
        return (sals, locations, schedules);
    }

    /// <summary>
    /// Each service's attribute terms in one row (so a service id is parsed once, not once per attribute, and no entity
    /// is made per attribute), folded into its codes; then the values of the few attributes whose value counts (the
    /// typical wait), in order of term and value as <see cref="LoadedRows.Join"/> orders them.
    /// </summary>
    private static async Task<Dictionary<Guid, AttributeFacts>> ReadAttributeFactsAsync(
        IDbContextFactory<WaymarkDbContext> databases, Task<(Dictionary<Guid, TaxonomyTerm> Terms, Dictionary<Guid, object> StoredIds)> termsRead, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var (_, table) = TableOf<ServiceAttribute>(db);
        var service = Column<ServiceAttribute>(db, nameof(ServiceAttribute.ServiceId));
        var term = Column<ServiceAttribute>(db, nameof(ServiceAttribute.TaxonomyTermId));
        // string_agg: PostgreSQL, and SQLite from 3.44 (the bundled SQLite is newer).
        var sql = $"SELECT {service}, string_agg(CAST({term} AS text), ',') FROM {Name(table)} GROUP BY {service}";
        var (known, storedIds) = await termsRead;
        var codesOfTerm = new Dictionary<Guid, UInt128>();
        var facts = new Dictionary<Guid, AttributeFacts>();
        await using (var reader = await ExecuteAsync(db, sql, ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetGuid(0);
                var list = reader.GetString(1).AsSpan();
                var codes = UInt128.Zero;
                foreach (var range in list.Split(','))
                {
                    var termId = Guid.Parse(list[range], CultureInfo.InvariantCulture);
                    if (!codesOfTerm.TryGetValue(termId, out var bits))
                    {
                        bits = codesOfTerm[termId] = AttributeFacts.None.With(termId, known.GetValueOrDefault(termId), null).Codes;
                    }
                    codes |= bits;
                }
                facts[id] = new AttributeFacts(codes, AttributeFacts.None.TypicalWaitDays);
            }
        }

        var valued = known.Keys.Where(id => AttributeFacts.ReadsValue(id, known[id])).ToList();
        if (valued.Count == 0)
        {
            return facts;
        }
        var value = Column<ServiceAttribute>(db, nameof(ServiceAttribute.Value));
        sql = Select<ServiceAttribute>(db, nameof(ServiceAttribute.ServiceId), nameof(ServiceAttribute.TaxonomyTermId), nameof(ServiceAttribute.Value))
            + $" WHERE {value} IS NOT NULL AND {term} IN ({string.Join(", ", valued.Select((_, i) => "@t" + i.ToString(CultureInfo.InvariantCulture)))})";
        var values = new List<(Guid ServiceId, Guid TermId, string Value)>();
        await using (var reader = await ExecuteAsync(db, sql, ct, [.. valued.Select((id, i) => ("@t" + i.ToString(CultureInfo.InvariantCulture), storedIds[id]))]))
        {
            while (await reader.ReadAsync(ct))
            {
                values.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2)));
            }
        }
        values.Sort(static (a, b) => a.ServiceId != b.ServiceId ? a.ServiceId.CompareTo(b.ServiceId)
            : a.TermId != b.TermId ? a.TermId.CompareTo(b.TermId)
            : string.CompareOrdinal(a.Value, b.Value));
        foreach (var (serviceId, termId, text) in values)
        {
            facts[serviceId] = facts.GetValueOrDefault(serviceId, AttributeFacts.None).With(termId, known.GetValueOrDefault(termId), text);
        }
        return facts;
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DateOnly? NullableDate(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    // SQLite keeps decimals as REAL (see SqliteWaymarkDbContext), PostgreSQL as numeric.
    private static decimal? NullableDecimal(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldType(ordinal) == typeof(decimal) ? reader.GetDecimal(ordinal) : (decimal)reader.GetDouble(ordinal);

    private static async Task<DbDataReader> ExecuteAsync(WaymarkDbContext db, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // table and column names come from the EF model, values are parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        return await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
    }

    private static string Select<T>(WaymarkDbContext db, params string[] properties)
    {
        var (entity, table) = TableOf<T>(db);
        var columns = string.Join(", ", properties.Select(p => Quote(entity.FindProperty(p)!.GetColumnName(table)!)));
        return $"SELECT {columns} FROM {Name(table)}";
    }

    private static string Name(StoreObjectIdentifier table) =>
        table.Schema is null ? Quote(table.Name) : Quote(table.Schema) + "." + Quote(table.Name);

    private static string Column<T>(WaymarkDbContext db, string property)
    {
        var (entity, table) = TableOf<T>(db);
        return Quote(entity.FindProperty(property)!.GetColumnName(table)!);
    }

    private static (IEntityType, StoreObjectIdentifier) TableOf<T>(WaymarkDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        return (entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()));
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
