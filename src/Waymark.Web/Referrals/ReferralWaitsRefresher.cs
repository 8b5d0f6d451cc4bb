using Waymark.Core.Data;
using Waymark.Core.Referrals;

namespace Waymark.Web.Referrals;

/// <summary>Recomputes the measured waits on start and every hour: they change slowly.</summary>
public sealed partial class ReferralWaitsRefresher(MeasuredReferralWaits waits, IServiceScopeFactory scopes, TimeProvider time, ILogger<ReferralWaitsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await waits.RefreshAsync(scope.ServiceProvider.GetRequiredService<WaymarkDbContext>(), time, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not measure referral waits; keeping the last figures.")]
    private static partial void LogRefreshFailed(ILogger logger, Exception ex);
}
