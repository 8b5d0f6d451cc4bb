using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Matching;

namespace Waymark.Core.Oruk;

/// <summary>Why one record was not imported: which record, which field, which rule.</summary>
public sealed record ImportRejection(int Record, Guid? Id, string Field, string Rule)
{
    public override string ToString() => $"record {Record}{(Id is { } id ? $" (id {id})" : "")}: {Field}: {Rule}";
}

public sealed record ImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<ImportRejection> Rejections, bool Committed)
{
    public int Rejected => Rejections.Select(r => r.Record).Distinct().Count();

    public string Summary => $"created {Created}, updated {Updated}, unchanged {Unchanged}, rejected {Rejected}";
}

/// <summary>
/// Imports an ORUK 3.0 feed: every record is parsed and checked by itself, then upserted by id in one
/// transaction for the whole feed. When any record is invalid nothing changes, unless the caller asks to
/// skip invalid records. Works in chunks so a feed of 100,000 services needs neither the change tracker nor
/// the whole feed in memory.
/// </summary>
public sealed class OrukImporter(WaymarkDbContext db, TimeProvider time)
{
    public int ChunkSize { get; init; } = 1000;

    private const int PrepareBatch = 64;

    /// <summary>Time spent in each phase of the last import, for <c>--verbose</c>; phases on the two sides overlap.</summary>
    public ImportTimings Timings { get; } = new();

    public async Task<ImportResult> ImportFileAsync(string path, bool skipInvalid, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            throw new FeedException($"no such file: {path}");
        }
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return await ImportAsync(OrukFeedReader.ReadAsync(file, ct), skipInvalid, ct);
    }

    public async Task<ImportResult> ImportUrlAsync(HttpClient http, string baseUrl, bool skipInvalid, CancellationToken ct = default) =>
        await ImportAsync(OrukFeedReader.ReadUrlAsync(http, baseUrl, ct: ct), skipInvalid, ct);

    public async Task<ImportResult> ImportStreamAsync(Stream stream, bool skipInvalid, CancellationToken ct = default) =>
        await ImportAsync(OrukFeedReader.ReadAsync(stream, ct), skipInvalid, ct);

    public async Task<ImportResult> ImportAsync(IAsyncEnumerable<FeedRecord> records, bool skipInvalid, CancellationToken ct = default)
    {
        using var run = new Run(db, time.GetUtcNow(), Timings);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!db.IsPostgres)
        {
            // A bigger page cache for index inserts; changes nothing about durability.
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -131072", ct);
        }
        run.ServicesAtStart = await db.Services.AnyAsync(ct);
        run.OrganizationsAtStart = await db.Organizations.AnyAsync(ct);
        run.LocationsAtStart = await db.Locations.AnyAsync(ct);

        // Four stages at once, so a large feed uses every core: one task reads records from the feed; batches of
        // them are parsed, validated and mapped in parallel; one task admits them in feed order (the duplicate-id
        // checks need the order) and cuts chunks; this one writes the chunks.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var batches = Channel.CreateBounded<Task<Prepared[]>>(new BoundedChannelOptions(Environment.ProcessorCount * 2) { SingleReader = true, SingleWriter = true });
        var chunks = Channel.CreateBounded<List<Incoming>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(async () =>
        {
            try
            {
                var batch = new List<FeedRecord>(PrepareBatch);
                var enumerator = records.GetAsyncEnumerator(stop.Token);
                await using var _ = enumerator;
                while (await Timings.TimeAsync("read", () => enumerator.MoveNextAsync().AsTask()))
                {
                    batch.Add(enumerator.Current);
                    if (batch.Count == PrepareBatch)
                    {
                        var full = batch;
                        await batches.Writer.WriteAsync(Task.Run(() => Timings.Time("parse and check", () => Prepare(full)), stop.Token), stop.Token);
                        batch = new List<FeedRecord>(PrepareBatch);
                    }
                }
                await batches.Writer.WriteAsync(Task.Run(() => Timings.Time("parse and check", () => Prepare(batch)), stop.Token), stop.Token);
            }
            finally
            {
                batches.Writer.Complete();
            }
        }, stop.Token);
        var admitting = Task.Run(async () =>
        {
            try
            {
                var chunk = new List<Incoming>(ChunkSize);
                await foreach (var batch in batches.Reader.ReadAllAsync(stop.Token))
                {
                    foreach (var record in await batch)
                    {
                        if (Timings.Time("admit", () => run.Admit(record)) is { } incoming)
                        {
                            chunk.Add(incoming);
                        }
                        if (chunk.Count >= ChunkSize)
                        {
                            var full = chunk;
                            await Timings.TimeAsync("wait for writer", () => chunks.Writer.WriteAsync(full, stop.Token).AsTask());
                            chunk = new List<Incoming>(ChunkSize);
                        }
                    }
                }
                await chunks.Writer.WriteAsync(chunk, stop.Token);
            }
            finally
            {
                chunks.Writer.Complete();
            }
        }, stop.Token);
        try
        {
            while (await Timings.TimeAsync("wait for reader", () => chunks.Reader.WaitToReadAsync(stop.Token).AsTask()))
            {
                while (chunks.Reader.TryRead(out var chunk))
                {
                    await Timings.TimeAsync("write", () => run.WriteAsync(chunk, ChunkSize, stop.Token));
                }
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        await admitting;
        await reading;

        var commit = run.Rejections.IsEmpty || skipInvalid;
        if (commit)
        {
            await Timings.TimeAsync("rebuild indexes", () => run.RestoreIndexesAsync(ct));
            await Timings.TimeAsync("announce", () => AnnounceAsync(run, ct));
            await Timings.TimeAsync("commit", () => tx.CommitAsync(ct));
        }
        else
        {
            await tx.RollbackAsync(ct);
        }
        var rejections = run.Rejections.OrderBy(r => r.Record).ToList();
        return commit
            ? new ImportResult(run.Created, run.Updated, run.Unchanged, rejections, true)
            : new ImportResult(0, 0, 0, rejections, false);
    }

    /// <summary>
    /// Tells running web apps which services the import changed, in its transaction: the services written, and every
    /// service of a changed organisation or at a changed location (their names and places are in search entries).
    /// </summary>
    private async Task AnnounceAsync(Run run, CancellationToken ct)
    {
        HashSet<Guid>? ids = null;
        if (!run.ChangedTerms && run.ChangedServices.Count + run.ChangedOrganizations.Count + run.ChangedLocations.Count <= DirectoryChange.MostNamed)
        {
            ids = [.. run.ChangedServices];
            var orgs = run.ChangedOrganizations.ToList();
            var locations = run.ChangedLocations.ToList();
            if (orgs.Count > 0)
            {
                ids.UnionWith(await db.Services.Where(s => s.OrganizationId != null && EF.Parameter(orgs).Contains(s.OrganizationId.Value)).Select(s => s.Id).ToListAsync(ct));
            }
            if (locations.Count > 0)
            {
                ids.UnionWith(await db.ServiceAtLocations.Where(x => EF.Parameter(locations).Contains(x.LocationId)).Select(x => x.ServiceId).ToListAsync(ct));
            }
        }
        if (ids is { Count: 0 })
        {
            return;
        }
        await DirectoryChanges.AnnounceAsync(db, DirectoryChange.Of(Guid.NewGuid(), ids), time.GetUtcNow(), ct);
    }

    private sealed record Incoming(int Number, Service Service, bool HasLastModified);

    /// <summary>A record parsed, validated and mapped, with a hash of each shared object it brings; no state.</summary>
    private sealed record Prepared(int Number, Guid? Id, OrukService? Record, Service? Service, Dictionary<object, byte[]>? Hashes, List<(string Field, string Rule)> Problems);

    // The id of a record that did not parse into a service, if it has a readable one.
    private static Guid? IdOf(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8);
            var element = document.RootElement;
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var id)
                && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out var g) ? g : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Prepared[] Prepare(List<FeedRecord> records) => [.. records.Select(Prepare)];

    private static Prepared Prepare(FeedRecord record)
    {
        // Sizes first, on the bytes: a record that breaks a limit is never built into objects.
        if (OrukLimits.Check(record.Utf8.Span) is { Count: > 0 } tooBig)
        {
            return new Prepared(record.Number, IdOf(record.Utf8), null, null, null, [.. tooBig.Select(p => (p.Field, p.Rule))]);
        }
        var utf8 = record.Utf8.Span.TrimStart(" \t\r\n"u8);
        OrukService r;
        try
        {
            if (utf8.IsEmpty || utf8[0] != (byte)'{')
            {
                using var other = JsonDocument.Parse(record.Utf8);
                return new Prepared(record.Number, null, null, null, null, [("(record)", $"must be a JSON object, not {other.RootElement.ValueKind.ToString().ToLowerInvariant()}")]);
            }
            r = JsonSerializer.Deserialize<OrukService>(utf8, OrukJson.Options)!;
        }
        catch (JsonException ex)
        {
            return new Prepared(record.Number, IdOf(record.Utf8), null, null, null, [Explain(ex)]);
        }
        var problems = OrukValidator.Validate(r);
        if (problems.Count > 0)
        {
            return new Prepared(record.Number, r.Id, r, null, null, [.. problems.Select(p => (p.Field, p.Rule))]);
        }
        var service = OrukMapping.ToEntity(r);
        var hashes = new Dictionary<object, byte[]>(ReferenceEqualityComparer.Instance);
        void Hash(object entity, object contract) =>
            hashes[entity] = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(contract, contract.GetType(), OrukJson.Options));
        if (service.Organization is { } o)
        {
            Hash(o, OrukExport.ToOruk(o));
        }
        foreach (var l in service.ServiceAtLocations.Select(x => x.Location).OfType<Location>())
        {
            Hash(l, OrukExport.ToOruk(l));
        }
        foreach (var t in service.Attributes.Select(a => a.TaxonomyTerm).OfType<TaxonomyTerm>().Where(t => !Vocabulary.ById.ContainsKey(t.Id)))
        {
            Hash(t, OrukExport.ToOruk(t));
        }
        return new Prepared(record.Number, r.Id, r, service, hashes, []);
    }

    private sealed class Run(WaymarkDbContext db, DateTimeOffset now, ImportTimings timings) : IDisposable
    {
        public void Dispose() => _writer.Dispose();

        private readonly BulkWriter _writer = new(db) { Timings = timings };
        private readonly Dictionary<Guid, int> _services = [];
        private readonly Dictionary<Guid, int> _serviceChildren = [];
        // Written by the reading side, read by the writing side.
        private readonly ConcurrentDictionary<Guid, Shared> _shared = [];
        private readonly Dictionary<Guid, (Guid Owner, int Record)> _sharedChildren = [];
        private readonly HashSet<Guid> _decided = [];
        private bool _firstChunk = true;
        private DeferredIndexes? _deferred;

        private static readonly Type[] LoadedTables =
        [
            typeof(Organization), typeof(OrganizationIdentifier), typeof(Location), typeof(Address), typeof(Accessibility),
            typeof(Service), typeof(Schedule), typeof(ServiceArea), typeof(ServiceAtLocation), typeof(Language), typeof(Funding),
            typeof(CostOption), typeof(Contact), typeof(Phone), typeof(ServiceAttribute),
        ];

        public async Task RestoreIndexesAsync(CancellationToken ct)
        {
            if (_deferred is not null)
            {
                await _deferred.RestoreAsync(ct);
            }
        }

        public ConcurrentQueue<ImportRejection> Rejections { get; } = [];
        public bool ServicesAtStart { get; set; }
        public bool OrganizationsAtStart { get; set; }
        public bool LocationsAtStart { get; set; }
        public int Created { get; private set; }
        public int Updated { get; private set; }
        public int Unchanged { get; private set; }

        /// <summary>Services written, and the organisations, locations and terms changed, for telling search.</summary>
        public HashSet<Guid> ChangedServices { get; } = [];
        public HashSet<Guid> ChangedOrganizations { get; } = [];
        public HashSet<Guid> ChangedLocations { get; } = [];
        public bool ChangedTerms { get; private set; }

        private sealed record Shared(int Record, byte[] Hash, object Entity);

        public Incoming? Admit(Prepared p)
        {
            if (p.Problems.Count > 0)
            {
                foreach (var (field, rule) in p.Problems)
                {
                    Rejections.Enqueue(new ImportRejection(p.Number, p.Id, field, rule));
                }
                return null;
            }
            if (!Unique(p.Number, p.Record!, p.Service!, p.Hashes!))
            {
                return null;
            }
            return new Incoming(p.Number, p.Service!, p.Record!.LastModified is not null);
        }

        // Ids are unique across the feed: a service once; a child under one parent only; a shared
        // organisation, location or taxonomy term may repeat but must say the same thing each time.
        private bool Unique(int number, OrukService r, Service s, Dictionary<object, byte[]> hashes)
        {
            var problems = new List<(string Field, string Rule)>();
            if (_services.TryGetValue(s.Id, out var first))
            {
                problems.Add(("id", $"duplicate id {s.Id}: also used by record {first}"));
            }
            var childIds = new List<(Guid Id, string Field)>();
            void Child(Guid id, string field)
            {
                if (childIds.Any(c => c.Id == id))
                {
                    problems.Add((field, $"duplicate id {id}: used twice in this record"));
                }
                else if (_serviceChildren.TryGetValue(id, out var other) || _services.TryGetValue(id, out other))
                {
                    problems.Add((field, $"duplicate id {id}: also used by record {other}"));
                }
                childIds.Add((id, field));
            }
            for (var i = 0; i < s.Schedules.Count; i++) { Child(s.Schedules[i].Id, $"schedules[{i}].id"); }
            for (var i = 0; i < s.ServiceAreas.Count; i++) { Child(s.ServiceAreas[i].Id, $"service_areas[{i}].id"); }
            for (var i = 0; i < s.ServiceAtLocations.Count; i++)
            {
                var x = s.ServiceAtLocations[i];
                Child(x.Id, $"service_at_locations[{i}].id");
                for (var j = 0; j < x.Schedules.Count; j++) { Child(x.Schedules[j].Id, $"service_at_locations[{i}].schedules[{j}].id"); }
            }
            for (var i = 0; i < s.Languages.Count; i++) { Child(s.Languages[i].Id, $"languages[{i}].id"); }
            for (var i = 0; i < s.Funding.Count; i++) { Child(s.Funding[i].Id, $"funding[{i}].id"); }
            for (var i = 0; i < s.CostOptions.Count; i++) { Child(s.CostOptions[i].Id, $"cost_options[{i}].id"); }
            for (var i = 0; i < s.Contacts.Count; i++)
            {
                Child(s.Contacts[i].Id, $"contacts[{i}].id");
                for (var j = 0; j < s.Contacts[i].Phones.Count; j++) { Child(s.Contacts[i].Phones[j].Id, $"contacts[{i}].phones[{j}].id"); }
            }
            for (var i = 0; i < s.Attributes.Count; i++) { Child(s.Attributes[i].Id, $"attributes[{i}].id"); }

            var shared = new List<(Guid Id, byte[] Hash, object Entity)>();
            var sharedChildren = new List<(Guid Id, Guid Owner)>();
            void Share(Guid id, object entity, string field, string what)
            {
                var hash = hashes[entity];
                var earlier = shared.FirstOrDefault(x => x.Id == id);
                if (earlier.Hash is not null)
                {
                    if (!earlier.Hash.AsSpan().SequenceEqual(hash))
                    {
                        problems.Add((field, $"{what} {id} is given twice in this record with different details"));
                    }
                    return;
                }
                if (_shared.TryGetValue(id, out var seen))
                {
                    if (!seen.Hash.AsSpan().SequenceEqual(hash))
                    {
                        problems.Add((field, $"{what} {id} differs from the one given in record {seen.Record}"));
                    }
                    return;
                }
                if (_services.ContainsKey(id) || _serviceChildren.ContainsKey(id) || childIds.Any(c => c.Id == id))
                {
                    problems.Add((field, $"duplicate id {id}: already used for something else"));
                    return;
                }
                shared.Add((id, hash, entity));
            }
            void SharedChild(Guid id, Guid owner, string field)
            {
                if ((_sharedChildren.TryGetValue(id, out var seen) && seen.Owner != owner)
                    || sharedChildren.Any(c => c.Id == id && c.Owner != owner))
                {
                    problems.Add((field, $"duplicate id {id}: also used under another parent{(seen.Record > 0 ? $" in record {seen.Record}" : "")}"));
                }
                else if (_serviceChildren.ContainsKey(id) || childIds.Any(c => c.Id == id))
                {
                    problems.Add((field, $"duplicate id {id}: already used for something else"));
                }
                sharedChildren.Add((id, owner));
            }
            if (s.Organization is { } o)
            {
                Share(o.Id, o, "organization.id", "organization");
                for (var i = 0; i < o.Identifiers.Count; i++) { SharedChild(o.Identifiers[i].Id, o.Id, $"organization.organization_identifiers[{i}].id"); }
            }
            for (var i = 0; i < s.ServiceAtLocations.Count; i++)
            {
                if (s.ServiceAtLocations[i].Location is { } l)
                {
                    var p = $"service_at_locations[{i}].location";
                    Share(l.Id, l, p + ".id", "location");
                    for (var j = 0; j < l.Addresses.Count; j++) { SharedChild(l.Addresses[j].Id, l.Id, $"{p}.addresses[{j}].id"); }
                    for (var j = 0; j < l.Accessibility.Count; j++) { SharedChild(l.Accessibility[j].Id, l.Id, $"{p}.accessibility[{j}].id"); }
                }
            }
            for (var i = 0; i < s.Attributes.Count; i++)
            {
                if (s.Attributes[i].TaxonomyTerm is { } t && !Vocabulary.ById.ContainsKey(t.Id))
                {
                    Share(t.Id, t, $"attributes[{i}].taxonomy_term.id", "taxonomy term");
                }
            }

            if (problems.Count > 0)
            {
                foreach (var (field, rule) in problems)
                {
                    Rejections.Enqueue(new ImportRejection(number, r.Id, field, rule));
                }
                return false;
            }
            _services[s.Id] = number;
            foreach (var (id, _) in childIds) { _serviceChildren[id] = number; }
            foreach (var (id, hash, entity) in shared) { _shared[id] = new Shared(number, hash, entity); }
            foreach (var (id, owner) in sharedChildren) { _sharedChildren[id] = (owner, number); }
            return true;
        }

        public async Task WriteAsync(List<Incoming> chunk, int chunkSize, CancellationToken ct)
        {
            if (chunk.Count == 0)
            {
                return;
            }
            if (_firstChunk)
            {
                _firstChunk = false;
                // A big feed into an empty directory (more than one chunk): build the indexes once at the end.
                if (chunk.Count >= chunkSize && !ServicesAtStart && !OrganizationsAtStart && !LocationsAtStart)
                {
                    var tables = LoadedTables.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).ToList();
                    _deferred = await timings.TimeAsync("drop indexes", () => DeferredIndexes.DropAsync(db, tables, ct));
                }
            }
            var serviceIds = chunk.Select(c => c.Service.Id).ToList();
            var stored = !ServicesAtStart ? [] : await timings.TimeAsync("load stored services", () => ServiceGraphLoader.LoadAsync(db, serviceIds, ct));

            foreach (var old in stored.Values)
            {
                old.MinimumAge = OrukMapping.Normalise(old.MinimumAge);
                old.MaximumAge = OrukMapping.Normalise(old.MaximumAge);
                old.CostOptions.ForEach(c => c.Amount = OrukMapping.Normalise(c.Amount));
            }
            var orgIds = chunk.Select(c => c.Service.OrganizationId).OfType<Guid>().Distinct().ToList();
            var orgs = !OrganizationsAtStart ? [] : await ServiceGraphLoader.LoadOrganizationsAsync(db, orgIds, ct);
            var locationIds = chunk.SelectMany(c => c.Service.ServiceAtLocations).Select(x => x.LocationId).Distinct().ToList();
            var locations = !LocationsAtStart ? [] : await ServiceGraphLoader.LoadLocationsAsync(db, locationIds, ct);
            var termIds = chunk.SelectMany(c => c.Service.Attributes).Select(a => a.TaxonomyTermId).Where(id => !Vocabulary.ById.ContainsKey(id)).Distinct().ToList();
            var terms = await db.TaxonomyTerms.AsNoTracking().Where(t => EF.Parameter(termIds).Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
            var taxonomyIds = chunk.SelectMany(c => c.Service.Attributes).Select(a => a.TaxonomyTerm?.TaxonomyId).OfType<Guid>().Distinct().ToList();
            var taxonomies = (await db.Taxonomies.AsNoTracking().Where(t => EF.Parameter(taxonomyIds).Contains(t.Id)).Select(t => t.Id).ToListAsync(ct)).ToHashSet();

            var newOrgs = new List<Organization>();
            var changedOrgs = new List<Organization>();
            var newLocations = new List<Location>();
            var changedLocations = new List<Location>();
            var newTerms = new List<TaxonomyTerm>();
            var changedTerms = new List<TaxonomyTerm>();
            var newTaxonomies = new List<Taxonomy>();
            var newServices = new List<Service>();
            var changedServices = new List<Service>();

            foreach (var item in chunk)
            {
                var s = item.Service;
                var missing = ResolveReferences(s, orgs, locations, terms);
                if (missing is not null)
                {
                    Rejections.Enqueue(new ImportRejection(item.Number, s.Id, missing.Value.Field, missing.Value.Rule));
                    continue;
                }
                // Shared objects: the first record that brings one decides whether it is new or changed.
                if (s.Organization is { } o && _decided.Add(o.Id))
                {
                    Decide(o, orgs.GetValueOrDefault(o.Id), x => OrukExport.ToOruk(x), newOrgs, changedOrgs);
                }
                foreach (var l in s.ServiceAtLocations.Select(x => x.Location!))
                {
                    if (_decided.Add(l.Id))
                    {
                        Decide(l, locations.GetValueOrDefault(l.Id), OrukExport.ToOruk, newLocations, changedLocations);
                    }
                }
                foreach (var t in s.Attributes.Select(a => a.TaxonomyTerm!))
                {
                    if (!Vocabulary.ById.ContainsKey(t.Id) && _decided.Add(t.Id))
                    {
                        Decide(t, terms.GetValueOrDefault(t.Id), OrukExport.ToOruk, newTerms, changedTerms);
                        if (t.TaxonomyId is { } tid && !taxonomies.Contains(tid) && _decided.Add(tid))
                        {
                            newTaxonomies.Add(new Taxonomy { Id = tid, Name = t.TaxonomyName ?? "taxonomy", Description = t.TaxonomyName ?? "" });
                        }
                    }
                }

                if (stored.TryGetValue(s.Id, out var old))
                {
                    var was = s.LastModified;
                    if (!item.HasLastModified)
                    {
                        s.LastModified = old.LastModified;
                    }
                    if (timings.Time("compare", () => Canonical(s).AsSpan().SequenceEqual(Canonical(old))))
                    {
                        Unchanged++;
                        continue;
                    }
                    s.LastModified = item.HasLastModified ? was : now;
                    changedServices.Add(s);
                    Updated++;
                }
                else
                {
                    if (!item.HasLastModified)
                    {
                        s.LastModified = now;
                    }
                    newServices.Add(s);
                    Created++;
                }
            }

            await _writer.InsertAsync(newTaxonomies, ct);
            var changedOrgIds = changedOrgs.Select(o => o.Id).ToList();
            if (changedOrgIds.Count > 0)
            {
                await db.OrganizationIdentifiers.Where(x => EF.Parameter(changedOrgIds).Contains(x.OrganizationId)).ExecuteDeleteAsync(ct);
            }
            foreach (var o in newOrgs.Concat(changedOrgs))
            {
                o.LastModified = now;
            }
            await _writer.UpdateAsync(changedOrgs, ct);
            await _writer.InsertAsync(newOrgs, ct);
            await _writer.InsertAsync([.. newOrgs.Concat(changedOrgs).SelectMany(o => o.Identifiers)], ct);
            await _writer.UpdateAsync(changedTerms, ct);
            await _writer.InsertAsync(newTerms, ct);
            var changedLocationIds = changedLocations.Select(l => l.Id).ToList();
            if (changedLocationIds.Count > 0)
            {
                await db.Addresses.Where(a => EF.Parameter(changedLocationIds).Contains(a.LocationId)).ExecuteDeleteAsync(ct);
                await db.Accessibility.Where(a => EF.Parameter(changedLocationIds).Contains(a.LocationId)).ExecuteDeleteAsync(ct);
            }
            await _writer.UpdateAsync(changedLocations, ct);
            await _writer.InsertAsync(newLocations, ct);
            await _writer.InsertAsync([.. newLocations.Concat(changedLocations).SelectMany(l => l.Addresses)], ct);
            await _writer.InsertAsync([.. newLocations.Concat(changedLocations).SelectMany(l => l.Accessibility)], ct);

            var changedIds = changedServices.Select(s => s.Id).ToList();
            if (changedIds.Count > 0)
            {
                // Children of a changed service are replaced as a whole; the service row itself is updated in
                // place so that rows elsewhere that point at the service keep pointing at it.
                await db.Schedules.Where(x => x.ServiceId != null && EF.Parameter(changedIds).Contains(x.ServiceId.Value)).ExecuteDeleteAsync(ct);
                await db.ServiceAreas.Where(x => EF.Parameter(changedIds).Contains(x.ServiceId)).ExecuteDeleteAsync(ct);
                await db.ServiceAtLocations.Where(x => EF.Parameter(changedIds).Contains(x.ServiceId)).ExecuteDeleteAsync(ct);
                await db.Languages.Where(x => EF.Parameter(changedIds).Contains(x.ServiceId)).ExecuteDeleteAsync(ct);
                await db.Funding.Where(x => EF.Parameter(changedIds).Contains(x.ServiceId)).ExecuteDeleteAsync(ct);
                await db.CostOptions.Where(x => EF.Parameter(changedIds).Contains(x.ServiceId)).ExecuteDeleteAsync(ct);
                await db.Contacts.Where(x => EF.Parameter(changedIds).Contains(x.ServiceId)).ExecuteDeleteAsync(ct);
                await db.ServiceAttributes.Where(x => EF.Parameter(changedIds).Contains(x.ServiceId)).ExecuteDeleteAsync(ct);
                await _writer.UpdateAsync(changedServices, ct);
            }
            await _writer.InsertAsync(newServices, ct);
            var written = newServices.Concat(changedServices).ToList();
            ChangedServices.UnionWith(written.Select(s => s.Id));
            ChangedOrganizations.UnionWith(changedOrgIds);
            ChangedLocations.UnionWith(changedLocationIds);
            ChangedTerms |= changedTerms.Count > 0;
            await _writer.InsertAsync([.. written.SelectMany(s => s.Schedules)], ct);
            await _writer.InsertAsync([.. written.SelectMany(s => s.ServiceAreas)], ct);
            await _writer.InsertAsync([.. written.SelectMany(s => s.ServiceAtLocations)], ct);
            await _writer.InsertAsync([.. written.SelectMany(s => s.ServiceAtLocations).SelectMany(x => x.Schedules)], ct);
            await _writer.InsertAsync([.. written.SelectMany(s => s.Languages)], ct);
            await _writer.InsertAsync([.. written.SelectMany(s => s.Funding)], ct);
            await _writer.InsertAsync([.. written.SelectMany(s => s.CostOptions)], ct);
            await _writer.InsertAsync([.. written.SelectMany(s => s.Contacts)], ct);
            await _writer.InsertAsync([.. written.SelectMany(s => s.Contacts).SelectMany(c => c.Phones)], ct);
            await _writer.InsertAsync([.. written.SelectMany(s => s.Attributes)], ct);
        }

        private (string Field, string Rule)? ResolveReferences(Service s, Dictionary<Guid, Organization> orgs, Dictionary<Guid, Location> locations, Dictionary<Guid, TaxonomyTerm> terms)
        {
            if (s.Organization is null && s.OrganizationId is { } oid)
            {
                s.Organization = _shared.TryGetValue(oid, out var seen) ? (Organization)seen.Entity : orgs.GetValueOrDefault(oid);
                if (s.Organization is null)
                {
                    return ("organization_id", $"refers to organization {oid}, which is neither in the feed nor in the database");
                }
            }
            for (var i = 0; i < s.ServiceAtLocations.Count; i++)
            {
                var x = s.ServiceAtLocations[i];
                if (x.Location is null)
                {
                    x.Location = _shared.TryGetValue(x.LocationId, out var seen) ? (Location)seen.Entity : locations.GetValueOrDefault(x.LocationId);
                    if (x.Location is null)
                    {
                        return ($"service_at_locations[{i}].location_id", $"refers to location {x.LocationId}, which is neither in the feed nor in the database");
                    }
                }
            }
            for (var i = 0; i < s.Attributes.Count; i++)
            {
                var a = s.Attributes[i];
                if (a.TaxonomyTerm is null)
                {
                    a.TaxonomyTerm = _shared.TryGetValue(a.TaxonomyTermId, out var seen) ? (TaxonomyTerm)seen.Entity : terms.GetValueOrDefault(a.TaxonomyTermId);
                    if (a.TaxonomyTerm is null)
                    {
                        return ($"attributes[{i}].taxonomy_term_id", $"refers to taxonomy term {a.TaxonomyTermId}, which is neither in the feed nor in the database");
                    }
                }
            }
            return null;
        }

        private static void Decide<T, TContract>(T incoming, T? stored, Func<T, TContract> contract, List<T> created, List<T> changed)
            where T : class
        {
            if (stored is null)
            {
                created.Add(incoming);
            }
            else if (!JsonSerializer.SerializeToUtf8Bytes(contract(incoming), OrukJson.Options).AsSpan()
                .SequenceEqual(JsonSerializer.SerializeToUtf8Bytes(contract(stored), OrukJson.Options)))
            {
                changed.Add(incoming);
            }
        }

        private static byte[] Canonical(Service s) => JsonSerializer.SerializeToUtf8Bytes(OrukExport.ToOruk(s), OrukJson.Options);

    }

    /// <summary>Turns a serializer error into the field (as a JSON path) and the rule it broke.</summary>
    public static (string Field, string Rule) Explain(JsonException ex)
    {
        var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
        var message = ex.Message;
        const string missing = "missing required properties including: ";
        var at = message.IndexOf(missing, StringComparison.Ordinal);
        if (at >= 0)
        {
            var names = message[(at + missing.Length)..].Split('.')[0].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\'', '"'));
            var field = string.Join(", ", names.Select(n => path.Length == 0 ? n : $"{path}.{n}"));
            return (field, "is required");
        }
        string rule = message switch
        {
            _ when message.Contains("System.Guid", StringComparison.Ordinal) => "is not a UUID",
            _ when message.Contains("System.Double", StringComparison.Ordinal) || message.Contains("System.Decimal", StringComparison.Ordinal) => "must be a number",
            _ when message.Contains("System.Int32", StringComparison.Ordinal) => "must be a whole number",
            _ when message.Contains("System.String", StringComparison.Ordinal) => "must be a string",
            _ when message.Contains("System.Collections.Generic.List", StringComparison.Ordinal) => "must be an array",
            _ when message.Contains("Waymark.Core.Oruk.Oruk", StringComparison.Ordinal) => "must be an object",
            _ => message.Split(" Path:")[0],
        };
        return (path.Length == 0 ? "(record)" : path, rule);
    }
}
