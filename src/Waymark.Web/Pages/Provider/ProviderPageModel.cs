using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Provider;

/// <summary>
/// What every listing-editor page shares: the access check (anything not the user's is "not found",
/// so another organisation's ids reveal nothing) and the 400 re-render for a form with errors.
/// </summary>
public abstract class ProviderPageModel(WaymarkDbContext db, OrganisationAccess access) : PageModel
{
    protected WaymarkDbContext Db { get; } = db;
    protected OrganisationAccess Access { get; } = access;

    protected string UpdatedBy => User.Actor().Name;

    /// <summary>The service with everything the editor shows, or null when it is not this user's to edit.</summary>
    protected async Task<Service?> EditableServiceAsync(Guid id)
    {
        if (!await Access.CanEditServiceAsync(User.UserId(), id))
        {
            return null;
        }
        return await Db.Services
            .Include(s => s.Organization)
            .Include(s => s.Contacts).ThenInclude(c => c.Phones)
            .Include(s => s.Attributes)
            .Include(s => s.Schedules)
            .Include(s => s.ServiceAtLocations).ThenInclude(x => x.Location).ThenInclude(l => l!.Addresses)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id);
    }

    protected async Task<List<MetadataEntry>> HistoryAsync(IEnumerable<Guid> resourceIds, int take = 50)
    {
        var ids = resourceIds.ToList();
        return await Db.Metadata.Where(m => ids.Contains(m.ResourceId))
            .OrderByDescending(m => m.LastActionDate).ThenBy(m => m.FieldName)
            .Take(take).ToListAsync();
    }

    protected PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    protected IActionResult Saved(string message, object? routeValues = null)
    {
        TempData["Success"] = message;
        return RedirectToPage(routeValues);
    }
}
