using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Waymark.Core.Directory;
using Waymark.Core.Matching;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Match;

/// <summary>A change written by another process (the CLI, another web node) reaches this node's search by itself, as a patch.</summary>
public sealed class DirectoryChangeListenerTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task A_service_added_from_outside_the_web_app_appears_in_search_without_a_restart()
    {
        using var client = app.CreateClient(); // starts the app and its listener
        var service = new ServiceBuilder("Listener test drop-in").At(53.9, -1.9, "LS29 8AA")
            .WithTerm("delivery:in-person").WithTerm("format:drop-in");

        await using (var db = app.Database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Services.Add(service.Build());
            await db.SaveChangesAsync();
            await DirectoryChanges.AnnounceAsync(db, new DirectoryChange(Guid.NewGuid(), [service.Id]), DateTimeOffset.UtcNow);
            await transaction.CommitAsync();
        }

        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"/api/v1/match?near=53.9,-1.9&within_km=5"), UriKind.Relative);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var found = false;
        while (!found && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            using var body = JsonDocument.Parse(await client.GetStringAsync(url));
            found = body.RootElement.GetProperty("results").EnumerateArray()
                .Any(r => r.GetProperty("id").GetGuid() == service.Id);
        }
        Assert.True(found, "The service written from outside did not reach search within 10 s");
    }

    [Fact]
    public async Task A_command_line_import_into_the_same_database_reaches_a_running_index_as_a_patch()
    {
        using var client = app.CreateClient();
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        await SearchProbe.SettledAsync(index, TimeSpan.Zero);
        var fullLoads = index.FullLoads;

        await SearchProbe.ImportAsync(app.Services, seed: 11, count: 40);
        List<Guid> imported;
        await using (var db = app.OpenDb())
        {
            imported = await db.Services.Where(s => s.Status == ServiceStatus.Active && s.Name != "Listener test drop-in").Select(s => s.Id).ToListAsync();
        }

        var (held, _) = await SearchProbe.UntilAsync(() => imported.All(new HashSet<Guid>(index.Current.Services.ToArray().Select(s => s.Id)).Contains), TimeSpan.FromSeconds(15));
        Assert.True(held, "the import never reached search");
        Assert.Equal(fullLoads, index.FullLoads);
    }

    [Fact]
    public async Task A_burst_of_changes_is_applied_together_not_one_patch_each()
    {
        using var client = app.CreateClient();
        var index = app.Services.GetRequiredService<DirectoryIndex>();
        await SearchProbe.SettledAsync(index, TimeSpan.Zero);
        var services = Enumerable.Range(0, 30).Select(i => new ServiceBuilder($"Burst {i}").At(54.1 + (i * 0.0005), -2.1, "LA2 8AA")).ToList();
        await using (var db = app.Database.Open())
        {
            db.Services.AddRange(services.Select(s => s.Build()));
            await db.SaveChangesAsync();
        }
        var patches = index.Patches;

        foreach (var s in services)
        {
            index.DirectoryChanged([s.Id]);
        }

        await SearchProbe.SettledAsync(index, TimeSpan.Zero);
        Assert.All(services, s => Assert.NotNull(SearchProbe.Find(index.Current, s.Id, 54.1, -2.1)));
        Assert.InRange(index.Patches - patches, 1, 3);
    }
}

/// <summary>Before the first snapshot is in, a search is told to come back — never answered "nothing found".</summary>
public sealed class SearchBeforeTheFirstLoadTests(SearchBeforeTheFirstLoadTests.NeverLoadedApp app) : IClassFixture<SearchBeforeTheFirstLoadTests.NeverLoadedApp>
{
    public sealed class NeverLoadedApp : WaymarkApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Without the listener the first load never starts: the state every node is in for its first seconds.
            builder.ConfigureTestServices(s =>
            {
                foreach (var d in s.Where(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DirectoryChangeListener").ToList())
                {
                    s.Remove(d);
                }
            });
        }
    }

    [Fact]
    public async Task The_match_api_answers_503_with_retry_after_while_the_directory_loads()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/match?near=53.8008,-1.5491", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.False(app.Services.GetRequiredService<DirectoryIndex>().IsReady);
    }
}
