using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Notifications;
using Waymark.Core.Outbox;

namespace Waymark.Core.Network;

/// <summary>
/// Queues the emails that offers between organisations cause, in the caller's unit of work (the outbox), to the
/// staff who posted or asked. Nothing here is about a person, so the subject may say what it is about.
/// </summary>
public sealed class NetworkNotifier(WaymarkDbContext db, NotificationSettings settings, TimeProvider time)
{
    public const string RequestSubject = "Waymark: another organisation asked for your offer";
    public const string DecisionSubject = "Waymark: an answer to your request";

    public async Task RequestedAsync(SharedOffer offer, OfferRequest request, string fromOrganisation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(request);
        await ToUserAsync(offer.PostedByUserId, RequestSubject,
            $"{fromOrganisation} asked for your offer \"{offer.Title}\".\n\nRead their message and answer it: {settings.Link($"provider/offers/{offer.Id}")}",
            request.Id, ct);
    }

    public async Task DecidedAsync(SharedOffer offer, OfferRequest request, string offeringOrganisation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(request);
        var what = request.Status switch
        {
            OfferRequestStatus.Accepted => $"{offeringOrganisation} accepted your request for \"{offer.Title}\". Contact: {offer.Contact}",
            OfferRequestStatus.Declined => $"{offeringOrganisation} declined your request for \"{offer.Title}\". Their reason: {request.Reason}",
            _ => $"{offeringOrganisation} withdrew the offer \"{offer.Title}\" you asked for.",
        };
        await ToUserAsync(request.RequestedByUserId, DecisionSubject, $"{what}\n\nSee it in Waymark: {settings.Link($"provider/offers/{offer.Id}")}", request.Id, ct);
    }

    private async Task ToUserAsync(Guid userId, string subject, string body, Guid requestId, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (email is null)
        {
            return;
        }
        var now = time.GetUtcNow();
        db.OutboxMessages.Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(now),
            CreatedAt = now,
            Channel = Channels.Email,
            Recipient = email,
            Subject = subject,
            Body = body,
            SubjectType = "offer-request",
            SubjectId = requestId,
            NextAttemptAt = now,
        });
    }
}
