using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Web.Accounts;

using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Account;

/// <summary>The second step of a staff sign-in: an authenticator code, or one of the recovery codes (each works once).</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInCodeModel(SignInManager<WaymarkUser> signIn, WaymarkDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (code.Length == 0)
        {
            this.AddError("Code", "Enter the code from your authenticator app, or a recovery code");
            return Invalid();
        }

        var isAppCode = code.Length == 6 && code.All(char.IsAsciiDigit);
        var result = isAppCode
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        var actor = new Actor(user.Id, user.Email!);
        db.Audit(time, actor, result.Succeeded ? (isAppCode ? AuditActions.SignInSecondFactor : AuditActions.SignInRecoveryCode)
            : result.IsLockedOut ? AuditActions.SignInLockedOut : AuditActions.SignInSecondFactorFailed, "user", user.Id.ToString());
        await db.SaveChangesAsync();

        if (result.Succeeded)
        {
            return LocalRedirect(Landing.After(ReturnUrl, await signIn.UserManager.GetRolesAsync(user)));
        }
        this.AddError("Code", result.IsLockedOut
            ? "This account is locked for 15 minutes after too many wrong codes. Try again later."
            : "That code did not work. Check your app shows Waymark and enter the newest code, or use a recovery code.");
        return Invalid();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
