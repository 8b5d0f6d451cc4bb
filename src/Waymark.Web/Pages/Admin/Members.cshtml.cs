using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Web.Accounts;

using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Admin;

/// <summary>Admins add people to an organisation (as staff or admin) and remove them; each change is audited.</summary>
public sealed class MembersModel(WaymarkDbContext db, AccountAdministration accounts) : PageModel
{
    public sealed record Member(Guid MembershipId, string Email, string Role);

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    public string OrganisationName { get; private set; } = "";
    public IReadOnlyList<Member> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(Email))
        {
            this.AddError(nameof(Email), "Enter the email address of their Waymark account");
        }
        if (!MembershipRoles.All.Contains(Role ?? ""))
        {
            this.AddError(nameof(Role), "Choose what they can do");
        }
        if (ModelState.IsValid)
        {
            try
            {
                await accounts.AddMembershipAsync(Email!, id, Role!, User.Actor());
                TempData["Success"] = $"{Email!.Trim()} is added.";
                return RedirectToPage(new { id });
            }
            catch (AccountException e)
            {
                this.AddError(nameof(Email), e.Message);
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid membershipId)
    {
        if (!await accounts.RemoveMembershipAsync(membershipId, id, User.Actor()))
        {
            return NotFound();
        }
        TempData["Success"] = "They are removed from the organisation.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var name = await db.Organizations.Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync();
        if (name is null)
        {
            return false;
        }
        OrganisationName = name;
        Members = await db.OrganisationMemberships.Where(m => m.OrganizationId == id)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new Member(m.Id, u.Email!, m.Role))
            .ToListAsync();
        Members = Members.OrderBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToList();
        return true;
    }
}
