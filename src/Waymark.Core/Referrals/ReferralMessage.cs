namespace Waymark.Core.Referrals;

/// <summary>
/// A message from the receiving organisation back to whoever made a referral for someone (a navigator or another
/// organisation). Kept in the referral's history; its words are encrypted like the person's story, since they may
/// be about the person.
/// </summary>
public sealed class ReferralMessage
{
    public const int MaxLength = 2000;

    public Guid Id { get; private set; }
    public Guid ReferralId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid? ByUserId { get; private set; }
    public string ProtectedText { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }

    private ReferralMessage()
    {
    }

    public static ReferralMessage Create(Referral referral, Guid byUserId, string protectedText, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return new ReferralMessage
        {
            Id = Guid.CreateVersion7(now),
            ReferralId = referral.Id,
            OrganisationId = referral.OrganisationId,
            ByUserId = byUserId,
            ProtectedText = protectedText,
            SentAt = now,
        };
    }
}

/// <summary>A reply as shown in a referral's history.</summary>
public sealed record ReferralReply(Guid Id, DateTimeOffset SentAt, string Organisation, string Text);
