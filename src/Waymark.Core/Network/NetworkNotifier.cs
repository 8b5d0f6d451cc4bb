using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Notifications;
using Waymark.Core.Outbox;

namespace Waymark.Core.Network;

/// <summary>
/// Queues the emails that offers between organisations cause, in the caller's unit of work (the outbox), to the
/// staff who posted or asked, or, once that account is erased, to the organisation's provider-admins (the offer
/// is the organisation's). Nothing here is about a person, so the subject may say what it is about.
/// </summary>
public sealed class NetworkNotifier(WaymarkDbContext db, NotificationSettings settings, TimeProvider time)
{
    public const string RequestSubject = "Waymark: another organisation asked for your offer";
    public const string DecisionSubject = "Waymark: an answer to your request";
    public const string SupervisionBookedSubject = "Waymark: supervision booked under your offer";

    public async Task RequestedAsync(SharedOffer offer, OfferRequest request, string fromOrganisation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(request);
        await ToUserAsync(offer.PostedByUserId, offer.OrganisationId, RequestSubject,
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
        await ToUserAsync(request.RequestedByUserId, request.OrganisationId, DecisionSubject, $"{what}\n\nSee it in Waymark: {settings.Link($"provider/offers/{offer.Id}")}", request.Id, ct);
    }

    /// <summary>
    /// A supervision session booked under an accepted supervision offer, for the offering organisation: which
    /// organisation and the day, never who the peer supporter is (least data: the contact arranges the rest).
    /// </summary>
    public async Task SupervisionBookedAsync(SharedOffer offer, OfferRequest request, string supervisedOrganisation, DateOnly day, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(request);
        await ToUserAsync(offer.PostedByUserId, offer.OrganisationId, SupervisionBookedSubject,
            $"{supervisedOrganisation} booked a supervision session under your offer \"{offer.Title}\" for {day.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}.\n\nSee the offer: {settings.Link($"provider/offers/{offer.Id}")}",
            request.Id, ct);
    }

    private async Task ToUserAsync(Guid? userId, Guid organisationId, string subject, string body, Guid requestId, CancellationToken ct)
    {
        var emails = userId is { } id
            ? await db.Users.Where(u => u.Id == id && u.Email != null).Select(u => u.Email!).ToListAsync(ct)
            : [];
        if (emails.Count == 0)
        {
            emails = await db.OrganisationMemberships.Where(m => m.OrganizationId == organisationId && m.Role == Accounts.MembershipRoles.Admin)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u.Email).Where(e => e != null).Select(e => e!).Distinct().ToListAsync(ct);
        }
        foreach (var email in emails)
        {
            Queue(email, subject, body, requestId);
        }
    }

    private void Queue(string email, string subject, string body, Guid requestId)
    {
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
