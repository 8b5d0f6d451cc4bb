namespace Waymark.Core.Referrals;

/// <summary>
/// Why a referral was declined, removed from a waiting list or closed, from a fixed list so it can be counted
/// (ADR 0020). Stored by name; an event from before the list has none and counts as "not recorded".
/// </summary>
public enum ReferralReason
{
    NotEligible,
    DifferentSupport,
    NoCapacity,
    NoReply,
    PersonChoseNot,
    PersonAsked,
    CouldNotContact,
    SupportElsewhere,
    NoLongerEligible,
    ServiceClosing,
    SupportFinished,
    Other,
}

/// <summary>Which reasons fit which move, and how each is put to the service and to the person.</summary>
public static class ReferralReasons
{
    public static IReadOnlyList<ReferralReason> For(ReferralStatus to) => to switch
    {
        ReferralStatus.Declined => [ReferralReason.NotEligible, ReferralReason.DifferentSupport, ReferralReason.NoCapacity, ReferralReason.NoReply, ReferralReason.PersonChoseNot, ReferralReason.Other],
        ReferralStatus.RemovedFromWaitingList => [ReferralReason.PersonAsked, ReferralReason.CouldNotContact, ReferralReason.SupportElsewhere, ReferralReason.NoLongerEligible, ReferralReason.ServiceClosing, ReferralReason.Other],
        ReferralStatus.Closed => [ReferralReason.SupportFinished, ReferralReason.PersonAsked, ReferralReason.CouldNotContact, ReferralReason.SupportElsewhere, ReferralReason.ServiceClosing, ReferralReason.Other],
        _ => [],
    };

    public static bool Fits(ReferralStatus to, ReferralReason reason) => For(to).Contains(reason);

    /// <summary>The words on the service's radio button, and in commissioners' tables.</summary>
    public static string Label(ReferralReason reason) => reason switch
    {
        ReferralReason.NotEligible => "Not eligible for this service",
        ReferralReason.DifferentSupport => "Needs a different kind of support",
        ReferralReason.NoCapacity => "No space to take new people",
        ReferralReason.NoReply => "We could not get a reply",
        ReferralReason.PersonChoseNot => "They chose not to go ahead",
        ReferralReason.PersonAsked => "They asked to come off",
        ReferralReason.CouldNotContact => "We could not get in touch",
        ReferralReason.SupportElsewhere => "They got support somewhere else",
        ReferralReason.NoLongerEligible => "No longer eligible",
        ReferralReason.ServiceClosing => "The service is closing or pausing",
        ReferralReason.SupportFinished => "Their support has finished",
        ReferralReason.Other => "Another reason",
        _ => reason.ToString(),
    };

    /// <summary>The same reason put to the person, in plain words that do not blame them.</summary>
    public static string ForPerson(ReferralReason reason) => reason switch
    {
        ReferralReason.NotEligible => "This service is only for some people, and it could not take you on.",
        ReferralReason.DifferentSupport => "The service thinks a different kind of support would suit you better.",
        ReferralReason.NoCapacity => "The service has no space for new people right now.",
        ReferralReason.NoReply => "The service tried to reach you but did not hear back.",
        ReferralReason.PersonChoseNot => "You chose not to go ahead, and that is fine.",
        ReferralReason.PersonAsked => "You asked to come off the waiting list.",
        ReferralReason.CouldNotContact => "The service tried to get in touch but could not reach you.",
        ReferralReason.SupportElsewhere => "You are getting support somewhere else.",
        ReferralReason.NoLongerEligible => "The service can no longer take you on.",
        ReferralReason.ServiceClosing => "The service is closing or pausing.",
        ReferralReason.SupportFinished => "Your support with this service has finished.",
        ReferralReason.Other => "The service gave another reason.",
        _ => reason.ToString(),
    };

    /// <summary>A short code for exports ("not_eligible").</summary>
    public static string Code(ReferralReason? reason) => reason is { } r
        ? string.Concat(r.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()))
        : "not_recorded";
}
