using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Web.Accounts;

using Waymark.Web.Infrastructure;
using Waymark.Core.Notifications;

namespace Waymark.Web.Pages.Account;

[EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<WaymarkUser> signIn, UserManager<WaymarkUser> users, IPasswordHasher<WaymarkUser> hasher, WaymarkDbContext db, TimeProvider time) : PageModel
{
    // A hash no password matches, made once with the same hasher and settings as real ones.
    private static string? s_noAccountHash;

    public const string WrongDetails = "Enter the email address and password for your account. They did not match.";

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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
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

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is null && Input.Password!.Length <= PasswordPolicy.MaximumLength)
        {
            // Check the password anyway, so an address with no account costs the time a wrong password costs.
            var nobody = new WaymarkUser();
            s_noAccountHash ??= hasher.HashPassword(nobody, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            hasher.VerifyHashedPassword(nobody, s_noAccountHash, Input.Password);
        }
        var result = user is null || Input.Password!.Length > PasswordPolicy.MaximumLength
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: Input.KeepSignedIn, lockoutOnFailure: true);
        if (result.IsNotAllowed && !await users.CheckPasswordAsync(user!, Input.Password!))
        {
            // Identity says "not allowed" (address not confirmed) before it checks the password; a wrong one
            // must hear what it hears for any other address, or the answer says the account exists.
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        var staff = roles.Any(Roles.IsStaff);
        // Staff and people alike: who, when and the outcome; never what was typed.
        if (user is not null)
        {
            var action = result.Succeeded || result.RequiresTwoFactor ? AuditActions.SignIn
                : result.IsLockedOut ? AuditActions.SignInLockedOut
                : AuditActions.SignInFailed;
            var detail = result.RequiresTwoFactor ? "password accepted; authenticator code next"
                : result.IsNotAllowed ? "password accepted; email address not confirmed"
                : null;
            db.Audit(time, new Actor(user.Id, user.Email!), action, "user", user.Id.ToString(), detail);
            await db.SaveChangesAsync();
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Account/SignInCode", new { ReturnUrl });
        }
        if (result.IsLockedOut)
        {
            this.AddError("Input.Email", "This account is locked for 15 minutes after too many wrong passwords. Try again later.");
            return Invalid();
        }
        if (result.IsNotAllowed)
        {
            // Only said after the right password, so it reveals nothing about other people's addresses.
            this.AddError("Input.Email", "Confirm your email address first: open the link in the email we sent you.");
            return Invalid();
        }
        if (!result.Succeeded)
        {
            this.AddError("Input.Email", WrongDetails);
            return Invalid();
        }
        if (staff)
        {
            // Staff have no authenticator yet (otherwise the sign-in would have asked for a code).
            return RedirectToPage("/Account/Authenticator", new { ReturnUrl });
        }
        return LocalRedirect(Landing.After(ReturnUrl, roles));
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
