using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Services;

/// <summary>Edit a service: details, contact, "what to expect", vocabulary terms; check it; put a notice on it; see its history. The rules are <see cref="ListingEditor"/>'s.</summary>
public sealed class EditModel(WaymarkDbContext db, OrganisationAccess access, ListingEditor editor, TimeProvider time) : ProviderPageModel(db, access)
{
    [BindProperty]
    public ServiceDetails Input { get; set; } = new();

    [BindProperty]
    public NoticeInput Notice { get; set; } = new();

    public Service Service { get; private set; } = null!;
    public Freshness Freshness { get; private set; }
    public IReadOnlyList<ServiceNotice> Notices { get; private set; } = [];
    public IReadOnlyList<MetadataEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is null)
        {
            return NotFound();
        }
        Input = ServiceDetails.From(Service);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var service = await LoadAsync(id);
        if (service is null)
        {
            return NotFound();
        }
        var errors = await editor.UpdateDetailsAsync(service, Input, UpdatedBy);
        if (errors.Count > 0)
        {
            this.AddErrors(errors, "Input.");
            return Invalid();
        }
        return Saved("Your changes are saved. They show in search straight away.", new { id });
    }

    /// <summary>"I've checked this listing": a person vouches that it is true today.</summary>
    public async Task<IActionResult> OnPostCheckAsync(Guid id)
    {
        var service = await LoadAsync(id);
        if (service is null)
        {
            return NotFound();
        }
        var on = await editor.MarkCheckedAsync(service, UpdatedBy);
        return Saved($"Thank you. The listing is marked as checked on {on:d MMMM yyyy}.", new { id });
    }

    public async Task<IActionResult> OnPostNoticeAsync(Guid id)
    {
        var service = await LoadAsync(id);
        if (service is null)
        {
            return NotFound();
        }
        var errors = await editor.PutNoticeAsync(service, Notice.Kind, Notice.Until, UpdatedBy);
        if (errors.Count > 0)
        {
            this.AddErrors(errors, "Notice.");
            Input = ServiceDetails.From(service);
            return Invalid();
        }
        return Saved("The notice is on the listing.", new { id });
    }

    public async Task<IActionResult> OnPostEndNoticeAsync(Guid id, string kind)
    {
        var service = await LoadAsync(id);
        if (service is null || !await editor.EndNoticeAsync(service, kind, UpdatedBy))
        {
            return NotFound();
        }
        return Saved("The notice is taken off the listing.", new { id });
    }

    public static string NoticeLabel(string kind) => kind == ServiceNoticeKinds.TemporarilyClosed ? "Temporarily closed" : "Not taking referrals";

    private async Task<Service?> LoadAsync(Guid id)
    {
        var service = await EditableServiceAsync(id);
        if (service is null)
        {
            return null;
        }
        Service = service;
        Freshness = ListingFreshness.Of(service.AssuredDate, time);
        Notices = await Db.ServiceNotices.Where(n => n.ServiceId == id).ToListAsync();
        History = await HistoryAsync([id, .. service.ServiceAtLocations.Select(x => x.LocationId)]);
        return service;
    }
}

public sealed class NoticeInput
{
    public string? Kind { get; set; }
    public string? Until { get; set; }
}
