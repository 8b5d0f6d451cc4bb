namespace Waymark.Core.Groups;

/// <summary>
/// Whether someone may facilitate a session, and if not, why and what would unblock it, in words for the page.
/// <see cref="Gate"/> is the gate's answer when they are a peer supporter it let through (perhaps by an override).
/// </summary>
public sealed record FacilitatorCheck(bool Allowed, string? Reason, PeerSupport.AssignmentCheck? Gate = null)
{
    public static FacilitatorCheck Yes { get; } = new(true, null);

    public static FacilitatorCheck No(string reason) => new(false, reason);
}

/// <summary>A session someone facilitated, for counting their hours.</summary>
public sealed record FacilitatedSession(Guid UserId, DateTimeOffset StartsAt, int Minutes);

/// <summary>A session as the public sees it: no facilitators, no link, no attendance.</summary>
public sealed record PublicSession(
    Guid Id, Guid ServiceId, string ServiceName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Place, bool Online,
    int? Capacity, bool Cancelled, int Sequence, DateTimeOffset UpdatedAt);
