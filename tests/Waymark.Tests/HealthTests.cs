using System.Net;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests;

public sealed class HealthTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task The_app_starts_migrated_and_answers()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
