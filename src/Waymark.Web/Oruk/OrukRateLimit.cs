using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Waymark.Web.Oruk;

/// <summary>
/// How many ORUK requests one client address may make a minute: an ordinary allowance for pages and records, and a
/// smaller one for the costly forms (the whole directory as ndjson, pages of more than 100), which draw on their own
/// allowance. Set by WAYMARK_ORUK_REQUESTS_PER_MINUTE and WAYMARK_ORUK_HEAVY_REQUESTS_PER_MINUTE.
/// </summary>
public sealed class OrukRateLimitOptions
{
    public const int DefaultPerMinute = 300;
    public const int DefaultHeavyPerMinute = 6;

    /// <summary>A page of more than this many records counts as a heavy request.</summary>
    public const int LightPageSize = 100;

    public int PerMinute { get; init; } = DefaultPerMinute;
    public int HeavyPerMinute { get; init; } = DefaultHeavyPerMinute;

    public static OrukRateLimitOptions FromConfiguration(IConfiguration configuration) => new()
    {
        PerMinute = Positive(configuration, "WAYMARK_ORUK_REQUESTS_PER_MINUTE", DefaultPerMinute),
        HeavyPerMinute = Positive(configuration, "WAYMARK_ORUK_HEAVY_REQUESTS_PER_MINUTE", DefaultHeavyPerMinute),
    };

    private static int Positive(IConfiguration configuration, string name, int fallback)
    {
        if (configuration[name] is not { Length: > 0 } text)
        {
            return fallback;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"{name} must be a whole number of requests a minute, 1 or more, not '{text}'.");
    }
}

/// <summary>
/// The per-address limit on <c>/oruk</c>, keyed on the client's address (the real client behind a trusted proxy, see
/// WAYMARK_TRUSTED_PROXIES). Over it, a 429 problem with Retry-After; the CORS header stays, so browsers can read it.
/// </summary>
internal sealed class OrukRateLimit(OrukRateLimitOptions options) : IRateLimiterPolicy<string>
{
    public const string Policy = "oruk";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var address = httpContext.Connection.RemoteIpAddress?.ToString() ?? "";
        var heavy = IsHeavy(httpContext.Request);
        return RateLimitPartition.GetFixedWindowLimiter((heavy ? "oruk-heavy:" : "oruk:") + address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = heavy ? options.HeavyPerMinute : options.PerMinute,
            Window = Window,
            QueueLimit = 0,
        });
    }

    public static bool IsHeavy(HttpRequest request) =>
        request.Query["format"].Any(f => string.Equals(f?.Trim(), "ndjson", StringComparison.OrdinalIgnoreCase))
        || request.Query["per_page"].Any(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size > OrukRateLimitOptions.LightPageSize);

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : (int)Window.TotalSeconds;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = $"This address has made too many requests to the Open Referral UK API. Try again in {seconds} seconds.",
            Type = "https://waymark.example/problems/rate-limited",
        };
        problem.Extensions["code"] = "rate-limited";
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
