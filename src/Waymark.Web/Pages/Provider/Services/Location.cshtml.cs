using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;

using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Services;

/// <summary>Edit one of a service's locations: name, address and (optionally) its latitude and longitude.</summary>
public sealed partial class LocationModel(WaymarkDbContext db, OrganisationAccess access, ListingChanges changes) : ProviderPageModel(db, access)
{
    [BindProperty]
    public LocationInput Input { get; set; } = new();

    public Service Service { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid locationId)
    {
        var location = await LoadAsync(id, locationId);
        if (location is null)
        {
            return NotFound();
        }
        var a = location.Addresses.FirstOrDefault();
        Input = new LocationInput
        {
            Name = location.Name,
            Address1 = a?.Address1,
            City = a?.City,
            Postcode = a?.PostalCode,
            Latitude = location.Latitude?.ToString(CultureInfo.InvariantCulture),
            Longitude = location.Longitude?.ToString(CultureInfo.InvariantCulture),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid locationId)
    {
        var location = await LoadAsync(id, locationId);
        if (location is null)
        {
            return NotFound();
        }
        var i = Input;
        if (string.IsNullOrWhiteSpace(i.Address1))
        {
            this.AddError("Input.Address1", "Enter the first line of the address");
        }
        if (string.IsNullOrWhiteSpace(i.City))
        {
            this.AddError("Input.City", "Enter the town or city");
        }
        var postcode = (i.Postcode ?? "").Trim().ToUpperInvariant();
        if (!Postcode().IsMatch(postcode))
        {
            this.AddError("Input.Postcode", "Enter a full UK postcode, like HX1 1QG");
        }
        double? lat = null, lon = null;
        var hasLat = !string.IsNullOrWhiteSpace(i.Latitude);
        var hasLon = !string.IsNullOrWhiteSpace(i.Longitude);
        if (hasLat != hasLon)
        {
            this.AddError(hasLat ? "Input.Longitude" : "Input.Latitude", "Enter both latitude and longitude, or neither");
        }
        else if (hasLat)
        {
            if (!double.TryParse(i.Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < 49 or > 61)
            {
                this.AddError("Input.Latitude", "Latitude must be a number between 49 and 61 (the UK), like 53.7196");
            }
            else
            {
                lat = la;
            }
            if (!double.TryParse(i.Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < -9 or > 2.5)
            {
                this.AddError("Input.Longitude", "Longitude must be a number between -9 and 2.5 (the UK), like -1.8568");
            }
            else
            {
                lon = lo;
            }
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var before = ListingHistory.FieldsOf(location);
        location.Name = string.IsNullOrWhiteSpace(i.Name) ? null : i.Name.Trim();
        var address = location.Addresses.FirstOrDefault();
        if (address is null)
        {
            address = new Address { Id = Guid.NewGuid(), LocationId = location.Id, Address1 = "", City = "", StateProvince = "", PostalCode = "", Country = "GB", AddressType = "physical" };
            location.Addresses.Add(address);
        }
        address.Address1 = i.Address1!.Trim();
        address.City = i.City!.Trim();
        address.PostalCode = NormalisePostcode(postcode);
        location.Latitude = lat;
        location.Longitude = lon;
        // Every service at this venue is the user's (OrganisationAccess checked), and each listing has changed.
        var services = await Db.Services.Where(s => s.ServiceAtLocations.Any(x => x.LocationId == location.Id)).ToListAsync();
        foreach (var s in services)
        {
            s.LastModified = changes.Now;
        }
        await changes.SaveAsync(ListingHistory.LocationType, location.Id, before, ListingHistory.FieldsOf(location), UpdatedBy);
        TempData["Success"] = "The location is saved.";
        return RedirectToPage("/Provider/Services/Edit", new { id });
    }

    private async Task<Location?> LoadAsync(Guid id, Guid locationId)
    {
        if (!await Access.CanEditLocationAsync(Waymark.Web.Accounts.PrincipalExtensions.UserId(User), id, locationId))
        {
            return null;
        }
        Service = await Db.Services.SingleAsync(s => s.Id == id);
        return await Db.Locations.Include(l => l.Addresses).SingleAsync(l => l.Id == locationId);
    }

    private static string NormalisePostcode(string postcode)
    {
        var compact = postcode.Replace(" ", "", StringComparison.Ordinal);
        return compact[..^3] + " " + compact[^3..];
    }

    [GeneratedRegex(@"^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")]
    private static partial Regex Postcode();
}

public sealed class LocationInput
{
    public string? Name { get; set; }
    public string? Address1 { get; set; }
    public string? City { get; set; }
    public string? Postcode { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
}
