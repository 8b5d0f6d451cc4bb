using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.People;

namespace Waymark.Core.Wall;

/// <summary>
/// A signed-in reader's choices, kept with their account so they follow them to another device (ADR 0022). Muted
/// words say what hurts, so they are encrypted like notes and stories. Erasing the account erases them with the member row.
/// </summary>
public sealed class SavedReaderChoices(WaymarkDbContext db, PersonText text, TimeProvider time)
{
    /// <summary>The saved choices, or null when the reader has saved none.</summary>
    public async Task<ReaderChoices?> ForAsync(Guid userId, CancellationToken ct = default)
    {
        var saved = await db.WallMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { m.ContentWarnings, m.ProtectedMutedWords, m.BreakUntil }).SingleOrDefaultAsync(ct);
        if (saved is null || (saved.ContentWarnings is null && saved.ProtectedMutedWords is null && saved.BreakUntil is null))
        {
            return null;
        }
        return ReaderChoices.Parse(saved.ContentWarnings, text.Unprotect(saved.ProtectedMutedWords),
            saved.BreakUntil?.ToString("O", CultureInfo.InvariantCulture));
    }

    public async Task SaveAsync(Guid userId, ReaderChoices choices, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var member = await db.WallMembers.SingleOrDefaultAsync(m => m.UserId == userId, ct);
        if (member is null)
        {
            member = new WallMember { UserId = userId, CreatedAt = time.GetUtcNow() };
            db.WallMembers.Add(member);
        }
        member.ContentWarnings = choices.ExpandWarnings ? "expand" : "collapse";
        member.ProtectedMutedWords = text.Protect(string.Join(",", choices.Muted));
        member.BreakUntil = choices.BreakUntil;
        await db.SaveChangesAsync(ct);
    }
}
