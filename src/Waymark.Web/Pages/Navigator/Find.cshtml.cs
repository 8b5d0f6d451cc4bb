using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Web.Pages.Navigator;

/// <summary>Finds a service by name to refer someone to.</summary>
public sealed class FindModel(WaymarkDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<(Guid Id, string Name, string Organisation)> Services { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var q = Q?.Trim();
        if (string.IsNullOrEmpty(q) || q.Length > 100)
        {
            return;
        }
        var pattern = "%" + q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal).ToUpperInvariant() + "%";
        var found = await db.Services
            .Where(s => s.OrganizationId != null && (EF.Functions.Like(s.Name.ToUpper(), pattern, "\\") || EF.Functions.Like(s.Organization!.Name.ToUpper(), pattern, "\\")))
            .OrderBy(s => s.Name).Take(20)
            .Select(s => new { s.Id, s.Name, Organisation = s.Organization!.Name }).ToListAsync();
        Services = found.Select(s => (s.Id, s.Name, s.Organisation)).ToList();
    }
}
