using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.People;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.My;

/// <summary>"Delete my account": confirm, then everything personal is erased and the person is signed out.</summary>
[Authorize]
public sealed class DeleteModel(AccountErasure erasure, SignInManager<WaymarkUser> signIn) : PageModel
{
    [BindProperty]
    public bool Confirm { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Confirm)
        {
            this.AddError(nameof(Confirm), "Tick the box to confirm you want to delete your account");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        await erasure.EraseAsync(User.UserId(), ct);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Deleted");
    }
}
