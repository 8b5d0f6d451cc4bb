using Waymark.Core.Commissioning;
using Waymark.Core.Data;
using Waymark.Core.Matching;

namespace Waymark.Web.Commissioning;

/// <summary>
/// Refreshes the commissioning snapshots on start and then every <c>Commissioning:RefreshMinutes</c> (default 15),
/// on every node; the claim in <see cref="CommissioningSnapshots"/> lets one node do it and the others skip.
/// The first refresh waits for the search snapshot's first load (at most <see cref="StartWait"/>): both read the whole
/// directory, and on a large one the refresh took a quarter of the cores the load needed before the first answer.
/// </summary>
public sealed partial class CommissioningRefreshService(
    IServiceScopeFactory scopes, CommissioningOptions options, TimeProvider time, DirectoryIndex search, ILogger<CommissioningRefreshService> logger) : BackgroundService
{
    /// <summary>How long the first refresh waits for search to be ready before it runs anyway.</summary>
    public static readonly TimeSpan StartWait = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromMinutes(options.RefreshMinutes);
        await search.WaitUntilReadyAsync(StartWait, stoppingToken);
        using var timer = new PeriodicTimer(every, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
                if (await new CommissioningSnapshots(db, time).RefreshIfDueAsync(every, stoppingToken))
                {
                    LogRefreshed(logger);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Commissioning figures refreshed.")]
    private static partial void LogRefreshed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not refresh the commissioning figures; the pages keep the last ones.")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}

/// <summary>Section <c>Commissioning</c>: whether this node runs the refresh job, and how often.</summary>
public sealed class CommissioningOptions
{
    public bool RefreshRuns { get; set; } = true;

    public double RefreshMinutes { get; set; } = 15;
}

public static class CommissioningSetup
{
    public static IServiceCollection AddWaymarkCommissioning(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new CommissioningOptions();
        configuration.GetSection("Commissioning").Bind(options);
        if (options.RefreshMinutes is <= 0 or > 24 * 60)
        {
            throw new InvalidOperationException("Commissioning:RefreshMinutes must be more than 0 and at most 1440.");
        }
        services.AddSingleton(options);
        if (options.RefreshRuns)
        {
            services.AddHostedService<CommissioningRefreshService>();
        }
        return services;
    }
}
