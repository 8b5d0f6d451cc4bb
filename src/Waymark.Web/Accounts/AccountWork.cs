using System.Data.Common;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Notifications;
using Waymark.Core.People;

namespace Waymark.Web.Accounts;

/// <summary>
/// Work whose cost depends on whether an address has an account (finding it, making tokens, queueing emails,
/// auditing), done after the answer has gone, so how long the answer takes says nothing about who has an account.
/// The request only writes the job to <c>account_work</c> (one insert, the same for any address), already claimed by
/// this node for <see cref="Lease"/>; once the answer has gone this node does it. If the node stops first, the claim
/// lapses and any node's <see cref="AccountWorkService"/> does it instead. A job is deleted in the transaction that
/// saves what it did (an account, an outbox message, an audit row), so it is done once however many nodes try.
/// </summary>
public sealed class AccountWork(IDbContextFactory<WaymarkDbContext> contexts, IDataProtectionProvider protection, IServiceScopeFactory scopes,
    NotificationSettings links, TimeProvider time, ILogger<AccountWork> log)
{
    /// <summary>Jobs this node has written and will do itself once their answers have gone; beyond this, they wait for their claim to lapse.</summary>
    public const int Capacity = 1000;

    /// <summary>How long a node's claim on a job lasts: after this, a job a stopped node held is done by another.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    /// <summary>Jobs claimed at once by a node looking for lapsed or retried ones.</summary>
    public const int BatchSize = 10;

    /// <summary>Waits before each further try of a job that could not reach the database: about four minutes in all.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
        [.. new[] { 1, 2, 4, 8, 15, 30, 30, 30, 30, 30, 30 }.Select(s => TimeSpan.FromSeconds(s))];

    private readonly IDataProtector _protector = protection.CreateProtector("Waymark.Accounts.Work.v1");

    private readonly Channel<Claimed> _local = Channel.CreateBounded<Claimed>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    /// <summary>
    /// Writes the job, to be done once <paramref name="answer"/> has been sent: work running beside the answer would
    /// slow it more for a known address than an unknown one. The write itself costs the same for any address.
    /// </summary>
    public async Task QueueAfterAsync(HttpResponse answer, AccountJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(job);
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        answer.OnCompleted(() =>
        {
            sent.TrySetResult();
            return Task.CompletedTask;
        });
        var now = time.GetUtcNow();
        var item = new AccountWorkItem
        {
            Id = Guid.CreateVersion7(now),
            Kind = KindOf(job),
            ProtectedJob = _protector.Protect(JsonSerializer.Serialize(job)),
            CreatedAt = now,
            NextAttemptAt = now,
            Attempts = 1,
            ClaimToken = Guid.NewGuid(),
            ClaimedUntil = now + Lease,
        };
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            db.AccountWork.Add(item);
            await db.SaveChangesAsync(ct);
        }
        // When this node is too busy to hold it, the job waits in the table for its claim to lapse.
        _local.Writer.TryWrite(new Claimed(item.Id, item.ClaimToken.Value, sent.Task));
    }

    internal ChannelReader<Claimed> Local => _local.Reader;

    /// <summary>Claims jobs whose claim has lapsed (their node stopped) or whose retry is due; returns how many were done.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        var token = Guid.NewGuid();
        var now = time.GetUtcNow();
        List<Guid> claimed;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await ClaimAsync(db, token, now, ct);
            claimed = await db.AccountWork.Where(w => w.ClaimToken == token).OrderBy(w => w.CreatedAt).Select(w => w.Id).ToListAsync(ct);
        }
        var done = 0;
        foreach (var id in claimed)
        {
            done += await RunAsync(id, token, ct) ? 1 : 0;
        }
        return done;
    }

    /// <summary>
    /// Does one job held under <paramref name="token"/>, deleting it in the same transaction as what it saves. False when
    /// the claim was lost (another node took the job after the lease) or the job failed. Throws only when stopping.
    /// </summary>
    internal async Task<bool> RunAsync(Guid id, Guid token, CancellationToken ct)
    {
        AccountWorkItem? item = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WaymarkDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            item = await db.AccountWork.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id && w.ClaimToken == token, ct);
            if (item is null)
            {
                return false;
            }
            if (item.Attempts > RetryDelays.Count + 1)
            {
                log.LogError("An account request ({Kind}) could not reach the database after {Attempts} tries and was given up", item.Kind, item.Attempts - 1);
                await db.AccountWork.Where(w => w.Id == id && w.ClaimToken == token).ExecuteDeleteAsync(ct);
                await transaction.CommitAsync(ct);
                return false;
            }
            // Deleted first: on PostgreSQL the row stays locked until commit, so no other node's claim can take it meanwhile.
            if (await db.AccountWork.Where(w => w.Id == id && w.ClaimToken == token).ExecuteDeleteAsync(ct) == 0)
            {
                return false;
            }
            await DoAsync(scope.ServiceProvider, JsonSerializer.Deserialize<AccountJob>(_protector.Unprotect(item.ProtectedJob))!, ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (Exception e) when (!ct.IsCancellationRequested && IsDatabaseUnreachable(e))
        {
            // Never the address: it may be anyone's.
            log.LogWarning(e, "An account request ({Kind}, try {Attempt}) could not reach the database; it will be tried again", item?.Kind, item?.Attempts);
            await TryAgainLaterAsync(id, token, item?.Attempts, ct);
            return false;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Never the address: it may be anyone's. The person sees no error and can ask again; the job is not kept.
            log.LogError(e, "An account request ({Kind}) failed and was given up", item?.Kind);
            await ForgetAsync(id, token, ct);
            return false;
        }
    }

    private Task DoAsync(IServiceProvider services, AccountJob job, CancellationToken ct) => job switch
    {
        SignUpJob j => services.GetRequiredService<PersonRegistration>().RegisterAsync(j.Request, links.PublicUrl, ct),
        PasswordResetJob j => services.GetRequiredService<PasswordReset>().SendAsync(j.Email, links.PublicUrl, ct),
        SignInRecordJob j => GuardedSignIn.RecordAsync(services, j, ct),
        _ => throw new InvalidOperationException($"No account work of kind {job.GetType().Name}."),
    };

    /// <summary>Gives the job back for any node to try after the next delay. If the database is still out of reach, the lease lapses instead.</summary>
    private async Task TryAgainLaterAsync(Guid id, Guid token, int? attempts, CancellationToken ct)
    {
        try
        {
            var at = time.GetUtcNow() + RetryDelays[Math.Clamp((attempts ?? 1) - 1, 0, RetryDelays.Count - 1)];
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.AccountWork.Where(w => w.Id == id && w.ClaimToken == token)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.NextAttemptAt, at).SetProperty(w => w.ClaimToken, (Guid?)null).SetProperty(w => w.ClaimedUntil, (DateTimeOffset?)null), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "An account request's retry could not be recorded; it will be taken up again when its claim lapses");
        }
    }

    private async Task ForgetAsync(Guid id, Guid token, CancellationToken ct)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            await db.AccountWork.Where(w => w.Id == id && w.ClaimToken == token).ExecuteDeleteAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "A failed account request could not be removed; it will be tried again when its claim lapses");
        }
    }

    private static async Task ClaimAsync(WaymarkDbContext db, Guid token, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + Lease;
        if (db.IsPostgres)
        {
            // SKIP LOCKED: nodes share the queue without waiting on each other, and pass over a job being done right now.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE account_work SET claim_token = {token}, claimed_until = {until}, attempts = attempts + 1
                WHERE id IN (
                    SELECT id FROM account_work
                    WHERE next_attempt_at <= {now} AND (claimed_until IS NULL OR claimed_until < {now})
                    ORDER BY created_at
                    LIMIT {BatchSize}
                    FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        else
        {
            // SQLite has one writer at a time, so a single conditional UPDATE is already an exclusive claim.
            await db.AccountWork
                .Where(w => w.NextAttemptAt <= now && (w.ClaimedUntil == null || w.ClaimedUntil < now))
                .OrderBy(w => w.CreatedAt)
                .Take(BatchSize)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.ClaimToken, token).SetProperty(w => w.ClaimedUntil, until).SetProperty(w => w.Attempts, w => w.Attempts + 1), ct);
        }
    }

    private static string KindOf(AccountJob job) => job switch
    {
        SignUpJob => SignUpJob.Kind,
        PasswordResetJob => PasswordResetJob.Kind,
        SignInRecordJob => SignInRecordJob.Kind,
        _ => throw new ArgumentException($"No account work of kind {job.GetType().Name}.", nameof(job)),
    };

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

    /// <summary>A job this node wrote and holds, to be done once <see cref="Sent"/> (its answer) completes.</summary>
    internal sealed record Claimed(Guid Id, Guid Token, Task Sent);
}
