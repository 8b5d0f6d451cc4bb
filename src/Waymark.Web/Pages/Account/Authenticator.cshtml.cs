using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Web.Accounts;

using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Account;

/// <summary>
/// Every staff account sets up a TOTP authenticator before it reaches a staff page. The key is shown as a
/// QR code drawn on the server, as text and as an otpauth:// link; ten recovery codes are shown once.
/// </summary>
[Authorize]
public sealed class AuthenticatorModel(UserManager<WaymarkUser> users, SignInManager<WaymarkUser> signIn, WaymarkDbContext db, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string FormattedKey { get; private set; } = "";
    public string OtpAuthUri { get; private set; } = "";
    public bool AlreadySetUp { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string ContinueUrl => Landing.After(ReturnUrl, Roles.All.Where(User.IsInRole));

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            AlreadySetUp = true;
            return Page();
        }
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled)
        {
            // Setting up again would need the old factor first; that is not offered here.
            AlreadySetUp = true;
            return Page();
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            this.AddError("Code", "Enter the 6-digit code from your authenticator app");
        }
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            this.AddError("Code", "That code did not work. Check the key was entered correctly and enter the newest code");
        }
        if (!ModelState.IsValid)
        {
            await LoadKeyAsync(user);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        db.Audit(time, new Actor(user.Id, user.Email!), AuditActions.AuthenticatorSetUp, "user", user.Id.ToString());
        await db.SaveChangesAsync();
        // The code just checked is the second factor for this sign-in.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return Page();
    }

    private async Task LoadKeyAsync(WaymarkUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key means a new security stamp; keep this sign-in valid for the code that follows.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }
        FormattedKey = grouped.ToString().TrimEnd().ToLowerInvariant();
        OtpAuthUri = $"otpauth://totp/Waymark:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer=Waymark&digits=6";
    }
}
