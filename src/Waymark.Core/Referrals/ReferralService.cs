using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Notifications;
using Waymark.Core.Outbox;
using Waymark.Core.People;

namespace Waymark.Core.Referrals;

/// <summary>A refused referral request, with a sentence for the person who asked.</summary>
public class ReferralException(string message) : Exception(message);

/// <summary>The person already has an open referral to this service: the one to show them instead.</summary>
public sealed class DuplicateReferralException(Guid existingId)
    : ReferralException("You already have a referral to this service that is still open.")
{
    public Guid ExistingId { get; } = existingId;
}

/// <summary>
/// Makes, shows and moves referrals. Each change is saved together with its audit row and the
/// notifications it causes (the outbox), in one SaveChanges. Every view is audited. Organisations see only
/// referrals made to them and people only their own: anything else is "not found" (null).
/// </summary>
public sealed class ReferralService(WaymarkDbContext db, ReferralText text, ReferralNotifier notifier, TimeProvider time)
{
    public const int MaxStoryLength = 4000;

    public static readonly Guid SelfReferral = Vocabulary.TermId("access:self-referral");
    public static readonly Guid NoReferralNeeded = Vocabulary.TermId("access:no-referral");

    public static readonly Guid Helpline = Vocabulary.TermId("format:helpline");

    /// <summary>
    /// Whether a service with these vocabulary terms takes referrals from the person themselves. A helpline never does,
    /// whatever its access terms say: its way in is its number, and a referral form would only delay the call.
    /// </summary>
    public static bool TakesSelfReferrals(IEnumerable<Guid> termIds)
    {
        var terms = termIds.ToHashSet();
        return !terms.Contains(Helpline) && (terms.Contains(SelfReferral) || terms.Contains(NoReferralNeeded));
    }

    public async Task<bool> TakesSelfReferralsAsync(Guid serviceId, CancellationToken ct = default) =>
        TakesSelfReferrals(await db.ServiceAttributes.Where(a => a.ServiceId == serviceId).Select(a => a.TaxonomyTermId).ToListAsync(ct));

    public Task<Referral> SelfReferAsync(Guid serviceId, Actor person, ContactPreference contact, string? story, CancellationToken ct = default) =>
        SelfReferAsync(serviceId, person, contact, story, null, null, ct);

    public Task<Referral> SelfReferAsync(Guid serviceId, Actor person, ContactPreference contact, string? story, SharedStory? sharedStory, CancellationToken ct = default) =>
        SelfReferAsync(serviceId, person, contact, story, sharedStory, null, ct);

    /// <summary>The person's open referral to the service (one not yet finished), made by anyone, or null.</summary>
    public async Task<OpenReferral?> OpenReferralAsync(Guid serviceId, Actor person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        return await db.Referrals
            .Where(r => r.ServiceId == serviceId && r.PersonUserId != null && r.PersonUserId == person.UserId && OpenStatuses.Contains(r.Status))
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new OpenReferral(r.Id, r.Status, r.CreatedAt))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The statuses from which a referral can still move: while one is open, another to the same service is a duplicate.</summary>
    public static readonly IReadOnlyList<ReferralStatus> OpenStatuses = [.. Enum.GetValues<ReferralStatus>().Where(s => !ReferralRules.IsFinished(s))];

    /// <summary>
    /// A self-referral that may carry the person's "tell my story once" summary. The story goes only when
    /// the person ticked to share it with this organisation; the consent is saved with the referral. The
    /// name, email and phone they chose to share are kept encrypted for the receiving organisation. Throws
    /// <see cref="DuplicateReferralException"/> while they have an open referral to the same service.
    /// </summary>
    public async Task<Referral> SelfReferAsync(Guid serviceId, Actor person, ContactPreference contact, string? story, SharedStory? sharedStory,
        SelfReferralContact? contactDetails, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.UserId is not { } personId)
        {
            throw new ReferralException("Sign in to refer yourself.");
        }
        var service = await db.Services.Where(s => s.Id == serviceId && s.OrganizationId != null)
            .Select(s => new { s.Id, s.Name, OrganizationId = s.OrganizationId!.Value }).SingleOrDefaultAsync(ct)
            ?? throw new ReferralException("There is no such service.");
        if (!await TakesSelfReferralsAsync(serviceId, ct))
        {
            throw new ReferralException($"{service.Name} does not take self-referrals.");
        }
        if (story?.Length > MaxStoryLength)
        {
            throw new ReferralException($"Keep what you write to {MaxStoryLength} characters.");
        }
        if (await OpenReferralAsync(serviceId, person, ct) is { } open)
        {
            throw new DuplicateReferralException(open.Id);
        }
        var sent = sharedStory is null || string.IsNullOrWhiteSpace(sharedStory.Text) ? story
            : string.IsNullOrWhiteSpace(story) ? sharedStory.Text
            : $"{story.Trim()}\n\n{sharedStory.Text}";
        var referral = Referral.Create(service.Id, service.OrganizationId, personId, new ReferralActor(personId, person.Name, ReferralParty.Person),
            contact, text.Protect(sent), time);
        db.Referrals.Add(referral);
        if (contactDetails is { IsEmpty: false })
        {
            db.ReferredPeople.Add(ReferredPerson.Create(referral.Id, text.Protect(contactDetails.Name) ?? "",
                text.Protect(contactDetails.Email), text.Protect(contactDetails.Phone)));
        }
        if (sharedStory is not null && !string.IsNullOrWhiteSpace(sharedStory.Text))
        {
            await StoryConsents.RecordAsync(db, text, time, person, referral, service.Name, sharedStory, ct);
        }
        db.Audit(time, person, ReferralAudit.Created, "referral", referral.Id.ToString(), $"service {service.Id}");
        await notifier.MovedAsync(referral, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The same referral sent twice at once (a double press): the unique index let only one through.
            db.ChangeTracker.Clear();
            if (db.Database.CurrentTransaction is null && await OpenReferralAsync(serviceId, person, CancellationToken.None) is { } raced)
            {
                throw new DuplicateReferralException(raced.Id);
            }
            throw;
        }
        return referral;
    }

    /// <summary>
    /// What the person sees once their referral has gone: what was sent, to whom, what they shared to be
    /// reached, and by when the service usually answers. Null when it is not their referral. Audited as a view.
    /// </summary>
    public async Task<SelfReferralReceipt?> ReceiptAsync(Guid referralId, Actor person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var referral = await db.Referrals.Include(r => r.Events)
            .SingleOrDefaultAsync(r => r.Id == referralId && r.PersonUserId != null && r.PersonUserId == person.UserId, ct);
        if (referral is null)
        {
            return null;
        }
        var shared = await db.ReferredPeople.Where(p => p.ReferralId == referralId).SingleOrDefaultAsync(ct);
        int? stated = (await ReferralFollowUps.ResponseDaysAsync(db, [referral.ServiceId], ct)).TryGetValue(referral.ServiceId, out var days) ? days : null;
        db.Audit(time, person, ReferralAudit.Viewed, "referral", referral.Id.ToString(), "by the person");
        await db.SaveChangesAsync(ct);
        return new SelfReferralReceipt(
            (await ToViewsAsync([referral], ct))[0],
            shared is null ? null : new SelfReferralContact(text.Unprotect(shared.ProtectedName), text.Unprotect(shared.ProtectedEmail), text.Unprotect(shared.ProtectedPhone)),
            Staleness.ResponseDays(stated), stated is not null, Staleness.AnswerDueBy(referral.CreatedAt, stated));
    }

    /// <summary>The person's own referrals, newest first, with their histories. Audited as one view.</summary>
    public async Task<IReadOnlyList<ReferralView>> ForPersonAsync(Actor person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var referrals = await db.Referrals.Include(r => r.Events)
            // Only referrals about the person: ones a navigator made for someone else belong on /navigator/referrals.
            .Where(r => r.PersonUserId == person.UserId)
            .OrderByDescending(r => r.CreatedAt).Take(200).AsSplitQuery().ToListAsync(ct);
        var views = await ToViewsAsync(referrals, ct);
        foreach (var r in referrals)
        {
            db.Audit(time, person, ReferralAudit.Viewed, "referral", r.Id.ToString(), "by the person");
        }
        await db.SaveChangesAsync(ct);
        return views;
    }

    /// <summary>The referrals made to the organisations the user is a member of (not to every organisation, even for admins).</summary>
    public async Task<IReadOnlyList<ReferralView>> InboxAsync(Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var orgs = MemberOrganisations(staff);
        var referrals = await db.Referrals.Include(r => r.Events)
            .Where(r => orgs.Contains(r.OrganisationId))
            .OrderByDescending(r => r.CreatedAt).Take(200).AsSplitQuery().ToListAsync(ct);
        // The list shows status only, never what the person wrote, so it is not a view of any one referral.
        return await ToViewsAsync(referrals, ct, withStory: false);
    }

    /// <summary>How many referrals to the user's organisations nobody there has opened yet.</summary>
    public Task<int> NewCountAsync(Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var orgs = MemberOrganisations(staff);
        return db.Referrals.CountAsync(r => orgs.Contains(r.OrganisationId) && r.Status == ReferralStatus.Sent, ct);
    }

    /// <summary>
    /// One referral for a member of the receiving organisation, or null. The first time staff open a
    /// referral that was only sent, it becomes Opened, so the person and referrer see it was read.
    /// </summary>
    public async Task<ReferralView?> OpenForStaffAsync(Guid referralId, Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var orgs = MemberOrganisations(staff);
        var referral = await db.Referrals.Include(r => r.Events)
            .SingleOrDefaultAsync(r => r.Id == referralId && orgs.Contains(r.OrganisationId), ct);
        if (referral is null)
        {
            return null;
        }
        if (referral.Status == ReferralStatus.Sent)
        {
            referral.MoveTo(ReferralStatus.Opened, new ReferralActor(staff.UserId, staff.Name, ReferralParty.Organisation), null, time);
            await notifier.MovedAsync(referral, ct);
            db.Audit(time, staff, ReferralAudit.Viewed, "referral", referral.Id.ToString(), "by the receiving organisation");
            if (await TrySaveMoveAsync(referral, ReferralStatus.Sent, ct))
            {
                return (await ToViewsAsync([referral], ct))[0];
            }
            // A colleague opened it at the same moment: theirs is the move; this is only a view.
            referral = await db.Referrals.Include(r => r.Events).SingleAsync(r => r.Id == referralId, ct);
        }
        db.Audit(time, staff, ReferralAudit.Viewed, "referral", referral.Id.ToString(), "by the receiving organisation");
        await db.SaveChangesAsync(ct);
        return (await ToViewsAsync([referral], ct))[0];
    }

    /// <summary>Moves a referral as a member of the receiving organisation; false when it is not theirs to move.</summary>
    public async Task<bool> MoveAsStaffAsync(Guid referralId, ReferralStatus to, ReferralReason? code, string? note, Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var orgs = MemberOrganisations(staff);
        var referral = await db.Referrals.Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == referralId && orgs.Contains(r.OrganisationId), ct);
        if (referral is null)
        {
            return false;
        }
        await MoveAsync(referral, to, new ReferralActor(staff.UserId, staff.Name, ReferralParty.Organisation), code, note, staff, ct);
        return true;
    }

    /// <summary>The person withdraws their own referral; false when it is not theirs.</summary>
    public async Task<bool> WithdrawAsync(Guid referralId, Actor person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var referral = await db.Referrals.Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == referralId && r.PersonUserId == person.UserId, ct);
        if (referral is null)
        {
            return false;
        }
        await MoveAsync(referral, ReferralStatus.Withdrawn, new ReferralActor(person.UserId, person.Name, ReferralParty.Person), null, null, person, ct);
        return true;
    }

    private async Task MoveAsync(Referral referral, ReferralStatus to, ReferralActor by, ReferralReason? code, string? note, Actor actor, CancellationToken ct)
    {
        var from = referral.Status;
        referral.MoveTo(to, by, code, note, time);
        db.Audit(time, actor, ReferralAudit.Moved, "referral", referral.Id.ToString(), $"{from} -> {to}" + (code is { } c ? $" ({ReferralReasons.Code(c)})" : ""));
        await notifier.MovedAsync(referral, ct);
        if (!await TrySaveMoveAsync(referral, from, ct))
        {
            var now = await db.Referrals.Where(r => r.Id == referral.Id).Select(r => r.Status).SingleAsync(ct);
            throw new ReferralTransitionException(ReferralRules.ChangedMeanwhile(now));
        }
    }

    /// <summary>
    /// Saves a move only if the referral is still where it was when it was read. Two members of staff (on any two
    /// nodes) pressing at once would otherwise both append the move and the person would be told twice; the loser's
    /// unsaved move, messages and audit line are dropped. The conditional update waits for a rival's transaction, so
    /// it sees the status that transaction committed.
    /// </summary>
    private async Task<bool> TrySaveMoveAsync(Referral referral, ReferralStatus from, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Referrals.Where(r => r.Id == referral.Id && r.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, referral.Status), ct);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return false;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private IQueryable<Guid> MemberOrganisations(Actor staff) =>
        db.OrganisationMemberships.Where(m => m.UserId == staff.UserId).Select(m => m.OrganizationId);

    private async Task<List<ReferralView>> ToViewsAsync(List<Referral> referrals, CancellationToken ct, bool withStory = true)
    {
        var serviceIds = referrals.Select(r => r.ServiceId).Distinct().ToList();
        var services = await db.Services.Where(s => serviceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, Organisation = s.Organization!.Name }).ToDictionaryAsync(s => s.Id, ct);
        return referrals.Select(r => new ReferralView(
            r.Id, r.ServiceId, services.TryGetValue(r.ServiceId, out var s) ? s.Name : "A service no longer listed",
            s?.Organisation ?? "", r.Status, r.ContactPreference, r.CreatedAt,
            withStory ? text.Unprotect(r.ProtectedStory) : null,
            r.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList())).ToList();
    }
}

/// <summary>An open referral a person already has to a service.</summary>
public sealed record OpenReferral(Guid Id, ReferralStatus Status, DateTimeOffset CreatedAt);

/// <summary>
/// A sent self-referral as its confirmation shows it. <see cref="ResponseWorkingDays"/> is the service's own figure
/// when <see cref="StatedByService"/>, else the default the overdue rule uses.
/// </summary>
public sealed record SelfReferralReceipt(ReferralView Referral, SelfReferralContact? Shared, int ResponseWorkingDays, bool StatedByService, DateOnly AnswerDueBy);

/// <summary>A referral as shown: names resolved, the person's words decrypted, the history in order.</summary>
public sealed record ReferralView(
    Guid Id, Guid ServiceId, string ServiceName, string OrganisationName, ReferralStatus Status, ContactPreference ContactPreference,
    DateTimeOffset CreatedAt, string? Story, IReadOnlyList<ReferralEvent> Events);

public static class ReferralAudit
{
    public const string Created = "referral-created";
    public const string Viewed = "referral-viewed";
    public const string Moved = "referral-moved";

    /// <summary>The receiving organisation read how to reach the person (name, email, phone).</summary>
    public const string ContactViewed = "referral-contact-viewed";
    public const string JoinedAccount = "referral-joined-account";

    /// <summary>The receiving organisation sent the referrer a message.</summary>
    public const string Replied = "referral-replied";
}
