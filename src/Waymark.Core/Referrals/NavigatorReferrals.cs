using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Notifications;

namespace Waymark.Core.Referrals;

/// <summary>What a navigator records to refer someone, with that person's consent.</summary>
public sealed record NavigatorReferralRequest
{
    public required Guid ServiceId { get; init; }
    public required string PersonName { get; init; }
    public string? PersonEmail { get; init; }
    public string? PersonPhone { get; init; }
    public required ContactPreference Contact { get; init; }
    public required ConsentMethod ConsentMethod { get; init; }
    public required DateOnly ConsentGivenOn { get; init; }

    /// <summary>The person agreed that their name and contact details go to the service.</summary>
    public required bool SharesContactDetails { get; init; }

    /// <summary>The person agreed that what they told the navigator goes to the service.</summary>
    public required bool SharesStory { get; init; }

    public string? Story { get; init; }

    /// <summary>The declined or closed referral this one continues, when it is an onward referral.</summary>
    public Guid? OnwardFromReferralId { get; init; }

    /// <summary>For an onward referral: carry the earlier story, with the person's fresh consent.</summary>
    public bool CarryStory { get; init; }

    /// <summary>
    /// The random key the form was shown with (<see cref="NavigatorReferrals.NewKey"/>): the same form sent again by
    /// the same referrer gives back the referral it made, and makes nothing. Null (an older form) makes one each time.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>
    /// Which of the navigator's organisations they refer from, when they belong to more than one; without it, the
    /// first by name. Ignored for an organisation's onward referral (it is the organisation that received the earlier one).
    /// </summary>
    public Guid? FromOrganisationId { get; init; }
}

/// <summary>A form that already made a referral, sent again with other details: nothing is sent, and a fresh form is needed.</summary>
public sealed class ReusedReferralFormException()
    : ReferralException("This form was already used to send a referral, with other details. Nothing new has been sent. Check the details and send it again to make a new referral.");

/// <summary>A referral as its navigator sees it: who it is for, the consent, and whether the service is overdue.</summary>
public sealed record NavigatorReferralView(ReferralView Referral, string PersonName, ReferralConsent? Consent, DateOnly? OverdueSince);

/// <summary>
/// Referrals made by a navigator for a person, with that person's recorded consent. A navigator sees only
/// referrals they made; any other id is "not found". Every view of one is audited.
/// </summary>
public sealed class NavigatorReferrals(WaymarkDbContext db, ReferralText text, ReferralNotifier notifier, AddressReferrals addresses, TimeProvider time)
{
    public const int MaxNameLength = 200;
    public const int MaxPhoneLength = 40;

    /// <summary>The longest idempotency key a form may carry (the column's size).</summary>
    public const int MaxKeyLength = 64;

    /// <summary>A fresh form's idempotency key: 128 random bits, base64url.</summary>
    public static string NewKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The key as sent when it looks like one of ours (16 to 64 base64url characters), else null: a form without one.</summary>
    public static string? ValidKey(string? key) =>
        key is { Length: >= 16 and <= MaxKeyLength } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? key : null;

    public static bool EndsOnward(ReferralStatus status) => status is ReferralStatus.Declined or ReferralStatus.Closed or ReferralStatus.RemovedFromWaitingList;

    public Task<Referral> ReferAsync(NavigatorReferralRequest request, Actor navigator, CancellationToken ct = default) =>
        ReferAsync(request, navigator, asOrganisation: false, ct);

    /// <summary>
    /// Staff of the organisation that received <see cref="NavigatorReferralRequest.OnwardFromReferralId"/> refer the
    /// person on to another organisation's service: the same consent, notifications and history as a navigator's
    /// referral, with the referring organisation recorded (<see cref="ReferringOrganisation"/>).
    /// </summary>
    public Task<Referral> ReferOnwardAsOrganisationAsync(NavigatorReferralRequest request, Actor staff, CancellationToken ct = default) =>
        ReferAsync(request, staff, asOrganisation: true, ct);

    /// <summary>Whether staff of the organisation that received a referral in this state may refer the person on: not once they withdrew it.</summary>
    public static bool OrganisationCanReferOn(ReferralStatus status) => status != ReferralStatus.Withdrawn;

    private async Task<Referral> ReferAsync(NavigatorReferralRequest request, Actor navigator, bool asOrganisation, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(navigator);
        if (navigator.UserId is not { } navigatorId)
        {
            throw new ReferralException("Sign in to make a referral.");
        }
        // The same form sent again (its answer lost to a failover or a dropped connection, or a double press): the
        // referral it already made, and nothing more. Only this referrer's own referrals are looked at.
        var key = ValidKey(request.IdempotencyKey);
        if (key is not null && await MadeWithKeyAsync(navigatorId, key, request, ct) is { } made)
        {
            return made;
        }
        var service = await db.Services.Where(s => s.Id == request.ServiceId && s.OrganizationId != null)
            .Select(s => new { s.Id, OrganisationId = s.OrganizationId!.Value, Organisation = s.Organization!.Name }).SingleOrDefaultAsync(ct)
            ?? throw new ReferralException("There is no such service.");
        if (asOrganisation && request.OnwardFromReferralId is null)
        {
            throw new ReferralException("An organisation refers someone on from a referral it received.");
        }
        var name = request.PersonName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            throw new ReferralException($"Give the person's name, in up to {MaxNameLength} characters.");
        }
        if (!request.SharesContactDetails)
        {
            throw new ReferralException("A referral needs the person's agreement to share their name and contact details with the service.");
        }
        // Least collected: only the address the person chose to be contacted at.
        var email = request.Contact == ContactPreference.Email ? request.PersonEmail?.Trim() : null;
        var phone = request.Contact == ContactPreference.Sms ? request.PersonPhone?.Trim() : null;
        if (request.Contact == ContactPreference.Email && !EmailAddress.IsValid(email))
        {
            throw new ReferralException("Give the person's email address, or choose another way to contact them.");
        }
        if (request.Contact == ContactPreference.Sms && (string.IsNullOrEmpty(phone) || phone.Length > MaxPhoneLength))
        {
            throw new ReferralException("Give the person's mobile number, or choose another way to contact them.");
        }
        var story = request.Story?.Trim();
        if (story?.Length > ReferralService.MaxStoryLength)
        {
            throw new ReferralException($"Keep the story to {ReferralService.MaxStoryLength} characters.");
        }
        if (!string.IsNullOrEmpty(story) && !request.SharesStory)
        {
            throw new ReferralException("Only send the person's story when they agreed to share it.");
        }
        (Guid OrganisationId, Guid FromServiceId, Guid FromReferralId, string StaffRole)? referringOrganisation = null;
        Guid? earlierPerson = null;
        if (request.OnwardFromReferralId is { } fromId)
        {
            // A navigator carries on from a referral they made; an organisation from one it received.
            var memberships = db.OrganisationMemberships.Where(m => m.UserId == navigatorId);
            var earlier = await db.Referrals
                .Where(r => r.Id == fromId && (asOrganisation ? memberships.Any(m => m.OrganizationId == r.OrganisationId) : r.ReferrerUserId == navigatorId))
                .Select(r => new { r.Status, r.ProtectedStory, r.OrganisationId, r.ServiceId, r.PersonUserId }).SingleOrDefaultAsync(ct)
                ?? throw new ReferralException("There is no such earlier referral.");
            if (asOrganisation)
            {
                if (!OrganisationCanReferOn(earlier.Status))
                {
                    throw new ReferralException("The person withdrew this referral, so it cannot be carried onward.");
                }
                if (service.OrganisationId == earlier.OrganisationId)
                {
                    throw new ReferralException("Choose another organisation's service.");
                }
                var role = await memberships.Where(m => m.OrganizationId == earlier.OrganisationId).Select(m => m.Role).FirstAsync(ct);
                referringOrganisation = (earlier.OrganisationId, earlier.ServiceId, fromId, role);
                earlierPerson = earlier.PersonUserId;
            }
            else if (!EndsOnward(earlier.Status))
            {
                throw new ReferralException("Only a declined or closed referral can be carried onward.");
            }
            if (request.CarryStory)
            {
                if (!request.SharesStory)
                {
                    throw new ReferralException("The earlier story goes onward only when the person agreed again to share it.");
                }
                var carried = text.Unprotect(earlier.ProtectedStory);
                story = string.Join("\n\n", new[] { carried, story }.Where(s => !string.IsNullOrWhiteSpace(s)));
                story = story.Length > ReferralService.MaxStoryLength ? story[..ReferralService.MaxStoryLength] : story;
            }
        }

        // A person whose account has this address confirmed sees the referral in their own list (otherwise it joins
        // their account when they confirm it); the navigator is not told whether they have one.
        var personUserId = earlierPerson ?? (email is null ? null : await addresses.ConfirmedAccountForAsync(email, ct));
        var byName = referringOrganisation is not { } org ? navigator.Name
            : $"{ReferringOrganisation.DescribeRole(org.StaffRole)} at {await db.Organizations.Where(o => o.Id == org.OrganisationId).Select(o => o.Name).SingleAsync(ct)}";
        // Stored on the referral, so a navigator who later moves organisation does not change where old referrals came from.
        Guid? fromOrganisation = referringOrganisation is { } onward ? onward.OrganisationId : await NavigatorOrganisationAsync(navigatorId, request.FromOrganisationId, ct);
        var referral = Referral.Create(service.Id, service.OrganisationId, personUserId, new ReferralActor(navigatorId, byName, ReferralParty.Referrer),
            request.Contact, request.SharesStory ? text.Protect(story) : null, time, fromOrganisation, key);
        db.Referrals.Add(referral);
        if (referringOrganisation is { } source)
        {
            db.ReferringOrganisations.Add(ReferringOrganisation.Record(referral.Id, source.OrganisationId, source.FromServiceId, source.FromReferralId, source.StaffRole));
        }
        db.ReferredPeople.Add(ReferredPerson.Create(referral.Id, text.Protect(name)!, text.Protect(email), text.Protect(phone)));
        db.ReferralConsents.Add(ReferralConsent.Record(referral.Id, request.ConsentMethod, request.ConsentGivenOn, request.SharesContactDetails,
            request.SharesStory, service.Organisation, navigatorId, request.OnwardFromReferralId, time));
        db.Audit(time, navigator, ReferralAudit.Created, "referral", referral.Id.ToString(),
            $"service {service.Id} by " + (referringOrganisation is { } by ? $"organisation {by.OrganisationId}" : "a navigator") + (request.OnwardFromReferralId is { } f ? $", onward from {f}" : ""));
        await notifier.MovedAsync(referral, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (key is not null && UniqueViolation.Is(ex) && db.Database.CurrentTransaction is null)
        {
            // Two presses of one form at once (on any two nodes): the unique key let one through. This press's
            // referral, messages and audit line are dropped, and it answers with the one that was made.
            db.ChangeTracker.Clear();
            if (await MadeWithKeyAsync(navigatorId, key, request, CancellationToken.None) is { } raced)
            {
                return raced;
            }
            throw;
        }
        return referral;
    }

    /// <summary>
    /// The referral this referrer already made with this form's key, or null. A key sent again with other details (a
    /// form reused through "back" for someone else) is refused rather than quietly answered with the earlier referral.
    /// </summary>
    private async Task<Referral?> MadeWithKeyAsync(Guid referrerId, string key, NavigatorReferralRequest request, CancellationToken ct)
    {
        var made = await db.Referrals.SingleOrDefaultAsync(r => r.ReferrerUserId == referrerId && r.IdempotencyKey == key, ct);
        if (made is null)
        {
            return null;
        }
        var person = await db.ReferredPeople.Where(p => p.ReferralId == made.Id).SingleOrDefaultAsync(ct);
        var email = request.Contact == ContactPreference.Email ? request.PersonEmail?.Trim() : null;
        var phone = request.Contact == ContactPreference.Sms ? request.PersonPhone?.Trim() : null;
        var same = person is not null && made.ServiceId == request.ServiceId && made.ContactPreference == request.Contact
            && string.Equals(text.Unprotect(person.ProtectedName), request.PersonName?.Trim(), StringComparison.Ordinal)
            && string.Equals(text.Unprotect(person.ProtectedEmail), email, StringComparison.OrdinalIgnoreCase)
            && string.Equals(text.Unprotect(person.ProtectedPhone), phone, StringComparison.Ordinal);
        return same ? made : throw new ReusedReferralFormException();
    }

    /// <summary>The referrals this navigator made, newest first. The list shows names and statuses, not stories, so it is not audited as a view.</summary>
    public async Task<IReadOnlyList<NavigatorReferralView>> ListAsync(Actor navigator, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(navigator);
        var referrals = await db.Referrals.Include(r => r.Events)
            .Where(r => r.ReferrerUserId == navigator.UserId && r.PersonUserId != navigator.UserId)
            .OrderByDescending(r => r.CreatedAt).Take(200).AsSplitQuery().ToListAsync(ct);
        return await ToViewsAsync(referrals, withStory: false, ct);
    }

    /// <summary>One referral this navigator made, or null; audited.</summary>
    public async Task<NavigatorReferralView?> FindAsync(Guid referralId, Actor navigator, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(navigator);
        var referral = await db.Referrals.Include(r => r.Events)
            .SingleOrDefaultAsync(r => r.Id == referralId && r.ReferrerUserId == navigator.UserId && r.PersonUserId != navigator.UserId, ct);
        if (referral is null)
        {
            return null;
        }
        db.Audit(time, navigator, ReferralAudit.Viewed, "referral", referral.Id.ToString(), "by the referring navigator");
        await db.SaveChangesAsync(ct);
        return (await ToViewsAsync([referral], withStory: true, ct))[0];
    }

    /// <summary>The onward referrals the staff member's organisations made, newest first; names and statuses, not stories.</summary>
    public async Task<IReadOnlyList<NavigatorReferralView>> ListSentByOrganisationsAsync(Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var referrals = await SentByOrganisations(staff).Include(r => r.Events)
            .OrderByDescending(r => r.CreatedAt).Take(200).AsSplitQuery().ToListAsync(ct);
        return await ToViewsAsync(referrals, withStory: false, ct);
    }

    /// <summary>One onward referral one of the staff member's organisations made, or null; audited.</summary>
    public async Task<NavigatorReferralView?> FindSentByOrganisationAsync(Guid referralId, Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var referral = await SentByOrganisations(staff).Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == referralId, ct);
        if (referral is null)
        {
            return null;
        }
        db.Audit(time, staff, ReferralAudit.Viewed, "referral", referral.Id.ToString(), "by the referring organisation");
        await db.SaveChangesAsync(ct);
        return (await ToViewsAsync([referral], withStory: true, ct))[0];
    }

    private IQueryable<Referral> SentByOrganisations(Actor staff)
    {
        var orgs = db.OrganisationMemberships.Where(m => m.UserId == staff.UserId).Select(m => m.OrganizationId);
        return db.Referrals.Where(r => db.ReferringOrganisations.Any(x => x.ReferralId == r.Id && orgs.Contains(x.OrganisationId)));
    }

    /// <summary>The contact details recorded for the person on one of this navigator's referrals, to prefill an onward referral.</summary>
    public async Task<(string Name, string? Email, string? Phone)?> PersonDetailsAsync(Guid referralId, Actor navigator, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(navigator);
        var person = await db.ReferredPeople
            .Where(p => p.ReferralId == referralId && db.Referrals.Any(r => r.Id == referralId && r.ReferrerUserId == navigator.UserId))
            .SingleOrDefaultAsync(ct);
        return person is null ? null : (text.Unprotect(person.ProtectedName) ?? "", text.Unprotect(person.ProtectedEmail), text.Unprotect(person.ProtectedPhone));
    }

    /// <summary>
    /// For staff of the receiving organisation: who the referral is for and how to reach them (what a navigator
    /// recorded, or what a person who referred themselves chose to share), with any recorded consent; null when the
    /// referral is not to one of their organisations or holds no such details. Each read is audited.
    /// </summary>
    public async Task<(string Name, string? Email, string? Phone, ReferralConsent? Consent)?> ForReceivingStaffAsync(Guid referralId, Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var orgs = db.OrganisationMemberships.Where(m => m.UserId == staff.UserId).Select(m => m.OrganizationId);
        var person = await db.ReferredPeople
            .Where(p => p.ReferralId == referralId && db.Referrals.Any(r => r.Id == referralId && orgs.Contains(r.OrganisationId)))
            .SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }
        var consent = await db.ReferralConsents.Where(c => c.ReferralId == referralId).OrderByDescending(c => c.RecordedAt).FirstOrDefaultAsync(ct);
        db.Audit(time, staff, ReferralAudit.ContactViewed, "referral", referralId.ToString(), "by the receiving organisation");
        await db.SaveChangesAsync(ct);
        return (text.Unprotect(person.ProtectedName) ?? "", text.Unprotect(person.ProtectedEmail), text.Unprotect(person.ProtectedPhone), consent);
    }

    /// <summary>
    /// The organisations a navigator belongs to (a university's wellbeing team, an employer's mental health first
    /// aiders), by name: a navigator's membership names where they refer from. Empty for a navigator with none.
    /// </summary>
    public async Task<IReadOnlyList<string>> OrganisationsOfAsync(Guid navigatorUserId, CancellationToken ct = default) =>
        [.. (await NavigatorOrganisationsAsync(navigatorUserId, ct)).Select(o => o.Name)];

    /// <summary>The organisations a navigator refers from, by name then id (the first is where they refer from unless they choose).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> NavigatorOrganisationsAsync(Guid navigatorUserId, CancellationToken ct = default)
    {
        var navigator = Roles.IdOf(Roles.Navigator);
        var rows = await db.OrganisationMemberships
            .Where(m => m.UserId == navigatorUserId && db.UserRoles.Any(r => r.UserId == m.UserId && r.RoleId == navigator))
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Id, o.Name })
            .Distinct().ToListAsync(ct);
        return [.. rows.OrderBy(o => o.Name, StringComparer.Ordinal).ThenBy(o => o.Id).Select(o => (o.Id, o.Name))];
    }

    private async Task<Guid?> NavigatorOrganisationAsync(Guid navigatorUserId, Guid? chosen, CancellationToken ct)
    {
        var theirs = await NavigatorOrganisationsAsync(navigatorUserId, ct);
        if (chosen is { } id)
        {
            return theirs.Any(o => o.Id == id) ? id : throw new ReferralException("Choose one of your organisations to refer from.");
        }
        return theirs.Count > 0 ? theirs[0].Id : null;
    }

    /// <summary>
    /// For the receiving organisation's staff: the organisations of the navigator who made a referral, so a university
    /// wellbeing adviser's or a workplace first aider's referral says where it comes from. Empty when the referral was
    /// not made by a navigator, or theirs belongs to none. Callers check first that the staff may see the referral.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReferrerOrganisationsAsync(Guid referralId, CancellationToken ct = default)
    {
        // As stored when it was made (not the navigator's organisations today); an onward referral's organisation is shown as "referred by" instead.
        var name = await db.Referrals.Where(r => r.Id == referralId && r.ReferredFromOrganisationId != null
                && !db.ReferringOrganisations.Any(x => x.ReferralId == r.Id))
            .Join(db.Organizations, r => r.ReferredFromOrganisationId, o => o.Id, (r, o) => o.Name)
            .SingleOrDefaultAsync(ct);
        return name is null ? [] : [name];
    }

    private async Task<List<NavigatorReferralView>> ToViewsAsync(List<Referral> referrals, bool withStory, CancellationToken ct)
    {
        var ids = referrals.Select(r => r.Id).ToList();
        var serviceIds = referrals.Select(r => r.ServiceId).Distinct().ToList();
        var services = await db.Services.Where(s => serviceIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, Organisation = s.Organization!.Name }).ToDictionaryAsync(s => s.Id, ct);
        var people = await db.ReferredPeople.Where(p => ids.Contains(p.ReferralId)).ToDictionaryAsync(p => p.ReferralId, ct);
        var consents = (await db.ReferralConsents.Where(c => ids.Contains(c.ReferralId)).ToListAsync(ct))
            .GroupBy(c => c.ReferralId).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.RecordedAt).First());
        var overdue = await ReferralFollowUps.OverdueAsync(db, referrals.Select(r => (r.Id, r.ServiceId, r.Status, r.CreatedAt)), time, ct);
        return referrals.Select(r =>
        {
            var service = services.GetValueOrDefault(r.ServiceId);
            var view = new ReferralView(r.Id, r.ServiceId, service?.Name ?? "A service no longer listed", service?.Organisation ?? "", r.Status,
                r.ContactPreference, r.CreatedAt, withStory ? text.Unprotect(r.ProtectedStory) : null,
                r.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList());
            var name = people.TryGetValue(r.Id, out var p) ? text.Unprotect(p.ProtectedName) ?? "" : "";
            return new NavigatorReferralView(view, name, consents.GetValueOrDefault(r.Id),
                overdue.TryGetValue(r.Id, out var due) ? due.AddDays(1) : null);
        }).ToList();
    }
}
