using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.Notifications;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(GuardedSignIn guarded) : PageModel
{
    /// <summary>
    /// The one answer to a wrong address, a wrong password and too many tries, so none can be told from another. It
    /// says what to do if the reason is too many tries.
    /// </summary>
    public const string WrongDetails = "Enter the email address and password for your account. They did not match. "
        + "After 5 wrong tries, wait 15 minutes before you try again, or use \u2018Forgotten your password?\u2019.";

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool PasswordSet { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool EmailConfirmed { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool PasswordChanged { get; set; }

    /// <summary>Sign-up keeps the way back, so a person who had no account still lands where they were going.</summary>
    public string CreateUrl => Core.Accounts.ReturnUrl.Local(ReturnUrl) is { } back
        ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/account/create", "returnUrl", back)
        : "/account/create";

    /// <summary>Sent here from the wall: the person came to write a note, so the page says what an account means there.</summary>
    public bool ToWriteOnTheWall => Core.Accounts.ReturnUrl.Local(ReturnUrl) is { } back
        && (back == "/wall" || back.StartsWith("/wall/", StringComparison.Ordinal) || back.StartsWith("/wall?", StringComparison.Ordinal));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            this.AddError("Input.Email", "Enter your email address");
        }
        else if (!EmailAddress.IsValid(Input.Email.Trim()))
        {
            this.AddError("Input.Email", $"Enter your email address in the right format, {EmailAddress.FormatHint}");
        }
        if (string.IsNullOrEmpty(Input.Password))
        {
            this.AddError("Input.Password", "Enter your password");
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        switch (await guarded.PasswordAsync(Input.Email!, Input.Password!, Input.KeepSignedIn, ct))
        {
            case PasswordSignIn.CodeNext:
                return RedirectToPage("/Account/SignInCode", new { ReturnUrl });
            case PasswordSignIn.AddressNotConfirmed:
                this.AddError("Input.Email", "Confirm your email address first: open the link in the email we sent you.");
                return Invalid();
            case PasswordSignIn.SignedInWithoutAuthenticator:
                return RedirectToPage("/Account/Authenticator", new { ReturnUrl });
            case PasswordSignIn.SignedIn:
                // Only people get here: staff go on to their authenticator.
                return LocalRedirect(Landing.After(ReturnUrl, []));
            default:
                this.AddError("Input.Email", WrongDetails);
                return Invalid();
        }
    }

    private PageResult Invalid()
    {
        Input.Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

public sealed class SignInInput
{
    public string? Email { get; set; }
    public string? Password { get; set; }

    /// <summary>Off unless ticked; for people only (staff sessions never outlive the browser). See AccountSessions.</summary>
    public bool KeepSignedIn { get; set; }
}
