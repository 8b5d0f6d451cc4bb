using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.People;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Services;

/// <summary>A signed-in person refers themselves to a service that takes self-referrals.</summary>
[Authorize]
public sealed class ReferModel(WaymarkDbContext db, ReferralService referrals, PersonPlan plan) : PageModel
{
    [BindProperty(Name = "Story")]
    public string? Words { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    /// <summary>The person's tick to send their story to this organisation; nothing is shared without it.</summary>
    [BindProperty]
    public bool ShareStory { get; set; }

    /// <summary>The person's "tell my story once" summary, if they wrote one.</summary>
    public StorySummary Story { get; private set; } = new();

    public Guid ServiceId { get; private set; }
    public string ServiceName { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Contact = (await plan.ContactPreferenceAsync(User.Actor())).ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Words?.Length > ReferralService.MaxStoryLength)
        {
            this.AddError("Story", $"What you write must be {ReferralService.MaxStoryLength:N0} characters or fewer");
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
        var shared = ShareStory && !Story.IsEmpty ? SharedStory.From(Story) : null;
        await referrals.SelfReferAsync(id, User.Actor(), contact, Words, shared);
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
        (Story, _) = await plan.GetStoryAsync(User.Actor());
        ServiceName = service.Name;
        OrganisationName = service.Organisation;
        return true;
    }
}
