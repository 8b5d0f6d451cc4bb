using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.People;
using Waymark.Core.Referrals;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;
using Waymark.Web.Pages.Find;

namespace Waymark.Web.Pages.Services;

/// <summary>
/// A person refers themselves to a service that takes self-referrals: the form, then "check your answers", then
/// send (GOV.UK pattern). Nothing is kept between the steps: the answers travel in the form, and are checked again
/// when they come back. Signed out, the page says why an account is needed and carries the way back here (with the
/// search answers in the address) through sign-up and sign-in.
/// </summary>
public sealed class ReferModel(WaymarkDbContext db, ReferralService referrals, PersonPlan plan) : PageModel
{
    public enum Step
    {
        SignedOut,
        Form,
        Check,
        AlreadyReferred,
    }

    [BindProperty(Name = "Story")]
    public string? Words { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    /// <summary>The person's tick to send their story to this organisation; nothing is shared without it.</summary>
    [BindProperty]
    public bool ShareStory { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public Step Showing { get; private set; } = Step.Form;

    /// <summary>The person's "tell my story once" summary, if they wrote one.</summary>
    public StorySummary Story { get; private set; } = new();

    public Guid ServiceId { get; private set; }
    public string ServiceName { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";

    /// <summary>The open referral the person already has to this service, when they have one.</summary>
    public OpenReferral? Existing { get; private set; }

    /// <summary>The find journey's answers, carried in the address so "Back to your results" still works.</summary>
    public FindAnswers Answers { get; private set; } = FindAnswers.Empty;

    /// <summary>This page's own address with the search answers: where sign-up and sign-in bring the person back to.</summary>
    public string ReturnUrl => Answers.Link($"/services/{ServiceId}/refer");

    public string ServiceUrl => Answers.Link($"/services/{ServiceId}");

    /// <summary>Sign-up or sign-in, then back here.</summary>
    public string AccountUrl(string path) => QueryHelpers.AddQueryString(path, "returnUrl", ReturnUrl);

    public string HandlerUrl(string handler) => QueryHelpers.AddQueryString(ReturnUrl, "handler", handler);

    public SelfReferralForm Answered => new(Words, ShareStory, Contact, Name, Email, Phone);

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (User.Identity?.IsAuthenticated != true)
        {
            Showing = Step.SignedOut;
            return Page();
        }
        if (await ExistingAsync(id))
        {
            return Page();
        }
        // Offered, not assumed: the person can change or clear any of these before anything is sent.
        Contact = (await plan.ContactPreferenceAsync(User.Actor())).ToString();
        var userId = User.UserId();
        var account = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.PhoneNumber }).SingleAsync();
        Email = account.Email;
        Phone = account.PhoneNumber;
        return Page();
    }

    /// <summary>"Continue": check the answers and show them back.</summary>
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (await ExistingAsync(id))
        {
            return Page();
        }
        if (!Valid())
        {
            return Invalid();
        }
        Showing = Step.Check;
        return Page();
    }

    /// <summary>"Change" on the check page: the form again, with the answers as they were.</summary>
    public async Task<IActionResult> OnPostChangeAsync(Guid id)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSendAsync(Guid id)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!Valid())
        {
            return Invalid();
        }
        var form = Answered;
        var shared = form.ShareStory && !Story.IsEmpty ? SharedStory.From(Story) : null;
        Referral referral;
        try
        {
            referral = await referrals.SelfReferAsync(id, User.Actor(), form.Choice!.Value, Words, shared, form.Details());
        }
        catch (DuplicateReferralException)
        {
            await ExistingAsync(id);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        return Redirect(Answers.Link($"/services/{id}/refer/sent/{referral.Id}"));
    }

    private bool Valid()
    {
        foreach (var (field, message) in Answered.Check(!Story.IsEmpty, OrganisationName))
        {
            this.AddError(field, message);
        }
        return ModelState.IsValid;
    }

    private PageResult Invalid()
    {
        Showing = Step.Form;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> ExistingAsync(Guid id)
    {
        Existing = await referrals.OpenReferralAsync(id, User.Actor());
        if (Existing is not null)
        {
            Showing = Step.AlreadyReferred;
        }
        return Existing is not null;
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var service = await db.Services.Where(s => s.Id == id && s.OrganizationId != null)
            .Select(s => new { s.Name, Organisation = s.Organization!.Name }).SingleOrDefaultAsync();
        if (service is null || !await referrals.TakesSelfReferralsAsync(id))
        {
            return false;
        }
        ServiceId = id;
        ServiceName = service.Name;
        OrganisationName = service.Organisation;
        Answers = FindAnswers.From(Request.Query);
        if (User.Identity?.IsAuthenticated == true)
        {
            (Story, _) = await plan.GetStoryAsync(User.Actor());
        }
        return true;
    }
}
