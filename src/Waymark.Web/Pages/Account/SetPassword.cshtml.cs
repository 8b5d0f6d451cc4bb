using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Web.Accounts;

using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Account;

/// <summary>A new account's owner chooses their own password from the one-time link `waymark users add` printed.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SetPasswordModel(AccountAdministration accounts, UserManager<WaymarkUser> users, AccountSessions sessions, SignInAttempts attempts, WaymarkDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Usable { get; private set; }
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var token = await accounts.FindUsableTokenAsync(Token);
        Usable = token is not null;
        if (token is not null)
        {
            Email = (await users.FindByIdAsync(token.UserId.ToString()))?.Email;
        }
        else
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = await accounts.FindUsableTokenAsync(Token);
        var user = token is null ? null : await users.FindByIdAsync(token.UserId.ToString());
        if (token is null || user is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Usable = true;
        Email = user.Email;
        if (string.IsNullOrEmpty(Password))
        {
            this.AddError("Password", "Enter a password");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (Password.Length > PasswordPolicy.MaximumLength)
        {
            this.AddError("Password", $"Your password must be {PasswordPolicy.MaximumLength} characters or fewer");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var result = await users.HasPasswordAsync(user)
            ? await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Password)
            : await users.AddPasswordAsync(user, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                this.AddError("Password", error.Code == nameof(IdentityErrorDescriber.PasswordTooShort)
                    ? $"Your password must be at least {PasswordPolicy.MinimumLength} characters long"
                    : error.Description);
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        token.UsedAt = time.GetUtcNow();
        var actor = new Actor(user.Id, user.Email!);
        db.Audit(time, actor, AuditActions.PasswordSet, "user", user.Id.ToString());
        await db.SaveChangesAsync();
        // A fresh link from an administrator is how a staff password is replaced: whoever had the old one is signed out.
        await sessions.EndOthersAsync(actor, keep: null, SessionEndReasons.PasswordSet);
        // The link is how staff get back in after too many wrong tries: it ends every lock on the account.
        await attempts.OwnerProvedAsync(user.Email!, HttpContext.Connection.RemoteIpAddress);
        return RedirectToPage("/Account/SignIn", new { PasswordSet = true });
    }
}
