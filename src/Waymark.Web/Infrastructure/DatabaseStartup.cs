using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Oruk;
using Waymark.Core.Wall;

namespace Waymark.Web.Infrastructure;

internal static class DatabaseStartup
{
    /// <summary>
    /// Applies the provider's migrations (never EnsureCreated), rewrites any second-factor secrets and wall items still
    /// stored in plain text, and seeds the sample directory when configured.
    /// </summary>
    public static async Task MigrateAndSeedAsync(this IServiceProvider services, WaymarkOptions options, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
        // Even with nothing to apply, MigrateAsync takes the migrations lock and checks the model against the migrations'
        // snapshot; an up-to-date database needs none of that at start-up.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
        }
        var upgraded = await scope.ServiceProvider.GetRequiredService<AuthenticatorSecrets>().UpgradeStoredAsync(db, ct);
        if (upgraded > 0)
        {
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Waymark.Startup")
                .LogInformation("Encrypted or hashed {Count} authenticator keys and recovery code sets that were stored in plain text", upgraded);
        }
        // Wall items written before ADR 0044 kept their words in plain text; only the count is logged, never a word.
        var wallItems = await scope.ServiceProvider.GetRequiredService<WallText>().ProtectStoredAsync(db, ct);
        if (wallItems > 0)
        {
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Waymark.Startup")
                .LogInformation("Encrypted the words of {Count} wall items that were stored in plain text", wallItems);
        }
        if (options.ShowsSampleData)
        {
            var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            var result = await SampleDirectory.SeedAsync(db, time, SampleDirectory.YorkshireAndHumber, ct);
            if (result is not null)
            {
                scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Waymark.Startup")
                    .LogInformation("Seeded the fictional {Sample} sample directory: {Summary}", options.SampleData, result.Summary);
            }
        }
    }
}
