using Waymark.Core.Gazetteer;
using Waymark.Core.Schedules;

namespace Waymark.Core.Network;

public enum OfferStatus
{
    Open,
    Withdrawn,
}

/// <summary>What an organisation fills in to share something.</summary>
public sealed record OfferDraft(OfferKind Kind, string Title, string Description, DateOnly AvailableFrom, DateOnly? AvailableTo, DateOnly ExpiresOn,
    string? AreaCode, string? Conditions, string Contact);

/// <summary>
/// Something one organisation shares with others (a room, training places, supervision…). It guards its own state:
/// it is open until it expires (the end of <see cref="ExpiresOn"/>, UK time) or is withdrawn, and only an open offer
/// takes requests, never from the organisation that made it.
/// </summary>
public sealed class SharedOffer
{
    public const int MaxTitleLength = 120;
    public const int MaxTextLength = 2000;
    public const int MaxContactLength = 300;

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public OfferKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateOnly AvailableFrom { get; private set; }
    public DateOnly? AvailableTo { get; private set; }
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>The local authority's GSS code (the vocabulary of service areas); null for anywhere.</summary>
    public string? AreaCode { get; private set; }

    public string? Conditions { get; private set; }
    public string Contact { get; private set; } = "";
    public OfferStatus Status { get; private set; }
    /// <summary>Who posted it; null once their account is erased (the offer is the organisation's and stays).</summary>
    public Guid? PostedByUserId { get; private set; }
    public DateTimeOffset PostedAt { get; private set; }
    public Guid? WithdrawnByUserId { get; private set; }
    public DateTimeOffset? WithdrawnAt { get; private set; }

    private SharedOffer()
    {
    }

    /// <summary>Checks a draft; each problem is keyed by the field it concerns, for a form to show.</summary>
    public static Dictionary<string, string> Problems(OfferDraft draft, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new Dictionary<string, string>();
        if (!Enum.IsDefined(draft.Kind))
        {
            problems[nameof(draft.Kind)] = "Choose what you are offering";
        }
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length > MaxTitleLength)
        {
            problems[nameof(draft.Title)] = $"Enter a title of up to {MaxTitleLength} characters";
        }
        if (string.IsNullOrWhiteSpace(draft.Description) || draft.Description.Trim().Length > MaxTextLength)
        {
            problems[nameof(draft.Description)] = $"Describe the offer in up to {MaxTextLength:N0} characters";
        }
        if (draft.AvailableTo is { } to && to < draft.AvailableFrom)
        {
            problems[nameof(draft.AvailableTo)] = "The last day it is available must be on or after the first";
        }
        if (draft.ExpiresOn < today)
        {
            problems[nameof(draft.ExpiresOn)] = "The closing date for requests must be today or later";
        }
        else if (draft.AvailableTo is { } last && draft.ExpiresOn > last)
        {
            problems[nameof(draft.ExpiresOn)] = "The closing date for requests must be on or before the last day it is available";
        }
        if (draft.AreaCode is { Length: > 0 } area && LocalAuthorities.Find(area) is null)
        {
            problems[nameof(draft.AreaCode)] = "Enter a local authority we know, like Hull or Leeds, or leave it empty for anywhere";
        }
        if (draft.Conditions?.Trim().Length > MaxTextLength)
        {
            problems[nameof(draft.Conditions)] = $"Keep the conditions to {MaxTextLength:N0} characters";
        }
        if (string.IsNullOrWhiteSpace(draft.Contact) || draft.Contact.Trim().Length > MaxContactLength)
        {
            problems[nameof(draft.Contact)] = $"Say who to contact, in up to {MaxContactLength} characters";
        }
        return problems;
    }

    public static SharedOffer Post(Guid organisationId, OfferDraft draft, Guid postedBy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        if (Problems(draft, UkTime.DateOf(now)).Values.FirstOrDefault() is { } problem)
        {
            throw new NetworkException(problem);
        }
        return new SharedOffer
        {
            Id = Guid.CreateVersion7(now),
            OrganisationId = organisationId,
            Kind = draft.Kind,
            Title = draft.Title.Trim(),
            Description = draft.Description.Trim(),
            AvailableFrom = draft.AvailableFrom,
            AvailableTo = draft.AvailableTo,
            ExpiresOn = draft.ExpiresOn,
            AreaCode = draft.AreaCode is { Length: > 0 } a ? LocalAuthorities.Find(a)!.Code : null,
            Conditions = string.IsNullOrWhiteSpace(draft.Conditions) ? null : draft.Conditions.Trim(),
            Contact = draft.Contact.Trim(),
            Status = OfferStatus.Open,
            PostedByUserId = postedBy,
            PostedAt = now,
        };
    }

    /// <summary>Open and not past its closing date, as of <paramref name="now"/>.</summary>
    public bool IsOpen(DateTimeOffset now) => Status == OfferStatus.Open && ExpiresOn >= UkTime.DateOf(now);

    public string AreaName => AreaCode is null ? "Anywhere" : LocalAuthorities.Find(AreaCode)?.Name ?? AreaCode;

    /// <summary>A request from another organisation, or a <see cref="NetworkException"/> saying why not.</summary>
    public OfferRequest Request(Guid fromOrganisationId, string? message, Guid requestedBy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        if (fromOrganisationId == OrganisationId)
        {
            throw new NetworkException("You cannot ask for your own organisation's offer.");
        }
        if (!IsOpen(now))
        {
            throw new NetworkException(Status == OfferStatus.Withdrawn ? "This offer has been withdrawn." : "This offer has closed.");
        }
        return OfferRequest.Create(Id, fromOrganisationId, message, requestedBy, now);
    }

    public void Withdraw(Guid by, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (Status == OfferStatus.Withdrawn)
        {
            throw new NetworkException("This offer has already been withdrawn.");
        }
        Status = OfferStatus.Withdrawn;
        WithdrawnByUserId = by;
        WithdrawnAt = time.GetUtcNow();
    }
}
