using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Provider.Referrals;

/// <summary>One onward referral the user's organisation made: consent, story, history and the service's replies. Audited; anyone else's is not found.</summary>
public sealed class SentReferralModel(NavigatorReferrals referrals, ReferralReplies replies) : PageModel
{
    public NavigatorReferralView View { get; private set; } = null!;

    public IReadOnlyList<ReferralReply> Replies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var view = await referrals.FindSentByOrganisationAsync(id, User.Actor());
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Replies = await replies.ForReferralAsync(id);
        return Page();
    }
}
