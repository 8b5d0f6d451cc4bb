using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Notifications;
using Waymark.Core.Referrals;
using Waymark.Core.Schedules;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Referrals;

/// <summary>
/// The consent-recording referral form that navigators and provider staff (referring someone on) both fill in
/// (<c>Pages/Shared/_ReferralForm.cshtml</c>): its fields, their checks, and the request they make.
/// </summary>
public abstract class ReferralFormModel(TimeProvider time) : PageModel
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

    /// <summary>
    /// The form's idempotency key, made when the form is shown and sent back in a hidden field: sending the same form
    /// again (a double press, or after its answer was lost) gives back the referral it made instead of a second one.
    /// </summary>
    [BindProperty]
    public string? IdempotencyKey { get; set; }

    public string ServiceName { get; protected set; } = "";
    public string OrganisationName { get; protected set; } = "";

    /// <summary>The earlier referral this one continues, when it is an onward referral.</summary>
    public abstract Guid? OnwardFromReferral { get; }

    /// <summary>Whether the form carries the earlier referral's id itself (a navigator's form), rather than its address.</summary>
    public virtual bool PostsOnwardFrom => false;

    public bool EarlierHasStory { get; protected set; }

    /// <summary>Today as the consent date, and the person's details from the earlier referral when there are any.</summary>
    protected void Prefill((string Name, string? Email, string? Phone)? person)
    {
        ConsentGivenOn = UkTime.DateOf(time.GetUtcNow()).ToString("d/M/yyyy", CultureInfo.InvariantCulture);
        IdempotencyKey = NavigatorReferrals.NewKey();
        if (person is { } p)
        {
            (PersonName, PersonEmail, PersonPhone) = p;
            Contact = p.Email is not null ? nameof(ContactPreference.Email) : p.Phone is not null ? nameof(ContactPreference.Sms) : nameof(ContactPreference.None);
        }
    }

    /// <summary>Checks the form, adding each problem to the page's error summary; the request when there are none.</summary>
    protected NavigatorReferralRequest? Validate(Guid serviceId)
    {
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
            return null;
        }
        return new NavigatorReferralRequest
        {
            ServiceId = serviceId,
            PersonName = PersonName!,
            PersonEmail = PersonEmail,
            PersonPhone = PersonPhone,
            Contact = contact,
            ConsentMethod = method,
            ConsentGivenOn = givenOn,
            SharesContactDetails = SharesContactDetails,
            SharesStory = SharesStory,
            Story = Story,
            OnwardFromReferralId = OnwardFromReferral,
            CarryStory = CarryStory,
            IdempotencyKey = IdempotencyKey,
        };
    }

    /// <summary>The form shown again with the service's refusal; one already used with other details gets a fresh key.</summary>
    protected PageResult Refused(ReferralException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        this.AddError(nameof(PersonName), ex.Message);
        if (ex is ReusedReferralFormException)
        {
            IdempotencyKey = NavigatorReferrals.NewKey();
        }
        return Invalid();
    }

    protected PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
