using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.My;

/// <summary>
/// "No wrong door": an onward self-referral after one of the person's referrals ended. Shows who will see it,
/// and carries the earlier story only when the person ticks to say so.
/// </summary>
[Authorize]
public sealed class OnwardModel(OnwardReferrals onward) : PageModel
{
    [BindProperty]
    public bool CarryStory { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    public OnwardOffer Offer { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid serviceId)
    {
        if (await onward.OfferAsync(id, serviceId, User.Actor()) is not { } offer)
        {
            return NotFound();
        }
        Offer = offer;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid serviceId)
    {
        if (await onward.OfferAsync(id, serviceId, User.Actor()) is not { } offer)
        {
            return NotFound();
        }
        Offer = offer;
        if (!Enum.TryParse<ContactPreference>(Contact, out var contact) || !Enum.IsDefined(contact))
        {
            this.AddError(nameof(Contact), "Choose how we may tell you about this referral");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            if (await onward.SendAsync(id, serviceId, User.Actor(), contact, CarryStory && offer.Story is not null) is null)
            {
                return NotFound();
            }
        }
        catch (DuplicateReferralException)
        {
            TempData["Success"] = $"You already have a referral to {offer.ServiceName} that is still open, so another was not sent.";
            return RedirectToPage("/My/Referrals");
        }
        TempData["Success"] = $"Your referral to {offer.ServiceName} has been sent.";
        return RedirectToPage("/My/Referrals");
    }
}
