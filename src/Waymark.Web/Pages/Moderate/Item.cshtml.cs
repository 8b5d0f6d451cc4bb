using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Waymark.Core.Accounts;
using Waymark.Core.PeerSupport;
using Waymark.Core.Wall;
using Waymark.Web.Accounts;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Moderate;

/// <summary>One item: what the screener matched and why, its history, and the moderator's decision (checked against the version they saw).</summary>
public sealed class ItemModel(WallModeration moderation, AssignmentGate gate, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Warning { get; set; }

    [BindProperty]
    public string? EditedText { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public List<string> EditedOut { get; set; } = [];

    public QueueEntry Entry { get; private set; } = null!;

    /// <summary>The item's words, set only on a page that shows them (<see cref="WallModeration.ReadWordsAsync"/>).</summary>
    public WallWords Words { get; private set; } = null!;
    public IReadOnlyList<AuditEvent> History { get; private set; } = [];

    /// <summary>Set when another moderator acted first: the item as it is now, and what they did to it.</summary>
    public WallItem? Conflict { get; private set; }
    public string? ConflictWords { get; private set; }

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// A match's reason as a sentence: as stored, with a full stop added only when it has none. Reasons end with one
    /// (the screener's tests see to it), but an item keeps the reason it was screened with, from whatever lists were then.
    /// </summary>
    public static string Sentence(string reason)
    {
        var text = reason.TrimEnd();
        return text.Length == 0 || text[^1] is '.' or '!' or '?' ? text : text + ".";
    }

    /// <summary>Set when the one gate stops this moderator, a peer supporter, being handed this item (issue 15).</summary>
    public IReadOnlyList<AssignmentBlock> Refused { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (await RefusedAsync(ct))
        {
            return SetForbidden();
        }
        Words = await moderation.ReadWordsAsync(Entry.Item, User.Actor(), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await moderation.ItemAsync(id, ct) is { } current)
        {
            Entry = current;
            if (await RefusedAsync(ct))
            {
                return SetForbidden();
            }
        }
        if (!Enum.TryParse<WallAction>(Action, ignoreCase: true, out var action) || !Enum.IsDefined(action))
        {
            this.AddError("Action", "Choose what to do");
            return await InvalidAsync(id, StatusCodes.Status400BadRequest, ct);
        }
        try
        {
            var decided = await moderation.DecideAsync(id, new WallDecision(action, Version, Reason, Warning, EditedText, Reply, EditedOut), User.Actor(), ct);
            if (decided is null)
            {
                return NotFound();
            }
        }
        catch (WallDecisionException ex)
        {
            this.AddError(ex.Field, ex.Message);
            return await InvalidAsync(id, StatusCodes.Status400BadRequest, ct);
        }
        catch (WallConflictException ex)
        {
            Conflict = ex.Current;
            ConflictWords = await moderation.WhatHappenedAsync(ex.Current, ct);
            // The page now shows the item as it is: a decision from it is made knowing what the other moderator did.
            Action = null;
            return await InvalidAsync(id, StatusCodes.Status409Conflict, ct);
        }
        TempData["Success"] = "Done.";
        return Redirect("/moderate");
    }

    private async Task<bool> RefusedAsync(CancellationToken ct)
    {
        Refused = await gate.ModerationBlocksAsync(User.UserId(), Entry.Item.IsUrgent, ct);
        return Refused.Count > 0;
    }

    private PageResult SetForbidden()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }

    private async Task<IActionResult> InvalidAsync(Guid id, int status, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Words = await moderation.ReadWordsAsync(Entry.Item, User.Actor(), ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var entry = await moderation.ItemAsync(id, ct);
        if (entry is null)
        {
            return false;
        }
        Entry = entry;
        History = await moderation.HistoryAsync(id, ct);
        Version = entry.Item.Version;
        return true;
    }
}
