namespace Waymark.Core.PeerSupport;

/// <summary>What a peer supporter can be given to do. Each goes through <see cref="AssignmentGate"/> first.</summary>
public enum AssignmentKind
{
    GroupSession,
    Referral,
    Moderation,
}
