using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account;

/// <summary>"Sign out of all other devices": ends every other session of the account; this one carries on.</summary>
[Authorize]
public sealed class SignOutOthersModel(AccountSessions sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Account/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var ended = await sessions.EndOthersAsync(User.Actor(), SessionCookie.Current(HttpContext), SessionEndReasons.SignedOutElsewhere, ct);
        TempData["Success"] = ended == 0
            ? "You were not signed in anywhere else."
            : "You have been signed out of Waymark on all your other devices.";
        return RedirectToPage("/Account/Index");
    }
}
