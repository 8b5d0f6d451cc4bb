using System.Text.Json;
using System.Text.Json.Serialization;

namespace Waymark.Core.Oruk;

// Open Referral UK 3.0 records as they travel over the wire: the contract, not the entities (docs/architecture.md,
// "Contracts are not entities"). Field names are the standard's; a few HSDS 3.0 fields that the UK profile allows
// as extra properties are carried too (taxonomy_term.code, attribute.value, language.name/code, contact.phones).

public static class OrukJson
{
    /// <summary>Serialiser settings for every ORUK body: snake_case names, nulls left out.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>Indented, for files people may read.</summary>
    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };
}

public sealed record OrukService
{
    public required Guid Id { get; init; }
    public Guid? OrganizationId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public string? Email { get; init; }
    public required string Status { get; init; }
    public string? Fees { get; init; }
    public string? Accreditations { get; init; }
    public decimal? MinimumAge { get; init; }
    public decimal? MaximumAge { get; init; }
    public string? AssuredDate { get; init; }
    public string? AssurerEmail { get; init; }
    public string? Alert { get; init; }
    public string? LastModified { get; init; }
    public List<OrukSchedule>? Schedules { get; init; }
    public List<OrukServiceArea>? ServiceAreas { get; init; }
    public List<OrukServiceAtLocation>? ServiceAtLocations { get; init; }
    public List<OrukLanguage>? Languages { get; init; }
    public OrukOrganization? Organization { get; init; }
    public List<OrukFunding>? Funding { get; init; }
    public List<OrukCostOption>? CostOptions { get; init; }
    public List<OrukContact>? Contacts { get; init; }
    public List<OrukAttribute>? Attributes { get; init; }

    /// <summary>HSDS 3.0 change history; only on the single-service endpoint, never in feeds we import.</summary>
    public List<OrukMetadata>? Metadata { get; init; }
}

public sealed record OrukOrganization
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public string? Email { get; init; }
    public string? Website { get; init; }
    public string? Logo { get; init; }
    public string? Uri { get; init; }
    public Guid? ParentOrganizationId { get; init; }
    public List<OrukOrganizationIdentifier>? OrganizationIdentifiers { get; init; }

    /// <summary>Only on the organization endpoints: the organisation's services.</summary>
    public List<OrukService>? Services { get; init; }
}

public sealed record OrukOrganizationIdentifier
{
    public required Guid Id { get; init; }
    public Guid? OrganizationId { get; init; }
    public string? IdentifierScheme { get; init; }
    public required string IdentifierType { get; init; }
    public required string Identifier { get; init; }
}

public sealed record OrukServiceAtLocation
{
    public required Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public Guid? LocationId { get; init; }
    public string? Description { get; init; }
    public OrukLocation? Location { get; init; }
    public List<OrukSchedule>? Schedules { get; init; }

    /// <summary>Only on the service_at_location endpoints: the service it belongs to.</summary>
    public OrukService? Service { get; init; }
}

public sealed record OrukLocation
{
    public required Guid Id { get; init; }
    public required string LocationType { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? ExternalIdentifier { get; init; }
    public string? ExternalIdentifierType { get; init; }
    public List<OrukAddress>? Addresses { get; init; }
    public List<OrukAccessibility>? Accessibility { get; init; }
}

public sealed record OrukAddress
{
    public required Guid Id { get; init; }
    public Guid? LocationId { get; init; }
    public string? Attention { get; init; }
    [JsonPropertyName("address_1")]
    public required string Address1 { get; init; }
    public required string City { get; init; }
    public string? Region { get; init; }
    public required string StateProvince { get; init; }
    public required string PostalCode { get; init; }
    public required string Country { get; init; }
    public required string AddressType { get; init; }
}

public sealed record OrukAccessibility
{
    public required Guid Id { get; init; }
    public Guid? LocationId { get; init; }
    public string? Description { get; init; }
    public string? Details { get; init; }
    public string? Url { get; init; }
}

public sealed record OrukSchedule
{
    public required Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public Guid? ServiceAtLocationId { get; init; }
    public string? ValidFrom { get; init; }
    public string? ValidTo { get; init; }
    public string? Dtstart { get; init; }
    public string? Freq { get; init; }
    public int? Interval { get; init; }
    public string? Byday { get; init; }
    public string? Bymonthday { get; init; }
    public string? Description { get; init; }
    public string? OpensAt { get; init; }
    public string? ClosesAt { get; init; }
    public string? ScheduleLink { get; init; }
    public string? AttendingType { get; init; }
    public string? Notes { get; init; }
}

public sealed record OrukServiceArea
{
    public required Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public string? Name { get; init; }
    public string? Extent { get; init; }
    public string? ExtentType { get; init; }
    public string? Uri { get; init; }
    public string? ServiceArea { get; init; }
}

public sealed record OrukLanguage
{
    public required Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public Guid? PhoneId { get; init; }
    public string? Name { get; init; }
    public string? Code { get; init; }
    public string? Note { get; init; }
}

public sealed record OrukFunding
{
    public required Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public string? Source { get; init; }
}

public sealed record OrukCostOption
{
    public required Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public string? ValidFrom { get; init; }
    public string? ValidTo { get; init; }
    public string? Option { get; init; }
    public decimal? Amount { get; init; }
    public string? AmountDescription { get; init; }
}

public sealed record OrukContact
{
    public required Guid Id { get; init; }
    public Guid? ServiceId { get; init; }
    public string? Name { get; init; }
    public string? Title { get; init; }
    public string? Department { get; init; }
    public string? Email { get; init; }
    public List<OrukPhone>? Phones { get; init; }
}

public sealed record OrukPhone
{
    public required Guid Id { get; init; }
    public Guid? ContactId { get; init; }
    public required string Number { get; init; }
    public string? Extension { get; init; }
    public string? Type { get; init; }
    public string? Description { get; init; }
}

public sealed record OrukAttribute
{
    public required Guid Id { get; init; }
    public Guid? LinkId { get; init; }
    public Guid? TaxonomyTermId { get; init; }
    public string? LinkType { get; init; }
    public OrukTaxonomyTerm? TaxonomyTerm { get; init; }
    public string? Value { get; init; }
}

public sealed record OrukTaxonomy
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public string? Uri { get; init; }
    public string? Version { get; init; }
    public List<OrukTaxonomyTerm>? TaxonomyTerms { get; init; }
}

public sealed record OrukTaxonomyTerm
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }
    public Guid? ParentId { get; init; }
    public string? Taxonomy { get; init; }
    public Guid? TaxonomyId { get; init; }
    public string? TermUri { get; init; }
    public string? Term { get; init; }
    public string? Code { get; init; }
}

/// <summary>The ORUK page envelope, exactly these eight fields (README step 5).</summary>
public sealed record OrukPage<T>(
    int TotalItems,
    int TotalPages,
    int PageNumber,
    int Size,
    bool FirstPage,
    bool LastPage,
    bool Empty,
    IReadOnlyList<T> Contents);

public sealed record OrukApiDetails(string Version, string Profile, string OpenapiUrl);

/// <summary>
/// One change to one field (HSDS 3.0 <c>metadata</c>; the UK profile carries it as an extra property).
/// <c>last_action_date</c> is a date, as HSDS defines it.
/// </summary>
public sealed record OrukMetadata
{
    public required Guid Id { get; init; }
    public required Guid ResourceId { get; init; }
    public required string ResourceType { get; init; }
    public required string LastActionDate { get; init; }
    public required string LastActionType { get; init; }
    public required string FieldName { get; init; }
    public required string PreviousValue { get; init; }
    public required string ReplacementValue { get; init; }
    public required string UpdatedBy { get; init; }
}
