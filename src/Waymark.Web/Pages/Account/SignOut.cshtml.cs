using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Account;

public sealed class SignOutModel(SignInManager<WaymarkUser> signIn, WaymarkDbContext db, TimeProvider time) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            db.Audit(time, User.Actor(), AuditActions.SignOut, "user", User.UserId().ToString());
            await db.SaveChangesAsync();
        }
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
