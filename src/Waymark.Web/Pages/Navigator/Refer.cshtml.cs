using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Notifications;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;
using Waymark.Web.Referrals;

namespace Waymark.Web.Pages.Navigator;

/// <summary>
/// A navigator refers someone to a service with their recorded consent: how and when they agreed, and what
/// they agreed to share. An onward referral (<c>onwardFrom</c>) starts from the person's earlier details.
/// </summary>
public sealed class ReferModel(WaymarkDbContext db, NavigatorReferrals referrals, TimeProvider time) : ReferralFormModel(time)
{
    [BindProperty(SupportsGet = true)]
    public Guid? OnwardFrom { get; set; }

    public override Guid? OnwardFromReferral => OnwardFrom;

    public override bool PostsOnwardFrom => true;

    /// <summary>The organisations this navigator refers from, which the service will see.</summary>
    public IReadOnlyList<string> FromOrganisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Prefill(OnwardFrom is { } from ? await referrals.PersonDetailsAsync(from, User.Actor()) : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Validate(id) is not { } request)
        {
            return Invalid();
        }
        Referral referral;
        try
        {
            referral = await referrals.ReferAsync(request, User.Actor());
        }
        catch (ReferralException ex)
        {
            return Refused(ex);
        }
        TempData["Success"] = $"Your referral to {ServiceName} has been sent.";
        return Redirect($"/navigator/referrals/{referral.Id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var service = await db.Services.Where(s => s.Id == id && s.OrganizationId != null)
            .Select(s => new { s.Name, Organisation = s.Organization!.Name }).SingleOrDefaultAsync();
        if (service is null)
        {
            return false;
        }
        ServiceName = service.Name;
        OrganisationName = service.Organisation;
        // The referral records one organisation, the first by name (as Core does when none is chosen).
        FromOrganisations = [.. (await referrals.OrganisationsOfAsync(User.UserId())).Take(1)];
        if (OnwardFrom is { } from)
        {
            var me = User.UserId();
            var earlier = await db.Referrals.Where(r => r.Id == from && r.ReferrerUserId == me).Select(r => new { r.Status, r.ProtectedStory }).SingleOrDefaultAsync();
            if (earlier is null || !NavigatorReferrals.EndsOnward(earlier.Status))
            {
                return false;
            }
            EarlierHasStory = earlier.ProtectedStory is not null;
        }
        return true;
    }
}
