using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;

namespace Waymark.Web.Pages.Provider.Services;

/// <summary>A plain read-through of the listing as the public will read it, for the provider to check.</summary>
public sealed class PreviewModel(WaymarkDbContext db, OrganisationAccess access, TimeProvider time) : ProviderPageModel(db, access)
{
    public Service Service { get; private set; } = null!;
    public IReadOnlyList<ServiceNotice> Notices { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var service = await EditableServiceAsync(id);
        if (service is null)
        {
            return NotFound();
        }
        Service = service;
        Notices = await Db.ServiceNotices.Where(n => n.ServiceId == id).ToListAsync();
        Today = ListingFreshness.UkToday(time);
        return Page();
    }

    public IEnumerable<string> Labels(string family) => Service.Attributes
        .Select(a => Vocabulary.ById.GetValueOrDefault(a.TaxonomyTermId))
        .Where(t => t is not null && t.Family == family)
        .Select(t => t!.Label);

    public string? Value(string code) => Service.Attributes.FirstOrDefault(a => a.TaxonomyTermId == Vocabulary.TermId(code))?.Value;
}
