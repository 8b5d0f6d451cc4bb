using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Listings;
using Waymark.Core.Outbox;
using Waymark.Core.PeerSupport;
using Waymark.Core.Referrals;
using Waymark.Core.Wall;

namespace Waymark.Core.People;

/// <summary>
/// "Delete my account": erases a person's personal data in one transaction — the account and its sign-in
/// data, plan, notes, story, the text of their consents, what their referrals said and how to contact them
/// (including the name and contact details a navigator recorded when referring them),
/// messages addressed to them, and their name in histories, listing edits and the audit trail. Referral rows
/// stay, with service, status and timestamps but no person, so waiting-time figures do not change; audit rows
/// stay as anonymous facts (what happened, when). On SQLite the deleted content is also gone from the file
/// (see <see cref="SqliteSecureDelete"/> and the checkpoint below). Copies of their
/// messages kept outside the database (the folder sender's files) are erased once the transaction commits.
/// </summary>
public sealed class AccountErasure(WaymarkDbContext db, SignInAttempts attempts, TimeProvider time, IDeliveredMessageCopies copies)
{
    public const string ErasedName = "deleted account";

    public async Task<bool> EraseAsync(Guid userId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.NormalizedEmail, u.PhoneNumber }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return false;
        }
        var id = userId.ToString();
        var email = user.Email ?? "";
        var normalised = user.NormalizedEmail ?? "";
        var phone = user.PhoneNumber ?? "";

        // Their referrals: keep the row and the history's moves and times; drop who, what they wrote and the reasons (which may name them).
        var theirs = db.Referrals.Where(r => r.PersonUserId == userId).Select(r => r.Id);
        await db.ReferralEvents.Where(e => theirs.Contains(e.ReferralId))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, (string?)null), ct);
        // How to reach them — what they shared when referring themselves, or what a navigator recorded (name, email,
        // phone) — goes too; the consent record stays, as a fact about the referral.
        await db.ReferredPeople.Where(p => theirs.Contains(p.ReferralId)).ExecuteDeleteAsync(ct);
        await db.ReferralEvents.Where(e => e.ByUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ByUserId, (Guid?)null).SetProperty(e => e.ByName, ErasedName), ct);
        await db.Referrals.Where(r => r.PersonUserId == userId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.ProtectedStory, (string?)null)
                .SetProperty(r => r.ContactPreference, ContactPreference.None)
                .SetProperty(r => r.PersonUserId, (Guid?)null), ct);
        await db.Referrals.Where(r => r.ReferrerUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReferrerUserId, (Guid?)null), ct);

        await db.Set<StoryConsent>().Where(c => c.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UserId, (Guid?)null).SetProperty(c => c.ProtectedShared, (string?)null), ct);

        // Messages to them, sent or not: the address is theirs. (Attempts go with their message.)
        var messages = db.OutboxMessages.Where(m => m.Recipient == email || (phone != "" && m.Recipient == phone) || (m.SubjectType == "account" && m.SubjectId == userId)
            || (m.SubjectType == PeerSupportRecords.MessageSubjectType && m.SubjectId == userId));
        var messageIds = await messages.Select(m => m.Id).ToListAsync(ct);
        await messages.ExecuteDeleteAsync(ct);
        // Reports are few and their addresses free text: match them here, ignoring case, as Identity does.
        var reports = (await db.ListingReports.Where(r => r.Email != null).Select(r => new { r.Id, r.Email }).ToListAsync(ct))
            .Where(r => AccountAdministration.Normalise(r.Email!.Trim()) == normalised).Select(r => r.Id).ToList();
        await db.ListingReports.Where(r => reports.Contains(r.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Email, (string?)null), ct);

        await db.AuditEvents.Where(a => a.ActorId == userId || a.ActorEmail == email)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorId, (Guid?)null).SetProperty(a => a.ActorEmail, ErasedName), ct);
        await db.AuditEvents.Where(a => a.SubjectId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.SubjectId, (string?)null), ct);
        await db.AuditEvents.Where(a => a.Detail != null && (a.Detail.Contains(email) || a.Detail.Contains(id)))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, (string?)null), ct);

        // A staff member's name on listings: the provider's history, notices and reports say "deleted account"; a
        // published assurer address that was theirs becomes the listing's contact address.
        await db.Metadata.Where(m => m.UpdatedBy == email).ExecuteUpdateAsync(s => s.SetProperty(m => m.UpdatedBy, ErasedName), ct);
        await db.ServiceNotices.Where(n => n.SetBy == email).ExecuteUpdateAsync(s => s.SetProperty(n => n.SetBy, ErasedName), ct);
        await db.ListingReports.Where(r => r.ResolvedBy == email).ExecuteUpdateAsync(s => s.SetProperty(r => r.ResolvedBy, ErasedName), ct);
        foreach (var service in await db.Services.Include(x => x.Organization).Where(x => x.AssurerEmail == email).ToListAsync(ct))
        {
            service.AssurerEmail = ListingFreshness.PublicAssurerEmail(service);
        }

        // Everything they wrote on the wall goes as when they delete a note (ADR 0022): other people's replies stay under
        // an empty marker with no author. Then their reactions, reports, display name and reading choices; a moderator's
        // name on decisions becomes "deleted account".
        var written = await db.WallItems.Where(i => i.AuthorId == userId).Select(i => i.Id).ToListAsync(ct);
        await WallRemoval.RemoveAsync(db, userId, written, ct);
        await db.WallReactions.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.WallFlags.Where(f => f.ReporterKey == "user:" + id).ExecuteDeleteAsync(ct);
        await db.WallMembers.Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
        await db.WallItems.Where(i => i.DecidedById == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.DecidedById, (Guid?)null).SetProperty(i => i.DecidedByName, ErasedName), ct);

        // Offers, requests and "works with" links are the organisations' and stay; only who posted, asked, answered,
        // proposed, agreed or ended goes (messages about them then go to the organisation's provider-admins).
        await db.SharedOffers.Where(o => o.PostedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(o => o.PostedByUserId, (Guid?)null), ct);
        await db.SharedOffers.Where(o => o.WithdrawnByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(o => o.WithdrawnByUserId, (Guid?)null), ct);
        await db.OfferRequests.Where(r => r.RequestedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestedByUserId, (Guid?)null), ct);
        await db.OfferRequests.Where(r => r.DecidedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.DecidedByUserId, (Guid?)null), ct);
        await db.OrganisationLinks.Where(l => l.ProposedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(l => l.ProposedByUserId, (Guid?)null), ct);
        await db.OrganisationLinks.Where(l => l.AgreedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(l => l.AgreedByUserId, (Guid?)null), ct);
        await db.OrganisationLinks.Where(l => l.EndedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(l => l.EndedByUserId, (Guid?)null), ct);

        await PeerSupportData.EraseAsync(db, userId, ErasedName, ct);
        await db.Set<SavedService>().Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<PersonProfile>().Where(p => p.UserId == userId).ExecuteDeleteAsync(ct);
        await db.SetPasswordTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        // Every session ends with the account: a copy of any of its cookies opens nothing.
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.OrganisationMemberships.Where(m => m.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await db.AuthenticatorSteps.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await attempts.ForgetAsync(email, ct);
        await db.Users.Where(u => u.Id == userId).ExecuteDeleteAsync(ct);

        db.Audit(time, new Actor(null, ErasedName), PersonAudit.AccountDeleted, "user", null, "personal data erased; anonymous referral timings kept");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // Only after the commit: a rolled-back erasure must not have lost messages that are still to be sent.
        // Not cancellable either: the rows are gone, so the copies must go too.
        await copies.EraseAsync(messageIds, CancellationToken.None);
        if (!db.IsPostgres)
        {
            // Deleted content is zeroed (secure_delete, on every connection), but older copies of those pages can wait in
            // the write-ahead log until a checkpoint; make it now, so the email is gone from the files too.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", CancellationToken.None);
        }
        return true;
    }
}
