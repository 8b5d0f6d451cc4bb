using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Matching;

namespace Waymark.Core.Referrals;

/// <summary>What a person sees before sending an onward referral: where it goes and who will read it.</summary>
public sealed record OnwardOffer(Guid FromReferralId, Guid ServiceId, string ServiceName, string OrganisationName, string? Story);

/// <summary>
/// "No wrong door": when a referral is declined, closed or ends on the waiting list, the person can send an
/// onward referral to a suggested service. Their earlier story goes with it only if they tick to say so,
/// having been shown who will see it; that fresh consent is recorded.
/// </summary>
public sealed class OnwardReferrals(WaymarkDbContext db, ReferralService referrals, ReferralSuggestions suggestions, ReferralText text, TimeProvider time)
{
    /// <summary>Alternatives for one of the person's own referrals that has ended, or null when there is none such.</summary>
    public async Task<IReadOnlyList<ServiceMatch>?> SuggestionsAsync(Guid referralId, Actor person, CancellationToken ct = default)
    {
        var from = await EndedReferralAsync(referralId, person, ct);
        return from is null ? null : await suggestions.OnwardAsync(from.ServiceId, selfAccessOnly: true, ct);
    }

    public async Task<OnwardOffer?> OfferAsync(Guid referralId, Guid serviceId, Actor person, CancellationToken ct = default)
    {
        var from = await EndedReferralAsync(referralId, person, ct);
        if (from is null || serviceId == from.ServiceId || !await referrals.TakesSelfReferralsAsync(serviceId, ct))
        {
            return null;
        }
        var service = await db.Services.Where(s => s.Id == serviceId && s.OrganizationId != null)
            .Select(s => new { s.Name, Organisation = s.Organization!.Name }).SingleOrDefaultAsync(ct);
        return service is null ? null : new OnwardOffer(referralId, serviceId, service.Name, service.Organisation, text.Unprotect(from.ProtectedStory));
    }

    /// <summary>Sends the onward referral; null when the offer does not stand (not theirs, not ended, or a service that does not take self-referrals).</summary>
    public async Task<Referral?> SendAsync(Guid referralId, Guid serviceId, Actor person, ContactPreference contact, bool carryStory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var offer = await OfferAsync(referralId, serviceId, person, ct);
        if (offer is null || person.UserId is not { } personId)
        {
            return null;
        }
        var story = carryStory ? offer.Story : null;
        // The referral and its consent record are saved together or not at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var referral = await referrals.SelfReferAsync(serviceId, person, contact, story, ct);
        db.ReferralConsents.Add(ReferralConsent.Record(referral.Id, ConsentMethod.InWaymark, Schedules.UkTime.DateOf(time.GetUtcNow()),
            sharesContactDetails: contact != ContactPreference.None, sharesStory: story is not null, offer.OrganisationName, personId, referralId, time));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return referral;
    }

    private async Task<Referral?> EndedReferralAsync(Guid referralId, Actor person, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(person);
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == referralId && r.PersonUserId == person.UserId, ct);
        return referral is not null && NavigatorReferrals.EndsOnward(referral.Status) ? referral : null;
    }
}
