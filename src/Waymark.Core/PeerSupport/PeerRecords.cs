namespace Waymark.Core.PeerSupport;

// The records kept about a peer supporter's care, one row per event so the history stays: nothing here is
// updated in place except a debrief or supervision being booked, reminded about or held, an assignment ending, a break ending and
// a load warning clearing.

/// <summary>A supervisor named by the organisation (provider-admins supervise without being named).</summary>
public sealed class OrganisationSupervisor
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset NamedAt { get; set; }
}

/// <summary>A course completed; a newer record for the same course supersedes the older one, which is kept.</summary>
public sealed class TrainingRecord
{
    public const decimal MaxHours = 500;

    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public required string Course { get; set; }
    public DateOnly CompletedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>How long the course took, if known (0 &lt; hours &lt;= 500): counted against the organisation's initial training hours.</summary>
    public decimal? Hours { get; set; }

    public Guid? RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A supervision session, attended or missed, with a private note only its supervisor and the peer supporter may read.</summary>
public sealed class SupervisionSession
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public Guid? SupervisorUserId { get; set; }
    public DateOnly HeldOn { get; set; }
    public bool Attended { get; set; }

    /// <summary>Encrypted (see <see cref="PeerSupportText"/>).</summary>
    public string? ProtectedNote { get; set; }

    /// <summary>Supervision another organisation gave under its shared offer: the accepted request it was taken up under.</summary>
    public Guid? OfferRequestId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>
/// The next supervision, booked by a supervisor for a day: the peer supporter sees it and is told. It closes when a
/// session on or after that day is recorded (held or missed), or when it is booked again for another day.
/// </summary>
public sealed class SupervisionBooking
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public DateOnly BookedFor { get; set; }
    public Guid? BookedByUserId { get; set; }
    public DateTimeOffset BookedAt { get; set; }

    /// <summary>Booked with another organisation's supervisor under its shared offer: the accepted request; carried to the session when held.</summary>
    public Guid? OfferRequestId { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When its supervisor was told its day passed without it being marked held: set by the one job run that claimed it.</summary>
    public DateTimeOffset? RemindedAt { get; set; }
}

/// <summary>A debrief after a difficult contact: asked for by the peer supporter or prompted by the system, due within 24 hours.</summary>
public sealed class Debrief
{
    public static readonly TimeSpan DueWithin = TimeSpan.FromHours(24);

    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset DueBy { get; set; }

    /// <summary>True when the peer supporter asked; false when the system prompted it.</summary>
    public bool AskedBySelf { get; set; }

    /// <summary>For a prompt, what caused it ("a post marked urgent on the wall"); never what anyone wrote.</summary>
    public string? Reason { get; set; }

    /// <summary>The day the peer supporter or a supervisor says it is booked for, if they said.</summary>
    public DateOnly? BookedFor { get; set; }

    /// <summary>When the overdue reminder went out: set by the one job run that claimed it, so it goes exactly once.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    public DateTimeOffset? HeldAt { get; set; }
    public Guid? HeldWithUserId { get; set; }
}

/// <summary>The peer supporter's own words on how they are doing: no score, no band; shared with supervisors only if they tick to.</summary>
public sealed class WellbeingCheckIn
{
    public const int MaxLength = 2000;

    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ProtectedText { get; set; }
    public bool SharedWithSupervisor { get; set; }
}

public enum WorkKind
{
    GroupSessionFacilitated,
    ReferralHeld,
    WallModeration,
    Other,
}

/// <summary>Time worked, the only source of hours counted against the caps (see <see cref="PeerSupportLoad"/>).</summary>
public sealed class WorkEntry
{
    public const int MaxMinutes = 12 * 60;

    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public WorkKind Kind { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public int Minutes { get; set; }

    /// <summary>The session, referral or post it was for, if any.</summary>
    public Guid? SubjectId { get; set; }

    public Guid? RecordedByUserId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    public DateTimeOffset EndsAt => StartedAt.AddMinutes(Minutes);
}

/// <summary>
/// Something a peer supporter holds (a referral, a group session, a moderation shift); open ones are their caseload.
/// A group session's assignment is made with its end already set to when the session ends: it is held until then.
/// </summary>
public sealed class PeerAssignment
{
    /// <summary>Held at <paramref name="now"/>: not ended, or ending later (a group session still to come).</summary>
    public static System.Linq.Expressions.Expression<Func<PeerAssignment, bool>> OpenAt(DateTimeOffset now) => a => a.EndedAt == null || a.EndedAt > now;

    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public AssignmentKind Kind { get; set; }
    public Guid SubjectId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    public Guid? AssignedByUserId { get; set; }
    public Guid? OverrideId { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>"I need a break": no reason asked; assignments stop until they come back.</summary>
public sealed class PeerBreak
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>A supervisor's reasoned decision to assign despite a block, for one kind of work, for 24 hours. Audited.</summary>
public sealed class AssignmentOverride
{
    public static readonly TimeSpan Lasts = TimeSpan.FromHours(24);
    public const int MaxReasonLength = 1000;

    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public AssignmentKind Kind { get; set; }
    public Guid? ByUserId { get; set; }
    public required string ByName { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

/// <summary>
/// That the 80% warning for one measure went out. It stays open while the measure stays at 80% or more and is
/// cleared when it falls below, so a warning goes once per crossing (see <see cref="LoadWarnings"/>).
/// </summary>
public sealed class LoadWarning
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public Guid UserId { get; set; }
    public required string Measure { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset? ClearedAt { get; set; }
}
