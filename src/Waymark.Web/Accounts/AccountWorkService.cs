using Waymark.Web.Referrals;

namespace Waymark.Web.Accounts;

/// <summary>
/// Does <see cref="AccountWork"/> on every node: the jobs this node wrote, one at a time, each once its answer has
/// gone; and, every outbox poll interval, jobs whose node stopped before doing them (their claim lapsed) and jobs
/// waiting to be tried again after the database could not be reached (a failover, a restart).
/// </summary>
public sealed partial class AccountWorkService(AccountWork work, OutboxOptions options, ILogger<AccountWorkService> log) : BackgroundService
{
    private static readonly TimeSpan AfterAnswer = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan AnswerSentWithin = TimeSpan.FromSeconds(10);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(OwnAsync(stoppingToken), LapsedAsync(stoppingToken));

    private async Task OwnAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in work.Local.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await job.Sent.WaitAsync(AnswerSentWithin, stoppingToken);
                }
                catch (TimeoutException)
                {
                    // Kestrel runs OnCompleted even for an aborted request; if it ever did not, one stuck answer must not
                    // hold up every sign-up and reset behind it. The work goes ahead: at worst, this one's timing shows.
                }
                // And a moment later still: on a busy machine, work started as the last bytes go competes with them for
                // the CPU (measured on 2 shared cores: ~1 ms more for a known address's reset, none with this pause).
                await Task.Delay(AfterAnswer, stoppingToken);
                await work.RunAsync(job.Id, job.Token, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what this node held waits in the table for its claim to lapse.
        }
    }

    private async Task LapsedAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(options.PollInterval);
            do
            {
                try
                {
                    while (await work.RunDueAsync(stoppingToken) > 0)
                    {
                        // Keep going while there is a backlog.
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogPollFailed(log, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for account work left by another node failed; it will look again.")]
    private static partial void LogPollFailed(ILogger logger, Exception ex);
}
