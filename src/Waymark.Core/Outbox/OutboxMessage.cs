namespace Waymark.Core.Outbox;

/// <summary>
/// A message to send, written in the same transaction as the change it tells someone about, so that a
/// change is never saved without its message nor a message sent for a change that was not saved.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>"email" or "sms".</summary>
    public required string Channel { get; set; }

    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>What the message is about, e.g. "referral", and its id.</summary>
    public string? SubjectType { get; set; }
    public Guid? SubjectId { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>The relay run holding this message, until <see cref="ClaimedUntil"/>; a crashed run's claim lapses.</summary>
    public Guid? ClaimToken { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? GaveUpAt { get; set; }
    public string? LastError { get; set; }
}

/// <summary>One try at delivering a message, kept for the record.</summary>
public sealed class OutboxAttempt
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
    public bool Succeeded { get; set; }
    public string? Error { get; set; }
}

/// <summary>Delivers one message. Must be idempotent by <see cref="OutboxMessage.Id"/>: the relay may retry a message whose delivery it could not record.</summary>
public interface IOutboxSender
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

/// <summary>
/// Copies of delivered messages kept outside the database (the folder sender's files). Erasing a person's
/// messages must reach these too, or their address and the words sent to them outlive their account.
/// </summary>
public interface IDeliveredMessageCopies
{
    /// <summary>Erases the copies of these messages, where there are any. A copy that cannot be erased is logged, not thrown.</summary>
    Task EraseAsync(IReadOnlyCollection<Guid> messageIds, CancellationToken ct);
}
