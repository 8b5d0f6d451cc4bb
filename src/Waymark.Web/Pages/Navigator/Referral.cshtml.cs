using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Matching;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Navigator;

/// <summary>One referral this navigator made: consent, story, history, and onward suggestions once it has ended.</summary>
public sealed class ReferralModel(NavigatorReferrals referrals, ReferralSuggestions suggestions, ReferralReplies replies) : PageModel
{
    public NavigatorReferralView View { get; private set; } = null!;

    public IReadOnlyList<ServiceMatch>? Onward { get; private set; }

    public IReadOnlyList<ReferralReply> Replies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var view = await referrals.FindAsync(id, User.Actor());
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Replies = await replies.ForReferralAsync(id);
        if (NavigatorReferrals.EndsOnward(view.Referral.Status))
        {
            Onward = await suggestions.OnwardAsync(view.Referral.ServiceId, selfAccessOnly: false);
        }
        return Page();
    }
}
