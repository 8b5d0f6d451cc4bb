using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

public sealed class AntiforgeryCookieTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public void The_only_cookie_a_form_needs_lasts_for_the_browser_session_and_stays_on_this_site()
    {
        // No page posts a form yet, so ask the app's own antiforgery service to issue the cookie a form would get.
        using var scope = app.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("waymark.example");

        scope.ServiceProvider.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);

        var cookie = Assert.Single(context.Response.Headers.SetCookie.ToArray());
        Assert.StartsWith("waymark.antiforgery=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("max-age=", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
