using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Network;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Network;

/// <summary>
/// One organisation's partnerships, for its own staff: which services it refers people on to and receives them
/// from most (counts only), and its "works with" links, which its provider-admins propose, agree and end.
/// Any other organisation's page is not found.
/// </summary>
public sealed class IndexModel(WaymarkDbContext db, OrganisationAccess access, ReferralPartners partners, WorksWithLinks links) : PageModel
{
    public const int MaxNameLength = 200;

    /// <summary>How many organisations "Which one do you mean?" lists.</summary>
    public const int MaxCandidates = 10;

    [BindProperty]
    public string? PartnerName { get; set; }

    /// <summary>Set when the admin picked one of the <see cref="Candidates"/>.</summary>
    [BindProperty]
    public Guid? PartnerId { get; set; }

    /// <summary>Organisations whose names hold every word typed, when the name was not one organisation's exactly.</summary>
    public IReadOnlyList<(Guid Id, string Name)>? Candidates { get; private set; }

    public Guid OrganisationId { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public bool IsAdmin { get; private set; }
    public Partnerships Counts { get; private set; } = new([], []);
    public IReadOnlyList<LinkView> Links { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProposeAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!IsAdmin)
        {
            return Forbid();
        }
        var name = PartnerName?.Trim();
        Guid? partner = null;
        if (PartnerId is { } picked)
        {
            partner = picked;
        }
        else if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            this.AddError(nameof(PartnerName), "Enter the name of the organisation you work with");
        }
        else
        {
            var lower = name.ToLowerInvariant();
#pragma warning disable CA1862 // lower() is what EF translates on both engines.
            var exact = await db.Organizations.Where(o => o.Id != id && o.Name.ToLower() == lower).Select(o => o.Id).Take(2).ToListAsync();
            if (exact.Count == 1)
            {
                partner = exact[0];
            }
            else if (NameWords.Of(name) is { Count: > 0 } words)
            {
                var others = db.Organizations.Where(o => o.Id != id);
                foreach (var word in words)
                {
                    others = others.Where(o => o.Name.ToLower().Contains(word));
                }
#pragma warning restore CA1862
                var candidates = await others.OrderBy(o => o.Name).Take(MaxCandidates).Select(o => new { o.Id, o.Name }).ToListAsync();
                if (candidates.Count == 0)
                {
                    this.AddError(nameof(PartnerName), "No other organisation on Waymark has a name with all of those words. Check the spelling, or try one word of their name");
                }
                else
                {
                    // Not an error: the admin picks the one they meant, and nothing is proposed until they do.
                    Candidates = [.. candidates.Select(c => (c.Id, c.Name))];
                    return Page();
                }
            }
            else
            {
                this.AddError(nameof(PartnerName), "Enter the name of the organisation you work with");
            }
        }
        if (partner is { } partnerId)
        {
            try
            {
                await links.ProposeAsync(id, partnerId, User.Actor());
            }
            catch (NetworkException ex)
            {
                this.AddError(nameof(PartnerName), ex.Message);
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var partnerName = await db.Organizations.Where(o => o.Id == partner).Select(o => o.Name).SingleAsync();
        TempData["Success"] = $"We have asked {partnerName} to agree that you work together.";
        return RedirectToPage(new { id });
    }

    public Task<IActionResult> OnPostAgreeAsync(Guid id, Guid linkId) => ActAsync(id, linkId, agree: true);

    public Task<IActionResult> OnPostEndAsync(Guid id, Guid linkId) => ActAsync(id, linkId, agree: false);

    private async Task<IActionResult> ActAsync(Guid id, Guid linkId, bool agree)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        // Only a link of this organisation is acted on from its page; any other id is not found.
        if (!Links.Any(l => l.Id == linkId))
        {
            return NotFound();
        }
        if (!IsAdmin)
        {
            return Forbid();
        }
        try
        {
            if (!(agree ? await links.AgreeAsync(linkId, User.Actor()) : await links.EndAsync(linkId, User.Actor())))
            {
                return NotFound();
            }
        }
        catch (NetworkException ex)
        {
            this.AddError(nameof(PartnerName), ex.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = agree ? "You now show as working together." : "The link has ended.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var userId = User.UserId();
        var org = await db.Organizations.Where(o => o.Id == id && access.MemberOrganisationIds(userId).Contains(o.Id)).Select(o => o.Name).SingleOrDefaultAsync();
        if (org is null)
        {
            return false;
        }
        OrganisationId = id;
        OrganisationName = org;
        IsAdmin = await access.IsOrganisationAdminAsync(userId, id);
        Counts = await partners.ForOrganisationAsync(id);
        Links = [.. (await links.ForStaffAsync(User.Actor())).Where(l => l.OrganisationId == id)];
        return true;
    }
}
