using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Matching;
using Waymark.Web.Match;

namespace Waymark.Web.Infrastructure;

/// <summary>
/// <c>GET /health</c>, for the proxy and for whoever watches the nodes (docs/operations.md §6). It answers 200 while
/// this node can serve search and the crisis pages, which need only the snapshot, even with the database
/// unreachable: failing then would take every node out of the proxy at once and the crisis help with them. The body
/// says what is wrong ("degraded") for monitoring, and whether the database's commits wait for a standby (HAZ-21), which
/// never changes the status. 503 only until the first snapshot is loaded.
/// </summary>
public static class HealthEndpoint
{
    /// <summary>How long the database has to answer before it counts as unreachable.</summary>
    public static readonly TimeSpan DatabaseWait = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync);
        return app;
    }

    private static async Task<IResult> CheckAsync(
        IDbContextFactory<WaymarkDbContext> databases, DirectoryIndex index, SearchListening listening, TimeProvider clock, CancellationToken ct)
    {
        var (databaseAnswers, replication) = await DatabaseAnswersAsync(databases, ct);
        var now = clock.GetUtcNow();
        var snapshot = index.Current;
        var lostSince = listening.LostSince;
        var status = !index.IsReady ? "starting" : databaseAnswers && lostSince is null ? "ok" : "degraded";
        var body = new Report(
            status,
            databaseAnswers ? "ok" : "unreachable",
            replication,
            new SearchReport(
                index.IsReady,
                snapshot.Count,
                index.IsReady ? snapshot.BuiltAt : null,
                index.IsReady ? (long)(now - snapshot.BuiltAt).TotalSeconds : null,
                lostSince is null,
                lostSince));
        return Results.Json(body, statusCode: index.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// Whether the database answers and, if it does, what a crash of it could lose (<see cref="DatabaseReplication"/>),
    /// both within <see cref="DatabaseWait"/>. The replication is null when the database cannot be asked.
    /// </summary>
    private static async Task<(bool Answers, string? Replication)> DatabaseAnswersAsync(IDbContextFactory<WaymarkDbContext> databases, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(DatabaseWait);
        try
        {
            await using var db = await databases.CreateDbContextAsync(wait.Token);
            if (!await db.Database.CanConnectAsync(wait.Token))
            {
                return (false, null);
            }
            try
            {
                return (true, await DatabaseReplication.DescribeAsync(db, wait.Token));
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return (true, null);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (false, null);
        }
    }

    /// <param name="Replication">What a crash of the database could lose (HAZ-21): "single file" (SQLite), "no standby",
    /// "asynchronous" (standbys stream but commits do not wait for them) or "synchronous"; null when it cannot be asked.</param>
    private sealed record Report(string Status, string Database, string? Replication, SearchReport Search);

    /// <param name="BuiltAt">When the snapshot last changed (a full load or a patch): old is fine when nothing was edited.</param>
    /// <param name="InStep">Whether this node hears directory changes now; if not, edits made elsewhere may not show.</param>
    private sealed record SearchReport(bool Loaded, int Services, DateTimeOffset? BuiltAt, long? AgeSeconds, bool InStep, DateTimeOffset? OutOfStepSince);
}
