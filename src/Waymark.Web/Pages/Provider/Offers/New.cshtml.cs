using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Network;
using Waymark.Core.Schedules;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Offers;

/// <summary>Posts an offer for one of the user's organisations; the rules are <see cref="SharedOffer.Problems"/>.</summary>
public sealed class NewModel(WaymarkDbContext db, OrganisationAccess access, SharedOffers offers, TimeProvider time) : PageModel
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "yyyy-MM-dd", "d-M-yyyy", "d M yyyy"];

    [BindProperty] public Guid? OrganisationId { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? AvailableFrom { get; set; }
    [BindProperty] public string? AvailableTo { get; set; }
    [BindProperty] public string? ExpiresOn { get; set; }
    [BindProperty] public string? Area { get; set; }
    [BindProperty] public string? Conditions { get; set; }
    [BindProperty] public string? Contact { get; set; }

    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        if (Organisations.Count == 0)
        {
            return NotFound();
        }
        AvailableFrom = UkTime.DateOf(time.GetUtcNow()).ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Organisations.Count == 0)
        {
            return NotFound();
        }
        if (OrganisationId is { } chosen && !Organisations.Any(o => o.Id == chosen))
        {
            return NotFound();
        }
        var orgId = OrganisationId ?? (Organisations.Count == 1 ? Organisations[0].Id : Guid.Empty);
        if (!Organisations.Any(o => o.Id == orgId))
        {
            this.AddError(nameof(OrganisationId), "Choose which of your organisations is offering this");
        }
        var kind = Enum.TryParse<OfferKind>(Kind, out var k) && Enum.IsDefined(k) ? k : (OfferKind)(-1);
        var from = ParseDate(nameof(AvailableFrom), AvailableFrom, required: true, "Enter the first day it is available, like 27/11/2026");
        var to = ParseDate(nameof(AvailableTo), AvailableTo, required: false, "Enter the last day it is available, like 27/11/2026, or leave it empty");
        var expires = ParseDate(nameof(ExpiresOn), ExpiresOn, required: true, "Enter the last day to ask for it, like 27/11/2026");
        var draft = new OfferDraft(kind, Title ?? "", Description ?? "", from ?? default, to, expires ?? DateOnly.MaxValue, Area, Conditions, Contact ?? "");
        var problems = SharedOffer.Problems(draft, UkTime.DateOf(time.GetUtcNow()));
        // In the order of the form.
        foreach (var field in new[] { nameof(OfferDraft.Kind), nameof(OfferDraft.Title), nameof(OfferDraft.Description), nameof(OfferDraft.AvailableTo), nameof(OfferDraft.ExpiresOn), nameof(OfferDraft.AreaCode), nameof(OfferDraft.Conditions), nameof(OfferDraft.Contact) })
        {
            var key = field == nameof(OfferDraft.AreaCode) ? nameof(Area) : field;
            if (problems.TryGetValue(field, out var problem) && Form.ErrorOf(ModelState, key) is null)
            {
                this.AddError(key, problem);
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var offer = await offers.PostAsync(orgId, draft, User.Actor());
        if (offer is null)
        {
            return NotFound();
        }
        TempData["Success"] = "Your offer is posted. Other organisations can find it and ask for it.";
        return Redirect($"/provider/offers/{offer.Id}");
    }

    private DateOnly? ParseDate(string key, string? value, bool required, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                this.AddError(key, message);
            }
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        this.AddError(key, message);
        return null;
    }

    private async Task LoadAsync()
    {
        var mine = access.MemberOrganisationIds(User.UserId());
        Organisations = (await db.Organizations.Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync())
            .Select(o => (o.Id, o.Name)).ToList();
    }
}
