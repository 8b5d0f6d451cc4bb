using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

/// <summary>The app configured with its own neutral site, as a deployment may choose.</summary>
public sealed class CustomExitWaymarkApp : WaymarkApp
{
    public const string ExitUrl = "https://neutral.example/weather?area=leeds";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("WAYMARK_EXIT_URL", ExitUrl);
    }
}

public sealed class ExitThisPageTests(CustomExitWaymarkApp app) : IClassFixture<CustomExitWaymarkApp>
{
    [Fact]
    public async Task Exit_deletes_every_cookie_the_browser_sent_and_redirects_to_the_configured_site()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/exit", UriKind.Relative));
        request.Headers.Add("Cookie", "waymark.antiforgery=abc; .AspNetCore.Session=def; waymark.auth=ghi");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(CustomExitWaymarkApp.ExitUrl), response.Headers.Location);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var setCookies = response.Headers.GetValues("Set-Cookie").ToList();
        foreach (var name in new[] { "waymark.antiforgery", ".AspNetCore.Session", "waymark.auth" })
        {
            var cookie = Assert.Single(setCookies, c => c.StartsWith(name + "=", StringComparison.Ordinal));
            Assert.StartsWith(name + "=;", cookie, StringComparison.Ordinal);
            Assert.Contains("expires=Thu, 01 Jan 1970", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("\"cookies\"", string.Join(",", response.Headers.GetValues("Clear-Site-Data")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staying_safe_online_names_the_site_exit_goes_to()
    {
        using var client = app.CreateClient();
        var page = await HtmlPage.GetAsync(client, "/staying-safe-online");
        Assert.Contains("neutral.example", page.Document.Body!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class DefaultExitTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task By_default_exit_goes_to_bbc_weather_and_sets_no_cookie_when_there_were_none()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await client.GetAsync(new Uri("/exit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri("https://www.bbc.co.uk/weather"), response.Headers.Location);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }
}
