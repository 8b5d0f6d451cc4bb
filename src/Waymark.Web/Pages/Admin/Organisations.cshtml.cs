using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Admin;

/// <summary>Every organisation, how many people can edit its listings, and adding a new one.</summary>
public sealed class OrganisationsModel(WaymarkDbContext db, ListingEditor editor) : PageModel
{
    public sealed record Row(Guid Id, string Name, int Members);

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public IReadOnlyList<Row> Organisations { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var (org, errors) = await editor.AddOrganisationAsync(new OrganisationDetails { Name = Name, Description = Description }, User.Actor());
        if (org is null)
        {
            this.AddErrors(errors);
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = $"{org.Name} is added. Now add the people who will keep its listings true.";
        return RedirectToPage("/Admin/Members", new { id = org.Id });
    }

    private async Task LoadAsync() =>
        Organisations = await db.Organizations.OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, db.OrganisationMemberships.Count(m => m.OrganizationId == o.Id)))
            .ToListAsync();
}
