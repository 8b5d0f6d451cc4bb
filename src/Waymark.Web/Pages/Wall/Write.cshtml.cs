using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.Wall;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Wall;

/// <summary>Write a note or a reply (a person's account, and a display name chosen once). Nothing is public until a moderator has read it.</summary>
[Authorize(Roles = Roles.Person)]
public sealed class WriteModel(WallService wall) : PageModel
{
    [BindProperty]
    public string? Topic { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public Guid? ThreadId { get; set; }

    public bool NeedsDisplayName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        NeedsDisplayName = !await wall.HasDisplayNameAsync(User.UserId(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        NeedsDisplayName = !await wall.HasDisplayNameAsync(User.UserId(), ct);
        var actor = User.Actor();
        try
        {
            if (NeedsDisplayName)
            {
                await wall.ChooseDisplayNameAsync(actor, User.Identity?.Name, DisplayName, ct);
            }
            var sent = await wall.WriteAsync(actor, Topic, ThreadId, Text, ct);
            return Redirect($"/wall/sent/{sent.Item.Id}");
        }
        catch (WallInputException ex)
        {
            this.AddError(ex.Field, ex.Message);
            NeedsDisplayName = !await wall.HasDisplayNameAsync(User.UserId(), ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
