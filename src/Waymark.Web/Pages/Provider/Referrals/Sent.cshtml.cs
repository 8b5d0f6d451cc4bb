using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Provider.Referrals;

/// <summary>The onward referrals the user's organisations made to other organisations, newest first.</summary>
public sealed class SentModel(NavigatorReferrals referrals) : PageModel
{
    public IReadOnlyList<NavigatorReferralView> Referrals { get; private set; } = [];

    public async Task OnGetAsync() => Referrals = await referrals.ListSentByOrganisationsAsync(User.Actor());
}
