using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.People;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.My;

/// <summary>The person's support plan: saved services, referrals, how to contact them and their own notes.</summary>
[Authorize]
public sealed class PlanModel(PersonPlan plan) : PageModel
{
    public PlanView Plan { get; private set; } = null!;

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plan = await plan.GetAsync(User.Actor(), ct);
        Contact = Plan.ContactPreference.ToString();
        Phone = Plan.Phone;
        Notes = Plan.Notes;
    }

    /// <summary>"Save to my plan" on a service's page.</summary>
    public async Task<IActionResult> OnPostSaveAsync(Guid serviceId, CancellationToken ct)
    {
        if (!await plan.SaveServiceAsync(User.Actor(), serviceId, ct))
        {
            return NotFound();
        }
        TempData["Saved"] = "Saved to your plan.";
        return Redirect($"/services/{serviceId}#plan");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid serviceId, string? from, CancellationToken ct)
    {
        if (!await plan.RemoveServiceAsync(User.Actor(), serviceId, ct))
        {
            return NotFound();
        }
        if (from == "service")
        {
            TempData["Saved"] = "Removed from your plan.";
            return Redirect($"/services/{serviceId}#plan");
        }
        TempData["Success"] = "The service has been removed from your plan.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostContactAsync(CancellationToken ct)
    {
        if (!Enum.TryParse<ContactPreference>(Contact, out var preference) || !Enum.IsDefined(preference))
        {
            this.AddError(nameof(Contact), "Choose how we may contact you");
            return await InvalidAsync(ct);
        }
        try
        {
            await plan.SetContactAsync(User.Actor(), preference, Phone, ct);
        }
        catch (PlanException ex)
        {
            this.AddError(ex.Field, ex.Message);
            return await InvalidAsync(ct);
        }
        TempData["Success"] = preference == ContactPreference.None
            ? "Saved. We will not contact you. Check here to see what has happened to your referrals."
            : "Saved. We will tell you about changes to your referrals this way.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostNotesAsync(CancellationToken ct)
    {
        try
        {
            await plan.SetNotesAsync(User.Actor(), Notes, ct);
        }
        catch (PlanException ex)
        {
            this.AddError(ex.Field, ex.Message);
            return await InvalidAsync(ct);
        }
        TempData["Success"] = "Your notes are saved.";
        return RedirectToPage();
    }

    private async Task<PageResult> InvalidAsync(CancellationToken ct)
    {
        Plan = await plan.GetAsync(User.Actor(), ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
