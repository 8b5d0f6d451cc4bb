using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Matching;
using Waymark.Core.Oruk;

namespace Waymark.Web.Pages.Services;

/// <summary>
/// <c>/services/{id}</c>: what to expect. Read from the database, not the search snapshot, because a closed service
/// must still be reachable (someone may hold an old link) and this page is not the hot path.
/// </summary>
public sealed class ServiceModel(WaymarkDbContext db, IReferralWaits referralWaits, TimeProvider clock) : PageModel
{
    public WhatToExpect Facts { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking().WithFullGraph().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (service is null)
        {
            return NotFound();
        }
        Facts = WhatToExpect.From(service, clock.GetUtcNow(), referralWaits.TypicalWaitDays(id));
        return Page();
    }
}
