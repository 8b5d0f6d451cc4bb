using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;

namespace Waymark.Web.Pages.Organisations;

/// <summary><c>/organisations/{id}</c>: who they are and their services, running ones first.</summary>
public sealed class OrganisationModel(WaymarkDbContext db) : PageModel
{
    public Organization Organization { get; private set; } = null!;

    public IReadOnlyList<Service> Services { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return NotFound();
        }
        Organization = organization;
        var services = await db.Services.AsNoTracking().Where(s => s.OrganizationId == id).ToListAsync(ct);
        Services = [.. services.OrderBy(s => s.Status == ServiceStatus.Active ? 0 : 1).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase)];
        return Page();
    }

    public static string? StatusWords(string status) => status switch
    {
        ServiceStatus.Active => null,
        ServiceStatus.TemporarilyClosed => "Temporarily closed",
        ServiceStatus.Defunct => "Closed down",
        ServiceStatus.Inactive => "Not running at the moment",
        _ => "May not be running",
    };
}
