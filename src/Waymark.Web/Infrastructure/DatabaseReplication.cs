using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// What a crash of the database this node writes to could take with it (HAZ-21, docs/operations.md §3): with
/// PostgreSQL's default asynchronous streaming the primary acknowledges a commit before any standby has it, so a crash
/// and a promotion can lose a referral a navigator was told was sent. Waymark cannot know a commit was lost; it can say
/// how the database it writes to is configured, on <c>/health</c> and in a warning at start.
/// </summary>
public static class DatabaseReplication
{
    /// <summary>SQLite: one file on this machine, no standby at all.</summary>
    public const string SingleFile = "single file";

    /// <summary>PostgreSQL with no standby streaming from it.</summary>
    public const string NoStandby = "no standby";

    /// <summary>Standbys stream from the primary but commits do not wait for them: a crash can lose acknowledged commits.</summary>
    public const string Asynchronous = "asynchronous";

    /// <summary>Commits wait for a standby named in <c>synchronous_standby_names</c>.</summary>
    public const string Synchronous = "synchronous";

    /// <summary>
    /// One query on PostgreSQL. <c>pg_stat_replication</c> shows a role without <c>pg_read_all_stats</c> a row for
    /// every WAL sender but hides its columns, so the standbys are counted by rows (those visibly sending a base backup
    /// left out) and whether commits wait for them comes from the settings this session commits with.
    /// </summary>
    public static async Task<string> DescribeAsync(WaymarkDbContext db, CancellationToken ct)
    {
        if (!db.IsPostgres)
        {
            return SingleFile;
        }
        var settings = await db.Database.SqlQueryRaw<Settings>("""
            SELECT current_setting('synchronous_standby_names') AS "StandbyNames",
                   current_setting('synchronous_commit') AS "Commit",
                   (SELECT count(*)::int FROM pg_stat_replication WHERE state IS DISTINCT FROM 'backup') AS "Standbys"
            """).SingleAsync(ct);
        return Classify(settings.Standbys, settings.StandbyNames, settings.Commit);
    }

    /// <summary>
    /// A commit waits for a standby only when standbys are named and <c>synchronous_commit</c> is not <c>off</c> or
    /// <c>local</c> (<c>remote_write</c>, <c>on</c> and <c>remote_apply</c> all wait).
    /// </summary>
    public static string Classify(int standbys, string standbyNames, string synchronousCommit)
    {
        if (standbys == 0)
        {
            return NoStandby;
        }
        var waits = !string.IsNullOrWhiteSpace(standbyNames)
            && synchronousCommit is not ("off" or "local");
        return waits ? Synchronous : Asynchronous;
    }

    /// <summary>
    /// At start in Production: one warning when standbys stream from the primary but commits do not wait for them.
    /// A database that cannot be asked is left to <c>/health</c>; the start goes on either way.
    /// </summary>
    public static async Task WarnIfCommitsDoNotWaitAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Waymark.Startup");
        string replication;
        try
        {
            replication = await DescribeAsync(scope.ServiceProvider.GetRequiredService<WaymarkDbContext>(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not tell whether the database's commits wait for a standby; see docs/operations.md §3 and HAZ-21");
            return;
        }
        if (replication == Asynchronous)
        {
            logger.LogWarning(
                "Database replication is {Replication}: standbys stream from the primary but commits do not wait for them, so a crash of the primary can lose referrals and other writes people were told were saved. Configure synchronous replication: {Guide}, {Hazard}",
                replication, "docs/operations.md §3", "HAZ-21");
        }
    }

    private sealed record Settings(string StandbyNames, string Commit, int Standbys);
}
