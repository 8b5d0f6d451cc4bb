using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Notifications;
using Waymark.Core.Outbox;
using Waymark.Core.People;
using Waymark.Core.Referrals;

namespace Waymark.Core.Groups;

/// <summary>
/// Queues, in the caller's unit of work, one message to each person who saved the service to their plan and
/// may be contacted (their own "don't contact me" wins). Least data: the service and the session's time,
/// nothing about why, who runs it or who else is told. The subject names nothing, as a lock screen may be seen.
/// </summary>
public sealed class GroupCancellationNotifier(WaymarkDbContext db, PersonContact contacts, TimeProvider time)
{
    public const string Subject = "News from Waymark";

    public async Task QueueAsync(GroupSession session, string serviceName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        var savers = await db.Set<SavedService>().Where(s => s.ServiceId == session.ServiceId).Select(s => s.UserId).Distinct().ToListAsync(ct);
        var when = GroupSessions.Describe(session.StartsAt, session.EndsAt);
        var now = time.GetUtcNow();
        foreach (var userId in savers)
        {
            if (await contacts.ForAsync(userId, null, ct) is not { MayContact: true } details)
            {
                continue;
            }
            var sms = details.Preference == ContactPreference.Sms;
            db.OutboxMessages.Add(new OutboxMessage
            {
                Id = Guid.CreateVersion7(now),
                CreatedAt = now,
                Channel = sms ? Channels.Sms : Channels.Email,
                Recipient = details.Address!,
                Subject = Subject,
                Body = sms
                    ? $"Waymark: {serviceName} has cancelled its group session on {when} (UK time)."
                    : $"{serviceName} has cancelled its group session on {when} (UK time).\n\nYou get this because you saved {serviceName} to your plan in Waymark.",
                SubjectType = "group-session",
                SubjectId = session.Id,
                NextAttemptAt = now,
            });
        }
    }
}
