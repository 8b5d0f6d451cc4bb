using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.My;

/// <summary>A person's own referrals, each with its whole history; they can withdraw one that is still open.</summary>
[Authorize]
public sealed class ReferralsModel(ReferralService referrals) : PageModel
{
    public IReadOnlyList<ReferralView> Referrals { get; private set; } = [];

    public async Task OnGetAsync() => Referrals = await referrals.ForPersonAsync(User.Actor());

    public async Task<IActionResult> OnPostWithdrawAsync(Guid referralId)
    {
        try
        {
            if (!await referrals.WithdrawAsync(referralId, User.Actor()))
            {
                return NotFound();
            }
        }
        catch (ReferralTransitionException ex)
        {
            TempData["Success"] = ex.Message;
            return RedirectToPage();
        }
        TempData["Success"] = "Your referral has been withdrawn.";
        return RedirectToPage();
    }
}
