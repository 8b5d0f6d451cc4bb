using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Matching;

/// <summary>
/// A change to the listings, as search needs to hear of it: which services changed (so a node patches its snapshot
/// with just those), or <c>null</c> for "too many to name, rebuild". <see cref="Origin"/> is the
/// <see cref="DirectoryIndex.Origin"/> of the node that made it, which has already applied it and ignores the echo.
/// </summary>
public sealed record DirectoryChange(Guid Origin, IReadOnlyCollection<Guid>? ServiceIds)
{
    /// <summary>More changed services than this are announced as "everything": a full rebuild is then about as quick as a patch.</summary>
    public const int MostNamed = 5000;

    public static DirectoryChange Of(Guid origin, IReadOnlyCollection<Guid>? serviceIds) =>
        new(origin, serviceIds is { Count: <= MostNamed } ? serviceIds : null);
}

/// <summary>A row of the change log: how SQLite's other processes (and PostgreSQL's notifications too large for a payload) carry a <see cref="DirectoryChange"/>.</summary>
public sealed class DirectoryChangeRecord
{
    public long Id { get; set; }
    public Guid Origin { get; set; }

    /// <summary>Comma-separated service ids; null for everything.</summary>
    public string? ServiceIds { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// How a change to the listings reaches every search index, in this process and in others. The writing process
/// applies its own change directly (<see cref="DirectoryIndex.DirectoryChanged(IReadOnlyCollection{Guid})"/>) and announces it:
/// on PostgreSQL by <c>NOTIFY</c> with the ids in the payload (a change-log row's id when they do not fit), delivered
/// to every web node when the change commits; on SQLite, whose other process is the CLI, by a change-log row written
/// in the edit's transaction, which the web node polls for.
/// </summary>
public static class DirectoryChanges
{
    public const string Channel = "waymark_directory";

    /// <summary>PostgreSQL refuses payloads of 8000 bytes or more.</summary>
    private const int MaxPayload = 7900;
    private const string Everything = "*";
    private const string LogPrefix = "log:";
    private static readonly TimeSpan KeepLog = TimeSpan.FromDays(1);

    /// <summary>
    /// Records and announces a change. Call inside the writing transaction after its last save (SQLite's log row then
    /// commits with the edit; PostgreSQL delivers the notification at commit), or straight after the save without one.
    /// </summary>
    public static async Task AnnounceAsync(WaymarkDbContext db, DirectoryChange change, DateTimeOffset now, CancellationToken ct = default)
    {
        var payload = Payload(change);
        if (!db.IsPostgres || payload.Length > MaxPayload)
        {
            var row = new DirectoryChangeRecord
            {
                Origin = change.Origin,
                ServiceIds = change.ServiceIds is null ? null : string.Join(',', change.ServiceIds.Select(id => id.ToString("D"))),
                At = now,
            };
            db.DirectoryChangeLog.Add(row);
            await db.SaveChangesAsync(ct);
            var before = now - KeepLog;
            await db.DirectoryChangeLog.Where(c => c.At < before).ExecuteDeleteAsync(ct);
            payload = $"{change.Origin:D}|{LogPrefix}{row.Id.ToString(CultureInfo.InvariantCulture)}";
        }
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {payload})", ct);
        }
    }

    /// <summary>"origin|id,id,…" or "origin|*".</summary>
    public static string Payload(DirectoryChange change) =>
        $"{change.Origin:D}|{(change.ServiceIds is null ? Everything : string.Join(',', change.ServiceIds.Select(id => id.ToString("D"))))}";

    /// <summary>
    /// Reads a notification's payload: the change, or the id of the change-log row that holds it. An empty or
    /// unreadable payload counts as "everything changed", so a stray NOTIFY costs a rebuild, never a missed change.
    /// </summary>
    public static (DirectoryChange? Change, long? LogId) Parse(string payload)
    {
        var bar = payload.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || !Guid.TryParse(payload.AsSpan(0, bar), out var origin))
        {
            return (new DirectoryChange(Guid.Empty, null), null);
        }
        var rest = payload[(bar + 1)..];
        if (rest.StartsWith(LogPrefix, StringComparison.Ordinal))
        {
            return long.TryParse(rest.AsSpan(LogPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var logId)
                ? (null, logId)
                : (new DirectoryChange(origin, null), null);
        }
        return (new DirectoryChange(origin, Ids(rest)), null);
    }

    private static List<Guid>? Ids(string? text)
    {
        if (text is null or Everything)
        {
            return null;
        }
        var ids = new List<Guid>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Guid.TryParse(part, out var id))
            {
                return null;
            }
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>The newest change-log row's id (0 when empty): where a node starts reading the log.</summary>
    public static async Task<long> LatestAsync(WaymarkDbContext db, CancellationToken ct = default) =>
        await db.DirectoryChangeLog.MaxAsync(c => (long?)c.Id, ct) ?? 0;

    /// <summary>Change-log rows after <paramref name="after"/>, oldest first, with the id of the last one read.</summary>
    public static async Task<(List<DirectoryChange> Changes, long Last)> SinceAsync(WaymarkDbContext db, long after, CancellationToken ct = default)
    {
        var rows = await db.DirectoryChangeLog.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).ToListAsync(ct);
        return ([.. rows.Select(r => new DirectoryChange(r.Origin, Ids(r.ServiceIds)))], rows.Count == 0 ? after : rows[^1].Id);
    }

    /// <summary>One change-log row, or "everything" if it has gone.</summary>
    public static async Task<DirectoryChange> LoggedAsync(WaymarkDbContext db, long id, CancellationToken ct = default) =>
        await db.DirectoryChangeLog.AsNoTracking().Where(c => c.Id == id).Select(c => new DirectoryChange(c.Origin, Ids(c.ServiceIds))).FirstOrDefaultAsync(ct)
        ?? new DirectoryChange(Guid.Empty, null);
}
