using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Outbox;

/// <summary>
/// Claims a batch of due messages, delivers each, and records every attempt. Claims are leases: a relay
/// that dies mid-batch holds its messages only until the lease ends. A delivered message is never claimed
/// again, and senders are idempotent by message id, so a message is delivered once. A run the database cut off (a
/// failover) is settled by this relay first thing once the database answers again: the message it had sent is
/// recorded as delivered, not sent again, and the rest of its claim is let go, so nothing waits for the lease.
/// </summary>
public sealed class OutboxRelay(IDbContextFactory<WaymarkDbContext> contexts, IOutboxSender sender, TimeProvider time, IDeliveredMessageCopies copies)
{
    public const int BatchSize = 20;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Waits before each retry; after the last, the message is given up on.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetrySchedule =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)];

    /// <summary>Runs of this relay the database cut off: claims to let go, and a delivery made but not recorded.</summary>
    private readonly ConcurrentQueue<Unsettled> _unsettled = new();

    /// <summary>Delivers what is due now; returns how many were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await SettleAsync(ct);
        var token = Guid.NewGuid();
        OutboxMessage? sent = null;
        try
        {
            return await RunAsync(token, m => sent = m, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _unsettled.Enqueue(new Unsettled(token, sent?.Id, sent?.DeliveredAt));
            throw;
        }
    }

    private async Task SettleAsync(CancellationToken ct)
    {
        var runs = new List<Unsettled>();
        while (_unsettled.TryDequeue(out var run))
        {
            runs.Add(run);
        }
        if (runs.Count == 0)
        {
            return;
        }
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            foreach (var run in runs)
            {
                if (run is { MessageId: { } id, DeliveredAt: { } at })
                {
                    await RecordDeliveryAsync(db, run.Token, id, at, ct);
                }
            }
            var tokens = runs.Select(r => (Guid?)r.Token).ToList();
            await db.OutboxMessages.Where(m => tokens.Contains(m.ClaimToken))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, (Guid?)null).SetProperty(m => m.ClaimedUntil, (DateTimeOffset?)null), ct);
        }
        catch
        {
            // Still unreachable: settled on a later run (a delivery recorded meanwhile is not recorded twice).
            foreach (var run in runs)
            {
                _unsettled.Enqueue(run);
            }
            throw;
        }
    }

    private async Task RecordDeliveryAsync(WaymarkDbContext db, Guid token, Guid id, DateTimeOffset at, CancellationToken ct)
    {
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            // Only while the claim is still this run's: if the lease ran out and another relay took it, that one records it.
            var recorded = await db.OutboxMessages.Where(m => m.Id == id && m.ClaimToken == token && m.DeliveredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, at).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
            if (recorded == 1)
            {
                db.OutboxAttempts.Add(new OutboxAttempt { Id = Guid.CreateVersion7(), MessageId = id, AttemptedAt = at, Succeeded = true });
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        if (!await db.OutboxMessages.AnyAsync(m => m.Id == id, ct))
        {
            // Erased with the person's account meanwhile: the copy just written goes too, or it outlives the erasure.
            await copies.EraseAsync([id], ct);
        }
    }

    private async Task<int> RunAsync(Guid token, Action<OutboxMessage?> sending, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        await ClaimAsync(db, token, now, ct);
        var batch = await db.OutboxMessages.Where(m => m.ClaimToken == token && m.DeliveredAt == null).OrderBy(m => m.CreatedAt).ToListAsync(ct);
        var delivered = 0;
        foreach (var message in batch)
        {
            var attempt = new OutboxAttempt { Id = Guid.CreateVersion7(), MessageId = message.Id, AttemptedAt = time.GetUtcNow() };
            try
            {
                await sender.SendAsync(message, ct);
                attempt.Succeeded = true;
                message.DeliveredAt = time.GetUtcNow();
                sending(message);
                message.LastError = null;
                delivered++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                attempt.Error = ex.Message;
                message.LastError = ex.Message;
                if (message.Attempts < RetrySchedule.Count)
                {
                    message.NextAttemptAt = time.GetUtcNow() + RetrySchedule[message.Attempts];
                }
                else
                {
                    message.GaveUpAt = time.GetUtcNow();
                }
            }
            message.Attempts++;
            message.ClaimToken = null;
            message.ClaimedUntil = null;
            db.OutboxAttempts.Add(attempt);
            try
            {
                // Saved per message, so one that was delivered is recorded even if a later one hangs.
                await db.SaveChangesAsync(ct);
                sending(null);
            }
            catch (DbUpdateException)
            {
                if (await StillQueuedAsync(message.Id, ct))
                {
                    throw;
                }
                // The person deleted their account while this was being sent: the row went with it, and the
                // copy just written must go too, or it outlives the erasure.
                db.Entry(attempt).State = EntityState.Detached;
                db.Entry(message).State = EntityState.Detached;
                await copies.EraseAsync([message.Id], ct);
                sending(null);
            }
        }
        return delivered;
    }

    private sealed record Unsettled(Guid Token, Guid? MessageId, DateTimeOffset? DeliveredAt);

    private async Task<bool> StillQueuedAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.OutboxMessages.AnyAsync(m => m.Id == id, ct);
    }

    private static async Task ClaimAsync(WaymarkDbContext db, Guid token, DateTimeOffset now, CancellationToken ct)
    {
        var until = now + Lease;
        if (db.IsPostgres)
        {
            // SKIP LOCKED lets several relays share the queue without waiting on, or taking, each other's rows.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE outbox_message SET claim_token = {token}, claimed_until = {until}
                WHERE id IN (
                    SELECT id FROM outbox_message
                    WHERE delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= {now}
                      AND (claimed_until IS NULL OR claimed_until < {now})
                    ORDER BY created_at
                    LIMIT {BatchSize}
                    FOR UPDATE SKIP LOCKED)
                """, ct);
        }
        else
        {
            // SQLite has one writer at a time, so a single conditional UPDATE is already an exclusive claim.
            await db.OutboxMessages
                .Where(m => m.DeliveredAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.CreatedAt)
                .Take(BatchSize)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntil, until), ct);
        }
    }
}
