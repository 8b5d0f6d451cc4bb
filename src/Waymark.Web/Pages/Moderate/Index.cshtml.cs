using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.PeerSupport;
using Waymark.Core.Wall;
using Waymark.Web.Accounts;

namespace Waymark.Web.Pages.Moderate;

/// <summary>The moderation queue: urgent first with its target, then reported, then oldest; and a prompt to take a break.</summary>
public sealed class IndexModel(WallModeration moderation, AssignmentGate gate, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    public QueueView Showing { get; private set; }
    public IReadOnlyList<QueueEntry> Entries { get; private set; } = [];
    public ModeratorStretch Stretch { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    /// <summary>For a peer supporter the gate stops (issue 15): why they are handed nothing, or no urgent items.</summary>
    public IReadOnlyList<AssignmentBlock> Refused { get; private set; } = [];
    public IReadOnlyList<AssignmentBlock> UrgentRefused { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Showing = View switch
        {
            null or "" or "waiting" => QueueView.Waiting,
            "approved" => QueueView.Approved,
            "rejected" => QueueView.Rejected,
            "escalated" => QueueView.Escalated,
            _ => (QueueView)(-1),
        };
        if (!Enum.IsDefined(Showing))
        {
            return NotFound();
        }
        Now = time.GetUtcNow();
        Refused = await gate.ModerationBlocksAsync(User.UserId(), urgent: false, ct);
        UrgentRefused = Refused.Count > 0 ? [] : await gate.ModerationBlocksAsync(User.UserId(), urgent: true, ct);
        Entries = Refused.Count > 0 ? [] : await moderation.QueueAsync(Showing, ct);
        if (UrgentRefused.Count > 0)
        {
            Entries = [.. Entries.Where(e => !e.Item.IsUrgent)];
        }
        Stretch = await moderation.StretchAsync(User.Actor(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostBreakAsync(CancellationToken ct)
    {
        await moderation.TakeBreakAsync(User.Actor(), ct);
        TempData["Success"] = "Thank you for taking a break. Your count starts again.";
        return RedirectToPage();
    }
}
