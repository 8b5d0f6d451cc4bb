using Waymark.Core.PeerSupport;

namespace Waymark.Web.PeerSupport;

/// <summary>Runs <see cref="PeerCareJob"/> on start and then every <c>PeerSupport:JobMinutes</c>, on the app's clock; safe on every node.</summary>
public sealed partial class PeerCareService(IServiceScopeFactory scopes, PeerSupportOptions options, TimeProvider time, ILogger<PeerCareService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.JobMinutes), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<PeerCareJob>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The peer care job (load warnings, overdue debriefs) failed; it will run again.")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
