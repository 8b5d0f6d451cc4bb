namespace Waymark.Core.Groups;

/// <summary>
/// That someone disclosed risk in a group session: only the fact, the session and when it was recorded. Never who
/// (the people who come to a group are not users) and never what was said; who recorded it is in the audit log.
/// One per session, keyed by it, so recording it twice cannot ask the facilitators twice (ADR 0026).
/// </summary>
public sealed class GroupDisclosure
{
    public Guid SessionId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A session someone facilitated that has started, for them to say someone disclosed risk in it.</summary>
public sealed record FacilitatedRecently(Guid SessionId, string ServiceName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset? DisclosureRecordedAt);

public enum DisclosureOutcome
{
    Recorded,
    AlreadyRecorded,
}
