using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Services;

/// <summary>Edit one of a service's locations: name, address and (optionally) its latitude and longitude.</summary>
public sealed class LocationModel(WaymarkDbContext db, OrganisationAccess access, ListingEditor editor) : ProviderPageModel(db, access)
{
    [BindProperty]
    public LocationDetails Input { get; set; } = new();

    public Service Service { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid locationId)
    {
        var location = await LoadAsync(id, locationId);
        if (location is null)
        {
            return NotFound();
        }
        Input = LocationDetails.From(location);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid locationId)
    {
        var location = await LoadAsync(id, locationId);
        if (location is null)
        {
            return NotFound();
        }
        var errors = await editor.UpdateLocationAsync(location, Input, UpdatedBy);
        if (errors.Count > 0)
        {
            this.AddErrors(errors, "Input.");
            return Invalid();
        }
        TempData["Success"] = "The location is saved.";
        return RedirectToPage("/Provider/Services/Edit", new { id });
    }

    private async Task<Location?> LoadAsync(Guid id, Guid locationId)
    {
        if (!await Access.CanEditLocationAsync(User.UserId(), id, locationId))
        {
            return null;
        }
        Service = await Db.Services.SingleAsync(s => s.Id == id);
        return await Db.Locations.Include(l => l.Addresses).SingleAsync(l => l.Id == locationId);
    }
}
