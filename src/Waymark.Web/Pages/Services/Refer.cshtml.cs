using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Services;

/// <summary>A signed-in person refers themselves to a service that takes self-referrals.</summary>
[Authorize]
public sealed class ReferModel(WaymarkDbContext db, ReferralService referrals) : PageModel
{
    [BindProperty]
    public string? Story { get; set; }

    [BindProperty]
    public string? Contact { get; set; } = nameof(ContactPreference.Email);

    public Guid ServiceId { get; private set; }
    public string ServiceName { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Story?.Length > ReferralService.MaxStoryLength)
        {
            this.AddError(nameof(Story), $"What you write must be {ReferralService.MaxStoryLength:N0} characters or fewer");
        }
        if (!Enum.TryParse<ContactPreference>(Contact, out var contact) || !Enum.IsDefined(contact))
        {
            this.AddError(nameof(Contact), "Choose how the service may contact you about this referral");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await referrals.SelfReferAsync(id, User.Actor(), contact, Story);
        TempData["Success"] = $"Your referral to {ServiceName} has been sent.";
        return RedirectToPage("/My/Referrals");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var service = await db.Services.Where(s => s.Id == id && s.OrganizationId != null)
            .Select(s => new { s.Name, Organisation = s.Organization!.Name }).SingleOrDefaultAsync();
        if (service is null || !await referrals.TakesSelfReferralsAsync(id))
        {
            return false;
        }
        ServiceId = id;
        ServiceName = service.Name;
        OrganisationName = service.Organisation;
        return true;
    }
}
