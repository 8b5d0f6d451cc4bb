using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Notifications;
using Waymark.Core.Outbox;

namespace Waymark.Core.PeerSupport;

/// <summary>
/// Tells a peer supporter and their supervisors when a measure of their load reaches 80% of its limit, once per
/// crossing: the warning stays open while the measure stays at 80% or more and clears when it falls below, so
/// the next rise is told again. Called after anything that adds work (work logged, an assignment) and by
/// <see cref="PeerCareJob"/>, because hours also grow with time (a group session under way, wall moderation).
/// Several nodes may check the same person at once: the nth crossing of a measure has one id, so only one of
/// them can record it, and its messages are written in the same transaction.
/// </summary>
public sealed class LoadWarnings(WaymarkDbContext db, PeerSupportLoad load, PeerSupportAccess access, NotificationSettings links, TimeProvider time)
{
    public const string Subject = "Waymark: close to a peer support limit";

    /// <summary>Checks one peer supporter in one organisation; returns how many warnings were sent.</summary>
    public async Task<int> CheckAsync(Guid userId, Guid organisationId, CancellationToken ct = default)
    {
        var peerLoad = await load.ForAsync(userId, organisationId, ct);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var open = await db.LoadWarnings.Where(w => w.UserId == userId && w.OrganisationId == organisationId && w.ClearedAt == null).ToListAsync(ct);
        var sent = 0;
        string? peerEmail = null;
        IReadOnlyList<(Guid Id, string Email)>? supervisors = null;
        foreach (var m in peerLoad.Measures)
        {
            var mine = open.Where(w => w.Measure == m.Key).ToList();
            if (!m.NearLimit)
            {
                mine.ForEach(w => w.ClearedAt = now);
                continue;
            }
            if (mine.Count > 0)
            {
                continue;
            }
            var crossing = await db.LoadWarnings.CountAsync(w => w.UserId == userId && w.OrganisationId == organisationId && w.Measure == m.Key, ct);
            db.LoadWarnings.Add(new LoadWarning { Id = CrossingId(organisationId, userId, m.Key, crossing), OrganisationId = organisationId, UserId = userId, Measure = m.Key, SentAt = now });
            peerEmail ??= await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
            supervisors ??= await access.SupervisorsAsync(organisationId, ct);
            if (peerEmail is not null)
            {
                PeerOutbox.Queue(db, time, peerEmail, Subject, userId,
                    $"You have {m.Words}. Your organisation's limit is there to look after you: {(m.AtLimit ? "you will not be given more until this eases" : "take care of yourself, and say if you need a break or a debrief")}.\n\nSee your page: {links.Link("peer")}");
            }
            foreach (var (_, email) in supervisors.Where(s => s.Id != userId))
            {
                PeerOutbox.Queue(db, time, email, Subject, userId,
                    $"{peerEmail ?? "A peer supporter"} {(m.AtLimit ? "has reached" : "is close to")} a limit: {m.Words}.\n\nSee your team: {links.Link("provider/people")}");
            }
            db.Audit(time, new Actor(null, "waymark"), PeerSupportAudit.LoadWarned, "peer-supporter", userId.ToString(), m.Key);
            sent++;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return sent;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Another node recorded this crossing first, and sent its messages.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    /// <summary>The same id for the same crossing wherever it is worked out, so two nodes cannot both record it.</summary>
    public static Guid CrossingId(Guid organisationId, Guid userId, string measure, int crossing)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"load-warning/{organisationId:N}/{userId:N}/{measure}/{crossing}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}

/// <summary>Messages about a peer supporter, queued in the caller's transaction.</summary>
internal static class PeerOutbox
{
    public static void Queue(WaymarkDbContext db, TimeProvider time, string email, string subject, Guid peerId, string body)
    {
        var now = time.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now), CreatedAt = now, Channel = Channels.Email, Recipient = email, Subject = subject, Body = body,
            SubjectType = PeerSupportRecords.MessageSubjectType, SubjectId = peerId, NextAttemptAt = now,
        });
    }
}
