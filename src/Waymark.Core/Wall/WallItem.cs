using Waymark.Core.Screening;

namespace Waymark.Core.Wall;

/// <summary>What a moderation item is: a note on the wall, a reply to one, or the name its author chose.</summary>
public enum WallItemKind
{
    Post,
    Reply,
    DisplayName,
}

/// <summary>Where an item is in moderation. Only <see cref="Approved"/> items that are not hidden are ever shown to readers.</summary>
public enum WallItemStatus
{
    Pending,
    Approved,
    Rejected,
    Escalated,

    /// <summary>An urgent item a moderator has replied to privately: closed, never public, kept.</summary>
    Answered,

    /// <summary>Taken down by its author.</summary>
    Deleted,
}

/// <summary>
/// A post, reply or display name, held for a human moderator before anyone else can read it (ADR 0014).
/// The screener's outcome orders the queue and decides what the author is told at once; it never publishes on
/// its own unless <c>Wall:PublishWithoutReview</c> allows it. State changes only through <see cref="WallModerationRules"/>.
/// </summary>
public sealed class WallItem
{
    public Guid Id { get; set; }
    public WallItemKind Kind { get; set; }
    /// <summary>Who wrote it; null only for a note its author took back under other people's replies (ADR 0019, 0022).</summary>
    public Guid? AuthorId { get; set; }

    /// <summary>The topic's key (<see cref="WallTopics"/>); a reply carries its thread's.</summary>
    public string? Topic { get; set; }

    /// <summary>For a reply: the post it answers.</summary>
    public Guid? ThreadId { get; set; }

    /// <summary>What was written (or what a moderator left of it), encrypted (<see cref="WallText"/>); empty for a taken-back note kept under others' replies.</summary>
    public required string ProtectedText { get; set; }
    public WallItemStatus Status { get; set; }

    /// <summary>The screener's outcome when the item was written: triage, not a decision. Kept as the screener said it, so
    /// what it found can be counted against what moderators decided, whatever the author asked for.</summary>
    public ScreeningOutcome ScreenedOutcome { get; set; }

    /// <summary>
    /// When the author asked for a person to reply (ticked when writing, or asked afterwards; ADR 0039): the item is
    /// urgent from then, whatever the screener found, and the reply target counts from then.
    /// </summary>
    public DateTimeOffset? AskedForPersonAt { get; set; }

    /// <summary>The rules and words the screener matched, as JSON (<see cref="WallMatches"/>), shown to moderators only; encrypted (<see cref="WallText"/>): the words are the author's.</summary>
    public required string ProtectedMatches { get; set; }

    /// <summary>Set when it is shown behind a content warning: the reason readers see ("mentions self-harm").</summary>
    public string? ContentWarning { get; set; }

    /// <summary>Why it was not published, in the words the author is shown.</summary>
    public string? Reason { get; set; }

    /// <summary>A moderator's private reply to the author (always for an urgent item before it can close), encrypted (<see cref="WallText"/>).</summary>
    public string? ProtectedPrivateReply { get; set; }
    public DateTimeOffset? RepliedAt { get; set; }

    /// <summary>
    /// What a moderator took out before publishing (<see cref="WallEdits"/> keys, comma separated), so the author is told
    /// what kind of detail went and why; null when the words are the author's own.
    /// </summary>
    public string? EditedOut { get; set; }

    /// <summary>Hidden by readers' reports until a moderator has looked again.</summary>
    public bool Hidden { get; set; }

    /// <summary>The author asked for a decision to be looked at again.</summary>
    public bool ReviewRequested { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedById { get; set; }
    public string? DecidedByName { get; set; }

    /// <summary>Bumped by every change, and checked on save, so two moderators can never act on one item at once.</summary>
    public int Version { get; set; }

    public bool IsUrgent => ScreenedOutcome == ScreeningOutcome.Urgent || AskedForPersonAt is not null;

    public bool IsReadable => Status == WallItemStatus.Approved && !Hidden;

    /// <summary>Waiting for a moderator: new, escalated, hidden by reports, or asked to be looked at again (rejected or edited).</summary>
    public bool NeedsModerator =>
        Status is WallItemStatus.Pending or WallItemStatus.Escalated
        || (Status == WallItemStatus.Approved && (Hidden || ReviewRequested))
        || (Status == WallItemStatus.Rejected && ReviewRequested);
}
