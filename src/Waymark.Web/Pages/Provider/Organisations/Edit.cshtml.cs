using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.Notifications;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Organisations;

public sealed class EditModel(WaymarkDbContext db, OrganisationAccess access, ListingChanges changes) : ProviderPageModel(db, access)
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();

    public Organization Organisation { get; private set; } = null!;
    public IReadOnlyList<MetadataEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var org = await LoadAsync(id);
        if (org is null)
        {
            return NotFound();
        }
        Input = new OrganisationInput { Name = org.Name, Description = org.Description, Email = org.Email, Website = org.Website };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var org = await LoadAsync(id);
        if (org is null)
        {
            return NotFound();
        }
        var i = Input;
        if (string.IsNullOrWhiteSpace(i.Name))
        {
            this.AddError("Input.Name", "Enter the name of the organisation");
        }
        else if (i.Name.Trim().Length > 200)
        {
            this.AddError("Input.Name", "The name must be 200 characters or fewer");
        }
        if (string.IsNullOrWhiteSpace(i.Description))
        {
            this.AddError("Input.Description", "Describe the organisation in a sentence or two");
        }
        if (!string.IsNullOrWhiteSpace(i.Email) && !EmailAddress.IsValid(i.Email.Trim()))
        {
            this.AddError("Input.Email", "Enter an email address in the correct format, like name@example.org");
        }
        if (!string.IsNullOrWhiteSpace(i.Website)
            && !(Uri.TryCreate(i.Website.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
        {
            this.AddError("Input.Website", "Enter the full website address, starting https://");
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var before = ListingHistory.FieldsOf(org);
        org.Name = i.Name!.Trim();
        org.Description = i.Description!.Trim();
        org.Email = string.IsNullOrWhiteSpace(i.Email) ? null : i.Email.Trim();
        org.Website = string.IsNullOrWhiteSpace(i.Website) ? null : i.Website.Trim();
        org.LastModified = changes.Now;
        await changes.SaveAsync(ListingHistory.OrganizationType, org.Id, before, ListingHistory.FieldsOf(org), UpdatedBy);
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

public sealed class OrganisationInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Email { get; set; }
    public string? Website { get; set; }
}
