namespace Waymark.Core.Network;

public enum LinkStatus
{
    Proposed,
    Agreed,
    Ended,
}

/// <summary>
/// "Works closely with": proposed by one organisation's provider-admin, agreed by the other's; either side can
/// end it (a proposal the partner refuses simply ends). Only an agreed link is shown to the public.
/// </summary>
public sealed class OrganisationLink
{
    public Guid Id { get; private set; }
    public Guid ProposerId { get; private set; }
    public Guid PartnerId { get; private set; }
    public LinkStatus Status { get; private set; }
    /// <summary>Who proposed it; null once their account is erased (the link is the organisations' and stays).</summary>
    public Guid? ProposedByUserId { get; private set; }
    public DateTimeOffset ProposedAt { get; private set; }
    public Guid? AgreedByUserId { get; private set; }
    public DateTimeOffset? AgreedAt { get; private set; }
    public Guid? EndedByUserId { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }

    private OrganisationLink()
    {
    }

    public static OrganisationLink Propose(Guid proposerId, Guid partnerId, Guid by, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (proposerId == partnerId)
        {
            throw new NetworkException("An organisation cannot work with itself.");
        }
        var now = time.GetUtcNow();
        return new OrganisationLink
        {
            Id = Guid.CreateVersion7(now),
            ProposerId = proposerId,
            PartnerId = partnerId,
            Status = LinkStatus.Proposed,
            ProposedByUserId = by,
            ProposedAt = now,
        };
    }

    public bool Involves(Guid organisationId) => ProposerId == organisationId || PartnerId == organisationId;

    public Guid OtherThan(Guid organisationId) => ProposerId == organisationId ? PartnerId : ProposerId;

    /// <summary>The partner agrees; the proposer cannot agree to its own proposal.</summary>
    public void Agree(Guid organisationId, Guid by, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (Status != LinkStatus.Proposed)
        {
            throw new NetworkException("Only a proposed link can be agreed.");
        }
        if (organisationId != PartnerId)
        {
            throw new NetworkException("The other organisation has to agree to this link.");
        }
        Status = LinkStatus.Agreed;
        AgreedByUserId = by;
        AgreedAt = time.GetUtcNow();
    }

    /// <summary>Either side ends it, whether proposed or agreed.</summary>
    public void End(Guid organisationId, Guid by, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!Involves(organisationId))
        {
            throw new NetworkException("Only the two organisations can end this link.");
        }
        if (Status == LinkStatus.Ended)
        {
            throw new NetworkException("This link has already ended.");
        }
        Status = LinkStatus.Ended;
        EndedByUserId = by;
        EndedAt = time.GetUtcNow();
    }
}
