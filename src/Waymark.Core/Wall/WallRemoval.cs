using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Wall;

/// <summary>
/// Takes back what one person wrote on the wall and leaves other people's words where they wrote them (ADR 0019,
/// 0022): the one way both "delete this note" and "delete my account" remove notes, so the two cannot drift apart.
/// </summary>
public static class WallRemoval
{
    /// <summary>
    /// Removes <paramref name="itemIds"/>, all written by <paramref name="authorId"/>, and the author's own replies under
    /// them. A note that still has someone else's reply becomes an empty marker: no words, no screener matches, no
    /// moderator's words to its author, no author, and nothing readers attached to it. Run inside a transaction.
    /// </summary>
    public static async Task RemoveAsync(WaymarkDbContext db, Guid authorId, IReadOnlyCollection<Guid> itemIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(itemIds);
        await db.WallItems.Where(i => i.AuthorId == authorId && i.ThreadId != null && itemIds.Contains(i.ThreadId.Value)).ExecuteDeleteAsync(ct);
        var markers = await db.WallItems
            .Where(i => itemIds.Contains(i.Id) && i.Kind == WallItemKind.Post && db.WallItems.Any(r => r.ThreadId == i.Id))
            .Select(i => i.Id).ToListAsync(ct);
        await db.WallReactions.Where(r => markers.Contains(r.ItemId)).ExecuteDeleteAsync(ct);
        await db.WallFlags.Where(f => markers.Contains(f.ItemId)).ExecuteDeleteAsync(ct);
        await db.WallItems.Where(i => markers.Contains(i.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, WallItemStatus.Deleted)
            .SetProperty(i => i.AuthorId, (Guid?)null)
            .SetProperty(i => i.ProtectedText, "")
            .SetProperty(i => i.ProtectedMatches, "")
            .SetProperty(i => i.ContentWarning, (string?)null)
            .SetProperty(i => i.Reason, (string?)null)
            .SetProperty(i => i.ProtectedPrivateReply, (string?)null)
            .SetProperty(i => i.RepliedAt, (DateTimeOffset?)null)
            .SetProperty(i => i.EditedOut, (string?)null)
            .SetProperty(i => i.Hidden, false)
            .SetProperty(i => i.ReviewRequested, false)
            .SetProperty(i => i.Version, i => i.Version + 1), ct);
        await db.WallItems.Where(i => itemIds.Contains(i.Id) && i.AuthorId == authorId).ExecuteDeleteAsync(ct);
    }
}
