using System.Net;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

public sealed class PrivacyHeadersTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/css/waymark.css")]
    [InlineData("/js/exit-this-page.js")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_privacy_headers(string path)
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));

        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("default-src 'self'", directives);
        Assert.Contains("script-src 'self'", directives);
        Assert.Contains("style-src 'self'", directives);
        Assert.Contains("img-src 'self'", directives);
        Assert.Contains("form-action 'self'", directives);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("base-uri 'none'", directives);
        Assert.Contains("object-src 'none'", directives);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);

        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
        Assert.Contains("browsing-topics=()", permissions, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Static_files_are_served_and_may_be_cached_but_pages_may_not()
    {
        using var client = app.CreateClient();
        using var css = await client.GetAsync(new Uri("/css/waymark.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);

        using var page = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.True(page.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_stylesheet_uses_system_fonts_and_loads_nothing_from_elsewhere()
    {
        using var client = app.CreateClient();
        var css = await client.GetStringAsync(new Uri("/css/waymark.css", UriKind.Relative));
        Assert.DoesNotContain("@font-face", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", css, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Arial", css, StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri}");
}
