using Waymark.Core.Referrals;

namespace Waymark.Core.People;

/// <summary>
/// What a person keeps in their support plan beside their referrals: how they want to be contacted, and
/// their own notes and "tell my story once" summary, both encrypted (see <see cref="PersonText"/>).
/// One row per account, made the first time the person saves anything.
/// </summary>
public sealed class PersonProfile
{
    public Guid UserId { get; set; }

    /// <summary>The person's standing choice; "none" wins over any referral's own choice (see <see cref="PersonContact"/>).</summary>
    public ContactPreference ContactPreference { get; set; } = ContactPreference.Email;

    public string? ProtectedNotes { get; set; }
    public DateTimeOffset? NotesUpdatedAt { get; set; }

    /// <summary>The <see cref="StorySummary"/> as encrypted JSON.</summary>
    public string? ProtectedStory { get; set; }

    public DateTimeOffset? StoryUpdatedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A service the person saved to their plan from its page.</summary>
public sealed class SavedService
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid ServiceId { get; set; }
    public DateTimeOffset SavedAt { get; set; }
}

/// <summary>
/// The person's tick that let their story go to one organisation with one referral: who it went to, when,
/// and an encrypted copy of exactly what was shared. Erasing an account keeps the row without the person
/// or the text, so an organisation can still show that sharing was consented.
/// </summary>
public sealed class StoryConsent
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid ServiceId { get; set; }
    public Guid ReferralId { get; set; }

    /// <summary>The organisation and service as the person saw them named when they ticked, e.g. "Calder Peer Support (Tuesday group)".</summary>
    public required string SharedWith { get; set; }

    /// <summary>Which parts of the story were shared, as section keys ("happening,would-like").</summary>
    public required string Sections { get; set; }

    public string? ProtectedShared { get; set; }
    public DateTimeOffset ConsentedAt { get; set; }
}
