using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Insights;
using Waymark.Core.Matching;
using Waymark.Core.Safety;
using Waymark.Core.Schedules;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Match;

/// <summary><c>GET /api/v1/match</c> (docs/contracts/matching.md §2): every parameter checked, every problem reported at once.</summary>
public static class MatchApi
{
    public static IReadOnlyList<string> Parameters => MatchQueryParser.Parameters;

    /// <summary>Members of a 400 about <c>near</c>: the places a repeated name could be, or the closest names to an unknown one.</summary>
    public const string NearCandidates = "near_candidates", NearSuggestions = "near_suggestions";

    /// <summary>How long a search waits for the first snapshot before it is told to come back.</summary>
    public static readonly TimeSpan StartingWait = MatchQueryParser.DirectoryWait;
    public const string RetryAfterSeconds = "5";

    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton(sp => new Gazetteer(sp.GetRequiredService<IDbContextFactory<WaymarkDbContext>>()));
        services.AddSingleton<DirectoryIndex>();
        services.AddSingleton<IReferralWaits, NoReferralWaits>();
        services.AddSingleton<Matcher>();
        services.AddSingleton<HelpNowPhones>();
        services.AddSingleton<MatchAnswers>();
        services.AddSingleton<UnmetNeedRecorder>();
        services.AddHostedService<UnmetNeedWriter>();
        services.AddSingleton<SearchListening>();
        services.AddHostedService<DirectoryChangeListener>();
        return services;
    }

    public static IEndpointRouteBuilder MapMatchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/match");
        group.MapGet("", FindAsync);
        return app;
    }

    private static async Task<IResult> FindAsync(
        HttpRequest request, Gazetteer gazetteer, DirectoryIndex index, Matcher matcher, IReferralWaits referralWaits,
        MatchAnswers answers, UnmetNeedRecorder unmetNeed, TimeProvider clock, CancellationToken ct)
    {
        var queryString = request.QueryString.Value ?? "";
        var minute = MatchAnswers.MinuteOf(clock.GetUtcNow());
        var waits = referralWaits.Measured;
        if (index.IsReady && answers.TryGet(queryString, index.Current, waits, minute, out var kept))
        {
            return Give(kept, unmetNeed);
        }

        var parse = await MatchQueryParser.ParseAsync(name => request.Query[name], gazetteer, index, ct);
        if (parse.DirectoryNotReady)
        {
            return StartingUp(request);
        }
        var query = parse.Query ?? throw Problem(parse);
        if (!await index.WaitUntilReadyAsync(StartingWait, ct))
        {
            return StartingUp(request);
        }
        var snapshot = index.Current;
        var searchedAt = MatchAnswers.StartOf(minute);
        var outcome = matcher.Match(snapshot, query, searchedAt);
        var answer = new MatchAnswers.Answer(
            JsonSerializer.SerializeToUtf8Bytes(ToResponse(outcome), MatchJson.Default.MatchResponse),
            outcome.Results.Count == 0 ? UnmetNeedKey.For(query.Place, query.GivenParameters, searchedAt) : null);
        answers.Keep(queryString, snapshot, waits, minute, answer);
        return Give(answer, unmetNeed);
    }

    /// <summary>An empty snapshot would say "nothing found", which is wrong: say "not yet" instead.</summary>
    private static IResult StartingUp(HttpRequest request)
    {
        request.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        return Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Search is starting up",
            detail: "The directory is still loading. Try again in a few seconds.");
    }

    private static JsonBody Give(MatchAnswers.Answer answer, UnmetNeedRecorder unmetNeed)
    {
        // Every search that found nothing counts, including one answered from a search just like it.
        if (answer.UnmetNeed is { } key)
        {
            unmetNeed.Record(key);
        }
        return new JsonBody(answer.Json);
    }

    /// <summary>
    /// Writes the answer's bytes, made by the generated serializer's fast path (Results.Json streams through the slower
    /// metadata path, ~7% of a search's CPU; the bytes on the wire are the same).
    /// </summary>
    private sealed class JsonBody(byte[] json) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "application/json";
            response.ContentLength = json.Length;
            return response.Body.WriteAsync(json, 0, json.Length, httpContext.RequestAborted);
        }
    }

    /// <summary>The problem document for a search whose parameters could not be understood: a 400 keyed by parameter.</summary>
    public static BadRequestException Problem(MatchQueryParse parse)
    {
        var extensions = new Dictionary<string, object>(StringComparer.Ordinal);
        if (parse.NearCandidates.Count > 0)
        {
            extensions[NearCandidates] = parse.NearCandidates.Select(PlaceChoice.Of).ToList();
        }
        else if (parse.NearSuggestions is { } suggestions)
        {
            extensions[NearSuggestions] = suggestions;
        }
        return new BadRequestException("invalid-parameter", "Some search parameters could not be understood.", parse.Errors.ToDictionary()) { Extensions = extensions };
    }


    private static MatchResponse ToResponse(MatchOutcome o) => new(
        Map(o.Results, r => new MatchResult(
            r.Id,
            r.Name,
            r.OrganizationId is { } orgId ? new OrganizationRef(orgId, r.OrganizationName ?? "") : null,
            r.Score,
            r.DistanceKm,
            r.Delivery,
            r.Format,
            r.DeliveredBy,
            r.OpenNow,
            r.NextOpen is { } next ? TimeZoneInfo.ConvertTime(next, UkTime.London) : null,
            r.TypicalWaitDays,
            r.WaitSource switch { WaitSource.Referrals => "referrals", WaitSource.Provider => "provider", _ => "unknown" },
            r.Reasons,
            r.Cautions,
            $"/services/{r.Id}")),
        Map(o.NearestMisses, m => new NearestMissResult(m.Id, m.Name, m.Breaks, m.Reason, m.DistanceKm, $"/services/{m.Id}")),
        o.Place is { } p ? new PlaceResult(p.Name, Math.Round(p.Latitude, 4), Math.Round(p.Longitude, 4), p.Precision.ToString().ToLowerInvariant()) : null,
        Map(o.Crisis, c => new CrisisResult(c.Name, c.Action, c.Hours)),
        Map(o.WhileYouWait, w => new WhileYouWaitResult(w.Id, w.Name, w.Reason, $"/services/{w.Id}")),
        o.TotalMatches);

    /// <summary>Each item mapped into an array of exactly the right length (the wire lists, written the same way as a list).</summary>
    private static TOut[] Map<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map)
    {
        var mapped = new TOut[items.Count];
        for (var i = 0; i < mapped.Length; i++)
        {
            mapped[i] = map(items[i]);
        }
        return mapped;
    }
}

// The wire contract (snake_case on the wire), kept apart from the matcher's own types.

/// <summary>Generated (reflection-free) writing of <see cref="MatchResponse"/>, with the options the contract has always used.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MatchResponse))]
internal sealed partial class MatchJson : JsonSerializerContext;

public sealed record MatchResponse(
    IReadOnlyList<MatchResult> Results,
    IReadOnlyList<NearestMissResult> NearestMisses,
    PlaceResult? Place,
    IReadOnlyList<CrisisResult> Crisis,
    IReadOnlyList<WhileYouWaitResult> WhileYouWait,
    int TotalMatches);

public sealed record MatchResult(
    Guid Id,
    string Name,
    OrganizationRef? Organization,
    double Score,
    double? DistanceKm,
    IReadOnlyList<string> Delivery,
    IReadOnlyList<string> Format,
    IReadOnlyList<string> DeliveredBy,
    bool OpenNow,
    DateTimeOffset? NextOpen,
    int? TypicalWaitDays,
    string WaitSource,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Cautions,
    string Url);

public sealed record OrganizationRef(Guid Id, string Name);

public sealed record NearestMissResult(Guid Id, string Name, string Breaks, string Reason, double? DistanceKm, string Url);

/// <summary>One of the places a repeated name could be; <c>near</c> is what to send to mean it.</summary>
public sealed record PlaceChoice(
    [property: JsonPropertyName("near")] string Near,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("local_authority")] string LocalAuthority,
    [property: JsonPropertyName("kind")] string Kind)
{
    public static PlaceChoice Of(GazetteerPlace p) => new(p.Label, p.Name, p.LocalAuthority, p.Kind.ToString().ToLowerInvariant());
}

public sealed record PlaceResult(string Name, double Lat, double Lon, string Precision);

public sealed record CrisisResult(string Name, string Contact, string Hours);

public sealed record WhileYouWaitResult(Guid Id, string Name, string Reason, string Url);
