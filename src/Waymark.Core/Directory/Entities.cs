namespace Waymark.Core.Directory;

// The Open Referral UK 3.0 objects, stored much as the standard names them so that a feed can go in and
// come out unchanged. Ids are the feed's UUIDs. Child rows belong to one parent and are replaced with it.

public sealed class Organization
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
    public string? Logo { get; set; }
    public string? Uri { get; set; }
    public Guid? ParentOrganizationId { get; set; }
    public DateTimeOffset LastModified { get; set; }
    public List<OrganizationIdentifier> Identifiers { get; set; } = [];
    public List<Service> Services { get; set; } = [];
}

public sealed class OrganizationIdentifier
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string? IdentifierScheme { get; set; }
    public required string IdentifierType { get; set; }
    public required string Identifier { get; set; }
}

public static class ServiceStatus
{
    public const string Active = "active";
    public const string Inactive = "inactive";
    public const string Defunct = "defunct";
    public const string TemporarilyClosed = "temporarily closed";

    public static readonly IReadOnlyList<string> All = [Active, Inactive, Defunct, TemporarilyClosed];
}

public sealed class Service
{
    public Guid Id { get; set; }
    public Guid? OrganizationId { get; set; }
    public Organization? Organization { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public string Status { get; set; } = ServiceStatus.Active;
    public string? Fees { get; set; }
    public string? Accreditations { get; set; }
    public decimal? MinimumAge { get; set; }
    public decimal? MaximumAge { get; set; }

    /// <summary>When a person last checked the listing was true. Not the same as <see cref="LastModified"/>.</summary>
    public DateOnly? AssuredDate { get; set; }
    public string? AssurerEmail { get; set; }
    public string? Alert { get; set; }

    /// <summary>When anything in the listing last changed.</summary>
    public DateTimeOffset LastModified { get; set; }

    public List<Schedule> Schedules { get; set; } = [];
    public List<ServiceArea> ServiceAreas { get; set; } = [];
    public List<ServiceAtLocation> ServiceAtLocations { get; set; } = [];
    public List<Language> Languages { get; set; } = [];
    public List<Funding> Funding { get; set; } = [];
    public List<CostOption> CostOptions { get; set; } = [];
    public List<Contact> Contacts { get; set; } = [];
    public List<ServiceAttribute> Attributes { get; set; } = [];
}

public sealed class Location
{
    public Guid Id { get; set; }
    public required string LocationType { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? ExternalIdentifier { get; set; }
    public string? ExternalIdentifierType { get; set; }
    public List<Address> Addresses { get; set; } = [];
    public List<Accessibility> Accessibility { get; set; } = [];
}

public sealed class Address
{
    public Guid Id { get; set; }
    public Guid LocationId { get; set; }
    public string? Attention { get; set; }
    public required string Address1 { get; set; }
    public required string City { get; set; }
    public string? Region { get; set; }
    public required string StateProvince { get; set; }
    public required string PostalCode { get; set; }
    public required string Country { get; set; }
    public required string AddressType { get; set; }
}

public sealed class Accessibility
{
    public Guid Id { get; set; }
    public Guid LocationId { get; set; }
    public string? Description { get; set; }
    public string? Details { get; set; }
    public string? Url { get; set; }
}

public sealed class ServiceAtLocation
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }
    public Guid LocationId { get; set; }
    public Location? Location { get; set; }
    public string? Description { get; set; }
    public List<Schedule> Schedules { get; set; } = [];
}

/// <summary>
/// A weekly (or monthly) opening. Times are kept as written in the feed ("18:00" or "18:00:00",
/// optionally with an offset); they are UK local time unless an offset is written.
/// </summary>
public sealed class Schedule
{
    public Guid Id { get; set; }
    public Guid? ServiceId { get; set; }
    public Guid? ServiceAtLocationId { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public DateOnly? DtStart { get; set; }
    public string? Freq { get; set; }
    public int? Interval { get; set; }
    public string? ByDay { get; set; }
    public string? ByMonthDay { get; set; }
    public string? Description { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public string? ScheduleLink { get; set; }
    public string? AttendingType { get; set; }
    public string? Notes { get; set; }
}

public sealed class ServiceArea
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public string? Name { get; set; }
    public string? Extent { get; set; }
    public string? ExtentType { get; set; }
    public string? Uri { get; set; }
    public string? Description { get; set; }
}

public sealed class Language
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public string? Name { get; set; }

    /// <summary>ISO 639-1 code.</summary>
    public string? Code { get; set; }
    public string? Note { get; set; }
}

public sealed class Funding
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public string? Source { get; set; }
}

public sealed class CostOption
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Option { get; set; }
    public decimal? Amount { get; set; }
    public string? AmountDescription { get; set; }
}

public sealed class Contact
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Department { get; set; }
    public string? Email { get; set; }
    public List<Phone> Phones { get; set; } = [];
}

public sealed class Phone
{
    public Guid Id { get; set; }
    public Guid ContactId { get; set; }
    public required string Number { get; set; }
    public string? Extension { get; set; }
    public string? Type { get; set; }
    public string? Description { get; set; }
}

public sealed class Taxonomy
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public string? Uri { get; set; }
    public string? Version { get; set; }
    public List<TaxonomyTerm> Terms { get; set; } = [];
}

public sealed class TaxonomyTerm
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Description { get; set; }
    public Guid? ParentId { get; set; }
    public Guid? TaxonomyId { get; set; }
    public string? TaxonomyName { get; set; }
    public string? Code { get; set; }
    public string? Term { get; set; }
    public string? TermUri { get; set; }
}

/// <summary>An ORUK attribute on a service: a taxonomy term, with a value where the term's code carries one.</summary>
public sealed class ServiceAttribute
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public Guid TaxonomyTermId { get; set; }
    public TaxonomyTerm? TaxonomyTerm { get; set; }
    public string? LinkType { get; set; }
    public string? Value { get; set; }
}
