using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Directory;

namespace Waymark.Core.Oruk;

/// <summary>Maps stored entities to ORUK records by hand, so the database can change without breaking a consumer.</summary>
public static class OrukExport
{
    /// <summary>Everything a full service record needs, loaded with split queries to avoid a cartesian blow-up.</summary>
    public static IQueryable<Service> WithFullGraph(this IQueryable<Service> services) => services
        .Include(s => s.Organization).ThenInclude(o => o!.Identifiers)
        .Include(s => s.Schedules)
        .Include(s => s.ServiceAreas)
        .Include(s => s.ServiceAtLocations).ThenInclude(x => x.Location).ThenInclude(l => l!.Addresses)
        .Include(s => s.ServiceAtLocations).ThenInclude(x => x.Location).ThenInclude(l => l!.Accessibility)
        .Include(s => s.ServiceAtLocations).ThenInclude(x => x.Schedules)
        .Include(s => s.Languages)
        .Include(s => s.Funding)
        .Include(s => s.CostOptions)
        .Include(s => s.Contacts).ThenInclude(c => c.Phones)
        .Include(s => s.Attributes).ThenInclude(a => a.TaxonomyTerm)
        .AsSplitQuery();

    public static OrukService ToOruk(Service s, bool includeOrganization = true) => ToOrukSummary(s, includeOrganization) with
    {
        Schedules = [.. s.Schedules.OrderBy(x => x.Id).Select(ToOruk)],
        ServiceAreas = [.. s.ServiceAreas.OrderBy(x => x.Id).Select(a => new OrukServiceArea
        {
            Id = a.Id, ServiceId = a.ServiceId, Name = a.Name, Extent = a.Extent, ExtentType = a.ExtentType, Uri = a.Uri, ServiceArea = a.Description,
        })],
        ServiceAtLocations = [.. s.ServiceAtLocations.OrderBy(x => x.Id).Select(x => ToOruk(x))],
        Languages = [.. s.Languages.OrderBy(x => x.Id).Select(l => new OrukLanguage
        {
            Id = l.Id, ServiceId = l.ServiceId, Name = l.Name, Code = l.Code, Note = l.Note,
        })],
        Funding = [.. s.Funding.OrderBy(x => x.Id).Select(f => new OrukFunding { Id = f.Id, ServiceId = f.ServiceId, Source = f.Source })],
        CostOptions = [.. s.CostOptions.OrderBy(x => x.Id).Select(c => new OrukCostOption
        {
            Id = c.Id, ServiceId = c.ServiceId, ValidFrom = Date(c.ValidFrom), ValidTo = Date(c.ValidTo), Option = c.Option, Amount = c.Amount, AmountDescription = c.AmountDescription,
        })],
        Contacts = [.. s.Contacts.OrderBy(x => x.Id).Select(c => new OrukContact
        {
            Id = c.Id, ServiceId = c.ServiceId, Name = c.Name, Title = c.Title, Department = c.Department, Email = c.Email,
            Phones = [.. c.Phones.OrderBy(x => x.Id).Select(p => new OrukPhone
            {
                Id = p.Id, ContactId = p.ContactId, Number = p.Number, Extension = p.Extension, Type = p.Type, Description = p.Description,
            })],
        })],
        Attributes = [.. s.Attributes.OrderBy(x => x.Id).Select(a => new OrukAttribute
        {
            Id = a.Id,
            LinkId = s.Id,
            LinkType = a.LinkType,
            TaxonomyTermId = a.TaxonomyTermId,
            TaxonomyTerm = a.TaxonomyTerm is { } t ? ToOruk(t) : null,
            Value = a.Value,
        })],
    };

    /// <summary>Only the service's own one-to-one fields (the <c>minimal</c> list form), with its organisation if asked.</summary>
    public static OrukService ToOrukSummary(Service s, bool includeOrganization = false) => new()
    {
        Id = s.Id,
        OrganizationId = s.OrganizationId,
        Name = s.Name,
        Description = s.Description,
        Url = s.Url,
        Email = s.Email,
        Status = s.Status,
        Fees = s.Fees,
        Accreditations = s.Accreditations,
        MinimumAge = s.MinimumAge,
        MaximumAge = s.MaximumAge,
        AssuredDate = Date(s.AssuredDate),
        AssurerEmail = s.AssurerEmail,
        Alert = s.Alert,
        LastModified = DateTime(s.LastModified),
        Organization = includeOrganization && s.Organization is { } o ? ToOruk(o) : null,
    };

    public static OrukOrganization ToOruk(Organization o, IEnumerable<OrukService>? services = null) => new()
    {
        Id = o.Id,
        Name = o.Name,
        Description = o.Description,
        Email = o.Email,
        Website = o.Website,
        Logo = o.Logo,
        Uri = o.Uri,
        ParentOrganizationId = o.ParentOrganizationId,
        OrganizationIdentifiers = [.. o.Identifiers.OrderBy(x => x.Id).Select(i => new OrukOrganizationIdentifier
        {
            Id = i.Id, OrganizationId = i.OrganizationId, IdentifierScheme = i.IdentifierScheme, IdentifierType = i.IdentifierType, Identifier = i.Identifier,
        })],
        Services = services?.ToList(),
    };

    public static OrukServiceAtLocation ToOruk(ServiceAtLocation x, OrukService? service = null) => new()
    {
        Id = x.Id,
        ServiceId = x.ServiceId,
        LocationId = x.LocationId,
        Description = x.Description,
        Location = x.Location is { } l ? ToOruk(l) : null,
        Schedules = [.. x.Schedules.OrderBy(s => s.Id).Select(ToOruk)],
        Service = service,
    };

    public static OrukLocation ToOruk(Location l) => new()
    {
        Id = l.Id,
        LocationType = l.LocationType,
        Name = l.Name,
        Description = l.Description,
        Latitude = l.Latitude,
        Longitude = l.Longitude,
        ExternalIdentifier = l.ExternalIdentifier,
        ExternalIdentifierType = l.ExternalIdentifierType,
        Addresses = [.. l.Addresses.OrderBy(x => x.Id).Select(a => new OrukAddress
        {
            Id = a.Id, LocationId = a.LocationId, Attention = a.Attention, Address1 = a.Address1, City = a.City, Region = a.Region,
            StateProvince = a.StateProvince, PostalCode = a.PostalCode, Country = a.Country, AddressType = a.AddressType,
        })],
        Accessibility = [.. l.Accessibility.OrderBy(x => x.Id).Select(a => new OrukAccessibility
        {
            Id = a.Id, LocationId = a.LocationId, Description = a.Description, Details = a.Details, Url = a.Url,
        })],
    };

    public static OrukSchedule ToOruk(Schedule s) => new()
    {
        Id = s.Id,
        ServiceId = s.ServiceId,
        ServiceAtLocationId = s.ServiceAtLocationId,
        ValidFrom = Date(s.ValidFrom),
        ValidTo = Date(s.ValidTo),
        Dtstart = Date(s.DtStart),
        Freq = s.Freq,
        Interval = s.Interval,
        Byday = s.ByDay,
        Bymonthday = s.ByMonthDay,
        Description = s.Description,
        OpensAt = s.OpensAt,
        ClosesAt = s.ClosesAt,
        ScheduleLink = s.ScheduleLink,
        AttendingType = s.AttendingType,
        Notes = s.Notes,
    };

    public static OrukTaxonomyTerm ToOruk(TaxonomyTerm t) => new()
    {
        Id = t.Id,
        Name = t.Name,
        Description = t.Description,
        ParentId = t.ParentId,
        Taxonomy = t.TaxonomyName,
        TaxonomyId = t.TaxonomyId,
        TermUri = t.TermUri,
        Term = t.Term,
        Code = t.Code,
    };

    public static OrukTaxonomy ToOruk(Taxonomy t, IEnumerable<TaxonomyTerm>? terms = null) => new()
    {
        Id = t.Id,
        Name = t.Name,
        Description = t.Description,
        Uri = t.Uri,
        Version = t.Version,
        TaxonomyTerms = terms?.Select(ToOruk).ToList(),
    };

    public static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
