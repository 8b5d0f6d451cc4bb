using Waymark.Core.Referrals;

namespace Waymark.Web.Notifications;

/// <summary>Runs the follow-ups on start and then every interval (WAYMARK_FOLLOW_UP_MINUTES), on the app's clock.</summary>
public sealed partial class ReferralFollowUpService(IServiceScopeFactory scopes, NotificationOptions options, TimeProvider time, ILogger<ReferralFollowUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.FollowUpInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReferralFollowUps>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Referral follow-ups failed; they will run again.")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
