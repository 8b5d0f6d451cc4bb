using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Waymark.Core.Data;

namespace Waymark.Core.Matching;

/// <summary>
/// Holds the current <see cref="DirectorySnapshot"/> and swaps in a new one atomically when listings change.
/// Readers take <see cref="Current"/> once per search and keep using that snapshot, so a swap never tears a search.
/// </summary>
public sealed class DirectoryIndex(IDbContextFactory<WaymarkDbContext> databases, TimeProvider clock, ILogger<DirectoryIndex> logger) : IDisposable
{
    private DirectorySnapshot _current = DirectorySnapshot.Empty;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private int _pending;

    public DirectorySnapshot Current => Volatile.Read(ref _current);

    /// <summary>The service table's fingerprint read just before the current snapshot was loaded.</summary>
    public (int Count, DateTimeOffset? LastModified) BuiltFrom { get; private set; }

    /// <summary>Rebuilds from the database now and returns the new snapshot.</summary>
    public async Task<DirectorySnapshot> RefreshAsync(CancellationToken ct = default)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            Interlocked.Exchange(ref _pending, 0);
            var started = clock.GetTimestamp();
            (int, DateTimeOffset?) fingerprint;
            await using (var db = await databases.CreateDbContextAsync(ct))
            {
                fingerprint = await DirectoryChanges.FingerprintAsync(db, ct);
            }
            var snapshot = await DirectorySnapshot.LoadAsync(databases, clock.GetUtcNow(), ct: ct);
            Interlocked.Exchange(ref _current, snapshot);
            BuiltFrom = fingerprint;
            logger.LogInformation("Directory snapshot rebuilt: {Services} active services in {Elapsed}", snapshot.Count, clock.GetElapsedTime(started));
            return snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>
    /// Says listings changed: rebuilds in the background. A burst of changes while a rebuild runs makes one more
    /// rebuild after it, not one each, so an edit reaches search within about one rebuild's time.
    /// </summary>
    public void DirectoryChanged()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await RefreshAsync();
            }
            catch (Exception e)
            {
                Interlocked.Exchange(ref _pending, 0);
                logger.LogError(e, "Directory snapshot rebuild failed; search keeps the previous snapshot");
            }
        });
    }

    public void Dispose() => _rebuild.Dispose();

    /// <summary>For tests and tools that build a snapshot themselves.</summary>
    public void Replace(DirectorySnapshot snapshot) => Interlocked.Exchange(ref _current, snapshot);
}
