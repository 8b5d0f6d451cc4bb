using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Matching;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.My;

/// <summary>A person's own referrals, each with its whole history; they can withdraw one that is still open.</summary>
[Authorize]
public sealed class ReferralsModel(ReferralService referrals, ReferralSuggestions suggestions) : PageModel
{
    public IReadOnlyList<ReferralView> Referrals { get; private set; } = [];

    /// <summary>While-you-wait and onward suggestions, for referrals on a waiting list or ended.</summary>
    public Dictionary<Guid, NextSteps> Next { get; } = [];

    public async Task OnGetAsync()
    {
        Referrals = await referrals.ForPersonAsync(User.Actor());
        foreach (var r in Referrals)
        {
            if (r.Status == ReferralStatus.OnWaitingList)
            {
                Next[r.Id] = new NextSteps(r.Id, await suggestions.WhileYouWaitAsync(r.ServiceId), null);
            }
            else if (NavigatorReferrals.EndsOnward(r.Status))
            {
                Next[r.Id] = new NextSteps(r.Id, [], await suggestions.OnwardAsync(r.ServiceId, selfAccessOnly: true));
            }
        }
    }

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

public sealed record NextSteps(Guid ReferralId, IReadOnlyList<WhileYouWait> WhileYouWait, IReadOnlyList<ServiceMatch>? Onward);
