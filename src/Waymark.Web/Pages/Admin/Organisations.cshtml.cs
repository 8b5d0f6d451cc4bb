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
public sealed class OrganisationsModel(WaymarkDbContext db, ListingChanges changes, TimeProvider time) : PageModel
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
        if (string.IsNullOrWhiteSpace(Name))
        {
            this.AddError(nameof(Name), "Enter the name of the organisation");
        }
        else if (Name.Trim().Length > 200)
        {
            this.AddError(nameof(Name), "The name must be 200 characters or fewer");
        }
        if (string.IsNullOrWhiteSpace(Description))
        {
            this.AddError(nameof(Description), "Describe the organisation in a sentence or two");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var org = new Organization { Id = Guid.NewGuid(), Name = Name!.Trim(), Description = Description!.Trim(), LastModified = changes.Now };
        db.Organizations.Add(org);
        db.Audit(time, User.Actor(), AuditActions.OrganisationCreated, "organization", org.Id.ToString(), org.Name);
        await changes.SaveAsync(ListingHistory.OrganizationType, org.Id, new Dictionary<string, string>(), ListingHistory.FieldsOf(org), User.Actor().Name, MetadataActions.Create);
        TempData["Success"] = $"{org.Name} is added. Now add the people who will keep its listings true.";
        return RedirectToPage("/Admin/Members", new { id = org.Id });
    }

    private async Task LoadAsync() =>
        Organisations = await db.Organizations.OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, db.OrganisationMemberships.Count(m => m.OrganizationId == o.Id)))
            .ToListAsync();
}
