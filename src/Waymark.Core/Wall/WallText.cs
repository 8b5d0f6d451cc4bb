using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Wall;

/// <summary>
/// Encrypts what is written on the wall — notes, replies, display names waiting for a moderator, a moderator's private
/// reply, and the words the screener matched — with Data Protection (the same key ring in the database as
/// <see cref="People.PersonText"/>, under its own purpose), so a copy of the tables alone does not reveal what anyone
/// wrote there (ADR 0044). Every reader of those words goes through this class.
/// </summary>
public sealed class WallText(IDataProtectionProvider provider)
{
    /// <summary>
    /// How every Data Protection payload begins: its magic header (09 F0 C9 F0) in base64url. A stored value without it
    /// was written in plain text by a build before ADR 0044.
    /// </summary>
    public const string PayloadStart = "CfDJ8";

    private const int Batch = 200;

    private readonly IDataProtector _protector = provider.CreateProtector("Waymark.Wall.v1");

    /// <summary>Empty stays empty: a note its author took back under others' replies keeps no words, not even encrypted ones.</summary>
    public string Protect(string plain)
    {
        ArgumentNullException.ThrowIfNull(plain);
        return plain.Length == 0 ? "" : _protector.Protect(plain);
    }

    public string? ProtectReply(string? plain) => plain is null ? null : Protect(plain);

    public string Unprotect(string stored) => string.IsNullOrEmpty(stored) ? "" : _protector.Unprotect(stored);

    public string? UnprotectReply(string? stored) => stored is null ? null : Unprotect(stored);

    public IReadOnlyList<WallMatch> Matches(WallItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return WallMatches.Read(Unprotect(item.ProtectedMatches));
    }

    /// <summary>Everything the item's words are, in plain, for a page that may show them.</summary>
    public WallWords Read(WallItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new WallWords(Unprotect(item.ProtectedText), UnprotectReply(item.ProtectedPrivateReply));
    }

    /// <summary>
    /// Encrypts the words of items written before ADR 0044, a batch at a time, in order of id so it always ends. Each
    /// value is rewritten only if it still holds the plain text that was read, so a decision made meanwhile on another
    /// node is never undone, and running it again changes nothing. Returns how many items changed.
    /// </summary>
    public async Task<int> ProtectStoredAsync(WaymarkDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var changed = 0;
        Guid? after = null;
        while (true)
        {
            // Compared, not matched with LIKE: SQLite's LIKE ignores case, and a plain note could begin "cfdj8".
            var query = db.WallItems.AsNoTracking().Where(i =>
                (i.ProtectedText != "" && i.ProtectedText.Substring(0, PayloadStart.Length) != PayloadStart)
                || (i.ProtectedMatches != "" && i.ProtectedMatches.Substring(0, PayloadStart.Length) != PayloadStart)
                || (i.ProtectedPrivateReply != null && i.ProtectedPrivateReply != "" && i.ProtectedPrivateReply.Substring(0, PayloadStart.Length) != PayloadStart));
            if (after is { } last)
            {
                query = query.Where(i => i.Id.CompareTo(last) > 0);
            }
            var plain = await query.OrderBy(i => i.Id).Take(Batch)
                .Select(i => new { i.Id, i.ProtectedText, i.ProtectedMatches, i.ProtectedPrivateReply }).ToListAsync(ct);
            if (plain.Count == 0)
            {
                return changed;
            }
            foreach (var row in plain)
            {
                var rows = 0;
                if (IsPlain(row.ProtectedText))
                {
                    var protectedText = Protect(row.ProtectedText);
                    rows += await db.WallItems.Where(i => i.Id == row.Id && i.ProtectedText == row.ProtectedText)
                        .ExecuteUpdateAsync(s => s.SetProperty(i => i.ProtectedText, protectedText), ct);
                }
                if (IsPlain(row.ProtectedMatches))
                {
                    var protectedMatches = Protect(row.ProtectedMatches);
                    rows += await db.WallItems.Where(i => i.Id == row.Id && i.ProtectedMatches == row.ProtectedMatches)
                        .ExecuteUpdateAsync(s => s.SetProperty(i => i.ProtectedMatches, protectedMatches), ct);
                }
                if (IsPlain(row.ProtectedPrivateReply))
                {
                    var protectedReply = Protect(row.ProtectedPrivateReply!);
                    rows += await db.WallItems.Where(i => i.Id == row.Id && i.ProtectedPrivateReply == row.ProtectedPrivateReply)
                        .ExecuteUpdateAsync(s => s.SetProperty(i => i.ProtectedPrivateReply, protectedReply), ct);
                }
                changed += rows > 0 ? 1 : 0;
            }
            after = plain[^1].Id;
        }
    }

    private static bool IsPlain(string? stored) => !string.IsNullOrEmpty(stored) && !stored.StartsWith(PayloadStart, StringComparison.Ordinal);
}

/// <summary>An item's words in plain: what was written (or what a moderator left of it) and the moderator's private reply.</summary>
public sealed record WallWords(string Text, string? PrivateReply);
