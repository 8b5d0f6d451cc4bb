using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.People;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account;

/// <summary>
/// The emailed link opens this page, and the person presses a button to confirm: a mail scanner that
/// follows links (GET) does not confirm anything.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ConfirmEmailModel(PersonRegistration registration) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Where the person was going before they signed up; carried on to sign-in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await registration.ConfirmAsync(UserId, Token))
        {
            var signIn = "/account/sign-in?EmailConfirmed=true";
            return LocalRedirect(Core.Accounts.ReturnUrl.Local(ReturnUrl) is { } back
                ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(signIn, "returnUrl", back)
                : signIn);
        }
        Failed = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
