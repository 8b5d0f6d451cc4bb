using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account;

/// <summary>Ends the session on the server (so a copy of the cookie opens nothing) and forgets the cookie.</summary>
public sealed class SignOutModel(SignInManager<WaymarkUser> signIn, AccountSessions sessions) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (SessionCookie.Current(HttpContext) is { } session)
        {
            await sessions.EndAsync(session, User.Actor(), SessionEndReasons.SignedOut);
        }
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
