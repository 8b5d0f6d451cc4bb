using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Wall;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Wall;

/// <summary>What happens next to what the person just wrote: held, on the wall, not published (and why), or urgent (crisis help at once).</summary>
[Authorize(Roles = Roles.Person)]
public sealed class SentModel(WaymarkDbContext db, WallService wall, TimeProvider time) : PageModel
{
    public WallItem Item { get; private set; } = null!;
    public string Message { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var userId = User.UserId();
        var item = await db.WallItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.AuthorId == userId, ct);
        if (item is null)
        {
            return NotFound();
        }
        Item = item;
        var now = time.GetUtcNow();
        Message = item switch
        {
            { IsUrgent: true, Status: WallItemStatus.Pending or WallItemStatus.Escalated } => wall.UrgentWords(now),
            { Status: WallItemStatus.Rejected } => item.Reason ?? "",
            { Status: WallItemStatus.Approved } => "Thank you. It is on the wall.",
            _ => wall.HeldWords(now),
        };
        return Page();
    }
}
