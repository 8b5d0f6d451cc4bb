using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Infrastructure;

namespace Waymark.Tests.Web;

public sealed class WaymarkOptionsTests
{
    private static WaymarkOptions Read(string? exitUrl) =>
        WaymarkOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["WAYMARK_EXIT_URL"] = exitUrl, ["WAYMARK_DATABASE"] = "Data Source=unused.db" })
            .Build());

    [Theory]
    [InlineData("not-a-url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.org/")]
    [InlineData("javascript:alert(1)")]
    public void A_bad_exit_url_is_refused_with_a_clear_message(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(value));
        Assert.Contains("WAYMARK_EXIT_URL must be an absolute http or https address", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exit_url_defaults_to_bbc_weather_and_can_be_set()
    {
        Assert.Equal(new Uri("https://www.bbc.co.uk/weather"), Read(null).ExitUrl);
        Assert.Equal(new Uri("http://intranet.example/"), Read("http://intranet.example/").ExitUrl);
    }

    private static WaymarkOptions ReadProxies(string? proxies) =>
        WaymarkOptions.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["WAYMARK_TRUSTED_PROXIES"] = proxies, ["WAYMARK_DATABASE"] = "Data Source=unused.db" })
            .Build());

    [Fact]
    public void Trusted_proxies_are_none_by_default_and_read_as_addresses_and_networks()
    {
        Assert.Empty(ReadProxies(null).TrustedProxies);
        Assert.Equal(["10.0.0.5/32", "10.1.0.0/16", "2001:db8::/32", "::1/128"], ReadProxies(" 10.0.0.5, 10.1.0.0/16 ,2001:db8::/32,::1").TrustedProxies.Select(n => n.ToString()));
    }

    [Theory]
    [InlineData("proxy.example")]
    [InlineData("10.0.0.0/33")]
    public void A_bad_trusted_proxy_is_refused_with_a_clear_message(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ReadProxies(value));
        Assert.Contains("WAYMARK_TRUSTED_PROXIES must be a comma list of IP addresses or networks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_app_does_not_start_with_a_bad_exit_url()
    {
        using var app = new BadExitWaymarkApp();
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("WAYMARK_EXIT_URL must be an absolute http or https address", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private sealed class BadExitWaymarkApp : WaymarkApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("WAYMARK_EXIT_URL", "not-a-url");
        }
    }
}
