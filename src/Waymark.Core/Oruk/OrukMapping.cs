using System.Globalization;
using Waymark.Core.Directory;

namespace Waymark.Core.Oruk;

/// <summary>
/// Maps a validated ORUK service record to entities, normalised as the database will give them back
/// (decimals without trailing zeros, times in UTC, Waymark terms as the vocabulary defines them), so that
/// exporting the mapped graph and exporting the stored graph can be compared byte for byte.
/// </summary>
public static class OrukMapping
{
    public static Service ToEntity(OrukService r)
    {
        var service = new Service
        {
            Id = r.Id,
            OrganizationId = r.Organization?.Id ?? r.OrganizationId,
            Organization = r.Organization is { } o ? ToEntity(o) : null,
            Name = r.Name,
            Description = r.Description,
            Url = r.Url,
            Email = r.Email,
            Status = r.Status,
            Fees = r.Fees,
            Accreditations = r.Accreditations,
            MinimumAge = Normalise(r.MinimumAge),
            MaximumAge = Normalise(r.MaximumAge),
            AssuredDate = Date(r.AssuredDate),
            AssurerEmail = r.AssurerEmail,
            Alert = r.Alert,
            LastModified = r.LastModified is { } lm && TryParseDateTime(lm, out var when) ? when : default,
        };
        service.Schedules = [.. (r.Schedules ?? []).Select(x => ToEntity(x, r.Id, null))];
        service.ServiceAreas = [.. (r.ServiceAreas ?? []).Select(a => new ServiceArea
        {
            Id = a.Id, ServiceId = r.Id, Name = a.Name, Extent = a.Extent, ExtentType = a.ExtentType, Uri = a.Uri, Description = a.ServiceArea,
        })];
        service.ServiceAtLocations = [.. (r.ServiceAtLocations ?? []).Select(x => new ServiceAtLocation
        {
            Id = x.Id,
            ServiceId = r.Id,
            LocationId = x.Location?.Id ?? x.LocationId ?? Guid.Empty,
            Location = x.Location is { } l ? ToEntity(l) : null,
            Description = x.Description,
            Schedules = [.. (x.Schedules ?? []).Select(y => ToEntity(y, null, x.Id))],
        })];
        service.Languages = [.. (r.Languages ?? []).Select(l => new Language { Id = l.Id, ServiceId = r.Id, Name = l.Name, Code = l.Code, Note = l.Note })];
        service.Funding = [.. (r.Funding ?? []).Select(f => new Funding { Id = f.Id, ServiceId = r.Id, Source = f.Source })];
        service.CostOptions = [.. (r.CostOptions ?? []).Select(c => new CostOption
        {
            Id = c.Id, ServiceId = r.Id, ValidFrom = Date(c.ValidFrom), ValidTo = Date(c.ValidTo), Option = c.Option, Amount = Normalise(c.Amount), AmountDescription = c.AmountDescription,
        })];
        service.Contacts = [.. (r.Contacts ?? []).Select(c => new Contact
        {
            Id = c.Id, ServiceId = r.Id, Name = c.Name, Title = c.Title, Department = c.Department, Email = c.Email,
            Phones = [.. (c.Phones ?? []).Select(p => new Phone { Id = p.Id, ContactId = c.Id, Number = p.Number, Extension = p.Extension, Type = p.Type, Description = p.Description })],
        })];
        service.Attributes = [.. (r.Attributes ?? []).Select(a =>
        {
            var term = a.TaxonomyTerm is { } t ? ToEntity(t) : null;
            if (term is null && a.TaxonomyTermId is { } id && Vocabulary.ById.TryGetValue(id, out var known))
            {
                term = WaymarkTerm(known);
            }
            return new ServiceAttribute
            {
                Id = a.Id,
                ServiceId = r.Id,
                TaxonomyTermId = term?.Id ?? a.TaxonomyTermId ?? Guid.Empty,
                TaxonomyTerm = term,
                LinkType = a.LinkType,
                Value = a.Value,
            };
        })];
        return service;
    }

    public static Organization ToEntity(OrukOrganization o) => new()
    {
        Id = o.Id,
        Name = o.Name,
        Description = o.Description,
        Email = o.Email,
        Website = o.Website,
        Logo = o.Logo,
        Uri = o.Uri,
        ParentOrganizationId = o.ParentOrganizationId,
        Identifiers = [.. (o.OrganizationIdentifiers ?? []).Select(i => new OrganizationIdentifier
        {
            Id = i.Id, OrganizationId = o.Id, IdentifierScheme = i.IdentifierScheme, IdentifierType = i.IdentifierType, Identifier = i.Identifier,
        })],
    };

    public static Location ToEntity(OrukLocation l) => new()
    {
        Id = l.Id,
        LocationType = l.LocationType,
        Name = l.Name,
        Description = l.Description,
        Latitude = l.Latitude,
        Longitude = l.Longitude,
        ExternalIdentifier = l.ExternalIdentifier,
        ExternalIdentifierType = l.ExternalIdentifierType,
        Addresses = [.. (l.Addresses ?? []).Select(a => new Address
        {
            Id = a.Id, LocationId = l.Id, Attention = a.Attention, Address1 = a.Address1, City = a.City, Region = a.Region,
            StateProvince = a.StateProvince, PostalCode = a.PostalCode, Country = a.Country, AddressType = a.AddressType,
        })],
        Accessibility = [.. (l.Accessibility ?? []).Select(a => new Accessibility
        {
            Id = a.Id, LocationId = l.Id, Description = a.Description, Details = a.Details, Url = a.Url,
        })],
    };

    /// <summary>A Waymark term becomes the vocabulary's own term (its id is UUIDv5 of the code); any other term is kept as given.</summary>
    public static TaxonomyTerm ToEntity(OrukTaxonomyTerm t)
    {
        if (OrukValidator.IsWaymark(t) && OrukValidator.CodeOf(t) is { } code && Vocabulary.ByCode.TryGetValue(code, out var known))
        {
            return WaymarkTerm(known);
        }
        return new TaxonomyTerm
        {
            Id = t.Id,
            Name = t.Name,
            Description = t.Description,
            ParentId = t.ParentId,
            TaxonomyId = t.TaxonomyId,
            TaxonomyName = t.Taxonomy,
            Code = t.Code,
            Term = t.Term,
            TermUri = t.TermUri,
        };
    }

    /// <summary>The term exactly as the migrations seed it.</summary>
    public static TaxonomyTerm WaymarkTerm(Vocabulary.Term t) => new()
    {
        Id = t.Id,
        Name = t.Label,
        Description = t.Label,
        TaxonomyId = Vocabulary.TaxonomyId,
        TaxonomyName = Vocabulary.TaxonomyName,
        Code = t.Code,
        Term = t.Code,
    };

    private static Schedule ToEntity(OrukSchedule s, Guid? serviceId, Guid? salId) => new()
    {
        Id = s.Id,
        ServiceId = serviceId,
        ServiceAtLocationId = salId,
        ValidFrom = Date(s.ValidFrom),
        ValidTo = Date(s.ValidTo),
        DtStart = Date(s.Dtstart),
        Freq = s.Freq,
        Interval = s.Interval,
        ByDay = s.Byday,
        ByMonthDay = s.Bymonthday,
        Description = s.Description,
        OpensAt = s.OpensAt,
        ClosesAt = s.ClosesAt,
        ScheduleLink = s.ScheduleLink,
        AttendingType = s.AttendingType,
        Notes = s.Notes,
    };

    public static bool TryParseDateTime(string value, out DateTimeOffset when)
    {
        // ISO 8601 with a date and a time; without an offset it is taken as UTC, as ORUK publishers mean.
        if (value.Length >= 16 && value[10] is 'T' or 't' or ' '
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out when))
        {
            when = when.ToUniversalTime();
            return true;
        }
        when = default;
        return false;
    }

    private static DateOnly? Date(string? value) =>
        value is null ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // 35.00 and 35 are the same number; PostgreSQL's numeric(5,2) gives back 35.00, SQLite 35.
    public static decimal? Normalise(decimal? d) => d is { } v ? v / 1.000000000000000000000000000000000m : null;
}
