using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Oruk;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Oruk;

/// <summary>
/// The read-only Open Referral UK 3.0 API (docs/contracts/oruk.md §1): public, GET only, CORS open to every origin,
/// bodies shaped by the validator's schemas. Lists are ordered by name then id (ordinal), so pages are stable.
/// </summary>
public static class OrukApi
{
    public const string CorsPolicy = "oruk";
    public const string Version = "HSDS-UK-3.0";
    public const string ProfileUrl = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/profile";
    public const string OpenApiUrl = "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/profile/openapi.json";
    private const int LoadBatch = 200;

    public static IServiceCollection AddOrukApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET").AllowAnyHeader()));
        var limits = OrukRateLimitOptions.FromConfiguration(configuration);
        services.AddSingleton(limits);
        services.AddRateLimiter(o => o.AddPolicy(OrukRateLimit.Policy, new OrukRateLimit(limits)));
        return services;
    }

    public static RouteGroupBuilder MapOrukApi(this IEndpointRouteBuilder app)
    {
        var oruk = app.MapGroup("/oruk").RequireCors(CorsPolicy).RequireRateLimiting(OrukRateLimit.Policy).WithTags("Open Referral UK");
        oruk.MapGet("/", () => Results.Json(new OrukApiDetails(Version, ProfileUrl, OpenApiUrl), OrukJson.Options));
        oruk.MapGet("/services", ListServices);
        oruk.MapGet("/services/{id}", GetService);
        oruk.MapGet("/service_at_locations", ListServiceAtLocations);
        oruk.MapGet("/service_at_locations/{id}", GetServiceAtLocation);
        oruk.MapGet("/organizations", ListOrganizations);
        oruk.MapGet("/organizations/{id}", GetOrganization);
        oruk.MapGet("/taxonomies", ListTaxonomies);
        oruk.MapGet("/taxonomies/{id}", GetTaxonomy);
        oruk.MapGet("/taxonomy_terms", ListTaxonomyTerms);
        oruk.MapGet("/taxonomy_terms/{id}", GetTaxonomyTerm);
        return oruk;
    }

    // ---- services ------------------------------------------------------------------------------

    private static async Task<IResult> ListServices(HttpRequest request, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext db, Gazetteer gazetteer, CancellationToken ct)
    {
        var q = new OrukQuery(request.Query);
        var filter = await ServiceFilterAsync(q, gazetteer, ct);
        var full = !(q.Bool("minimal") == true || q.Bool("full") == false);
        var ndjson = q.Ndjson;
        var (page, perPage) = q.Paging();

        if (ndjson)
        {
            // A batch of ids at a time, each a seek on the list's index after the last: the whole set is never held.
            return Ndjson(Batches(filter.BatchesAsync(db, LoadBatch, ct), batch => LoadServicesAsync(db, batch, full, ct)));
        }
        var (ids, total) = await filter.PageAsync(db, page, perPage, ct);
        var contents = await LoadServicesAsync(db, ids, full, ct);
        return Page(contents, total, page, perPage);
    }

    private static async Task<IResult> GetService(string id, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext db, CancellationToken ct)
    {
        var key = Id(id);
        var service = await db.Services.WithFullGraph().AsNoTracking().FirstOrDefaultAsync(s => s.Id == key, ct);
        if (service is null)
        {
            return NotFound("service", key);
        }
        var history = await db.Metadata.AsNoTracking().Where(m => m.ResourceId == key).ToListAsync(ct);
        return Json(OrukExport.ToOruk(service) with
        {
            Metadata = [.. history.OrderBy(m => m.LastActionDate).ThenBy(m => m.Id).Select(OrukMetadataExport.ToPublicOruk)],
        });
    }

    private static async Task<OrukServiceFilter> ServiceFilterAsync(OrukQuery q, Gazetteer gazetteer, CancellationToken ct)
    {
        var filter = new OrukServiceFilter
        {
            Search = q.Text("search") ?? q.Text("text"),
            TaxonomyTermId = q.Uuid("taxonomy_term_id"),
            TaxonomyId = q.Uuid("taxonomy_id"),
            OrganizationId = q.Uuid("organization_id"),
            ModifiedAfter = q.Instant("modified_after"),
            MinimumAge = q.Decimal("minimum_age", 0, 150),
            MaximumAge = q.Decimal("maximum_age", 0, 150),
            Day = q.Day("day"),
            StartTime = q.Time("start_time"),
            EndTime = q.Time("end_time"),
        };
        var proximity = q.Text("proximity") is null ? (double?)null : (double)q.Decimal("proximity", 1, (decimal)OrukQuery.MaxProximityMetres)!;
        if (q.Text("postcode") is { } postcode)
        {
            if (!Gazetteer.IsPostcodeShaped(postcode))
            {
                throw BadRequestException.ForParameter("postcode", "postcode must be a UK postcode or postcode district, such as S1 2HE or S1.");
            }
            var place = await gazetteer.ResolveAsync(postcode, ct)
                ?? throw BadRequestException.ForParameter("postcode", $"We could not find the postcode {postcode.ToUpperInvariant()}.");
            filter = filter with { Near = (place.Latitude, place.Longitude), ProximityMetres = proximity ?? OrukQuery.DefaultProximityMetres };
        }
        else if (proximity is not null)
        {
            throw BadRequestException.ForParameter("proximity", "proximity needs a postcode to measure from.");
        }
        return filter;
    }

    /// <summary>
    /// The page's services in the order of <paramref name="ids"/>. A full service's graph comes from
    /// <see cref="ServiceGraphLoader"/>: one flat query per table, joined in memory, which is several times cheaper
    /// than EF Core's split includes (most of a page's time, the SQL itself being a few milliseconds).
    /// </summary>
    private static async Task<List<OrukService>> LoadServicesAsync(WaymarkDbContext db, IReadOnlyList<Guid> ids, bool full, CancellationToken ct)
    {
        if (full)
        {
            var graphs = await ServiceGraphLoader.LoadAsync(db, ids, ct);
            return [.. ids.Where(graphs.ContainsKey).Select(id => OrukExport.ToOruk(graphs[id]))];
        }
        var services = await db.Services.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync(ct);
        var byId = services.ToDictionary(s => s.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => OrukExport.ToOrukSummary(byId[id]))];
    }

    // ---- service_at_locations ----------------------------------------------------------------------

    private static async Task<IResult> ListServiceAtLocations(HttpRequest request, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext db, Gazetteer gazetteer, CancellationToken ct)
    {
        var q = new OrukQuery(request.Query);
        var filter = await ServiceFilterAsync(q, gazetteer, ct);
        var ndjson = q.Ndjson;
        var (page, perPage) = q.Paging();

        // Services are matched without the distance, which is then judged per location.
        var serviceOrder = (await (filter with { Near = null }).MatchingIdsAsync(db, ct))
            .Select((id, rank) => (id, rank)).ToDictionary(x => x.id, x => x.rank);
        var rows = await db.ServiceAtLocations.AsNoTracking()
            .Select(x => new { x.Id, x.ServiceId, x.Location })
            .ToListAsync(ct);
        var ids = rows
            .Where(r => serviceOrder.ContainsKey(r.ServiceId) && filter.IsNear(r.Location))
            .OrderBy(r => serviceOrder[r.ServiceId]).ThenBy(r => r.Id)
            .Select(r => r.Id)
            .ToList();
        if (ndjson)
        {
            return Ndjson(Batches(ids, batch => LoadServiceAtLocationsAsync(db, batch, ct)));
        }
        var contents = await LoadServiceAtLocationsAsync(db, Slice(ids, page, perPage), ct);
        return Page(contents, ids.Count, page, perPage);
    }

    private static async Task<List<OrukServiceAtLocation>> LoadServiceAtLocationsAsync(WaymarkDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var found = await WithLocation(db.ServiceAtLocations.AsNoTracking())
            .Include(x => x.Service).ThenInclude(s => s!.Organization).ThenInclude(o => o!.Identifiers)
            .Where(x => ids.Contains(x.Id))
            .AsSplitQuery()
            .ToListAsync(ct);
        var byId = found.ToDictionary(x => x.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => OrukExport.ToOruk(byId[id], OrukExport.ToOrukSummary(byId[id].Service!, includeOrganization: true)))];
    }

    private static async Task<IResult> GetServiceAtLocation(string id, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext db, CancellationToken ct)
    {
        var key = Id(id);
        var found = await WithLocation(db.ServiceAtLocations.AsNoTracking()).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == key, ct);
        if (found is null)
        {
            return NotFound("service_at_location", key);
        }
        var service = await db.Services.WithFullGraph().AsNoTracking().FirstAsync(s => s.Id == found.ServiceId, ct);
        return Json(OrukExport.ToOruk(found, OrukExport.ToOruk(service)));
    }

    private static IQueryable<ServiceAtLocation> WithLocation(IQueryable<ServiceAtLocation> query) => query
        .Include(x => x.Location).ThenInclude(l => l!.Addresses)
        .Include(x => x.Location).ThenInclude(l => l!.Accessibility)
        .Include(x => x.Schedules);

    // ---- organizations --------------------------------------------------------------------------

    private static async Task<IResult> ListOrganizations(HttpRequest request, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext db, CancellationToken ct)
    {
        var q = new OrukQuery(request.Query);
        var search = q.Text("search") ?? q.Text("text");
        var withServices = q.Bool("full") == true || q.Bool("full_service") == true;
        var fullServices = q.Bool("full_service") == true;
        var ndjson = q.Ndjson;
        var (page, perPage) = q.Paging();

        var query = db.Organizations.AsNoTracking();
        if (search is not null)
        {
            var term = search.ToLowerInvariant();
#pragma warning disable CA1862 // lower() + contains is what EF translates on both engines.
            query = query.Where(o => o.Name.ToLower().Contains(term) || o.Description.ToLower().Contains(term));
#pragma warning restore CA1862
        }
        // Ordered and paged in the database, as services are (see OrukServiceFilter.InListOrder).
        var ordered = query.OrderBy(o => EF.Functions.Collate(o.Name, Database.OrdinalCollation(db))).ThenBy(o => o.Id).Select(o => o.Id);
        if (ndjson)
        {
            var all = await ordered.ToListAsync(ct);
            return Ndjson(Batches(all, batch => LoadOrganizationsAsync(db, batch, withServices, fullServices, ct)));
        }
        var total = await query.CountAsync(ct);
        var skip = (long)(page - 1) * perPage;
        List<Guid> ids = skip >= total ? [] : await ordered.Skip((int)skip).Take(perPage).ToListAsync(ct);
        var contents = await LoadOrganizationsAsync(db, ids, withServices, fullServices, ct);
        return Page(contents, total, page, perPage);
    }

    private static async Task<IResult> GetOrganization(string id, HttpRequest request, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext db, CancellationToken ct)
    {
        var key = Id(id);
        var fullServices = new OrukQuery(request.Query).Bool("full_service") == true;
        var found = await LoadOrganizationsAsync(db, [key], withServices: true, fullServices, ct);
        return found.Count == 0 ? NotFound("organization", key) : Json(found[0]);
    }

    private static async Task<List<OrukOrganization>> LoadOrganizationsAsync(
        WaymarkDbContext db, IReadOnlyList<Guid> ids, bool withServices, bool fullServices, CancellationToken ct)
    {
        var organizations = await db.Organizations.AsNoTracking().Include(o => o.Identifiers).Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        ILookup<Guid?, Service> services = Array.Empty<Service>().ToLookup(s => s.OrganizationId);
        if (withServices)
        {
            var query = db.Services.AsNoTracking().Where(s => s.OrganizationId != null && ids.Contains(s.OrganizationId.Value));
            services = (fullServices ? await query.WithFullGraph().ToListAsync(ct) : await query.ToListAsync(ct)).ToLookup(s => s.OrganizationId);
        }
        var byId = organizations.ToDictionary(o => o.Id);
        return [.. ids.Where(byId.ContainsKey).Select(id => OrukExport.ToOruk(
            byId[id],
            withServices
                ? services[id].OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)
                    .Select(s => fullServices ? OrukExport.ToOruk(s, includeOrganization: false) : OrukExport.ToOrukSummary(s))
                : null))];
    }

    // ---- taxonomies and terms ------------------------------------------------------------------

    private static async Task<IResult> ListTaxonomies(HttpRequest request, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext db, CancellationToken ct)
    {
        var q = new OrukQuery(request.Query);
        var ndjson = q.Ndjson;
        var (page, perPage) = q.Paging();
        var all = (await db.Taxonomies.AsNoTracking().ToListAsync(ct))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id)
            .Select(t => OrukExport.ToOruk(t))
            .ToList();
        return ndjson ? Ndjson(ToAsync(all)) : Page(Slice(all, page, perPage), all.Count, page, perPage);
    }

    private static async Task<IResult> GetTaxonomy(string id, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext db, CancellationToken ct)
    {
        var key = Id(id);
        var taxonomy = await db.Taxonomies.AsNoTracking().FirstOrDefaultAsync(t => t.Id == key, ct);
        if (taxonomy is null)
        {
            return NotFound("taxonomy", key);
        }
        var terms = (await db.TaxonomyTerms.AsNoTracking().Where(t => t.TaxonomyId == key).ToListAsync(ct))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id);
        return Json(OrukExport.ToOruk(taxonomy, terms));
    }

    private static async Task<IResult> ListTaxonomyTerms(HttpRequest request, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext db, CancellationToken ct)
    {
        var q = new OrukQuery(request.Query);
        var search = q.Text("search") ?? q.Text("text");
        var taxonomyId = q.Uuid("taxonomy_id");
        var parentId = q.Uuid("parent_id");
        var topOnly = q.Bool("top_only") == true;
        var ndjson = q.Ndjson;
        var (page, perPage) = q.Paging();

        var query = db.TaxonomyTerms.AsNoTracking();
        if (taxonomyId is { } taxonomy)
        {
            query = query.Where(t => t.TaxonomyId == taxonomy);
        }
        if (parentId is { } parent)
        {
            query = query.Where(t => t.ParentId == parent);
        }
        if (topOnly)
        {
            query = query.Where(t => t.ParentId == null);
        }
        if (search is not null)
        {
            var term = search.ToLowerInvariant();
#pragma warning disable CA1862 // lower() + contains is what EF translates on both engines.
            query = query.Where(t => t.Name.ToLower().Contains(term) || (t.Code != null && t.Code.ToLower().Contains(term)));
#pragma warning restore CA1862
        }
        var all = (await query.ToListAsync(ct))
            .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id)
            .Select(OrukExport.ToOruk)
            .ToList();
        return ndjson ? Ndjson(ToAsync(all)) : Page(Slice(all, page, perPage), all.Count, page, perPage);
    }

    private static async Task<IResult> GetTaxonomyTerm(string id, [FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext db, CancellationToken ct)
    {
        var key = Id(id);
        var term = await db.TaxonomyTerms.AsNoTracking().FirstOrDefaultAsync(t => t.Id == key, ct);
        return term is null ? NotFound("taxonomy_term", key) : Json(OrukExport.ToOruk(term));
    }

    // ---- shared --------------------------------------------------------------------------------

    private static Guid Id(string id) =>
        Guid.TryParse(id, out var key) ? key : throw BadRequestException.ForParameter("id", "id must be a UUID.");

    private static IResult Json<T>(T body) => Results.Json(body, OrukJson.Options);

    private static IResult NotFound(string kind, Guid id) => Results.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found",
        Detail = $"There is no {kind} with id {id}.",
        Type = "https://waymark.example/problems/not-found",
        Extensions = { ["code"] = "not-found" },
    });

    private static List<T> Slice<T>(IReadOnlyList<T> all, int page, int perPage)
    {
        var skip = (long)(page - 1) * perPage;
        return skip >= all.Count ? [] : [.. all.Skip((int)skip).Take(perPage)];
    }

    /// <summary>The page envelope; <c>size</c> is the page size asked for (as in Spring's Page, whence the names).</summary>
    private static IResult Page<T>(IReadOnlyList<T> contents, int total, int page, int perPage)
    {
        var totalPages = Math.Max(1, (int)Math.Ceiling(total / (double)perPage));
        return Json(new OrukPage<T>(total, totalPages, page, perPage, page == 1, page >= totalPages, contents.Count == 0, contents));
    }

    private static async IAsyncEnumerable<T> Batches<T>(IAsyncEnumerable<List<Guid>> batches, Func<IReadOnlyList<Guid>, Task<List<T>>> load)
    {
        await foreach (var batch in batches)
        {
            foreach (var item in await load(batch))
            {
                yield return item;
            }
        }
    }

    private static async IAsyncEnumerable<T> Batches<T>(List<Guid> ids, Func<IReadOnlyList<Guid>, Task<List<T>>> load)
    {
        foreach (var batch in ids.Chunk(LoadBatch))
        {
            foreach (var item in await load(batch))
            {
                yield return item;
            }
        }
    }

#pragma warning disable CS1998 // An in-memory list, presented like the batched database streams.
    private static async IAsyncEnumerable<T> ToAsync<T>(IEnumerable<T> items)
#pragma warning restore CS1998
    {
        foreach (var item in items)
        {
            yield return item;
        }
    }

    /// <summary>Every record, one JSON object a line, written as it is loaded.</summary>
    private static IResult Ndjson<T>(IAsyncEnumerable<T> records) => Results.Stream(async body =>
    {
        var newline = "\n"u8.ToArray();
        await foreach (var record in records)
        {
            await JsonSerializer.SerializeAsync(body, record, OrukJson.Options);
            await body.WriteAsync(newline);
        }
    }, "application/x-ndjson");
}
