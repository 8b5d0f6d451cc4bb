using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Cluster;

/// <summary>
/// WAYMARK_DATABASE_READ (issue #18 item 4): the ORUK API reads from the standby it names, writes stay on the primary,
/// and a setting that cannot be a PostgreSQL standby stops the app on start.
/// </summary>
public sealed class ReadRoutingTests
{
    [Fact]
    public async Task The_oruk_api_reads_from_the_read_database_when_one_is_set()
    {
        using var primary = new TestDatabase();
        using var primaryOnly = new Node(primary, read: null);
        if (!TestDatabase.RunOnPostgres)
        {
            // SQLite has no standby: the setting is refused (below) and reads come from the one database.
            var (_, local, _) = await primaryOnly.AddOrganisationAsync("Aire Listening Service");
            using var client = primaryOnly.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/oruk/services/{local.Id}", UriKind.Relative))).StatusCode);
            return;
        }

        // A second database stands in for the standby, with a listing the primary does not have: only a read routed
        // to it can find that listing.
        using var standby = new TestDatabase();
        using var standbyWriter = new Node(standby, read: null);
        var (_, onStandby, _) = await standbyWriter.AddOrganisationAsync("Wharfe Peer Support");
        using var routed = new Node(primary, read: standby.Connection);
        using var routedClient = routed.CreateClient();
        using var primaryClient = primaryOnly.CreateClient();

        var viaStandby = await routedClient.GetAsync(new Uri($"/oruk/services/{onStandby.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, viaStandby.StatusCode);
        Assert.Contains(onStandby.Id.ToString(), await viaStandby.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await primaryClient.GetAsync(new Uri($"/oruk/services/{onStandby.Id}", UriKind.Relative))).StatusCode);

        // Writes still go to the primary: a listing added through the routed node's own context is in the primary only.
        var (_, written, _) = await routed.AddOrganisationAsync("Nidd Support Group");
        await using (var db = primary.Open())
        {
            Assert.True(await db.Services.AnyAsync(s => s.Id == written.Id));
        }
        await using (var db = standby.Open())
        {
            Assert.False(await db.Services.AnyAsync(s => s.Id == written.Id));
        }
    }

    [Fact]
    public void A_read_database_that_is_not_a_postgresql_standby_stops_the_app_on_start()
    {
        using var database = new TestDatabase();
        using var app = new Node(database, read: "Data Source=reports.db");
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("WAYMARK_DATABASE_READ must be a PostgreSQL connection string", messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private sealed class Node(TestDatabase database, string? read)
        : AccountsApp(database, Path.Combine(Path.GetTempPath(), $"waymark-outbox-{Guid.NewGuid():N}"), ownsDatabase: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (read is not null)
            {
                builder.UseSetting("WAYMARK_DATABASE_READ", read);
            }
        }
    }
}
