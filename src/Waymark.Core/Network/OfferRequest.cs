using System.Collections.Frozen;

namespace Waymark.Core.Network;

public enum OfferRequestStatus
{
    Pending,
    Accepted,
    Declined,

    /// <summary>The offer was withdrawn before anyone decided.</summary>
    Closed,
}

/// <summary>
/// One organisation asking for another's offer. Only the moves in <see cref="Moves"/> are allowed, each recorded
/// with who and when; declining needs a reason, which the asker sees.
/// </summary>
public sealed class OfferRequest
{
    public const int MaxMessageLength = 1000;

    private static readonly FrozenDictionary<OfferRequestStatus, OfferRequestStatus[]> Moves = new Dictionary<OfferRequestStatus, OfferRequestStatus[]>
    {
        [OfferRequestStatus.Pending] = [OfferRequestStatus.Accepted, OfferRequestStatus.Declined, OfferRequestStatus.Closed],
    }.ToFrozenDictionary();

    public Guid Id { get; private set; }
    public Guid OfferId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Message { get; private set; } = "";
    public OfferRequestStatus Status { get; private set; }
    /// <summary>Who asked; null once their account is erased (the request is the organisation's and stays).</summary>
    public Guid? RequestedByUserId { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public Guid? DecidedByUserId { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? Reason { get; private set; }

    private OfferRequest()
    {
    }

    internal static OfferRequest Create(Guid offerId, Guid organisationId, string? message, Guid requestedBy, DateTimeOffset now)
    {
        var text = message?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxMessageLength)
        {
            throw new NetworkException($"Write a short message to the offering organisation, in up to {MaxMessageLength:N0} characters.");
        }
        return new OfferRequest
        {
            Id = Guid.CreateVersion7(now),
            OfferId = offerId,
            OrganisationId = organisationId,
            Message = text,
            Status = OfferRequestStatus.Pending,
            RequestedByUserId = requestedBy,
            RequestedAt = now,
        };
    }

    public static bool IsAllowed(OfferRequestStatus from, OfferRequestStatus to) => Moves.TryGetValue(from, out var next) && next.Contains(to);

    public void MoveTo(OfferRequestStatus to, Guid? by, string? reason, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!IsAllowed(Status, to))
        {
            throw new NetworkException($"A request that is {Describe(Status)} cannot become {Describe(to)}.");
        }
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (to == OfferRequestStatus.Declined && reason is null)
        {
            throw new NetworkException("Give a reason for declining: the organisation that asked will see it.");
        }
        if (reason?.Length > MaxMessageLength)
        {
            throw new NetworkException($"Keep the reason to {MaxMessageLength:N0} characters.");
        }
        Status = to;
        DecidedByUserId = by;
        DecidedAt = time.GetUtcNow();
        Reason = reason;
    }

    public static string Describe(OfferRequestStatus status) => status switch
    {
        OfferRequestStatus.Pending => "waiting for an answer",
        OfferRequestStatus.Accepted => "accepted",
        OfferRequestStatus.Declined => "declined",
        OfferRequestStatus.Closed => "closed because the offer was withdrawn",
        _ => status.ToString(),
    };
}
