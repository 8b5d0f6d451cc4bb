using Waymark.Core.Directory;

namespace Waymark.Tests.Core.Matching;

/// <summary>
/// Builds a service with its whole graph (organization, locations, schedules, attributes) as entities, for the matcher
/// in memory or for a test database. Defaults are deliberately bland: active, free, no schedule, no location.
/// </summary>
public sealed class ServiceGraph
{
    private readonly Service _service;

    /// <summary>Home of the tests' searches: central Leeds.</summary>
    public const double HomeLat = 53.7997;
    public const double HomeLon = -1.5492;

    public ServiceGraph(string name = "A support service")
    {
        var id = Guid.NewGuid();
        var organization = new Organization { Id = Guid.NewGuid(), Name = "Test organisation " + id.ToString("N")[..6], Description = "For tests" };
        _service = new Service
        {
            Id = id,
            Name = name,
            OrganizationId = organization.Id,
            Organization = organization,
            Status = ServiceStatus.Active,
            LastModified = DateTimeOffset.UnixEpoch,
        };
    }

    public Guid Id => _service.Id;

    public static ServiceGraph Named(string name) => new(name);

    public ServiceGraph With(params string[] codes)
    {
        foreach (var code in codes)
        {
            var (c, value) = code.Split('=') is [var a, var v] ? (a, v) : (code, null);
            _service.Attributes.Add(new ServiceAttribute
            {
                Id = Guid.NewGuid(),
                ServiceId = _service.Id,
                TaxonomyTermId = Vocabulary.ByCode[c].Id,
                Value = value,
            });
        }
        return this;
    }

    /// <summary>An in-person location this many km north of the home point (or at an exact point).</summary>
    public ServiceGraph KmNorth(double km) => At(HomeLat + (km / 111.195), HomeLon);

    public ServiceGraph At(double lat, double lon)
    {
        var location = new Location { Id = Guid.NewGuid(), LocationType = "physical_location", Name = "Venue", Latitude = lat, Longitude = lon };
        _service.ServiceAtLocations.Add(new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = _service.Id, LocationId = location.Id, Location = location });
        return this;
    }

    public ServiceGraph Opens(string byDay, string opens, string closes, DateOnly? validFrom = null, DateOnly? validTo = null, string freq = "WEEKLY")
    {
        _service.Schedules.Add(Schedule(byDay, opens, closes, validFrom, validTo, freq));
        return this;
    }

    public static Schedule Schedule(string byDay, string opens, string closes, DateOnly? validFrom = null, DateOnly? validTo = null, string freq = "WEEKLY") => new()
    {
        Id = Guid.NewGuid(),
        Freq = freq,
        ByDay = byDay,
        OpensAt = opens,
        ClosesAt = closes,
        ValidFrom = validFrom,
        ValidTo = validTo,
    };

    public ServiceGraph Ages(decimal? minimum, decimal? maximum)
    {
        _service.MinimumAge = minimum;
        _service.MaximumAge = maximum;
        return this;
    }

    public ServiceGraph Speaks(params string[] codes)
    {
        foreach (var code in codes)
        {
            _service.Languages.Add(new Language { Id = Guid.NewGuid(), ServiceId = _service.Id, Code = code, Name = code });
        }
        return this;
    }

    public ServiceGraph Costs(decimal amount)
    {
        _service.CostOptions.Add(new CostOption { Id = Guid.NewGuid(), ServiceId = _service.Id, Amount = amount, Option = "Per session" });
        return this;
    }

    public ServiceGraph Waits(int days) => With($"expect:typical-wait-days={days}");

    /// <summary>A service area: by default a local authority, named as <paramref name="serviceArea"/> (a name, GSS code or alias).</summary>
    public ServiceGraph Area(string serviceArea, string extentType = "local_authority")
    {
        _service.ServiceAreas.Add(new ServiceArea { Id = Guid.NewGuid(), ServiceId = _service.Id, Name = serviceArea, ExtentType = extentType, Description = serviceArea });
        return this;
    }

    /// <summary>Run by this organisation (shared by every service given the same id).</summary>
    public ServiceGraph RunBy(Guid organizationId, string name)
    {
        var organization = new Organization { Id = organizationId, Name = name, Description = "For tests" };
        _service.OrganizationId = organizationId;
        _service.Organization = organization;
        return this;
    }

    public Guid? OrganizationId => _service.OrganizationId;

    public ServiceGraph Assured(DateOnly date)
    {
        _service.AssuredDate = date;
        return this;
    }

    public ServiceGraph Status(string status)
    {
        _service.Status = status;
        return this;
    }

    public Service Build() => _service;
}
