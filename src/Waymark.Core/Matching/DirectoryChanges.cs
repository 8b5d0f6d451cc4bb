using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Matching;

/// <summary>
/// How a change to the listings reaches every search index, in this process and in others.
/// On PostgreSQL a writer sends <c>NOTIFY</c> inside its transaction, so every web node hears it exactly
/// when the change commits. SQLite has one web node; its own writers call <see cref="DirectoryIndex.DirectoryChanged"/>
/// directly, and changes made by another process (the CLI) are spotted by a cheap fingerprint of the service table.
/// </summary>
public static class DirectoryChanges
{
    public const string Channel = "waymark_directory";

    /// <summary>Announces a change to other processes; call inside the writing transaction, before commit.</summary>
    public static async Task AnnounceAsync(WaymarkDbContext db, CancellationToken ct = default)
    {
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync($"NOTIFY {Channel}", ct);
        }
    }

    /// <summary>A value that changes whenever a service is added, removed or modified.</summary>
    public static async Task<(int Count, DateTimeOffset? LastModified)> FingerprintAsync(WaymarkDbContext db, CancellationToken ct = default)
    {
        var count = await db.Services.CountAsync(ct);
        var last = count == 0 ? null : await db.Services.MaxAsync(s => (DateTimeOffset?)s.LastModified, ct);
        return (count, last);
    }
}
