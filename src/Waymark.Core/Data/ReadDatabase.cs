using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Waymark.Core.Data;

/// <summary>
/// Where commissioner reports and the ORUK API read from: a standby (WAYMARK_DATABASE_READ) when there is one, else
/// the primary. These contexts track nothing and are never saved: writes, audit records included, go to the primary's
/// <see cref="WaymarkDbContext"/>. A standby may be a moment behind, which reports and open data can bear.
/// </summary>
public static class ReadDatabase
{
    /// <summary>The key to ask for the read context by: <c>[FromKeyedServices(ReadDatabase.Key)] WaymarkDbContext reads</c>.</summary>
    public const string Key = "reads";

    public static IServiceCollection AddWaymarkReadDatabase(this IServiceCollection services, string? readConnection)
    {
        services.AddKeyedScoped<WaymarkDbContext>(Key, (sp, _) =>
        {
            var db = readConnection is null
                ? sp.GetRequiredService<IDbContextFactory<WaymarkDbContext>>().CreateDbContext()
                : Database.Open(readConnection);
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            return db;
        });
        return services;
    }
}
