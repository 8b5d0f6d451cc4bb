using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Organisations;

public sealed class EditModel(WaymarkDbContext db, OrganisationAccess access, ListingEditor editor) : ProviderPageModel(db, access)
{
    [BindProperty]
    public OrganisationDetails Input { get; set; } = new();

    public Organization Organisation { get; private set; } = null!;
    public IReadOnlyList<MetadataEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var org = await LoadAsync(id);
        if (org is null)
        {
            return NotFound();
        }
        Input = OrganisationDetails.From(org);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var org = await LoadAsync(id);
        if (org is null)
        {
            return NotFound();
        }
        var errors = await editor.UpdateOrganisationAsync(org, Input, UpdatedBy);
        if (errors.Count > 0)
        {
            this.AddErrors(errors, "Input.");
            return Invalid();
        }
        return Saved("The organisation's details are saved.", new { id });
    }

    private async Task<Organization?> LoadAsync(Guid id)
    {
        if (!await Access.CanEditOrganisationAsync(User.UserId(), id))
        {
            return null;
        }
        Organisation = await Db.Organizations.SingleAsync(o => o.Id == id);
        History = await HistoryAsync([id]);
        return Organisation;
    }
}
