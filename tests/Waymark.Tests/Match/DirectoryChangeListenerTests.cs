using System.Globalization;
using System.Text.Json;
using Waymark.Core.Matching;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Match;

/// <summary>A change written by another process (the CLI, another web node) reaches this node's search by itself.</summary>
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
            await DirectoryChanges.AnnounceAsync(db);
            await transaction.CommitAsync();
        }

        var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"/api/v1/match?near=53.9,-1.9&within_km=5"), UriKind.Relative);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var found = false;
        while (!found && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            using var body = JsonDocument.Parse(await client.GetStringAsync(url));
            found = body.RootElement.GetProperty("results").EnumerateArray()
                .Any(r => r.GetProperty("id").GetGuid() == service.Id);
        }
        Assert.True(found, "The service written from outside did not reach search within 10 s");
    }
}
