using Microsoft.EntityFrameworkCore;
using Npgsql;
using Waymark.Core.Data;
using Waymark.Core.Matching;

namespace Waymark.Web.Match;

/// <summary>
/// Keeps this node's search snapshot in step with changes made elsewhere: another web node or the CLI.
/// PostgreSQL: LISTEN on <see cref="DirectoryChanges.Channel"/>. SQLite: compare a fingerprint every few seconds.
/// </summary>
internal sealed class DirectoryChangeListener(
    IDbContextFactory<WaymarkDbContext> databases,
    DirectoryIndex index,
    ILogger<DirectoryChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private bool _listenedBefore;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
                logger.LogWarning(e, "Lost track of directory changes; trying again in {Delay}", RetryAfter);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, _) => index.DirectoryChanged();
        await using (var listen = new NpgsqlCommand($"LISTEN {DirectoryChanges.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }
        // After a lost connection, anything committed while we were not listening would otherwise be missed.
        // The first time, the snapshot built at start is already current.
        if (_listenedBefore)
        {
            index.DirectoryChanged();
        }
        _listenedBefore = true;
        while (!ct.IsCancellationRequested)
        {
            await connection.WaitAsync(ct);
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(ct))
        {
            await using var db = await databases.CreateDbContextAsync(ct);
            // Compared with what the current snapshot was built from, so this node's own edits (already
            // refreshed through DirectoryChanged) do not cause a second rebuild.
            if (await DirectoryChanges.FingerprintAsync(db, ct) != index.BuiltFrom)
            {
                index.DirectoryChanged();
            }
        }
    }
}
