using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Waymark.Core.Data;

namespace Waymark.Tests.Infrastructure;

/// <summary>
/// The real web app in process, over its own fresh database, migrated as on a real start.
/// Sample data is off unless a test asks for it, so each test builds the data it relies on.
/// </summary>
public class WaymarkApp : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase;

    public WaymarkApp()
        : this(new TestDatabase(), Path.Combine(Path.GetTempPath(), $"waymark-outbox-{Guid.NewGuid():N}"), ownsDatabase: true)
    {
    }

    /// <summary>An app over a database (and outbox folder) that outlives it, as after a restart.</summary>
    protected WaymarkApp(TestDatabase database, string outboxFolder, bool ownsDatabase)
    {
        Database = database;
        OutboxFolder = outboxFolder;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    /// <summary>Where the outbox relay delivers messages, one file each.</summary>
    public string OutboxFolder { get; }

    protected virtual string SampleData => "none";

    /// <summary>Off unless a test wants the background relay: tests that check messages run it themselves.</summary>
    protected virtual bool RunsOutboxRelay => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("WAYMARK_DATABASE", Database.Connection);
        builder.UseSetting("WAYMARK_SAMPLE_DATA", SampleData);
        builder.UseSetting("WAYMARK_OUTBOX_FOLDER", OutboxFolder);
        builder.UseSetting("WAYMARK_OUTBOX_RELAY", RunsOutboxRelay ? "on" : "off");
        builder.UseSetting("WAYMARK_OUTBOX_POLL_SECONDS", "0.2");
        // Tests run the referral follow-ups themselves, at the moment they choose.
        builder.UseSetting("WAYMARK_FOLLOW_UPS", "off");
        builder.UseSetting("PeerSupport:JobRuns", "false");
        // Commissioning pages work their figures out on the spot unless a test refreshes the snapshots itself.
        builder.UseSetting("Commissioning:RefreshRuns", "false");
        // Every test client shares one address in process; only the rate-limit tests meet the ORUK limits.
        builder.UseSetting("WAYMARK_ORUK_REQUESTS_PER_MINUTE", "100000");
        builder.UseSetting("WAYMARK_ORUK_HEAVY_REQUESTS_PER_MINUTE", "100000");
        if (UnhandledErrorLog.Path is { } errors)
        {
            builder.ConfigureLogging(logging => logging.AddProvider(new UnhandledErrorLog(errors)));
        }
    }

    /// <summary>A context on the app's database, for arranging data and checking what changed.</summary>
    public WaymarkDbContext OpenDb()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDatabase)
        {
            Database.Dispose();
            if (System.IO.Directory.Exists(OutboxFolder))
            {
                System.IO.Directory.Delete(OutboxFolder, recursive: true);
            }
        }
    }
}

/// <summary>The app seeded with the fictional Yorkshire and the Humber sample, as a newcomer sees it.</summary>
public sealed class SampleWaymarkApp : WaymarkApp
{
    protected override string SampleData => "yorkshire-and-humber";
}
