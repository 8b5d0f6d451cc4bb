using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Network;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Offers;

/// <summary>
/// One offer. The offering organisation's staff answer requests and can withdraw it; other organisations' staff
/// ask for it while it is open and see their own requests. Anything not theirs to see is not found.
/// </summary>
public sealed class OfferModel(WaymarkDbContext db, OrganisationAccess access, SharedOffers offers) : PageModel
{
    [BindProperty] public Guid? OrganisationId { get; set; }
    [BindProperty] public string? Message { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public OfferDetail Detail { get; private set; } = null!;
    public IReadOnlyList<(Guid Id, string Name)> Organisations { get; private set; } = [];

    /// <summary>The request being answered when the answer had a problem, so the error shows beside it.</summary>
    public Guid? Answering { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRequestAsync(Guid id)
    {
        if (!await LoadAsync(id) || Detail.IsOurs)
        {
            return NotFound();
        }
        // Another organisation's id is not found, as everywhere; a missing choice is the form's problem.
        if (OrganisationId is { } chosen && !Organisations.Any(o => o.Id == chosen))
        {
            return NotFound();
        }
        var orgId = OrganisationId ?? (Organisations.Count == 1 ? Organisations[0].Id : Guid.Empty);
        if (!Organisations.Any(o => o.Id == orgId))
        {
            this.AddError(nameof(OrganisationId), "Choose which of your organisations is asking");
        }
        if (string.IsNullOrWhiteSpace(Message) || Message.Trim().Length > OfferRequest.MaxMessageLength)
        {
            this.AddError(nameof(Message), $"Write a short message to {Detail.Organisation}, in up to {OfferRequest.MaxMessageLength:N0} characters");
        }
        if (ModelState.IsValid)
        {
            try
            {
                if (await offers.RequestAsync(id, orgId, Message, User.Actor()) is null)
                {
                    return NotFound();
                }
                TempData["Success"] = $"Your request has gone to {Detail.Organisation}. We will email you their answer.";
                return RedirectToPage(new { id });
            }
            catch (NetworkException ex)
            {
                this.AddPageError(ex.Message);
            }
        }
        return Invalid();
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid requestId)
    {
        if (!await LoadAsync(id) || !Detail.IsOurs || !Detail.Requests.Any(r => r.Id == requestId))
        {
            return NotFound();
        }
        Answering = requestId;
        if (Decision is not ("accept" or "decline"))
        {
            this.AddError(nameof(Decision), "Choose whether to accept or decline the request");
        }
        else if (Decision == "decline" && string.IsNullOrWhiteSpace(Reason))
        {
            this.AddError(nameof(Reason), "Give a reason for declining: the organisation that asked will see it");
        }
        if (Reason?.Length > OfferRequest.MaxMessageLength)
        {
            this.AddError(nameof(Reason), $"The reason must be {OfferRequest.MaxMessageLength:N0} characters or fewer");
        }
        if (ModelState.IsValid)
        {
            try
            {
                if (!await offers.DecideAsync(requestId, Decision == "accept", Reason, User.Actor()))
                {
                    return NotFound();
                }
                TempData["Success"] = Decision == "accept" ? "You accepted the request. We have told them." : "You declined the request. We have told them why.";
                return RedirectToPage(new { id });
            }
            catch (NetworkException ex)
            {
                this.AddPageError(ex.Message);
            }
        }
        return Invalid();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        if (!await LoadAsync(id) || !Detail.IsOurs)
        {
            return NotFound();
        }
        try
        {
            if (!await offers.WithdrawAsync(id, User.Actor()))
            {
                return NotFound();
            }
        }
        catch (NetworkException ex)
        {
            this.AddPageError(ex.Message);
            return Invalid();
        }
        TempData["Success"] = "The offer is withdrawn. Anyone still waiting for an answer has been told.";
        return RedirectToPage(new { id });
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var detail = await offers.DetailAsync(id, User.Actor());
        if (detail is null)
        {
            return false;
        }
        Detail = detail;
        var mine = access.MemberOrganisationIds(User.UserId());
        Organisations = (await db.Organizations.Where(o => mine.Contains(o.Id)).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync())
            .Select(o => (o.Id, o.Name)).ToList();
        return true;
    }
}
