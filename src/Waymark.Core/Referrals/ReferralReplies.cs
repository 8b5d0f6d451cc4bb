using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Notifications;

namespace Waymark.Core.Referrals;

/// <summary>
/// The receiving organisation's messages back to whoever referred someone to it (a navigator or another organisation):
/// saved with an audit row and the referrer's notification in one SaveChanges, and shown in the referral's history.
/// </summary>
public sealed class ReferralReplies(WaymarkDbContext db, ReferralText text, ReferralNotifier notifier, TimeProvider time)
{
    /// <summary>Whether a referral has someone to reply to: it was made for the person by someone else.</summary>
    public static bool HasReferrer(Referral referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return referral.ReferrerUserId is not null && referral.ReferrerUserId != referral.PersonUserId;
    }

    /// <summary>For a referral the caller may already see: whether someone other than the person made it.</summary>
    public Task<bool> HasReferrerAsync(Guid referralId, CancellationToken ct = default) =>
        db.Referrals.AnyAsync(r => r.Id == referralId && r.ReferrerUserId != null && (r.PersonUserId == null || r.ReferrerUserId != r.PersonUserId), ct);

    /// <summary>Replies as staff of the receiving organisation; false when the referral is not to one of their organisations.</summary>
    public async Task<bool> ReplyAsync(Guid referralId, string? message, Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (staff.UserId is not { } userId)
        {
            throw new ReferralException("Sign in to reply.");
        }
        var orgs = db.OrganisationMemberships.Where(m => m.UserId == userId).Select(m => m.OrganizationId);
        var referral = await db.Referrals.Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == referralId && orgs.Contains(r.OrganisationId), ct);
        if (referral is null)
        {
            return false;
        }
        if (!HasReferrer(referral))
        {
            throw new ReferralException("The person referred themselves, so there is nobody else to reply to.");
        }
        var words = message?.Trim();
        if (string.IsNullOrEmpty(words) || words.Length > ReferralMessage.MaxLength)
        {
            throw new ReferralException($"Write your message, in up to {ReferralMessage.MaxLength:N0} characters.");
        }
        var reply = ReferralMessage.Create(referral, userId, text.Protect(words)!, time);
        db.ReferralMessages.Add(reply);
        db.Audit(time, staff, ReferralAudit.Replied, "referral", referral.Id.ToString(), "by the receiving organisation");
        await notifier.RepliedAsync(referral, ct);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The replies on a referral the caller has already been allowed to see, oldest first.</summary>
    public async Task<IReadOnlyList<ReferralReply>> ForReferralAsync(Guid referralId, CancellationToken ct = default)
    {
        var rows = await db.ReferralMessages.Where(m => m.ReferralId == referralId).OrderBy(m => m.SentAt)
            .Select(m => new { m.Id, m.SentAt, m.ProtectedText, Organisation = db.Organizations.Where(o => o.Id == m.OrganisationId).Select(o => o.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return [.. rows.Select(m => new ReferralReply(m.Id, m.SentAt, m.Organisation ?? "The service", text.Unprotect(m.ProtectedText) ?? ""))];
    }
}
