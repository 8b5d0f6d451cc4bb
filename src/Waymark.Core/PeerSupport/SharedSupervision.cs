using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Network;
using Waymark.Core.Schedules;

namespace Waymark.Core.PeerSupport;

/// <summary>An accepted supervision offer an organisation can take up for its peer supporters.</summary>
public sealed record SupervisionOfferChoice(Guid RequestId, Guid OfferId, string Organisation, string Title, DateOnly AvailableFrom, DateOnly? AvailableTo)
{
    public bool Covers(DateOnly day) => day >= AvailableFrom && (AvailableTo is not { } to || day <= to);
}

/// <summary>
/// Supervision another organisation gives under its shared offer, taken up by the organisation whose request it
/// accepted: its supervisors book the next supervision with the offering organisation's supervisor, or record a
/// session that organisation gave. Either lands in the peer supporter's own record and counts like any other
/// supervision (due, overdue, booked-but-not-held). The offering organisation is told the day and who asked (the
/// organisation), never who the peer supporter is. A request that is not the organisation's to use is "not found".
/// </summary>
public sealed class SharedSupervision(WaymarkDbContext db, PeerSupportAccess access, PeerSupportRecords records, NetworkNotifier notifier, TimeProvider time)
{
    /// <summary>
    /// The organisation's accepted requests for supervision offers that are not withdrawn and not yet over
    /// (<paramref name="organisationId"/> is the side that asked; the offerer cannot use its own offer for itself).
    /// </summary>
    public Task<List<SupervisionOfferChoice>> ChoicesAsync(Guid organisationId, CancellationToken ct = default) =>
        Choices(organisationId, current: true, null).ToListAsync(ct);

    /// <summary>
    /// Accepted supervision requests of the organisation; <paramref name="current"/>: only those it can still book under
    /// (the offer not withdrawn or over). A session already given can be recorded under any of them.
    /// </summary>
    private IQueryable<SupervisionOfferChoice> Choices(Guid organisationId, bool current, Guid? requestId)
    {
        var today = UkTime.DateOf(time.GetUtcNow());
        return from r in db.OfferRequests
               join o in db.SharedOffers on r.OfferId equals o.Id
               join org in db.Organizations on o.OrganisationId equals org.Id
               where r.OrganisationId == organisationId && (requestId == null || r.Id == requestId) && r.Status == OfferRequestStatus.Accepted && o.Kind == OfferKind.Supervision
                   && (!current || (o.Status == OfferStatus.Open && (o.AvailableTo == null || o.AvailableTo >= today)))
               orderby org.Name, o.Title
               select new SupervisionOfferChoice(r.Id, o.Id, org.Name, o.Title, o.AvailableFrom, o.AvailableTo);
    }

    /// <summary>
    /// Books a peer supporter's next supervision with the offering organisation's supervisor. False when the supervisor
    /// may not supervise this peer supporter or the request is not this organisation's to use (nothing changes);
    /// a day outside the offer's dates is refused with a sentence.
    /// </summary>
    public async Task<bool> BookAsync(Guid organisationId, Guid userId, Guid requestId, DateOnly day, Actor supervisor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        if (await ChoiceAsync(organisationId, userId, requestId, supervisor, current: true, ct) is not { } choice)
        {
            return false;
        }
        Within(choice, day);
        var request = await db.OfferRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, ct);
        var offer = await db.SharedOffers.AsNoTracking().SingleAsync(o => o.Id == choice.OfferId, ct);
        var asking = await db.Organizations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(ct);
        // Queued before the booking's own SaveChanges, so the booking and both messages commit together.
        await notifier.SupervisionBookedAsync(offer, request, asking, day, ct);
        await records.BookSupervisionAsync(organisationId, userId, day, supervisor, requestId, choice.Organisation, ct);
        return true;
    }

    /// <summary>Records a session the offering organisation gave under its offer (attended or missed), with a private note as any session.</summary>
    public async Task<bool> RecordAsync(Guid organisationId, Guid userId, Guid requestId, DateOnly heldOn, bool attended, string? note, Actor supervisor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        if (await ChoiceAsync(organisationId, userId, requestId, supervisor, current: false, ct) is not { } choice)
        {
            return false;
        }
        Within(choice, heldOn);
        await records.RecordSupervisionAsync(organisationId, userId, heldOn, attended, note, supervisor, requestId, ct);
        return true;
    }

    private async Task<SupervisionOfferChoice?> ChoiceAsync(Guid organisationId, Guid userId, Guid requestId, Actor supervisor, bool current, CancellationToken ct)
    {
        if (supervisor.UserId is not { } supervisorId || !await access.CanSuperviseAsync(supervisorId, organisationId, userId, ct))
        {
            return null;
        }
        return await Choices(organisationId, current, requestId).SingleOrDefaultAsync(ct);
    }

    private static void Within(SupervisionOfferChoice choice, DateOnly day)
    {
        if (!choice.Covers(day))
        {
            var from = choice.AvailableFrom.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            throw new PeerSupportException(choice.AvailableTo is { } to
                ? $"{choice.Organisation}'s offer runs from {from} to {to.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}: choose a day in it"
                : $"{choice.Organisation}'s offer starts on {from}: choose that day or later");
        }
    }
}
