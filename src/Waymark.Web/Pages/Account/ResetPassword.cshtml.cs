using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.People;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Account;

/// <summary>
/// The emailed link opens this form; only posting it spends the link, so a mail scanner that follows the
/// link changes nothing. Success signs nobody in: the person signs in with the new password.
/// </summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ResetPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Failed { get; private set; }

    public async Task OnGetAsync()
    {
        if (!await reset.LinkWorksAsync(UserId, Token))
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await reset.ResetAsync(UserId, Token, Password, HttpContext.Connection.RemoteIpAddress, ct);
        Password = null;
        if (result.Succeeded)
        {
            return Redirect("/account/sign-in?PasswordChanged=true");
        }
        Failed = !result.LinkWorked;
        foreach (var error in result.PasswordErrors)
        {
            this.AddError("Password", error);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
