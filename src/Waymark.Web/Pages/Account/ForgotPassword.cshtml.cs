using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.People;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Account;

/// <summary>A person asks for a link to choose a new password. The answer is the same whether or not the address has an account.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class ForgotPasswordModel(AccountWork work) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (PasswordReset.AddressError(Email) is { } error)
        {
            this.AddError("Email", error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // The lookup, link and email happen after the answer, so any well-formed address takes as long as another.
        await work.QueueAfterAsync(Response, new PasswordResetJob(Email!.Trim()), ct);
        return RedirectToPage("/Account/ForgotPasswordSent");
    }
}
