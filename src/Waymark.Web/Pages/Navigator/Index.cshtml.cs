using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Navigator;

/// <summary>The referrals this navigator made, and only those, with overdue ones flagged.</summary>
public sealed class IndexModel(NavigatorReferrals referrals) : PageModel
{
    public IReadOnlyList<NavigatorReferralView> Referrals { get; private set; } = [];

    public async Task OnGetAsync() => Referrals = await referrals.ListAsync(User.Actor());
}
