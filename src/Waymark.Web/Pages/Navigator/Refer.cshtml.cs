using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Notifications;
using Waymark.Core.Referrals;
using Waymark.Core.Schedules;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Navigator;

/// <summary>
/// A navigator refers someone to a service with their recorded consent: how and when they agreed, and what
/// they agreed to share. An onward referral (<c>onwardFrom</c>) starts from the person's earlier details.
/// </summary>
public sealed class ReferModel(WaymarkDbContext db, NavigatorReferrals referrals, TimeProvider time) : PageModel
{
    private static readonly string[] DateFormats = ["d/M/yyyy", "yyyy-MM-dd", "d-M-yyyy", "d M yyyy"];

    [BindProperty]
    public string? PersonName { get; set; }

    [BindProperty]
    public string? PersonEmail { get; set; }

    [BindProperty]
    public string? PersonPhone { get; set; }

    [BindProperty]
    public string? Contact { get; set; } = nameof(ContactPreference.Email);

    [BindProperty]
    public string? ConsentMethod { get; set; }

    [BindProperty]
    public string? ConsentGivenOn { get; set; }

    [BindProperty]
    public bool SharesContactDetails { get; set; }

    [BindProperty]
    public bool SharesStory { get; set; }

    [BindProperty]
    public bool CarryStory { get; set; }

    [BindProperty]
    public string? Story { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OnwardFrom { get; set; }

    public string ServiceName { get; private set; } = "";
    public string OrganisationName { get; private set; } = "";
    public bool EarlierHasStory { get; private set; }

    /// <summary>The organisations this navigator refers from, which the service will see.</summary>
    public IReadOnlyList<string> FromOrganisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        ConsentGivenOn = UkTime.DateOf(time.GetUtcNow()).ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        if (OnwardFrom is { } from && await referrals.PersonDetailsAsync(from, User.Actor()) is { } person)
        {
            (PersonName, PersonEmail, PersonPhone) = person;
            Contact = person.Email is not null ? nameof(ContactPreference.Email) : person.Phone is not null ? nameof(ContactPreference.Sms) : nameof(ContactPreference.None);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(PersonName))
        {
            this.AddError(nameof(PersonName), "Enter the person's name");
        }
        else if (PersonName.Length > NavigatorReferrals.MaxNameLength)
        {
            this.AddError(nameof(PersonName), $"The name must be {NavigatorReferrals.MaxNameLength} characters or fewer");
        }
        if (!Enum.TryParse<ContactPreference>(Contact, out var contact) || !Enum.IsDefined(contact))
        {
            this.AddError(nameof(Contact), "Choose how they would like to hear about this referral");
        }
        else if (contact == ContactPreference.Email && !EmailAddress.IsValid(PersonEmail?.Trim()))
        {
            this.AddError(nameof(PersonEmail), "Enter their email address, like name@example.com, or choose another way to contact them");
        }
        else if (contact == ContactPreference.Sms && (string.IsNullOrWhiteSpace(PersonPhone) || PersonPhone.Length > NavigatorReferrals.MaxPhoneLength || !PersonPhone.Any(char.IsDigit)))
        {
            this.AddError(nameof(PersonPhone), "Enter their mobile number, or choose another way to contact them");
        }
        if (!Enum.TryParse<ConsentMethod>(ConsentMethod, out var method) || method is not (Core.Referrals.ConsentMethod.InPerson or Core.Referrals.ConsentMethod.ByPhone or Core.Referrals.ConsentMethod.InWriting))
        {
            this.AddError(nameof(ConsentMethod), "Choose how they agreed to this referral");
        }
        var today = UkTime.DateOf(time.GetUtcNow());
        if (!DateOnly.TryParseExact(ConsentGivenOn?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var givenOn))
        {
            this.AddError(nameof(ConsentGivenOn), "Enter the day they agreed, like 27/11/2026");
        }
        else if (givenOn > today || givenOn < today.AddYears(-1))
        {
            this.AddError(nameof(ConsentGivenOn), "The day they agreed must be today or in the last year");
        }
        if (!SharesContactDetails)
        {
            this.AddError(nameof(SharesContactDetails), "A referral needs their agreement to share their name and contact details");
        }
        if (Story?.Length > ReferralService.MaxStoryLength)
        {
            this.AddError(nameof(Story), $"The story must be {ReferralService.MaxStoryLength:N0} characters or fewer");
        }
        else if (!string.IsNullOrWhiteSpace(Story) && !SharesStory)
        {
            this.AddError(nameof(Story), "Only send their story if they agreed to share it: tick that they did, or leave this empty");
        }
        if (CarryStory && !SharesStory)
        {
            this.AddError(nameof(SharesContactDetails), "Their earlier story goes onward only if they agreed to share their story");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Referral referral;
        try
        {
            referral = await referrals.ReferAsync(new NavigatorReferralRequest
            {
                ServiceId = id,
                PersonName = PersonName!,
                PersonEmail = PersonEmail,
                PersonPhone = PersonPhone,
                Contact = contact,
                ConsentMethod = method,
                ConsentGivenOn = givenOn,
                SharesContactDetails = SharesContactDetails,
                SharesStory = SharesStory,
                Story = Story,
                OnwardFromReferralId = OnwardFrom,
                CarryStory = CarryStory,
            }, User.Actor());
        }
        catch (ReferralException ex)
        {
            this.AddError(nameof(PersonName), ex.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
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
        FromOrganisations = await referrals.OrganisationsOfAsync(User.UserId());
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
