using Waymark.Core.Data;
using Waymark.Core.Notifications;
using Waymark.Core.Outbox;
using Waymark.Core.People;
using Waymark.Core.Referrals;
using Waymark.Core.Safety;

namespace Waymark.Core.Wall;

/// <summary>
/// Tells an author, through the outbox and in the same unit of work as the decision, that a moderator replied or
/// decided — never when they chose "don't contact me" (<see cref="PersonContact"/> decides), and never with what
/// they wrote in the message: a lock screen may be seen by someone else.
/// </summary>
public sealed class WallNotifier(WaymarkDbContext db, PersonContact contact, NotificationSettings settings, TimeProvider time)
{
    public const string Subject = "News from Waymark";

    public Task RepliedAsync(WallItem item, CancellationToken ct) =>
        SendAsync(item, "A moderator has replied to something you wrote on the Waymark wall.", ct);

    public Task DecidedAsync(WallItem item, CancellationToken ct) =>
        SendAsync(item, "A moderator has read something you wrote on the Waymark wall.", ct);

    private async Task SendAsync(WallItem item, string news, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.AuthorId is not { } authorId)
        {
            return;
        }
        var details = await contact.ForAsync(authorId, null, ct);
        if (details is not { MayContact: true })
        {
            return;
        }
        var link = settings.Link("my/wall");
        var samaritans = CrisisContacts.Get("samaritans");
        var body = details.Preference == ContactPreference.Sms
            ? $"Waymark: {news} Read it here: {link}"
            : $"{news}\n\nSign in to read it: {link}\n\nIf you need to talk to someone now, {samaritans.Name} are there day or night: {samaritans.Action}\n\n"
              + "You get these messages because you asked for updates this way. You can ask for no more messages at any time.";
        var now = time.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            CreatedAt = now,
            Channel = details.Preference == ContactPreference.Sms ? Channels.Sms : Channels.Email,
            Recipient = details.Address!,
            Subject = Subject,
            Body = body,
            SubjectType = "wall-item",
            SubjectId = item.Id,
            NextAttemptAt = now,
        });
    }
}
