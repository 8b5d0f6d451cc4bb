using Waymark.Core.Outbox;

namespace Waymark.Web.Referrals;

/// <summary>Runs the relay every few seconds for as long as the app runs.</summary>
public sealed partial class OutboxRelayService(OutboxRelay relay, OutboxOptions options, ILogger<OutboxRelayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PollInterval);
        do
        {
            try
            {
                while (await relay.RunOnceAsync(stoppingToken) > 0)
                {
                    // Keep going while there is a backlog.
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRelayFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The outbox relay failed; it will try again.")]
    private static partial void LogRelayFailed(ILogger logger, Exception ex);
}
