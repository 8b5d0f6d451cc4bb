using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.Notifications;
using Waymark.Core.People;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Account;

/// <summary>A person makes their own account. The answer is "check your email" whether or not the address already has one.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class CreateModel(PersonRegistration registration, NotificationSettings links) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/my/plan") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Links in emails use WAYMARK_PUBLIC_URL, never the Host header a request happened to carry.
        var result = await registration.RegisterAsync(Email, Password, links.PublicUrl, ct);
        if (!result.Accepted)
        {
            foreach (var (field, message) in result.Errors)
            {
                this.AddError(field, message);
            }
            Password = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        return RedirectToPage("/Account/CheckEmail");
    }
}
