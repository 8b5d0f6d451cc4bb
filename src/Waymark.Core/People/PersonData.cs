using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.PeerSupport;
using Waymark.Core.Referrals;
using Waymark.Core.Wall;

namespace Waymark.Core.People;

/// <summary>
/// "Download my data": everything Waymark holds about a person, with what they wrote decrypted. Each
/// download is audited.
/// </summary>
public sealed class PersonData(WaymarkDbContext db, PersonText personText, ReferralText referralText, PeerSupportText peerText, WallText wallText, TimeProvider time)
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public async Task<byte[]> ExportJsonAsync(Actor person, CancellationToken ct = default)
    {
        var userId = PersonPlan.IdOf(person);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, x => x.Id, (r, x) => x.Name).ToListAsync(ct);
        var profile = await db.Set<PersonProfile>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, ct);
        var saved = await db.Set<SavedService>().Where(s => s.UserId == userId)
            .Join(db.Services, s => s.ServiceId, x => x.Id, (s, x) => new { service_id = s.ServiceId, service = x.Name, organisation = x.Organization!.Name, saved_at = s.SavedAt })
            .ToListAsync(ct);
        var wallMember = await db.WallMembers.AsNoTracking().SingleOrDefaultAsync(m => m.UserId == userId, ct);
        var wallItems = await db.WallItems.AsNoTracking().Where(i => i.AuthorId == userId).OrderBy(i => i.CreatedAt).ToListAsync(ct);
        var referrals = await db.Referrals.AsNoTracking().Include(r => r.Events)
            .Where(r => r.PersonUserId == userId || r.ReferrerUserId == userId).AsSplitQuery().ToListAsync(ct);
        var serviceIds = referrals.Select(r => r.ServiceId).Distinct().ToList();
        var services = await db.Services.Where(s => serviceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, Organisation = s.Organization!.Name }).ToDictionaryAsync(s => s.Id, ct);
        // How a service can reach them on each referral about them — what they shared, or what a navigator recorded — and the consents.
        var referredIds = referrals.Where(r => r.PersonUserId == userId).Select(r => r.Id).ToList();
        var recorded = await db.ReferredPeople.AsNoTracking().Where(p => referredIds.Contains(p.ReferralId)).ToDictionaryAsync(p => p.ReferralId, ct);
        var referralConsents = (await db.ReferralConsents.AsNoTracking().Where(c => referredIds.Contains(c.ReferralId)).ToListAsync(ct))
            .ToLookup(c => c.ReferralId);
        var consents = await db.Set<StoryConsent>().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.ConsentedAt).ToListAsync(ct);
        var activity = await db.AuditEvents.AsNoTracking().Where(a => a.ActorId == userId)
            .OrderByDescending(a => a.OccurredAt).Take(2000).ToListAsync(ct);
        // A peer supporter's own training, supervision (with its notes), debriefs, check-ins, work and breaks.
        var peerSupport = await PeerSupportData.ExportAsync(db, peerText, userId, ct);
        var story = profile?.ProtectedStory is { } s2 && personText.Unprotect(s2) is { } json ? StorySummary.FromJson(json) : null;

        var export = new
        {
            about = "Everything Waymark holds about you, downloaded " + time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            account = new
            {
                id = user.Id,
                email = user.Email,
                email_confirmed = user.EmailConfirmed,
                phone = user.PhoneNumber,
                created_at = user.CreatedAt,
                roles,
                authenticator_set_up = user.TwoFactorEnabled,
            },
            contact_preference = (profile?.ContactPreference ?? ContactPreference.Email).ToString(),
            plan = new
            {
                services = saved,
                notes = personText.Unprotect(profile?.ProtectedNotes),
                notes_updated_at = profile?.NotesUpdatedAt,
            },
            story = story is null ? null : new
            {
                whats_happening = story.Happening,
                what_i_would_like = story.WouldLike,
                what_has_helped = story.HasHelped,
                what_has_not_helped = story.HasNotHelped,
                access_needs = story.AccessNeeds,
                preferences = story.Preferences,
                updated_at = profile!.StoryUpdatedAt,
            },
            // A referral someone made for another person is listed, but what it says about that person is theirs, not
            // the referrer's: it stays on the referral page, where every view is audited, and never goes into a file.
            referrals = referrals.OrderBy(r => r.CreatedAt).Select(r => r.PersonUserId != userId ? (object)new
            {
                id = r.Id,
                service_id = r.ServiceId,
                service = services.TryGetValue(r.ServiceId, out var made) ? made.Name : null,
                organisation = made?.Organisation,
                you_are = "the referrer",
                status = r.Status.ToString(),
                created_at = r.CreatedAt,
            } : new
            {
                id = r.Id,
                service_id = r.ServiceId,
                service = services.TryGetValue(r.ServiceId, out var sv) ? sv.Name : null,
                organisation = sv?.Organisation,
                you_are = "the person referred",
                status = r.Status.ToString(),
                contact_preference = r.ContactPreference.ToString(),
                created_at = r.CreatedAt,
                what_was_sent = referralText.Unprotect(r.ProtectedStory),
                how_they_can_reach_you = recorded.TryGetValue(r.Id, out var p) ? new
                {
                    name = referralText.Unprotect(p.ProtectedName),
                    email = referralText.Unprotect(p.ProtectedEmail),
                    phone = referralText.Unprotect(p.ProtectedPhone),
                } : null,
                consents = referralConsents[r.Id].OrderBy(c => c.RecordedAt).Select(c => new
                {
                    given = ReferralConsent.Describe(c.Method),
                    given_on = c.GivenOn,
                    shares_contact_details = c.SharesContactDetails,
                    shares_story = c.SharesStory,
                    shared_with = c.SharedWith,
                    recorded_at = c.RecordedAt,
                }),
                events = r.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Select(e => new
                {
                    from = e.From?.ToString(),
                    to = e.To.ToString(),
                    by = e.ByParty.ToString(),
                    at = e.OccurredAt,
                    reason_code = e.ReasonCode is { } c ? ReferralReasons.Code(c) : null,
                    reason = e.Reason,
                }),
            }),
            story_consents = consents.Select(c => new
            {
                shared_with = c.SharedWith,
                organisation_id = c.OrganisationId,
                service_id = c.ServiceId,
                referral_id = c.ReferralId,
                consented_at = c.ConsentedAt,
                sections = c.Sections.Split(',', StringSplitOptions.RemoveEmptyEntries),
                what_was_shared = referralText.Unprotect(c.ProtectedShared),
            }),
            wall = new
            {
                display_name = wallMember?.DisplayName,
                reading_choices = wallMember is null ? null : new
                {
                    content_warnings = wallMember.ContentWarnings,
                    muted_words = personText.Unprotect(wallMember.ProtectedMutedWords),
                    break_until = wallMember.BreakUntil,
                },
                items = wallItems.Select(i => new
                {
                    id = i.Id,
                    kind = i.Kind.ToString(),
                    topic = i.Topic,
                    text = wallText.Unprotect(i.ProtectedText),
                    status = i.Status.ToString(),
                    written_at = i.CreatedAt,
                    content_warning = i.ContentWarning,
                    reason = i.Reason,
                    details_taken_out = i.EditedOut is null ? null : WallEdits.Say(i.EditedOut),
                    moderator_reply = wallText.UnprotectReply(i.ProtectedPrivateReply),
                }),
            },
            peer_support = peerSupport,
            activity = activity.Select(a => new { at = a.OccurredAt, action = a.Action, subject_type = a.SubjectType, subject_id = a.SubjectId }),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(export, JsonOptions);
        db.Audit(time, person, PersonAudit.DataDownloaded, "person", userId.ToString());
        await db.SaveChangesAsync(ct);
        return bytes;
    }
}
