namespace Waymark.Core.Referrals;

/// <summary>How a person gave their consent to be referred, or to have their story carried onward.</summary>
public enum ConsentMethod
{
    InPerson,
    ByPhone,
    InWriting,

    /// <summary>The person agreed themselves, in Waymark (an onward referral they sent).</summary>
    InWaymark,
}

/// <summary>
/// The person's recorded consent to a referral made with or for them: how and when they gave it, what they
/// agreed to share, and with whom. Kept with the referral, and shown to everyone who can see it.
/// </summary>
public sealed class ReferralConsent
{
    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public ConsentMethod Method { get; private set; }
    public DateOnly GivenOn { get; private set; }
    public bool SharesContactDetails { get; private set; }
    public bool SharesStory { get; private set; }

    /// <summary>The organisation the person agreed would see what is shared, as named when they agreed.</summary>
    public string SharedWith { get; private set; } = "";

    public Guid RecordedByUserId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The earlier referral this one continues ("no wrong door"), when it is an onward referral.</summary>
    public Guid? OnwardFromReferralId { get; private set; }

    private ReferralConsent()
    {
    }

    public static ReferralConsent Record(Guid referralId, ConsentMethod method, DateOnly givenOn, bool sharesContactDetails, bool sharesStory,
        string sharedWith, Guid recordedBy, Guid? onwardFrom, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        if (givenOn > Schedules.UkTime.DateOf(now))
        {
            throw new ReferralException("Consent cannot have been given in the future.");
        }
        return new ReferralConsent
        {
            Id = Guid.CreateVersion7(now),
            ReferralId = referralId,
            Method = method,
            GivenOn = givenOn,
            SharesContactDetails = sharesContactDetails,
            SharesStory = sharesStory,
            SharedWith = sharedWith,
            RecordedByUserId = recordedBy,
            RecordedAt = now,
            OnwardFromReferralId = onwardFrom,
        };
    }

    public static string Describe(ConsentMethod method) => method switch
    {
        ConsentMethod.InPerson => "in person",
        ConsentMethod.ByPhone => "by phone",
        ConsentMethod.InWriting => "in writing",
        ConsentMethod.InWaymark => "in Waymark, by the person",
        _ => method.ToString(),
    };
}

/// <summary>
/// Who a navigator referred, when that person has no Waymark account: only what the service needs to reach
/// them, each part encrypted (<see cref="ReferralText"/>).
/// </summary>
public sealed class ReferredPerson
{
    public Guid ReferralId { get; private set; }
    public string ProtectedName { get; private set; } = "";
    public string? ProtectedEmail { get; private set; }
    public string? ProtectedPhone { get; private set; }

    private ReferredPerson()
    {
    }

    public static ReferredPerson Create(Guid referralId, string protectedName, string? protectedEmail, string? protectedPhone) =>
        new() { ReferralId = referralId, ProtectedName = protectedName, ProtectedEmail = protectedEmail, ProtectedPhone = protectedPhone };
}

/// <summary>
/// A follow-up that must happen once: a staleness notice (period 0) or the n-th four-weekly check-in. The
/// unique key (referral, kind, period) makes a second node's or a restarted job's attempt fail harmlessly.
/// </summary>
public sealed class ReferralReminder
{
    public const string Stale = "stale";
    public const string CheckIn = "check-in";

    public Guid Id { get; set; }
    public Guid ReferralId { get; set; }
    public required string Kind { get; set; }
    public int Period { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
