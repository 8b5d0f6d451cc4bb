namespace Waymark.Core.PeerSupport;

public enum TrainingState
{
    InDate,
    DueSoon,
    Expired,
    Missing,
}

/// <summary>A required course as it stands for one peer supporter.</summary>
public sealed record CourseStanding(string Course, DateOnly? CompletedOn, DateOnly? ExpiresOn, TrainingState State);

/// <summary>Everything the gate and the pages judge a peer supporter by, worked out once (see <see cref="AssignmentGate.StandingAsync"/>).</summary>
public sealed record PeerStanding(
    Guid UserId,
    Guid OrganisationId,
    PeerSupportSettings Settings,
    PeerLoad Load,
    DateTimeOffset? OnBreakSince,
    DateOnly? LastSupervision,
    DateOnly SupervisionDue,
    bool SupervisionOverdue,
    IReadOnlyList<CourseStanding> Training,
    IReadOnlyList<Debrief> OpenDebriefs,
    DateTimeOffset LastActive,
    bool NeedsRetraining,
    Debrief? LongOverdueDebrief,
    SupervisionBooking? NextSupervision = null)
{
    public static readonly int DueSoonDays = 30;

    public bool DebriefOverdue(DateTimeOffset now) => OpenDebriefs.Any(d => d.DueBy < now);

    /// <summary>How many things need someone's attention: the team list puts these people first.</summary>
    public int Concerns(DateTimeOffset now) =>
        (SupervisionOverdue ? 1 : 0) + Training.Count(t => t.State is TrainingState.Expired or TrainingState.Missing)
        + OpenDebriefs.Count(d => d.DueBy < now) + Load.Measures.Count(m => m.NearLimit) + (NeedsRetraining ? 1 : 0);
}
