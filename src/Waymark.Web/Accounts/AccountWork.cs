using System.Threading.Channels;

namespace Waymark.Web.Accounts;

/// <summary>
/// Work whose cost depends on whether an address has an account (finding it, making tokens, queueing emails,
/// auditing), done after the answer has gone, so how long the answer takes says nothing about who has an
/// account. Bounded: when full, a request waits for room, whatever the address.
/// </summary>
public sealed class AccountWork
{
    public const int Capacity = 1000;

    private readonly Channel<Func<IServiceProvider, CancellationToken, Task>> _channel =
        Channel.CreateBounded<Func<IServiceProvider, CancellationToken, Task>>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    /// <summary>Hands the work (run later in its own scope) to <see cref="AccountWorkService"/>.</summary>
    public ValueTask QueueAsync(Func<IServiceProvider, CancellationToken, Task> work, CancellationToken ct) => _channel.Writer.WriteAsync(work, ct);

    /// <summary>How many requests are waiting to be worked on.</summary>
    public int Waiting => _channel.Reader.Count;

    internal ChannelReader<Func<IServiceProvider, CancellationToken, Task>> Reader => _channel.Reader;
}

/// <summary>Works through <see cref="AccountWork"/> one request at a time, each in its own scope.</summary>
public sealed class AccountWorkService(AccountWork work, IServiceScopeFactory scopes, ILogger<AccountWorkService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var item in work.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await item(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Never the address: it may be anyone's. The person sees no error and can ask again.
                log.LogError(e, "An account request (sign-up or password reset) failed");
            }
        }
    }
}
