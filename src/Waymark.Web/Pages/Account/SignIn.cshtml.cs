using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            this.AddError("Input.Email", "Enter your email address");
        }
        if (string.IsNullOrEmpty(Input.Password))
        {
            this.AddError("Input.Password", "Enter your password");
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        switch (await guarded.PasswordAsync(Input.Email!, Input.Password!, ct))
        {
            case PasswordSignIn.CodeNext:
                return RedirectToPage("/Account/SignInCode", new { ReturnUrl });
            case PasswordSignIn.AddressNotConfirmed:
                this.AddError("Input.Email", "Confirm your email address first: open the link in the email we sent you.");
                return Invalid();
            case PasswordSignIn.SignedInWithoutAuthenticator:
                return RedirectToPage("/Account/Authenticator", new { ReturnUrl });
            case PasswordSignIn.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/account");
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
}
