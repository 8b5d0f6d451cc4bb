using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Cli;

public sealed class SampleSeedingTests
{
    [Fact]
    public async Task The_web_app_seeds_the_sample_once_and_a_second_start_changes_nothing()
    {
        using var app = new SampleWaymarkApp();
        _ = app.Server; // start
        int services;
        DateTimeOffset newest;
        await using (var db = app.OpenDb())
        {
            services = await db.Services.CountAsync();
            Assert.True(services > 100, $"only {services} sample services");
            Assert.Contains(await db.Services.Select(s => s.Name).ToListAsync(), n => n.Contains("Peer", StringComparison.Ordinal));
            newest = (await db.Services.Select(s => s.LastModified).ToListAsync()).Max();
        }

        // A second start over the same database: the app migrates and finds services, so seeds nothing.
        using var second = new SecondStart(app.Database.Connection);
        _ = second.Server;
        await using var again = second.OpenDb();
        Assert.Equal(services, await again.Services.CountAsync());
        Assert.Equal(newest, (await again.Services.Select(s => s.LastModified).ToListAsync()).Max());
    }

    [Fact]
    public async Task With_sample_data_none_nothing_is_seeded()
    {
        using var app = new WaymarkApp();
        _ = app.Server;
        await using var db = app.OpenDb();
        Assert.Equal(0, await db.Services.CountAsync());
    }

    private sealed class SecondStart(string connection) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("WAYMARK_DATABASE", connection);
            builder.UseSetting("WAYMARK_SAMPLE_DATA", "yorkshire-and-humber");
        }

        public Waymark.Core.Data.WaymarkDbContext OpenDb() =>
            Services.CreateScope().ServiceProvider.GetRequiredService<Waymark.Core.Data.WaymarkDbContext>();
    }
}
