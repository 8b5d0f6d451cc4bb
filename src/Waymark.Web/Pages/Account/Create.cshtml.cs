using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Waymark.Core.People;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Account;

/// <summary>A person makes their own account. The answer is "check your email" whether or not the address already has one.</summary>
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class CreateModel(PersonRegistration registration, AccountWork work) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Where the person was going (say, the referral they were making): kept through the emailed link and sign-in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Core.Accounts.ReturnUrl.Local(ReturnUrl) ?? "/my/plan") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await registration.CheckAsync(Email, Password);
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
        // Whether the address is new or known is worked on after the answer, so the answer takes as long either way.
        // Links in emails use WAYMARK_PUBLIC_URL, never the Host header a request happened to carry.
        var request = result.Request! with { ReturnUrl = Core.Accounts.ReturnUrl.Local(ReturnUrl) };
        await work.QueueAfterAsync(Response, new SignUpJob(request), ct);
        return RedirectToPage("/Account/CheckEmail");
    }
}
