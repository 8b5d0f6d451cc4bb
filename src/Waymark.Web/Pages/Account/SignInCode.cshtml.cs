using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;

using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Account;

/// <summary>The second step of a staff sign-in: an authenticator code, or one of the recovery codes (each works once).</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInCodeModel(SignInManager<WaymarkUser> signIn, GuardedSignIn guarded) : PageModel
{
    /// <summary>The answer to a wrong code and to too many tries alike.</summary>
    public const string WrongCode = "That code did not work. Check your app shows Waymark and enter the newest code, or use a recovery code. "
        + "After 5 wrong tries, wait 15 minutes before you try again.";

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
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

        if (await guarded.SecondFactorAsync(user, code, ct))
        {
            return LocalRedirect(Landing.After(ReturnUrl, await signIn.UserManager.GetRolesAsync(user)));
        }
        this.AddError("Code", WrongCode);
        return Invalid();
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
