using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.PeerSupport;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Referrals;

/// <summary>
/// One referral for the receiving organisation's staff. Opening it marks it Opened (so the person and the
/// referrer see it was read), and every view is audited. Another organisation's referral is not found.
/// </summary>
public sealed class ReferralModel(ReferralService referrals, NavigatorReferrals navigatorReferrals, PeerSupportRecords peerSupport) : PageModel
{
    public const int MaxReasonLength = 2000;

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public ReferralView Referral { get; private set; } = null!;

    /// <summary>The peer supporter to give the referral to (a user id).</summary>
    [BindProperty]
    public Guid? AssignTo { get; set; }

    public IReadOnlyList<(Guid Id, string Email)> PeerSupporters { get; private set; } = [];
    public Guid? Holder { get; private set; }

    /// <summary>Why the gate refused the last assignment, and what would unblock it.</summary>
    public AssignmentCheck? Refusal { get; private set; }

    /// <summary>For a navigator's referral: who it is for, how to reach them, and their consent.</summary>
    public (string Name, string? Email, string? Phone, ReferralConsent? Consent)? ReferredPerson { get; private set; }

    /// <summary>For a navigator's referral: the organisations the navigator refers from.</summary>
    public IReadOnlyList<string> ReferredFrom { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var view = await referrals.OpenForStaffAsync(id, User.Actor());
        if (view is null)
        {
            return NotFound();
        }
        Referral = view;
        ReferredPerson = await navigatorReferrals.ForReceivingStaffAsync(id, User.Actor());
        ReferredFrom = await navigatorReferrals.ReferrerOrganisationsAsync(id);
        await LoadPeerSupportAsync(id);
        return Page();
    }

    /// <summary>Gives the referral to one of the organisation's peer supporters, through the assignment gate.</summary>
    public async Task<IActionResult> OnPostAssignAsync(Guid id)
    {
        var view = await referrals.OpenForStaffAsync(id, User.Actor());
        if (view is null)
        {
            return NotFound();
        }
        Referral = view;
        ReferredPerson = await navigatorReferrals.ForReceivingStaffAsync(id, User.Actor());
        await LoadPeerSupportAsync(id);
        if (AssignTo is not { } peer || !PeerSupporters.Any(p => p.Id == peer))
        {
            this.AddError(nameof(AssignTo), "Choose a peer supporter of your organisation");
        }
        else if (await peerSupport.AssignReferralAsync(id, peer, User.Actor()) is { Allowed: false } refused)
        {
            Refusal = refused;
            this.AddError(nameof(AssignTo), $"{PeerSupporters.First(p => p.Id == peer).Email} cannot be given this referral now: {refused.Blocks[0].Why}");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = $"The referral is now held by {PeerSupporters.First(p => p.Id == AssignTo).Email}.";
        return RedirectToPage(new { id });
    }

    private async Task LoadPeerSupportAsync(Guid id)
    {
        PeerSupporters = await peerSupport.PeerSupportersForReferralAsync(id, User.Actor());
        Holder = await peerSupport.ReferralHolderAsync(id);
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var view = await referrals.OpenForStaffAsync(id, User.Actor());
        if (view is null)
        {
            return NotFound();
        }
        Referral = view;
        ReferredPerson = await navigatorReferrals.ForReceivingStaffAsync(id, User.Actor());
        ReferredFrom = await navigatorReferrals.ReferrerOrganisationsAsync(id);
        await LoadPeerSupportAsync(id);
        if (!Enum.TryParse<ReferralStatus>(To, out var to) || !ReferralRules.NextFrom(view.Status).Contains(to) || to == ReferralStatus.Withdrawn)
        {
            this.AddError(nameof(To), "Choose what has happened to this referral");
        }
        else if (ReferralRules.NeedsReason(to) && string.IsNullOrWhiteSpace(Reason))
        {
            this.AddError(nameof(Reason), $"Give a reason for marking the referral {ReferralRules.Describe(to)}: the person will see it");
        }
        if (Reason?.Length > MaxReasonLength)
        {
            this.AddError(nameof(Reason), $"The reason must be {MaxReasonLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            await referrals.MoveAsStaffAsync(id, to, Reason, User.Actor());
        }
        catch (ReferralTransitionException ex)
        {
            this.AddError(nameof(To), ex.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = $"The referral is now {ReferralRules.Describe(to)}.";
        return RedirectToPage(new { id });
    }

    /// <summary>The moves staff can make from here; withdrawing is the person's alone.</summary>
    public IEnumerable<ReferralStatus> Choices => ReferralRules.NextFrom(Referral.Status).Where(s => s != ReferralStatus.Withdrawn);
}
