using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Matching;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests;

public sealed class HealthTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task The_app_starts_migrated_and_answers()
    {
        using var client = app.CreateClient();
        // /health is 503 until the first search snapshot is loaded, which runs in the background after the start.
        Assert.True(await app.Services.GetRequiredService<DirectoryIndex>().WaitUntilReadyAsync(TimeSpan.FromMinutes(2)));
        var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_names_the_database_and_the_search_snapshot_it_checked()
    {
        using var client = app.CreateClient();
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        Assert.True(await index.WaitUntilReadyAsync(TimeSpan.FromMinutes(2)));

        // The listener marks itself as hearing changes just after the first load; give it that moment.
        JsonElement body = default;
        for (var i = 0; i < 200; i++)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (body.GetProperty("status").GetString() == "ok")
            {
                break;
            }
            await Task.Delay(100);
        }

        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("database").GetString());
        var search = body.GetProperty("search");
        Assert.True(search.GetProperty("loaded").GetBoolean());
        Assert.Equal(index.Current.Count, search.GetProperty("services").GetInt32());
        Assert.True(search.GetProperty("inStep").GetBoolean());
        Assert.Equal(JsonValueKind.Null, search.GetProperty("outOfStepSince").ValueKind);
        Assert.True(search.GetProperty("ageSeconds").GetInt64() >= 0);
    }

    [Fact]
    public async Task Health_says_what_a_crash_of_the_database_could_lose()
    {
        // HAZ-21: whoever runs the nodes sees whether commits wait for a standby. The dev and test PostgreSQL has no
        // standby; the cluster test (tests/cluster/run.sh, its crash check) sees "asynchronous" and "synchronous".
        using var client = app.CreateClient();
        Assert.True(await app.Services.GetRequiredService<DirectoryIndex>().WaitUntilReadyAsync(TimeSpan.FromMinutes(2)));
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal("ok", body.GetProperty("database").GetString());
        Assert.Equal(TestDatabase.RunOnPostgres ? "no standby" : "single file", body.GetProperty("replication").GetString());
    }
}
