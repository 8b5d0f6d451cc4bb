using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Groups;
using Waymark.Core.Listings;
using Waymark.Core.Matching;
using Waymark.Core.Oruk;
using Waymark.Web.Pages.Find;

namespace Waymark.Web.Pages.Services;

/// <summary>
/// <c>/services/{id}</c>: what to expect. Read from the database, not the search snapshot, because a closed service
/// must still be reachable (someone may hold an old link) and this page is not the hot path.
/// </summary>
public sealed class ServiceModel(WaymarkDbContext db, IReferralWaits referralWaits, TimeProvider clock, GroupSessions groups) : PageModel
{
    public WhatToExpect Facts { get; private set; } = null!;

    /// <summary>The provider's "not taking new referrals" notice, when it applies today.</summary>
    public ServiceNotice? PausedReferrals { get; private set; }

    /// <summary>The next group sessions (none unless the service is active).</summary>
    public IReadOnlyList<PublicSession> Sessions { get; private set; } = [];

    /// <summary>The search that led here, carried in the address (nothing kept on the server), for "Back to your results".</summary>
    public FindAnswers Answers { get; private set; } = FindAnswers.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().WithFullGraph().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null)
        {
            return NotFound();
        }
        Answers = FindAnswers.From(Request.Query);
        Facts = WhatToExpect.From(service, clock.GetUtcNow(), referralWaits.TypicalWaitDays(id));
        var today = ListingFreshness.UkToday(clock);
        PausedReferrals = await db.Set<ServiceNotice>().AsNoTracking()
            .Where(n => n.ServiceId == id && n.Kind == ServiceNoticeKinds.NotTakingReferrals && n.From <= today && (n.Until == null || n.Until >= today))
            .FirstOrDefaultAsync(ct);
        Sessions = await groups.UpcomingAsync(id, ct: ct);
        return Page();
    }
}
