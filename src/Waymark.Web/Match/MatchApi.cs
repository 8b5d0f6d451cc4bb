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
using Waymark.Core.Schedules;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Match;

/// <summary><c>GET /api/v1/match</c> (docs/contracts/matching.md §2): every parameter checked, every problem reported at once.</summary>
public static partial class MatchApi
{
    public static readonly IReadOnlyList<string> Parameters =
        ["near", "within_km", "delivery", "format", "when", "open_now", "at", "access", "free", "age", "gender", "circumstances", "member_of", "language", "needs", "prefer", "urgency", "limit"];

    /// <summary>Members of a 400 about <c>near</c>: the places a repeated name could be, or the closest names to an unknown one.</summary>
    public const string NearCandidates = "near_candidates", NearSuggestions = "near_suggestions";

    /// <summary>How long a search waits for the first snapshot before it is told to come back.</summary>
    public static readonly TimeSpan StartingWait = TimeSpan.FromSeconds(10);
    public const string RetryAfterSeconds = "5";

    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton(sp => new Gazetteer(sp.GetRequiredService<IDbContextFactory<WaymarkDbContext>>()));
        services.AddSingleton<DirectoryIndex>();
        services.AddSingleton<IReferralWaits, NoReferralWaits>();
        services.AddSingleton<Matcher>();
        services.AddSingleton<MatchAnswers>();
        services.AddSingleton<UnmetNeedRecorder>();
        services.AddHostedService<UnmetNeedWriter>();
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

        MatchQuery query;
        try
        {
            query = await ParseAsync(request.Query, gazetteer, index, ct);
        }
        catch (DirectoryNotReadyException)
        {
            return StartingUp(request);
        }
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

    /// <summary>
    /// Reads the query string into a <see cref="MatchQuery"/>, or throws one 400 naming every bad parameter. Organisations
    /// in <c>member_of</c> are checked against the search snapshot, so a search naming one waits for the first load (and
    /// throws <see cref="DirectoryNotReadyException"/> if it is still not in).
    /// </summary>
    public static async Task<MatchQuery> ParseAsync(IQueryCollection raw, Gazetteer gazetteer, DirectoryIndex directory, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var given = new List<string>();

        string? Value(string name)
        {
            if (!raw.TryGetValue(name, out var values))
            {
                return null;
            }
            if (values.Count > 1)
            {
                errors[name] = [$"Give {name} once."];
                return null;
            }
            var v = values[0]?.Trim();
            if (string.IsNullOrEmpty(v))
            {
                return null;
            }
            given.Add(name);
            return v;
        }

        UInt128? Family(string name, string family)
        {
            if (Value(name) is not { } v)
            {
                return null;
            }
            var set = UInt128.Zero;
            var bad = new List<string>();
            foreach (var item in v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var code = item.StartsWith(family + ":", StringComparison.Ordinal) ? item : family + ":" + item;
                if (Codes.TryBit(code, out var bit))
                {
                    set |= bit;
                }
                else
                {
                    bad.Add(item);
                }
            }
            if (bad.Count > 0)
            {
                errors[name] = [$"Use a comma list of: {string.Join(", ", Vocabulary.Family(family).Select(t => t.Value))}."];
                return null;
            }
            return set == UInt128.Zero ? null : set;
        }

        bool? Boolean(string name) => Value(name) switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Fail<bool?>(name, $"Use true or false.", null),
        };

        T Fail<T>(string name, string message, T value)
        {
            errors[name] = [message];
            return value;
        }

        var withinKm = MatchQuery.DefaultWithinKm;
        if (Value("within_km") is { } w)
        {
            if (double.TryParse(w, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var km) && km > 0 && km <= MatchQuery.MaxWithinKm)
            {
                withinKm = km;
            }
            else
            {
                errors["within_km"] = ["Use a number of kilometres above 0 and up to 200."];
            }
        }

        var delivery = Family("delivery", "delivery");
        var format = Family("format", "format");
        var needs = Family("needs", "access-needs");

        var when = WhenWindows.None;
        if (Value("when") is { } whenText)
        {
            foreach (var item in whenText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var window = item switch
                {
                    "weekday-daytime" => WhenWindows.WeekdayDaytime,
                    "weekday-evening" => WhenWindows.WeekdayEvening,
                    "weekend" => WhenWindows.Weekend,
                    _ => WhenWindows.None,
                };
                if (window == WhenWindows.None)
                {
                    errors["when"] = ["Use a comma list of: weekday-daytime, weekday-evening, weekend."];
                }
                when |= window;
            }
        }

        var openNow = Boolean("open_now") ?? false;
        var free = Boolean("free") ?? false;

        DateTimeOffset? at = null;
        if (Value("at") is { } atText)
        {
            at = TryParseAt(atText, out var instant) ? instant
                : Fail<DateTimeOffset?>("at", "Use an ISO 8601 date and time between the years 2000 and 2100, such as 2026-12-01T18:00 (UK time) or 2026-12-01T18:00:00Z; a date alone is not enough.", null);
        }

        var selfAccess = Value("access") switch
        {
            null => false,
            "self" => true,
            _ => Fail("access", "Use self: services you can contact yourself.", false),
        };

        int? age = null;
        if (Value("age") is { } ageText)
        {
            age = int.TryParse(ageText, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= 120 ? years
                : Fail<int?>("age", "Use a whole number of years from 0 to 120.", null);
        }

        Gender? gender = Value("gender") switch
        {
            null => null,
            "woman" => Gender.Woman,
            "man" => Gender.Man,
            "non-binary" => Gender.NonBinary,
            _ => Fail<Gender?>("gender", "Use woman, man or non-binary.", null),
        };

        bool student = false, employee = false;
        if (Value("circumstances") is { } circumstances)
        {
            foreach (var item in circumstances.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                switch (item)
                {
                    case "student": student = true; break;
                    case "employee": employee = true; break;
                    default: errors["circumstances"] = ["Use a comma list of: student, employee."]; break;
                }
            }
        }

        var memberOf = new List<Guid>();
        if (Value("member_of") is { } members)
        {
            var malformed = false;
            foreach (var item in members.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (Guid.TryParseExact(item, "D", out var id))
                {
                    if (!memberOf.Contains(id))
                    {
                        memberOf.Add(id);
                    }
                }
                else
                {
                    malformed = true;
                }
            }
            if (malformed)
            {
                errors["member_of"] = ["Use a comma list of organisation ids, such as 5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001."];
            }
            else if (memberOf.Count > 0)
            {
                if (!await directory.WaitUntilReadyAsync(StartingWait, ct))
                {
                    throw new DirectoryNotReadyException();
                }
                var snapshot = directory.Current;
                var unknown = memberOf.Where(id => !snapshot.HasOrganization(id)).ToList();
                if (unknown.Count > 0)
                {
                    errors["member_of"] = [$"Use the ids of organisations in the directory; no organisation with a service has the id {string.Join(", ", unknown)}."];
                }
            }
        }

        string? language = null;
        if (Value("language") is { } lang)
        {
            var code = lang.ToLowerInvariant();
            language = Languages.IsIso6391(code) ? code : Fail<string?>("language", "Use a two-letter ISO 639-1 language code, such as en, pl or ur.", null);
        }

        var prefer = UInt128.Zero;
        if (Value("prefer") is { } preferText)
        {
            foreach (var item in preferText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (Codes.TryBit(item, out var bit))
                {
                    prefer |= bit;
                }
                else
                {
                    errors["prefer"] = ["Use a comma list of Waymark codes with their prefix, such as delivered-by:peer,format:one-to-one."];
                }
            }
        }

        var urgency = Value("urgency") switch
        {
            null or "routine" => Urgency.Routine,
            "soon" => Urgency.Soon,
            "now" => Urgency.Now,
            _ => Fail("urgency", "Use now, soon or routine.", Urgency.Routine),
        };

        var limit = MatchQuery.DefaultLimit;
        if (Value("limit") is { } limitText)
        {
            limit = int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MatchQuery.MaxLimit ? n
                : Fail("limit", "Use a whole number from 1 to 50.", MatchQuery.DefaultLimit);
        }

        ResolvedPlace? place = null;
        var extensions = new Dictionary<string, object>(StringComparer.Ordinal);
        if (Value("near") is { } near)
        {
            var lookup = await gazetteer.LookUpAsync(near, ct);
            place = lookup.Place;
            if (place is null)
            {
                errors["near"] = [NearProblem(near, lookup)];
                if (lookup.Candidates.Count > 0)
                {
                    extensions[NearCandidates] = lookup.Candidates.Select(PlaceChoice.Of).ToList();
                }
                else
                {
                    extensions[NearSuggestions] = lookup.Suggestions;
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new BadRequestException("invalid-parameter", "Some search parameters could not be understood.", errors) { Extensions = extensions };
        }

        return new MatchQuery
        {
            Place = place,
            WithinKm = withinKm,
            Delivery = delivery,
            Format = format,
            When = when,
            OpenNow = openNow,
            At = at,
            SelfAccessOnly = selfAccess,
            FreeOnly = free,
            Age = age,
            Gender = gender,
            Student = student,
            Employee = employee,
            MemberOf = memberOf,
            Language = language,
            Needs = needs ?? UInt128.Zero,
            Prefer = prefer,
            Urgency = urgency,
            Limit = limit,
            GivenParameters = given,
        };
    }

    /// <summary>Why <c>near</c> gave no place, and what to send instead.</summary>
    private static string NearProblem(string near, NearLookup lookup)
    {
        if (lookup.Candidates.Count > 0)
        {
            var name = lookup.Candidates[0].Name;
            return $"There are {lookup.Candidates.Count} places called {name}. Send one of near_candidates[].near as near (such as \"{lookup.Candidates[0].Label}\"), or a postcode.";
        }
        var tail = "Use a UK postcode (S1 2HE), a postcode district (S1), a town or village in England (Skipton; qualify a repeated name with its council: \"Newton, Rugby\") or lat,lon (53.38,-1.47).";
        return lookup.Suggestions.Count > 0
            ? $"No place in England is called \"{near.Trim()}\". The closest names are in near_suggestions. {tail}"
            : $"We could not find that place. {tail}";
    }

    /// <summary>An ISO 8601 date and time; without an offset it is UK local time. A '+' that arrived as a space is read as '+'.</summary>
    public static bool TryParseAt(string text, out DateTimeOffset at)
    {
        at = default;
        var m = AtPattern().Match(text);
        if (!m.Success)
        {
            return false;
        }
        var local = m.Groups["local"].Value;
        if (!DateTime.TryParseExact(local, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)
            || dt.Year is < 2000 or > 2100)
        {
            return false;
        }
        var zone = m.Groups["zone"].Value;
        if (zone.Length == 0)
        {
            at = UkTime.ToInstant(dt);
            return true;
        }
        if (zone is "Z" or "z")
        {
            at = new DateTimeOffset(dt, TimeSpan.Zero);
            return true;
        }
        var digits = zone[1..].Replace(":", "", StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = int.Parse(digits[2..], CultureInfo.InvariantCulture);
        // Offsets run from -14:00 to +14:00; anything beyond is not a time anywhere (and DateTimeOffset refuses it).
        if (minutes > 59 || (hours * 60) + minutes > 14 * 60)
        {
            return false;
        }
        var offset = new TimeSpan(hours, minutes, 0);
        at = new DateTimeOffset(dt, zone[0] == '-' ? -offset : offset);
        return true;
    }

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)(?<zone>Z|z|[+\- ]\d{2}:?\d{2})?$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex AtPattern();

    private static MatchResponse ToResponse(MatchOutcome o) => new(
        [.. o.Results.Select(r => new MatchResult(
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
            $"/services/{r.Id}"))],
        [.. o.NearestMisses.Select(m => new NearestMissResult(m.Id, m.Name, m.Breaks, m.Reason, m.DistanceKm, $"/services/{m.Id}"))],
        o.Place is { } p ? new PlaceResult(p.Name, Math.Round(p.Latitude, 4), Math.Round(p.Longitude, 4), p.Precision.ToString().ToLowerInvariant()) : null,
        [.. o.Crisis.Select(c => new CrisisResult(c.Name, c.Action, c.Hours))],
        [.. o.WhileYouWait.Select(w => new WhileYouWaitResult(w.Id, w.Name, w.Reason, $"/services/{w.Id}"))],
        o.TotalMatches);
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
