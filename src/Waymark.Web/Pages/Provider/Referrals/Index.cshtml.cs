using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Provider.Referrals;

/// <summary>Referrals made to the organisations the signed-in staff member belongs to.</summary>
public sealed class IndexModel(ReferralService referrals) : PageModel
{
    public IReadOnlyList<ReferralView> Referrals { get; private set; } = [];

    public async Task OnGetAsync() => Referrals = await referrals.InboxAsync(User.Actor());
}
