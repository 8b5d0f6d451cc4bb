using Waymark.Core.Data;
using Waymark.Core.Directory;
using Location = Waymark.Core.Directory.Location;

namespace Waymark.BrowserTests;

/// <summary>
/// A listing of a journey's own: an organisation, one service and one physical location with a street address, so
/// that no journey depends on whether the sample directory was seeded.
/// </summary>
internal static class JourneyListing
{
    /// <summary>A place with an address; coordinates only for journeys that search near it.</summary>
    public static Location Place(string name, string street, string city, string county, string postcode, double? lat = null, double? lon = null) => new()
    {
        Id = Guid.NewGuid(), LocationType = "physical", Name = name, Latitude = lat, Longitude = lon,
        Addresses = [new Address { Id = Guid.NewGuid(), Address1 = street, City = city, StateProvince = county, PostalCode = postcode, Country = "GB", AddressType = "physical" }],
    };

    /// <summary>Links the service to its organisation and place and saves all three.</summary>
    public static async Task<(Guid OrganizationId, Guid ServiceId, Guid LocationId)> AddAsync(WaymarkDbContext db, Organization organization, Service service, Location place)
    {
        organization.Id = Guid.NewGuid();
        service.Id = Guid.NewGuid();
        service.OrganizationId = organization.Id;
        service.ServiceAtLocations = [new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = service.Id, LocationId = place.Id }];
        db.AddRange(organization, place, service);
        await db.SaveChangesAsync();
        return (organization.Id, service.Id, place.Id);
    }
}
