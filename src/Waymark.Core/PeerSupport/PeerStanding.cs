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

/// <summary>
/// Everything the gate and the pages judge a peer supporter by, worked out once (see <see cref="AssignmentGate.StandingAsync"/>).
/// <see cref="BookedSupervisionPassed"/>: the next supervision's booked day has gone by and it is not marked held.
/// </summary>
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
    SupervisionBooking? NextSupervision = null,
    decimal TrainingHours = 0,
    bool BookedSupervisionPassed = false)
{
    public static readonly int DueSoonDays = 30;

    /// <summary>Fewer hours of training recorded than the organisation asks for before practice (none when it asks for 0).</summary>
    public bool InitialTrainingIncomplete => TrainingHours < Settings.InitialTrainingHours;

    public bool DebriefOverdue(DateTimeOffset now) => OpenDebriefs.Any(d => d.DueBy < now);

    /// <summary>How many things need someone's attention: the team list puts these people first.</summary>
    public int Concerns(DateTimeOffset now) =>
        (SupervisionOverdue ? 1 : 0) + Training.Count(t => t.State is TrainingState.Expired or TrainingState.Missing)
        + OpenDebriefs.Count(d => d.DueBy < now) + Load.Measures.Count(m => m.NearLimit) + (NeedsRetraining ? 1 : 0)
        + (InitialTrainingIncomplete ? 1 : 0) + (BookedSupervisionPassed ? 1 : 0);
}
