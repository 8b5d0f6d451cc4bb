using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

/// <summary>Behind a TLS proxy at 10.20.0.0/16 (or 192.0.2.7), with three sign-in posts a minute per address.</summary>
public sealed class ProxiedApp : AccountsApp
{
    public const int SignIns = 3;

    protected override int SignInsPerMinute => SignIns;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("WAYMARK_TRUSTED_PROXIES", "10.20.0.0/16, 192.0.2.7");
        builder.UseSetting("WAYMARK_ORUK_REQUESTS_PER_MINUTE", "3");
    }
}

/// <summary>
/// With WAYMARK_TRUSTED_PROXIES set, the rate limits key on the client's own address that a trusted proxy forwards, so
/// two people behind one proxy are limited apart; an X-Forwarded-For from anyone else is ignored; a forwarded https
/// scheme brings the HSTS header.
/// </summary>
public sealed class TrustedProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    private static int _next;

    private static string NewClient() => $"203.0.113.{Interlocked.Increment(ref _next)}";

    private Task<HttpContext> SendAsync(string method, string path, string connection, string? forwardedFor, string? forwardedProto = null, string scheme = "http") =>
        app.Server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(connection);
            c.Request.Method = method;
            c.Request.Scheme = scheme;
            c.Request.Host = new HostString("waymark.example");
            c.Request.Path = path;
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
            if (forwardedProto is not null)
            {
                c.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }
        });

    private async Task<List<int>> SignInPostsAsync(int count, string connection, Func<int, string?> forwardedFor)
    {
        var statuses = new List<int>();
        for (var i = 0; i < count; i++)
        {
            statuses.Add((await SendAsync("POST", "/account/sign-in", connection, forwardedFor(i))).Response.StatusCode);
        }
        return statuses;
    }

    [Fact]
    public async Task Two_clients_behind_a_trusted_proxy_are_limited_separately()
    {
        var (alice, bob) = (NewClient(), NewClient());

        var aliceStatuses = await SignInPostsAsync(ProxiedApp.SignIns + 1, "10.20.3.4", _ => alice);
        var bobStatuses = await SignInPostsAsync(1, "10.20.3.4", _ => bob);

        Assert.DoesNotContain(StatusCodes.Status429TooManyRequests, aliceStatuses.Take(ProxiedApp.SignIns));
        Assert.Equal(StatusCodes.Status429TooManyRequests, aliceStatuses[^1]);
        Assert.NotEqual(StatusCodes.Status429TooManyRequests, bobStatuses[0]);
    }

    [Fact]
    public async Task A_chain_of_trusted_proxies_is_followed_to_the_client()
    {
        var client = NewClient();

        var statuses = await SignInPostsAsync(ProxiedApp.SignIns + 1, "192.0.2.7", _ => $"{client}, 10.20.9.9");
        var other = await SignInPostsAsync(1, "192.0.2.7", _ => $"{NewClient()}, 10.20.9.9");

        Assert.Equal(StatusCodes.Status429TooManyRequests, statuses[^1]);
        Assert.NotEqual(StatusCodes.Status429TooManyRequests, other[0]);
    }

    [Fact]
    public async Task A_forged_x_forwarded_for_from_an_untrusted_address_is_ignored()
    {
        // Someone not behind the proxy changes X-Forwarded-For on every try, to look like a new person each time.
        var statuses = await SignInPostsAsync(ProxiedApp.SignIns + 1, "198.51.100.77", _ => NewClient());

        Assert.Equal(StatusCodes.Status429TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task The_oruk_limit_keys_on_the_forwarded_client_too()
    {
        var (one, two) = (NewClient(), NewClient());
        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await SendAsync("GET", "/oruk/", "10.20.0.1", one)).Response.StatusCode);
        }

        Assert.Equal([200, 200, 200, 429], statuses);
        Assert.Equal(200, (await SendAsync("GET", "/oruk/", "10.20.0.1", two)).Response.StatusCode);
    }

    [Fact]
    public async Task Https_forwarded_by_a_trusted_proxy_gets_hsts_and_from_anyone_else_does_not()
    {
        var trusted = await SendAsync("GET", "/", "10.20.0.1", NewClient(), forwardedProto: "https");
        var untrusted = await SendAsync("GET", "/", "198.51.100.78", NewClient(), forwardedProto: "https");

        Assert.Equal("max-age=31536000", trusted.Response.Headers.StrictTransportSecurity);
        Assert.Equal("", untrusted.Response.Headers.StrictTransportSecurity.ToString());
    }

    [Fact]
    public async Task Https_outside_development_gets_hsts_and_plain_http_does_not()
    {
        var https = await SendAsync("GET", "/", "198.51.100.79", null, scheme: "https");
        var http = await SendAsync("GET", "/", "198.51.100.79", null);

        Assert.Equal("max-age=31536000", https.Response.Headers.StrictTransportSecurity);
        Assert.Equal("", http.Response.Headers.StrictTransportSecurity.ToString());
    }
}
