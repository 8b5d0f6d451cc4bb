namespace Waymark.Core.Wall;

/// <summary>What a moderator can do to an item.</summary>
public enum WallAction
{
    Approve,
    ApproveWithWarning,
    EditAndApprove,
    Reject,
    Escalate,

    /// <summary>Reply privately to the author; for an urgent item this is the only way to close it.</summary>
    Reply,
}

/// <summary>
/// A moderator's decision on an item they saw at <paramref name="Version"/>: the reason for a rejection, the warning
/// for a warned post, the edited text and what kind of detail it took out (<see cref="WallEdits"/> keys), or the private reply.
/// </summary>
public sealed record WallDecision(WallAction Action, int Version, string? Reason = null, string? Warning = null, string? EditedText = null, string? Reply = null, IReadOnlyList<string>? EditedOut = null);

/// <summary>A decision that cannot be made: the sentence says why, for the moderator; <see cref="Field"/> names the form field.</summary>
public sealed class WallDecisionException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Someone else acted on the item first; <see cref="Current"/> is what it is now.</summary>
public sealed class WallConflictException(WallItem current) : Exception("Another moderator acted on this item first.")
{
    public WallItem Current { get; } = current;
}
