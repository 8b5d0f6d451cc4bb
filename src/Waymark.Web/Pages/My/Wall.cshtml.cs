using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Wall;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.My;

/// <summary>Everything the person wrote on the wall: where each is, why one was not published, moderators' replies, and "You're not alone" counts only they see.</summary>
[Authorize]
public sealed class WallModel(WallService wall) : PageModel
{
    public IReadOnlyList<MyWallItem> Items { get; private set; } = [];
    public string? DisplayName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await wall.MineAsync(User.UserId(), ct);
        DisplayName = (await wall.DisplayNameAsync(User.UserId(), ct)).Approved;
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid itemId, CancellationToken ct)
    {
        try
        {
            if (!await wall.DeleteAsync(User.Actor(), itemId, ct))
            {
                return NotFound();
            }
            TempData["Success"] = "Deleted. It is no longer on the wall.";
        }
        catch (WallInputException ex)
        {
            TempData["Success"] = ex.Message;
        }
        return RedirectToPage();
    }

    /// <summary>Makes a waiting note urgent, then shows what happens next (crisis help at once, when a person will reply).</summary>
    public async Task<IActionResult> OnPostAskForPersonAsync(Guid itemId, CancellationToken ct)
    {
        // Asked twice, or just decided by a moderator: the note's page says where it is now.
        await wall.AskForPersonAsync(User.Actor(), itemId, ct);
        return Redirect($"/wall/sent/{itemId}");
    }

    public async Task<IActionResult> OnPostAskAgainAsync(Guid itemId, CancellationToken ct)
    {
        if (!await wall.AskAgainAsync(User.Actor(), itemId, ct))
        {
            return NotFound();
        }
        TempData["Success"] = "A moderator will look at it again.";
        return RedirectToPage();
    }
}
