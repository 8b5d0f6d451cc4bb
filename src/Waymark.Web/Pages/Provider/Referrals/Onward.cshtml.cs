using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Matching;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Referrals;

/// <summary>
/// Step one of referring someone on from a referral the organisation received: services like the one they were
/// referred to, near it, from other organisations (what matching would suggest), and a search by name. Another
/// organisation's referral is not found.
/// </summary>
public sealed class OnwardModel(WaymarkDbContext db, ReferralSuggestions suggestions) : PageModel
{
    public const int MaxQueryLength = 100;

    public sealed record Choice(Guid Id, string Name, string Organisation);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public Guid ReferralId { get; private set; }
    public string FromService { get; private set; } = "";
    public IReadOnlyList<Choice>? Found { get; private set; }

    /// <summary>Other organisations' services like this one, nearest and best fitting first, each with matching's first reason.</summary>
    public IReadOnlyList<ServiceMatch> Nearby { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var from = await OnwardSource.FindAsync(db, id, User.UserId());
        if (from is null)
        {
            return NotFound();
        }
        ReferralId = id;
        FromService = from.Value.ServiceName;
        Nearby = [.. (await suggestions.OnwardAsync(from.Value.ServiceId, selfAccessOnly: false, limit: 8))
            .Where(s => s.OrganizationId is { } org && org != from.Value.OrganisationId).Take(5)];
        var q = Q?.Trim();
        if (q is null)
        {
            return Page();
        }
        if (q.Length is 0 or > MaxQueryLength)
        {
            this.AddError(nameof(Q), $"Enter part of a service's name, in up to {MaxQueryLength} characters");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var services = db.Services.Where(s => s.OrganizationId != null && s.OrganizationId != from.Value.OrganisationId && s.Status == "active");
#pragma warning disable CA1862 // lower() + contains is what EF translates on both engines.
        foreach (var word in NameWords.Of(q))
        {
            services = services.Where(s => s.Name.ToLower().Contains(word) || s.Organization!.Name.ToLower().Contains(word));
        }
#pragma warning restore CA1862
        Found = await services.OrderBy(s => s.Name).Take(25).Select(s => new Choice(s.Id, s.Name, s.Organization!.Name)).ToListAsync();
        return Page();
    }
}

/// <summary>The referral staff refer someone on from: one received by their organisation, which the person has not withdrawn.</summary>
public static class OnwardSource
{
    public static async Task<(Guid OrganisationId, Guid ServiceId, string ServiceName)?> FindAsync(WaymarkDbContext db, Guid referralId, Guid userId)
    {
        var orgs = db.OrganisationMemberships.Where(m => m.UserId == userId).Select(m => m.OrganizationId);
        var from = await db.Referrals.Where(r => r.Id == referralId && orgs.Contains(r.OrganisationId))
            .Select(r => new { r.OrganisationId, r.ServiceId, r.Status, Service = db.Services.Where(s => s.Id == r.ServiceId).Select(s => s.Name).FirstOrDefault() })
            .SingleOrDefaultAsync();
        return from is null || !NavigatorReferrals.OrganisationCanReferOn(from.Status) ? null : (from.OrganisationId, from.ServiceId, from.Service ?? "");
    }
}
