using System.Data.Common;
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

    private static readonly TimeSpan AfterAnswer = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan AnswerSentWithin = TimeSpan.FromSeconds(30);

    private readonly Channel<Queued> _channel =
        Channel.CreateBounded<Queued>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

    /// <summary>
    /// Hands the work to <see cref="AccountWorkService"/>, to start once <paramref name="answer"/> has been sent: work
    /// running beside the answer would slow it more for a known address than an unknown one.
    /// </summary>
    public ValueTask QueueAfterAsync(HttpResponse answer, Func<IServiceProvider, CancellationToken, Task> work, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        answer.OnCompleted(() =>
        {
            sent.TrySetResult();
            return Task.CompletedTask;
        });
        return QueueAsync(async (services, stopping) =>
        {
            try
            {
                await sent.Task.WaitAsync(AnswerSentWithin, stopping);
            }
            catch (TimeoutException)
            {
                // Kestrel runs OnCompleted even for an aborted request; if it ever did not, one stuck answer must not
                // hold up every sign-up and reset queued behind it. The work goes ahead: at worst, this one's timing shows.
            }
            // And a moment later still: on a busy machine, work started as the last bytes go competes with them for
            // the CPU (measured on 2 shared cores: ~1 ms more for a known address's reset, none with this pause).
            await Task.Delay(AfterAnswer, stopping);
            await work(services, stopping);
        }, ct);
    }

    /// <summary>Hands the work (run later in its own scope, after everything queued before it) to <see cref="AccountWorkService"/>.</summary>
    public ValueTask QueueAsync(Func<IServiceProvider, CancellationToken, Task> work, CancellationToken ct) => _channel.Writer.WriteAsync(new Queued(work, 1), ct);

    /// <summary>How many requests are waiting to be worked on.</summary>
    public int Waiting => _channel.Reader.Count;

    internal ChannelReader<Queued> Reader => _channel.Reader;

    internal ValueTask RequeueAsync(Queued item, CancellationToken ct) => _channel.Writer.WriteAsync(item with { Attempt = item.Attempt + 1 }, ct);

    internal sealed record Queued(Func<IServiceProvider, CancellationToken, Task> Work, int Attempt);
}

/// <summary>
/// Works through <see cref="AccountWork"/> one request at a time, each in its own scope. A request that fails because
/// the database could not be reached (a failover, a restart) is tried again for a few minutes: the person has already
/// been told "check your email", so giving up at the first failure would lose their sign-up without a word.
/// </summary>
public sealed class AccountWorkService(AccountWork work, IServiceScopeFactory scopes, ILogger<AccountWorkService> log) : BackgroundService
{
    /// <summary>Waits before each further try: about four minutes in all.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
        [.. new[] { 1, 2, 4, 8, 15, 30, 30, 30, 30, 30, 30 }.Select(s => TimeSpan.FromSeconds(s))];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var item in work.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await item.Work(scope.ServiceProvider, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && IsDatabaseUnreachable(e) && item.Attempt <= RetryDelays.Count)
            {
                // Never the address: it may be anyone's.
                log.LogWarning(e, "An account request could not reach the database (try {Attempt}); trying again", item.Attempt);
                _ = RetryLaterAsync(item, RetryDelays[item.Attempt - 1], stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Never the address: it may be anyone's. The person sees no error and can ask again.
                log.LogError(e, "An account request (sign-up or password reset) failed");
            }
        }
    }

    /// <summary>Later, not now: the queue goes on with other people's requests while this one waits.</summary>
    private async Task RetryLaterAsync(AccountWork.Queued item, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            await work.RequeueAsync(item, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static bool IsDatabaseUnreachable(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is DbException or TimeoutException)
            {
                return true;
            }
        }
        return false;
    }
}
