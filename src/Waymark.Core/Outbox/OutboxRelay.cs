using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Outbox;

/// <summary>
/// Claims a batch of due messages, delivers each, and records every attempt. Claims are leases: a relay
/// that dies mid-batch holds its messages only until the lease ends. A delivered message is never claimed
/// again, and senders are idempotent by message id, so a message is delivered once.
/// </summary>
public sealed class OutboxRelay(IDbContextFactory<WaymarkDbContext> contexts, IOutboxSender sender, TimeProvider time, IDeliveredMessageCopies copies)
{
    public const int BatchSize = 20;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Waits before each retry; after the last, the message is given up on.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetrySchedule =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(12)];

    /// <summary>Delivers what is due now; returns how many were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var token = Guid.NewGuid();
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
            }
        }
        return delivered;
    }

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
