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
    /// The active services' rows, except attributes: those come as each service's <see cref="AttributeFacts"/> (1.7
    /// million attribute rows at 100k services; an entity for each was most of a load). Rows are kept as structs, not
    /// entities, and repeated strings once each: at a million services the entity graph was most of the memory and of
    /// the collector's time. <see cref="ActiveRows.Services"/> makes each service's entity only when it is added.
    /// </summary>
    public static async Task<(ActiveRows Rows, Dictionary<Guid, AttributeFacts> Facts)> ReadActiveAsync(
        IDbContextFactory<WaymarkDbContext> databases, CancellationToken ct)
    {
        var terms = Task.Run(() => ReadTermsAsync(databases, ct), ct);
        // The attribute table is most of the rows; the others share a second reader, and the small ones a third.
        var attributes = Task.Run(() => ReadAttributeFactsAsync(databases, terms, ct), ct);
        var locations = Task.Run(() => ReadLocationsAsync(databases, ct), ct);
        var rest = Task.Run(() => ReadServicesAsync(databases, ct), ct);
        var rows = new ActiveRows();
        (rows.ServiceRows, rows.Organizations, rows.Languages, rows.Costs, rows.Areas) = await rest;
        (rows.Sals, rows.Locations, rows.Schedules) = await locations;
        return (rows, await attributes);
    }

    private static async Task<(List<ActiveRows.ServiceRow>, Dictionary<Guid, Organization>, List<ActiveRows.LanguageRow>, List<ActiveRows.CostRow>, List<ActiveRows.AreaRow>)> ReadServicesAsync(
        IDbContextFactory<WaymarkDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var strings = new Interner();
        var services = new List<ActiveRows.ServiceRow>();
        var sql = Select<Service>(db, nameof(Service.Id), nameof(Service.Name), nameof(Service.OrganizationId),
            nameof(Service.MinimumAge), nameof(Service.MaximumAge), nameof(Service.AssuredDate))
            + " WHERE " + Column<Service>(db, nameof(Service.Status)) + " = @status";
        await using (var reader = await ExecuteAsync(db, sql, ct, ("@status", ServiceStatus.Active)))
        {
            while (await reader.ReadAsync(ct))
            {
                services.Add(new ActiveRows.ServiceRow(
                    reader.GetGuid(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetGuid(2),
                    NullableDecimal(reader, 3),
                    NullableDecimal(reader, 4),
                    reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5)));
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
        var languages = new List<ActiveRows.LanguageRow>();
        await using (var reader = await ExecuteAsync(db, Select<Language>(db, nameof(Language.Id), nameof(Language.ServiceId), nameof(Language.Code)), ct))
        {
            while (await reader.ReadAsync(ct))
            {
                languages.Add(new ActiveRows.LanguageRow(reader.GetGuid(0), reader.GetGuid(1), strings.Of(NullableString(reader, 2))));
            }
        }
        var costs = new List<ActiveRows.CostRow>();
        await using (var reader = await ExecuteAsync(db, Select<CostOption>(db, nameof(CostOption.ServiceId), nameof(CostOption.Amount)), ct))
        {
            while (await reader.ReadAsync(ct))
            {
                costs.Add(new ActiveRows.CostRow(reader.GetGuid(0), NullableDecimal(reader, 1)));
            }
        }
        var areas = new List<ActiveRows.AreaRow>();
        sql = Select<ServiceArea>(db, nameof(ServiceArea.Id), nameof(ServiceArea.ServiceId), nameof(ServiceArea.Name), nameof(ServiceArea.ExtentType), nameof(ServiceArea.Description));
        await using (var reader = await ExecuteAsync(db, sql, ct))
        {
            while (await reader.ReadAsync(ct))
            {
                areas.Add(new ActiveRows.AreaRow(
                    reader.GetGuid(0), reader.GetGuid(1), strings.Of(NullableString(reader, 2)), strings.Of(NullableString(reader, 3)), strings.Of(NullableString(reader, 4))));
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

    private static async Task<(List<ActiveRows.SalRow>, Dictionary<Guid, ActiveRows.LocationRow>, List<ActiveRows.ScheduleRow>)> ReadLocationsAsync(
        IDbContextFactory<WaymarkDbContext> databases, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var strings = new Interner();
        var sals = new List<ActiveRows.SalRow>();
        await using (var reader = await ExecuteAsync(db, Select<ServiceAtLocation>(db, nameof(ServiceAtLocation.Id), nameof(ServiceAtLocation.ServiceId), nameof(ServiceAtLocation.LocationId)), ct))
        {
            while (await reader.ReadAsync(ct))
            {
                sals.Add(new ActiveRows.SalRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2)));
            }
        }
        var locations = new Dictionary<Guid, ActiveRows.LocationRow>();
        var sql = Select<Location>(db, nameof(Location.Id), nameof(Location.LocationType), nameof(Location.Latitude), nameof(Location.Longitude));
        await using (var reader = await ExecuteAsync(db, sql, ct))
        {
            while (await reader.ReadAsync(ct))
            {
                locations[reader.GetGuid(0)] = new ActiveRows.LocationRow(
                    strings.Of(reader.GetString(1))!,
                    reader.IsDBNull(2) ? null : reader.GetDouble(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3));
            }
        }
        var schedules = new List<ActiveRows.ScheduleRow>();
        sql = Select<Schedule>(db, nameof(Schedule.Id), nameof(Schedule.ServiceId), nameof(Schedule.ServiceAtLocationId), nameof(Schedule.ValidFrom),
            nameof(Schedule.ValidTo), nameof(Schedule.DtStart), nameof(Schedule.Freq), nameof(Schedule.Interval), nameof(Schedule.ByDay),
            nameof(Schedule.ByMonthDay), nameof(Schedule.OpensAt), nameof(Schedule.ClosesAt));
        await using (var reader = await ExecuteAsync(db, sql, ct))
        {
            while (await reader.ReadAsync(ct))
            {
                schedules.Add(new ActiveRows.ScheduleRow(
                    reader.GetGuid(0),
                    reader.IsDBNull(1) ? null : reader.GetGuid(1),
                    reader.IsDBNull(2) ? null : reader.GetGuid(2),
                    NullableDate(reader, 3),
                    NullableDate(reader, 4),
                    NullableDate(reader, 5),
                    strings.Of(NullableString(reader, 6)),
                    reader.IsDBNull(7) ? null : reader.GetInt32(7),
                    strings.Of(NullableString(reader, 8)),
                    strings.Of(NullableString(reader, 9)),
                    strings.Of(NullableString(reader, 10)),
                    strings.Of(NullableString(reader, 11))));
            }
        }
        return (sals, locations, schedules);
    }

    /// <summary>
    /// Each service's attribute terms folded into its codes, reading the table in its stored order (no entity per row;
    /// grouping by service walked the service index and fetched each row from elsewhere in the file, most of a large
    /// load's database time); then the values of the few attributes whose value counts (the typical wait), in order of
    /// term and value as <see cref="LoadedRows.Join"/> orders them.
    /// </summary>
    private static async Task<Dictionary<Guid, AttributeFacts>> ReadAttributeFactsAsync(
        IDbContextFactory<WaymarkDbContext> databases, Task<(Dictionary<Guid, TaxonomyTerm> Terms, Dictionary<Guid, object> StoredIds)> termsRead, CancellationToken ct)
    {
        await using var db = await databases.CreateDbContextAsync(ct);
        var term = Column<ServiceAttribute>(db, nameof(ServiceAttribute.TaxonomyTermId));
        var sql = Select<ServiceAttribute>(db, nameof(ServiceAttribute.ServiceId), nameof(ServiceAttribute.TaxonomyTermId));
        var (known, storedIds) = await termsRead;
        var codesOfTerm = new Dictionary<Guid, UInt128>();
        UInt128 CodesOf(Guid termId)
        {
            if (!codesOfTerm.TryGetValue(termId, out var bits))
            {
                bits = codesOfTerm[termId] = AttributeFacts.None.With(termId, known.GetValueOrDefault(termId), null).Codes;
            }
            return bits;
        }
        // SQLite keeps ids as text: a service's rows mostly come together, so its id is parsed once, and each term's
        // text is looked up as read rather than parsed (17 million rows at a million services).
        var codesOfTermText = new Dictionary<string, UInt128>(StringComparer.Ordinal);
        var codes = new Dictionary<Guid, UInt128>();
        await using (var reader = await ExecuteAsync(db, sql, ct))
        {
            var text = reader.GetFieldType(0) == typeof(string);
            string? lastServiceText = null;
            var lastService = Guid.Empty;
            while (await reader.ReadAsync(ct))
            {
                Guid service;
                UInt128 bits;
                if (text)
                {
                    var serviceText = reader.GetString(0);
                    if (serviceText != lastServiceText)
                    {
                        (lastService, lastServiceText) = (Guid.Parse(serviceText, CultureInfo.InvariantCulture), serviceText);
                    }
                    service = lastService;
                    var termText = reader.GetString(1);
                    if (!codesOfTermText.TryGetValue(termText, out bits))
                    {
                        bits = codesOfTermText[termText] = CodesOf(Guid.Parse(termText, CultureInfo.InvariantCulture));
                    }
                }
                else
                {
                    service = reader.GetGuid(0);
                    bits = CodesOf(reader.GetGuid(1));
                }
                CollectionsMarshal.GetValueRefOrAddDefault(codes, service, out _) |= bits;
            }
        }
        var facts = new Dictionary<Guid, AttributeFacts>(codes.Count);
        foreach (var (service, bits) in codes)
        {
            facts[service] = new AttributeFacts(bits, AttributeFacts.None.TypicalWaitDays);
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
