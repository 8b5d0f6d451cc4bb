using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Navigator;

/// <summary>
/// Where a navigator lands after signing in: refer someone, the referrals waiting too long for an answer, and the
/// newest of the referrals they made (and only theirs).
/// </summary>
public sealed class HomeModel(NavigatorReferrals referrals) : PageModel
{
    public const int Newest = 5;

    public IReadOnlyList<NavigatorReferralView> Referrals { get; private set; } = [];

    public IReadOnlyList<NavigatorReferralView> Overdue => [.. Referrals.Where(r => r.OverdueSince is not null).OrderBy(r => r.OverdueSince)];

    public int Open => Referrals.Count(r => !ReferralRules.IsFinished(r.Referral.Status));

    public async Task OnGetAsync() => Referrals = await referrals.ListAsync(User.Actor());
}
