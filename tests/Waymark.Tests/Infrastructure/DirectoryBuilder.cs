using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Directory;
using Waymark.Core.Matching;

namespace Waymark.Tests.Infrastructure;

/// <summary>
/// Builds complete ORUK service graphs (organisation, located address, schedules, Waymark attributes, contact
/// with phone, language, cost option) with sensible defaults; a test changes only what it is about.
/// </summary>
public sealed class ServiceBuilder
{
    private static readonly DateTimeOffset DefaultModified = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private readonly Service _service;
    private readonly ServiceAtLocation _place;

    public ServiceBuilder(string name, Organization? organization = null)
    {
        var id = Guid.NewGuid();
        organization ??= NewOrganization(name + " Trust");
        var location = new Location
        {
            Id = Guid.NewGuid(),
            LocationType = "physical",
            Name = name + " venue",
            Latitude = 53.3811,
            Longitude = -1.4701,
            Addresses = [new Address
            {
                Id = Guid.NewGuid(), Address1 = "1 Fargate", City = "Sheffield", StateProvince = "South Yorkshire",
                PostalCode = "S1 2HE", Country = "GB", AddressType = "physical",
            }],
            Accessibility = [new Accessibility { Id = Guid.NewGuid(), Description = "Step-free entrance", Url = "https://example.org/access" }],
        };
        _place = new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = id, LocationId = location.Id, Location = location };
        _service = new Service
        {
            Id = id,
            Name = name,
            Description = $"{name}: support for adults who self-harm.",
            Url = "https://example.org/services/" + id.ToString("N"),
            Email = "hello@example.org",
            Status = ServiceStatus.Active,
            Organization = organization,
            OrganizationId = organization.Id,
            AssuredDate = new DateOnly(2026, 1, 10),
            AssurerEmail = "checker@example.org",
            LastModified = DefaultModified,
            ServiceAtLocations = [_place],
            Schedules = [new Schedule
            {
                Id = Guid.NewGuid(), ServiceId = id, Freq = "WEEKLY", ByDay = "MO,WE", OpensAt = "09:00", ClosesAt = "17:00",
                ValidFrom = new DateOnly(2026, 1, 1), Description = "Weekdays",
            }],
            Languages = [new Language { Id = Guid.NewGuid(), ServiceId = id, Name = "English", Code = "en" }],
            CostOptions = [new CostOption { Id = Guid.NewGuid(), ServiceId = id, Option = "Free", Amount = 0, ValidFrom = new DateOnly(2026, 1, 1) }],
            Funding = [new Funding { Id = Guid.NewGuid(), ServiceId = id, Source = "Donations" }],
            ServiceAreas = [new ServiceArea { Id = Guid.NewGuid(), ServiceId = id, Name = "Sheffield", Description = "Sheffield" }],
            Contacts = [new Contact
            {
                Id = Guid.NewGuid(), ServiceId = id, Name = "Reception", Email = "reception@example.org",
                Phones = [new Phone { Id = Guid.NewGuid(), Number = "0114 000 0000", Type = "voice" }],
            }],
        };
        WithTerm("delivery:in-person").WithTerm("format:group").WithTerm("expect:session-minutes", "60");
    }

    public Guid Id => _service.Id;
    public Guid PlaceId => _place.Id;
    public Guid LocationId => _place.LocationId;

    public static Organization NewOrganization(string name) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Description = $"{name}, a voluntary organisation.",
        Email = "office@example.org",
        Website = "https://example.org",
        LastModified = DefaultModified,
        Identifiers = [new OrganizationIdentifier { Id = Guid.NewGuid(), IdentifierScheme = "GB-CHC", IdentifierType = "charity", Identifier = "1234567" }],
    };

    public ServiceBuilder Described(string description) { _service.Description = description; return this; }

    public ServiceBuilder Ages(decimal? minimum, decimal? maximum)
    {
        _service.MinimumAge = minimum;
        _service.MaximumAge = maximum;
        return this;
    }

    public ServiceBuilder ModifiedAt(DateTimeOffset when) { _service.LastModified = when; return this; }

    public ServiceBuilder Status(string status) { _service.Status = status; return this; }

    public ServiceBuilder At(double latitude, double longitude, string postcode)
    {
        _place.Location!.Latitude = latitude;
        _place.Location.Longitude = longitude;
        _place.Location.Addresses[0].PostalCode = postcode;
        return this;
    }

    /// <summary>Replaces the default Monday/Wednesday 09:00–17:00 opening.</summary>
    public ServiceBuilder Opens(string byDay, string opensAt, string closesAt, bool atLocation = false)
    {
        _service.Schedules.Clear();
        var schedule = new Schedule { Id = Guid.NewGuid(), Freq = "WEEKLY", ByDay = byDay, OpensAt = opensAt, ClosesAt = closesAt };
        if (atLocation)
        {
            schedule.ServiceAtLocationId = _place.Id;
            _place.Schedules.Add(schedule);
        }
        else
        {
            schedule.ServiceId = _service.Id;
            _service.Schedules.Add(schedule);
        }
        return this;
    }

    /// <summary>Replaces the default phone number with this one.</summary>
    public ServiceBuilder WithPhone(string number, string? description = null, string? type = null)
    {
        var contact = _service.Contacts[0];
        contact.Phones = [new Phone { Id = Guid.NewGuid(), ContactId = contact.Id, Number = number, Description = description, Type = type }];
        return this;
    }

    public ServiceBuilder WithTerm(string code, string? value = null) => WithTerm(Vocabulary.TermId(code), value);

    public ServiceBuilder WithTerm(Guid termId, string? value = null)
    {
        _service.Attributes.Add(new ServiceAttribute { Id = Guid.NewGuid(), ServiceId = _service.Id, TaxonomyTermId = termId, Value = value, LinkType = "service" });
        return this;
    }

    public Service Build() => _service;
}

public static class DirectoryBuilder
{
    /// <summary>Inserts the services (and any organisation not yet stored) into the app's database.</summary>
    public static async Task AddServicesAsync(this WaymarkApp app, params ServiceBuilder[] services)
    {
        using var db = app.OpenDb();
        var known = new HashSet<Guid>(await db.Organizations.Select(o => o.Id).ToListAsync());
        foreach (var service in services.Select(b => b.Build()))
        {
            if (service.Organization is { } organization && !known.Add(organization.Id))
            {
                service.Organization = null;
            }
            db.Services.Add(service);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Inserts the services and waits for search to see them, as an editor's save would.</summary>
    public static async Task AddSearchableServicesAsync(this WaymarkApp app, params ServiceBuilder[] services)
    {
        await app.AddServicesAsync(services);
        await app.Services.GetRequiredService<DirectoryIndex>().RefreshAsync();
    }

    /// <summary>A taxonomy of the test's own, with one term per name.</summary>
    public static async Task<(Taxonomy Taxonomy, List<TaxonomyTerm> Terms)> AddTaxonomyAsync(this WaymarkApp app, string name, params string[] termNames)
    {
        using var db = app.OpenDb();
        var taxonomy = new Taxonomy { Id = Guid.NewGuid(), Name = name, Description = name + " taxonomy", Uri = "https://example.org/taxonomies/" + name, Version = "1" };
        var terms = termNames.Select(t => new TaxonomyTerm
        {
            Id = Guid.NewGuid(), Name = t, Description = t, TaxonomyId = taxonomy.Id, TaxonomyName = name, Term = t,
            TermUri = "https://example.org/terms/" + Uri.EscapeDataString(t),
        }).ToList();
        db.Taxonomies.Add(taxonomy);
        db.TaxonomyTerms.AddRange(terms);
        await db.SaveChangesAsync();
        return (taxonomy, terms);
    }
}
