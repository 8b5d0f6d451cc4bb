using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;

namespace Waymark.Core.Network;

/// <summary>An offer in a list.</summary>
public sealed record OfferListing(Guid Id, Guid OrganisationId, string Organisation, OfferKind Kind, string Title, string Area,
    DateOnly AvailableFrom, DateOnly? AvailableTo, DateOnly ExpiresOn, bool IsOpen, int Waiting);

/// <summary>A request as the two organisations see it.</summary>
public sealed record OfferRequestView(Guid Id, Guid OrganisationId, string Organisation, string Message, OfferRequestStatus Status,
    DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, string? Reason);

/// <summary>One offer for a member of either side: the offerer sees every request, another organisation only its own.</summary>
public sealed record OfferDetail(SharedOffer Offer, string Organisation, bool IsOurs, bool IsOpen, IReadOnlyList<OfferRequestView> Requests);

/// <summary>An accepted request for supervision: where peer-supporter records can say who supervises whom, and from when.</summary>
public sealed record SupervisionTakenUp(Guid RequestId, Guid OfferId, Guid SupervisingOrganisationId, Guid SupervisedOrganisationId,
    DateOnly AvailableFrom, DateOnly? AvailableTo, DateTimeOffset AcceptedAt);

/// <summary>
/// The "sharing economy" between organisations: post, find, ask for, answer and withdraw offers. Staff act for the
/// organisations they are members of; an offer or request of any other organisation is "not found" (null), so
/// its ids reveal nothing. Each change is saved with its audit rows and outbox messages in one SaveChanges.
/// </summary>
public sealed class SharedOffers(WaymarkDbContext db, OrganisationAccess access, NetworkNotifier notifier, TimeProvider time)
{
    public async Task<SharedOffer?> PostAsync(Guid organisationId, OfferDraft draft, Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var userId = UserOf(staff);
        if (!await access.MemberOrganisationIds(userId).AnyAsync(id => id == organisationId, ct))
        {
            return null;
        }
        var offer = SharedOffer.Post(organisationId, draft, userId, time);
        db.SharedOffers.Add(offer);
        db.Audit(time, staff, NetworkAudit.OfferPosted, "offer", offer.Id.ToString(), $"organisation {organisationId}");
        await db.SaveChangesAsync(ct);
        return offer;
    }

    /// <summary>Other organisations' open offers, soonest closing first, in an area (offers for anywhere included) and of a kind when given.</summary>
    public async Task<IReadOnlyList<OfferListing>> FindAsync(Actor staff, LocalAuthority? area, OfferKind? kind, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var mine = access.MemberOrganisationIds(UserOf(staff));
        var today = Schedules.UkTime.DateOf(time.GetUtcNow());
        var query = db.SharedOffers.Where(o => o.Status == OfferStatus.Open && o.ExpiresOn >= today && !mine.Contains(o.OrganisationId));
        if (kind is { } k)
        {
            query = query.Where(o => o.Kind == k);
        }
        if (area is not null)
        {
            var covering = new[] { area.Code, area.ParentCode ?? area.Code };
            query = query.Where(o => o.AreaCode == null || covering.Contains(o.AreaCode));
        }
        return await ListAsync(query.OrderBy(o => o.ExpiresOn).ThenBy(o => o.Title), ct);
    }

    /// <summary>The offers of the user's own organisations, open ones first, with how many requests wait for an answer.</summary>
    public async Task<IReadOnlyList<OfferListing>> OursAsync(Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var mine = access.MemberOrganisationIds(UserOf(staff));
        var list = await ListAsync(db.SharedOffers.Where(o => mine.Contains(o.OrganisationId)).OrderByDescending(o => o.PostedAt), ct);
        return [.. list.OrderByDescending(o => o.IsOpen)];
    }

    public async Task<OfferDetail?> DetailAsync(Guid offerId, Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var mine = await access.MemberOrganisationIds(UserOf(staff)).ToListAsync(ct);
        var offer = await db.SharedOffers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == offerId, ct);
        if (offer is null)
        {
            return null;
        }
        var ours = mine.Contains(offer.OrganisationId);
        var requests = db.OfferRequests.Where(r => r.OfferId == offerId);
        if (!ours)
        {
            requests = requests.Where(r => mine.Contains(r.OrganisationId));
        }
        var views = await requests.OrderBy(r => r.RequestedAt)
            .Select(r => new OfferRequestView(r.Id, r.OrganisationId, db.Organizations.Where(o => o.Id == r.OrganisationId).Select(o => o.Name).FirstOrDefault() ?? "",
                r.Message, r.Status, r.RequestedAt, r.DecidedAt, r.Reason))
            .ToListAsync(ct);
        var open = offer.IsOpen(time.GetUtcNow());
        // Another organisation sees an offer while it is open, and afterwards only if it asked for it.
        if (!ours && !open && views.Count == 0)
        {
            return null;
        }
        var name = await db.Organizations.Where(o => o.Id == offer.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        return new OfferDetail(offer, name, ours, open, views);
    }

    /// <summary>Asks for an offer for one of the user's organisations; null when the offer or the organisation is not theirs to use.</summary>
    public async Task<OfferRequest?> RequestAsync(Guid offerId, Guid organisationId, string? message, Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var userId = UserOf(staff);
        var mine = access.MemberOrganisationIds(userId);
        if (!await mine.AnyAsync(id => id == organisationId, ct))
        {
            return null;
        }
        var offer = await db.SharedOffers.SingleOrDefaultAsync(o => o.Id == offerId && !mine.Contains(o.OrganisationId), ct);
        if (offer is null || (!offer.IsOpen(time.GetUtcNow()) && !await db.OfferRequests.AnyAsync(r => r.OfferId == offerId && mine.Contains(r.OrganisationId), ct)))
        {
            return null;
        }
        if (await db.OfferRequests.AnyAsync(r => r.OfferId == offerId && r.OrganisationId == organisationId && r.Status == OfferRequestStatus.Pending, ct))
        {
            throw new NetworkException("Your organisation has already asked for this offer and is waiting for an answer.");
        }
        var request = offer.Request(organisationId, message, userId, time);
        db.OfferRequests.Add(request);
        var from = await db.Organizations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        db.Audit(time, staff, NetworkAudit.OfferRequested, "offer-request", request.Id.ToString(), $"offer {offer.Id} for organisation {organisationId}");
        await notifier.RequestedAsync(offer, request, from, ct);
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>The offerer accepts or declines (with a reason); false when the request is not to one of the user's organisations' offers.</summary>
    public async Task<bool> DecideAsync(Guid requestId, bool accept, string? reason, Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var userId = UserOf(staff);
        var mine = access.MemberOrganisationIds(userId);
        var request = await db.OfferRequests.SingleOrDefaultAsync(r => r.Id == requestId
            && db.SharedOffers.Any(o => o.Id == r.OfferId && mine.Contains(o.OrganisationId)), ct);
        if (request is null)
        {
            return false;
        }
        var offer = await db.SharedOffers.SingleAsync(o => o.Id == request.OfferId, ct);
        if (offer.Status == OfferStatus.Withdrawn)
        {
            throw new NetworkException("This offer has been withdrawn.");
        }
        request.MoveTo(accept ? OfferRequestStatus.Accepted : OfferRequestStatus.Declined, userId, accept ? null : reason, time);
        var name = await db.Organizations.Where(o => o.Id == offer.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        db.Audit(time, staff, NetworkAudit.RequestDecided, "offer-request", request.Id.ToString(), request.Status.ToString());
        await notifier.DecidedAsync(offer, request, name, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Withdraws one of the user's organisations' offers, closing the requests still waiting (and telling those who asked); false when it is not theirs.</summary>
    public async Task<bool> WithdrawAsync(Guid offerId, Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var userId = UserOf(staff);
        var mine = access.MemberOrganisationIds(userId);
        var offer = await db.SharedOffers.SingleOrDefaultAsync(o => o.Id == offerId && mine.Contains(o.OrganisationId), ct);
        if (offer is null)
        {
            return false;
        }
        offer.Withdraw(userId, time);
        var name = await db.Organizations.Where(o => o.Id == offer.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        foreach (var waiting in await db.OfferRequests.Where(r => r.OfferId == offerId && r.Status == OfferRequestStatus.Pending).ToListAsync(ct))
        {
            waiting.MoveTo(OfferRequestStatus.Closed, userId, null, time);
            await notifier.DecidedAsync(offer, waiting, name, ct);
        }
        db.Audit(time, staff, NetworkAudit.OfferWithdrawn, "offer", offer.Id.ToString());
        // One SaveChanges: the offer and every request it closes change together or not at all.
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The hook for peer-supporter records: accepted supervision offers where the organisation supervises or is
    /// supervised. A supervision record can point at <see cref="SupervisionTakenUp.RequestId"/>.
    /// </summary>
    public async Task<IReadOnlyList<SupervisionTakenUp>> SupervisionTakenUpAsync(Guid organisationId, CancellationToken ct = default) =>
        await (from r in db.OfferRequests
               join o in db.SharedOffers on r.OfferId equals o.Id
               where o.Kind == OfferKind.Supervision && r.Status == OfferRequestStatus.Accepted
                   && (o.OrganisationId == organisationId || r.OrganisationId == organisationId)
               select new SupervisionTakenUp(r.Id, o.Id, o.OrganisationId, r.OrganisationId, o.AvailableFrom, o.AvailableTo, r.DecidedAt!.Value))
            .ToListAsync(ct);

    private async Task<IReadOnlyList<OfferListing>> ListAsync(IQueryable<SharedOffer> query, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await query.Take(200)
            .Select(o => new
            {
                Offer = o,
                Organisation = db.Organizations.Where(x => x.Id == o.OrganisationId).Select(x => x.Name).FirstOrDefault() ?? "",
                Waiting = db.OfferRequests.Count(r => r.OfferId == o.Id && r.Status == OfferRequestStatus.Pending),
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new OfferListing(r.Offer.Id, r.Offer.OrganisationId, r.Organisation, r.Offer.Kind, r.Offer.Title, r.Offer.AreaName,
            r.Offer.AvailableFrom, r.Offer.AvailableTo, r.Offer.ExpiresOn, r.Offer.IsOpen(now), r.Waiting))];
    }

    private static Guid UserOf(Actor staff) => staff.UserId ?? throw new NetworkException("Sign in first.");
}

public static class NetworkAudit
{
    public const string OfferPosted = "offer-posted";
    public const string OfferRequested = "offer-requested";
    public const string RequestDecided = "offer-request-decided";
    public const string OfferWithdrawn = "offer-withdrawn";
    public const string LinkProposed = "link-proposed";
    public const string LinkAgreed = "link-agreed";
    public const string LinkEnded = "link-ended";
}
