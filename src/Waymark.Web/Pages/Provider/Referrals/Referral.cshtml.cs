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
public sealed class ReferralModel(ReferralService referrals, NavigatorReferrals navigatorReferrals, PeerSupportRecords peerSupport, ReferralReplies replies, ReferralPartners partners) : PageModel
{
    public const int MaxReasonLength = 2000;

    [BindProperty]
    public string? To { get; set; }

    /// <summary>The status the page showed when the form was filled in, so a change made meanwhile is noticed.</summary>
    [BindProperty]
    public ReferralStatus? Seen { get; set; }

    /// <summary>
    /// Why, from the fixed list (<see cref="ReferralReasons"/>), as posted in the field <c>ReasonFor{status}</c>: each
    /// move that needs one has its own radio group, so the form works without script.
    /// </summary>
    public Dictionary<ReferralStatus, string> ReasonsChosen { get; } = [];

    public static string ReasonField(ReferralStatus to) => "ReasonFor" + to;

    /// <summary>An optional note in the service's own words; the person and the referrer see it, nobody else.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    /// <summary>A message back to whoever referred the person (a navigator or another organisation).</summary>
    [BindProperty]
    public string? Message { get; set; }

    /// <summary>When another organisation referred the person on: which, from what service, and the staff member's role there.</summary>
    public ReferredBy? ReferredBy { get; private set; }

    public IReadOnlyList<ReferralReply> Replies { get; private set; } = [];

    /// <summary>Whether someone other than the person made the referral, so there is someone to reply to.</summary>
    public bool CanReply { get; private set; }

    /// <summary>Whether staff can refer the person on to another organisation from here.</summary>
    public bool CanReferOn => NavigatorReferrals.OrganisationCanReferOn(Referral.Status);

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

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!CanReply)
        {
            this.AddPageError("The person referred themselves, so there is nobody else to reply to");
        }
        else if (string.IsNullOrWhiteSpace(Message))
        {
            this.AddError(nameof(Message), "Write your message to whoever referred them");
        }
        else if (Message.Length > ReferralMessage.MaxLength)
        {
            this.AddError(nameof(Message), $"The message must be {ReferralMessage.MaxLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await replies.ReplyAsync(id, Message, User.Actor());
        TempData["Success"] = "Your message has been sent to whoever referred them.";
        return RedirectToPage(new { id });
    }

    /// <summary>Gives the referral to one of the organisation's peer supporters, through the assignment gate.</summary>
    public async Task<IActionResult> OnPostAssignAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
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
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var view = Referral;
        // Either the page was read before a colleague's move, or it asks for the move a colleague has just made.
        if ((Seen is { } seen && seen != view.Status) || To == view.Status.ToString())
        {
            this.AddPageError(ReferralRules.ChangedMeanwhile(view.Status));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (!Enum.TryParse<ReferralStatus>(To, out var to) || !ReferralRules.NextFrom(view.Status).Contains(to) || to == ReferralStatus.Withdrawn)
        {
            this.AddError(nameof(To), "Choose what has happened to this referral");
        }
        foreach (var status in Choices.Where(ReferralRules.NeedsReason))
        {
            if (Request.Form[ReasonField(status)].ToString() is { Length: > 0 } posted)
            {
                ReasonsChosen[status] = posted;
            }
        }
        ReferralReason? code = null;
        if (ModelState.IsValid && ReferralRules.NeedsReason(to))
        {
            code = ReferralReasons.For(to).Select(r => (ReferralReason?)r).FirstOrDefault(r => r.ToString() == ReasonsChosen.GetValueOrDefault(to));
            if (code is null)
            {
                this.AddError(ReasonField(to), $"Choose why you are marking the referral {ReferralRules.Describe(to)}: the person will see it");
            }
        }
        if (Reason?.Length > MaxReasonLength)
        {
            this.AddError(nameof(Reason), $"The note must be {MaxReasonLength:N0} characters or fewer");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            await referrals.MoveAsStaffAsync(id, to, code, Reason, User.Actor());
        }
        catch (ReferralTransitionException ex)
        {
            this.AddPageError(ex.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["Success"] = $"The referral is now {ReferralRules.Describe(to)}.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var view = await referrals.OpenForStaffAsync(id, User.Actor());
        if (view is null)
        {
            return false;
        }
        Referral = view;
        ReferredPerson = await navigatorReferrals.ForReceivingStaffAsync(id, User.Actor());
        ReferredBy = await partners.ReferredByAsync(id);
        Replies = await replies.ForReferralAsync(id);
        CanReply = await replies.HasReferrerAsync(id);
        ReferredFrom = await navigatorReferrals.ReferrerOrganisationsAsync(id);
        await LoadPeerSupportAsync(id);
        return true;
    }

    /// <summary>The moves staff can make from here; withdrawing is the person's alone.</summary>
    public IEnumerable<ReferralStatus> Choices => ReferralRules.NextFrom(Referral.Status).Where(s => s != ReferralStatus.Withdrawn);
}
