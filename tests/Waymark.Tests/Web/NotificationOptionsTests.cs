using Microsoft.Extensions.Configuration;
using Waymark.Web.Notifications;

namespace Waymark.Tests.Web;

public sealed class NotificationOptionsTests
{
    [Fact]
    public void Without_WAYMARK_PUBLIC_URL_messages_link_to_the_port_the_app_serves_on()
    {
        var options = NotificationOptions.FromConfiguration(new ConfigurationBuilder().Build());
        Assert.Equal(new Uri("http://localhost:5080/"), options.PublicUrl);
    }

    [Theory]
    [InlineData("https://waymark.example.org", "https://waymark.example.org/")]
    [InlineData("https://example.org/waymark/", "https://example.org/waymark/")]
    public void WAYMARK_PUBLIC_URL_is_used_with_a_trailing_slash(string setting, string expected)
    {
        var options = NotificationOptions.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["WAYMARK_PUBLIC_URL"] = setting }).Build());
        Assert.Equal(new Uri(expected), options.PublicUrl);
    }
}
