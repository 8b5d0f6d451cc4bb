using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Referrals;

namespace Waymark.Core.People;

/// <summary>Records a person's consent to share their story with one organisation, in the referral's own SaveChanges.</summary>
public static class StoryConsents
{
    internal static async Task RecordAsync(WaymarkDbContext db, ReferralText text, TimeProvider time, Actor person, Referral referral, string serviceName, SharedStory shared, CancellationToken ct)
    {
        var organisation = await db.Organizations.Where(o => o.Id == referral.OrganisationId).Select(o => o.Name).SingleAsync(ct);
        var consent = new StoryConsent
        {
            Id = Guid.CreateVersion7(),
            UserId = person.UserId,
            OrganisationId = referral.OrganisationId,
            ServiceId = referral.ServiceId,
            ReferralId = referral.Id,
            SharedWith = $"{organisation} ({serviceName})",
            Sections = string.Join(',', shared.Sections),
            ProtectedShared = text.Protect(shared.Text),
            ConsentedAt = time.GetUtcNow(),
        };
        db.Add(consent);
        db.Audit(time, person, PersonAudit.StoryShared, "referral", referral.Id.ToString(), $"story shared with organisation {referral.OrganisationId}: {consent.Sections}");
    }
}
