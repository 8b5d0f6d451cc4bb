using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Data;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Provider.Referrals;

/// <summary>Referrals made to the organisations the signed-in staff member belongs to.</summary>
public sealed class IndexModel(ReferralService referrals, WaymarkDbContext db, TimeProvider time) : PageModel
{
    public IReadOnlyList<ReferralView> Referrals { get; private set; } = [];

    /// <summary>Referrals not answered within the service's response time, with the day their answer was due.</summary>
    public IReadOnlyDictionary<Guid, DateOnly> Overdue { get; private set; } = new Dictionary<Guid, DateOnly>();

    public async Task OnGetAsync()
    {
        Referrals = await referrals.InboxAsync(User.Actor());
        Overdue = await ReferralFollowUps.OverdueAsync(db, Referrals.Select(r => (r.Id, r.ServiceId, r.Status, r.CreatedAt)), time);
    }
}
