using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Oruk;

/// <summary>The app with small ORUK allowances, so a test can use one up.</summary>
public sealed class OrukLimitedApp : WaymarkApp
{
    public const int PerMinute = 5;
    public const int HeavyPerMinute = 2;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("WAYMARK_ORUK_REQUESTS_PER_MINUTE", PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("WAYMARK_ORUK_HEAVY_REQUESTS_PER_MINUTE", HeavyPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// The public ORUK API limits each client address: an ordinary allowance a minute, and a smaller one of its own for the
/// costly forms (the whole directory as ndjson, pages of more than 100). Over it: 429, Retry-After, a problem+json body,
/// and the CORS header still there. Each test comes from addresses of its own.
/// </summary>
public sealed class OrukRateLimitTests(OrukLimitedApp app) : IClassFixture<OrukLimitedApp>
{
    private static int _next;

    private static IPAddress NewAddress() => IPAddress.Parse($"198.51.100.{Interlocked.Increment(ref _next)}");

    private Task<HttpContext> GetAsync(IPAddress from, string pathAndQuery, string? forwardedFor = null) =>
        app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = from;
            c.Request.Method = "GET";
            var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
            c.Request.Path = q < 0 ? pathAndQuery : pathAndQuery[..q];
            c.Request.QueryString = q < 0 ? QueryString.Empty : new QueryString(pathAndQuery[q..]);
            c.Request.Headers.Origin = "https://another-directory.example";
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });

    [Fact]
    public async Task Past_the_allowance_an_address_gets_a_429_problem_with_retry_after_and_cors()
    {
        var client = NewAddress();
        for (var i = 0; i < OrukLimitedApp.PerMinute; i++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await GetAsync(client, "/oruk/taxonomies")).Response.StatusCode);
        }

        var refused = await GetAsync(client, "/oruk/taxonomies");

        Assert.Equal(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.InRange(int.Parse(refused.Response.Headers.RetryAfter!, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("*", refused.Response.Headers.AccessControlAllowOrigin);
        Assert.Equal("application/problem+json", refused.Response.ContentType);
        using var body = await JsonDocument.ParseAsync(refused.Response.Body);
        Assert.Equal(429, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("rate-limited", body.RootElement.GetProperty("code").GetString());
        // Another client is not held back by this one.
        Assert.Equal(StatusCodes.Status200OK, (await GetAsync(NewAddress(), "/oruk/taxonomies")).Response.StatusCode);
    }

    [Theory]
    [InlineData("/oruk/services?format=ndjson")]
    [InlineData("/oruk/services?per_page=1000&search=group")]
    [InlineData("/oruk/organizations?per_page=101")]
    public async Task Heavy_requests_have_a_smaller_allowance_of_their_own(string heavy)
    {
        var client = NewAddress();
        for (var i = 0; i < OrukLimitedApp.HeavyPerMinute; i++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await GetAsync(client, heavy)).Response.StatusCode);
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, (await GetAsync(client, heavy)).Response.StatusCode);
        Assert.Equal(StatusCodes.Status429TooManyRequests, (await GetAsync(client, "/oruk/taxonomies?format=ndjson")).Response.StatusCode);
        // Light requests still have their own allowance.
        Assert.Equal(StatusCodes.Status200OK, (await GetAsync(client, "/oruk/services?per_page=100")).Response.StatusCode);
    }

    [Fact]
    public async Task Without_trusted_proxies_a_forwarded_address_is_ignored()
    {
        var client = NewAddress();
        for (var i = 0; i < OrukLimitedApp.PerMinute; i++)
        {
            Assert.Equal(StatusCodes.Status200OK, (await GetAsync(client, "/oruk/", forwardedFor: $"203.0.113.{i + 1}")).Response.StatusCode);
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, (await GetAsync(client, "/oruk/", forwardedFor: "203.0.113.200")).Response.StatusCode);
    }
}
