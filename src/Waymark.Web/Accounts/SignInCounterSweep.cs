using Waymark.Core.Accounts;

namespace Waymark.Web.Accounts;

/// <summary>Once an hour, removes sign-in counters that hold nothing any more (<see cref="SignInAttempts.SweepAsync"/>).</summary>
public sealed class SignInCounterSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<SignInCounterSweep> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SignInAttempts>().SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Tried again in an hour; until then old counters only take up room.
                log.LogError(e, "Removing old sign-in counters failed");
            }
        }
    }
}
