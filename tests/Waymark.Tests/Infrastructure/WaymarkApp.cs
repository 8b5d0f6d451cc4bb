using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Data;

namespace Waymark.Tests.Infrastructure;

/// <summary>
/// The real web app in process, over its own fresh database, migrated as on a real start.
/// Sample data is off unless a test asks for it, so each test builds the data it relies on.
/// </summary>
public class WaymarkApp : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = new();

    protected virtual string SampleData => "none";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("WAYMARK_DATABASE", Database.Connection);
        builder.UseSetting("WAYMARK_SAMPLE_DATA", SampleData);
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
        if (disposing)
        {
            Database.Dispose();
        }
    }
}

/// <summary>The app seeded with the fictional Yorkshire and the Humber sample, as a newcomer sees it.</summary>
public sealed class SampleWaymarkApp : WaymarkApp
{
    protected override string SampleData => "yorkshire-and-humber";
}
