using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.People;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Account;

/// <summary>
/// The emailed link opens this page; the person enters the password they chose and presses a button. A mail
/// scanner that follows links (GET) confirms nothing, and nor does the link alone: someone else may have signed up
/// with this address and caused the email, and only the password chosen with this link confirms it.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ConfirmEmailModel(PersonRegistration registration, WaymarkSignInManager signIn, WaymarkDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>Where the person was going before they signed up; carried on to sign-in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Failed { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await registration.ConfirmAsync(UserId, Token, Password, ct);
        switch (outcome)
        {
            case ConfirmationOutcome.AlreadyConfirmed:
                return LocalRedirect(SignInPage);
            case ConfirmationOutcome.Confirmed:
                return await SignInAsync();
            case ConfirmationOutcome.PasswordMissing:
                this.AddError(nameof(Password), "Enter the password you chose when you made your account");
                break;
            case ConfirmationOutcome.WrongPassword:
                this.AddError(nameof(Password), "That is not the password chosen for this account. If you did not make it, or cannot remember the password, make your account again and use the link in the new email");
                break;
            default:
                Failed = true;
                break;
        }
        Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    // Sign-in keeps where the person was going, so they still land back there.
    private string SignInPage => Core.Accounts.ReturnUrl.Local(ReturnUrl) is { } back
        ? Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/account/sign-in?EmailConfirmed=true", "returnUrl", back)
        : "/account/sign-in?EmailConfirmed=true";

    /// <summary>They have just shown the link and the password: sign them in as the sign-in page would.</summary>
    private async Task<IActionResult> SignInAsync()
    {
        var user = await signIn.UserManager.FindByIdAsync(UserId.ToString());
        // The link and the password were both checked by the confirmation itself (which needs the link's token, so
        // it cannot be used to guess passwords); Identity's own password sign-in is never called (docs/adr/0011).
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.SignInWithCheckedPasswordAsync(user, isPersistent: false);
        if (!result.Succeeded)
        {
            return LocalRedirect(SignInPage);
        }
        db.Audit(time, new Actor(user!.Id, user.Email!), AuditActions.SignIn, "user", user.Id.ToString(), "on confirming the email address");
        await db.SaveChangesAsync();
        TempData["Success"] = "Thank you, your email address is confirmed. You are signed in.";
        return LocalRedirect(Core.Accounts.ReturnUrl.Local(ReturnUrl) ?? "/account");
    }
}
