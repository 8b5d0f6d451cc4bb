using System.Globalization;
using Waymark.Core.Directory;

namespace Waymark.Core.Listings;

/// <summary>A place where services happen, as a person types it: checked and applied by <see cref="ListingEditor.UpdateLocationAsync"/>.</summary>
public sealed class LocationDetails
{
    public string? Name { get; set; }
    public string? Address1 { get; set; }
    public string? City { get; set; }
    public string? Postcode { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }

    /// <summary>Needs the location's addresses loaded.</summary>
    public static LocationDetails From(Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        var a = location.Addresses.FirstOrDefault();
        return new LocationDetails
        {
            Name = location.Name,
            Address1 = a?.Address1,
            City = a?.City,
            Postcode = a?.PostalCode,
            Latitude = location.Latitude?.ToString(CultureInfo.InvariantCulture),
            Longitude = location.Longitude?.ToString(CultureInfo.InvariantCulture),
        };
    }
}
