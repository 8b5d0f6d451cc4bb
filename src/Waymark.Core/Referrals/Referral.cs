namespace Waymark.Core.Referrals;

public enum ReferralStatus
{
    Sent,
    Opened,
    Accepted,
    OnWaitingList,
    Offered,
    Started,
    Completed,
    Declined,
    Withdrawn,
    RemovedFromWaitingList,
    Closed,
}

public enum ContactPreference
{
    Email,
    Sms,
    None,
}

/// <summary>Which side of a referral someone acts for: only the person withdraws; only the organisation moves it on.</summary>
public enum ReferralParty
{
    Person,
    Referrer,
    Organisation,
}

/// <summary>Who moved a referral: their account (if any), a name for the history, and the side they act for.</summary>
public sealed record ReferralActor(Guid? UserId, string Name, ReferralParty Party);

/// <summary>An illegal move, with a sentence that says why.</summary>
public sealed class ReferralTransitionException(string message) : Exception(message);

/// <summary>
/// A referral to a service, which guards its own state: only the moves in <see cref="ReferralRules"/> are
/// allowed, and every move is appended to <see cref="Events"/> with who, when and why.
/// </summary>
public sealed class Referral
{
    public Guid Id { get; private set; }
    public Guid ServiceId { get; private set; }
    public Guid OrganisationId { get; private set; }

    /// <summary>The person's account; null for a navigator's referral of someone without one.</summary>
    public Guid? PersonUserId { get; private set; }

    /// <summary>Who made the referral; null once their account is erased (the referral is kept, anonymously, for waiting times).</summary>
    public Guid? ReferrerUserId { get; private set; }

    /// <summary>
    /// The organisation the referral was made from, as it was when it was made: a navigator's (a university's
    /// wellbeing team, an employer's first aiders) or, for an onward referral, the referring organisation. Null for
    /// self-referrals and a navigator who belonged to none. Kept, so moving organisation does not rewrite history.
    /// </summary>
    public Guid? ReferredFromOrganisationId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public ReferralStatus Status { get; private set; }
    public ContactPreference ContactPreference { get; private set; }

    /// <summary>The person's own words, encrypted (see <see cref="ReferralText"/>); never stored in plain text.</summary>
    public string? ProtectedStory { get; private set; }

    public DateTimeOffset? FirstOpenedAt { get; private set; }

    /// <summary>
    /// The random key of the form that made this referral, unique per referrer: the same form sent again (a double
    /// press, or again after its answer was lost) finds this referral instead of making a second. Null for referrals
    /// made without one (older forms, self-referrals).
    /// </summary>
    public string? IdempotencyKey { get; private set; }

    public List<ReferralEvent> Events { get; private set; } = [];

    private Referral()
    {
    }

    public static Referral Create(Guid serviceId, Guid organisationId, Guid? personUserId, ReferralActor referrer, ContactPreference contact, string? protectedStory, TimeProvider time,
        Guid? referringOrganisationId = null, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(referrer);
        ArgumentNullException.ThrowIfNull(time);
        if (referrer.UserId is not { } referrerId)
        {
            throw new ReferralTransitionException("A referral is made by someone signed in.");
        }
        var now = time.GetUtcNow();
        var referral = new Referral
        {
            Id = Guid.CreateVersion7(now),
            ServiceId = serviceId,
            OrganisationId = organisationId,
            PersonUserId = personUserId,
            ReferrerUserId = referrerId,
            ReferredFromOrganisationId = referringOrganisationId,
            CreatedAt = now,
            Status = ReferralStatus.Sent,
            ContactPreference = contact,
            ProtectedStory = protectedStory,
            IdempotencyKey = idempotencyKey,
        };
        referral.Events.Add(new ReferralEvent(referral.Id, null, ReferralStatus.Sent, referrer, now, null));
        return referral;
    }

    /// <summary>Moves the referral on, or throws <see cref="ReferralTransitionException"/> if the move is not allowed.</summary>
    public ReferralEvent MoveTo(ReferralStatus to, ReferralActor by, string? reason, TimeProvider time) => MoveTo(to, by, null, reason, time);

    /// <summary>
    /// Moves the referral on with a reason from the fixed list (needed to decline, remove from a waiting list or close)
    /// and an optional note in the service's own words, which only the referral's parties see.
    /// </summary>
    public ReferralEvent MoveTo(ReferralStatus to, ReferralActor by, ReferralReason? code, string? reason, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(time);
        if (!ReferralRules.IsAllowed(Status, to))
        {
            throw new ReferralTransitionException($"A referral that is {ReferralRules.Describe(Status)} cannot become {ReferralRules.Describe(to)}.");
        }
        var party = ReferralRules.PartyFor(to);
        if (by.Party != party)
        {
            throw new ReferralTransitionException(party == ReferralParty.Person
                ? "Only the person referred can withdraw a referral."
                : $"Only the receiving organisation can mark a referral {ReferralRules.Describe(to)}.");
        }
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (ReferralRules.NeedsReason(to) ? code is not { } c || !ReferralReasons.Fits(to, c) : code is not null)
        {
            throw new ReferralTransitionException(ReferralRules.NeedsReason(to)
                ? $"Choose why you are marking the referral {ReferralRules.Describe(to)}."
                : $"Marking a referral {ReferralRules.Describe(to)} does not take a reason from the list.");
        }
        var now = time.GetUtcNow();
        var e = new ReferralEvent(Id, Status, to, by, now, reason, code);
        Events.Add(e);
        Status = to;
        if (to == ReferralStatus.Opened)
        {
            FirstOpenedAt ??= now;
        }
        return e;
    }
}

/// <summary>One move of a referral, as the person, the referrer and the organisation all see it.</summary>
public sealed class ReferralEvent
{
    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public ReferralStatus? From { get; private set; }
    public ReferralStatus To { get; private set; }
    public Guid? ByUserId { get; private set; }
    public string ByName { get; private set; } = "";
    public ReferralParty ByParty { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    /// <summary>The service's note in its own words: private to the referral's parties, never counted or shown to commissioners.</summary>
    public string? Reason { get; private set; }

    /// <summary>Why, from the fixed list; null for moves that need none, and for events from before the list.</summary>
    public ReferralReason? ReasonCode { get; private set; }

    private ReferralEvent()
    {
    }

    internal ReferralEvent(Guid referralId, ReferralStatus? from, ReferralStatus to, ReferralActor by, DateTimeOffset at, string? reason, ReferralReason? reasonCode = null)
    {
        Id = Guid.CreateVersion7(at);
        ReferralId = referralId;
        From = from;
        To = to;
        ByUserId = by.UserId;
        ByName = by.Name;
        ByParty = by.Party;
        OccurredAt = at;
        Reason = reason;
        ReasonCode = reasonCode;
    }
}
