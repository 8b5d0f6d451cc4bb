using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;
using Waymark.Web.Referrals;

namespace Waymark.Web.Pages.Provider.Referrals;

/// <summary>
/// Step two: staff record the person's consent and refer them on to another organisation's service, through the
/// same form and rules as a navigator's referral. A referral or service that is not theirs to use is not found.
/// </summary>
public sealed class OnwardReferModel(WaymarkDbContext db, NavigatorReferrals referrals, TimeProvider time) : ReferralFormModel(time)
{
    private Guid _from;

    public override Guid? OnwardFromReferral => _from;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid serviceId)
    {
        if (!await LoadAsync(id, serviceId))
        {
            return NotFound();
        }
        var person = await referrals.ForReceivingStaffAsync(id, User.Actor());
        Prefill(person is { } p ? (p.Name, p.Email, p.Phone) : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid serviceId)
    {
        if (!await LoadAsync(id, serviceId))
        {
            return NotFound();
        }
        if (Validate(serviceId) is not { } request)
        {
            return Invalid();
        }
        Referral referral;
        try
        {
            referral = await referrals.ReferOnwardAsOrganisationAsync(request, User.Actor());
        }
        catch (ReferralException ex)
        {
            return Refused(ex);
        }
        TempData["Success"] = $"Your referral to {ServiceName} has been sent.";
        return Redirect($"/provider/referrals/sent/{referral.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, Guid serviceId)
    {
        if (await OnwardSource.FindAsync(db, id, User.UserId()) is not { } from)
        {
            return false;
        }
        var service = await db.Services.Where(s => s.Id == serviceId && s.OrganizationId != null && s.OrganizationId != from.OrganisationId)
            .Select(s => new { s.Name, Organisation = s.Organization!.Name }).SingleOrDefaultAsync();
        if (service is null)
        {
            return false;
        }
        _from = id;
        ServiceName = service.Name;
        OrganisationName = service.Organisation;
        EarlierHasStory = await db.Referrals.AnyAsync(r => r.Id == id && r.ProtectedStory != null);
        return true;
    }
}
