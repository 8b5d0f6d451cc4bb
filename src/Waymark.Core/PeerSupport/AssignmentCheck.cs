namespace Waymark.Core.PeerSupport;

/// <summary>Why the gate stops an assignment, and what would let it through.</summary>
public enum BlockCode
{
    NotAPeerSupporter,
    OnABreak,
    DayHoursCap,
    WeekHoursCap,
    CaseloadLimit,
    SupervisionOverdue,
    InitialTrainingIncomplete,
    TrainingMissing,
    TrainingExpired,
    InactiveNeedsRetraining,
    DebriefOverdue,
}

/// <summary>One reason the gate refused, in words for the person assigning, and what would unblock it.</summary>
public sealed record AssignmentBlock(BlockCode Code, string Why, string Unblock)
{
    /// <summary>A supervisor may override a load, supervision or training block; never a break the person asked for, nor someone who is not a peer supporter here.</summary>
    public bool Overridable => Code is not (BlockCode.NotAPeerSupporter or BlockCode.OnABreak);

    /// <summary>Stops only hard work (group sessions, urgent wall items), not referrals or ordinary moderation.</summary>
    public bool HardWorkOnly => Code == BlockCode.DebriefOverdue;
}

/// <summary>
/// The gate's answer. <see cref="Allowed"/> is false while any block stands; a supervisor's recorded
/// override lets through the overridable ones (they are still listed, with <see cref="Override"/>).
/// </summary>
public sealed record AssignmentCheck(bool Allowed, IReadOnlyList<AssignmentBlock> Blocks, AssignmentOverride? Override)
{
    public IEnumerable<string> Reasons => Blocks.Select(b => b.Why);
}
