using Microsoft.EntityFrameworkCore;
using Npgsql;
using Waymark.Core.Data;
using Waymark.Core.Matching;

namespace Waymark.Web.Match;

/// <summary>
/// Loads this node's search snapshot once the app has started, and keeps it in step with changes made elsewhere:
/// another web node or the CLI. PostgreSQL: LISTEN on <see cref="DirectoryChanges.Channel"/>. SQLite: read the
/// change log twice a second. Either way it starts hearing before the first load reads, so nothing committed
/// during the load is missed.
/// </summary>
internal sealed class DirectoryChangeListener(
    IDbContextFactory<WaymarkDbContext> databases,
    DirectoryIndex index,
    SearchListening listening,
    ILogger<DirectoryChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private bool _heardBefore;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and Kestrel listen) first: searches wait for, or are told to retry after, the load.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var db = await databases.CreateDbContextAsync(stoppingToken);
                if (db.IsPostgres)
                {
                    await ListenAsync(db.Database.GetConnectionString()!, stoppingToken);
                }
                else
                {
                    await PollAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                listening.Lost();
                logger.LogWarning(e, "Lost track of directory changes; trying again in {Delay}", RetryAfter);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var logged = new List<long>();
        connection.Notification += (_, e) =>
        {
            var (change, logId) = DirectoryChanges.Parse(e.Payload);
            if (change is not null)
            {
                index.Heard(change);
            }
            else if (logId is { } id)
            {
                logged.Add(id);
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {DirectoryChanges.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }
        await CatchUpAsync(ct);
        listening.Hearing();
        while (!ct.IsCancellationRequested)
        {
            await connection.WaitAsync(ct);
            if (logged.Count > 0)
            {
                await using var db = await databases.CreateDbContextAsync(ct);
                foreach (var id in logged)
                {
                    index.Heard(await DirectoryChanges.LoggedAsync(db, id, ct));
                }
                logged.Clear();
            }
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        long seen;
        await using (var db = await databases.CreateDbContextAsync(ct))
        {
            seen = await DirectoryChanges.LatestAsync(db, ct);
        }
        await CatchUpAsync(ct);
        listening.Hearing();
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(ct))
        {
            await using var db = await databases.CreateDbContextAsync(ct);
            var (changes, last) = await DirectoryChanges.SinceAsync(db, seen, ct);
            seen = last;
            changes.ForEach(index.Heard);
        }
    }

    /// <summary>The first load; after a lost connection or failure, a reload, since changes in the gap were not heard.</summary>
    private async Task CatchUpAsync(CancellationToken ct)
    {
        if (_heardBefore)
        {
            index.DirectoryChanged(null);
        }
        else if (!index.IsReady)
        {
            await index.RefreshAsync(ct);
            // A fresh process's first patch would pay for compiling its query, most of a second, so the first edit
            // heard reached search late. Reading no services compiles it now, before any edit arrives.
            await DirectorySnapshot.LoadServicesAsync(databases, [Guid.Empty], ct);
        }
        _heardBefore = true;
    }
}
