using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.Notifications;
using Waymark.Core.People;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Account;

/// <summary>A person asks for a link to choose a new password. The answer is the same whether or not the address has an account.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(PasswordReset reset, NotificationSettings links) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await reset.RequestAsync(Email, links.PublicUrl, ct) is { } error)
        {
            this.AddError("Email", error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return RedirectToPage("/Account/ForgotPasswordSent");
    }
}
