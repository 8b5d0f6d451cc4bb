using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Waymark.Core.Data;

namespace Waymark.Core.Matching;

/// <summary>
/// Holds the current <see cref="DirectorySnapshot"/> and swaps in a new one atomically when listings change.
/// Readers take <see cref="Current"/> once per search and keep using that snapshot, so a swap never tears a search.
/// A full load happens at start (and when a change cannot name its services); otherwise a change patches the
/// current snapshot with just the services it names.
/// </summary>
public sealed class DirectoryIndex(IDbContextFactory<WaymarkDbContext> databases, TimeProvider clock, ILogger<DirectoryIndex> logger) : IDisposable
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);

    private DirectorySnapshot _current = DirectorySnapshot.Empty;
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private HashSet<Guid> _pendingIds = [];
    private bool _pendingEverything;
    private bool _working;
    private int _fullLoads;
    private int _patches;
    private long _generation;

    public DirectorySnapshot Current => Volatile.Read(ref _current);

    /// <summary>This process, as the origin of the changes it announces, so that it ignores their echo.</summary>
    public Guid Origin { get; } = Guid.NewGuid();

    /// <summary>True once the first full load is in: before that an empty <see cref="Current"/> means "not loaded", not "nothing found".</summary>
    public bool IsReady => _ready.Task.IsCompleted;

    public int FullLoads => Volatile.Read(ref _fullLoads);

    public int Patches => Volatile.Read(ref _patches);

    /// <summary>
    /// Counts the changes this index has heard of or applied. It moves on as soon as a change is heard, before the
    /// snapshot is patched, and a change is only heard once it is in the database: so a read of the database made after
    /// reading a value is at least as new as every change counted up to that value. Caches of listing data that the
    /// snapshot does not hold key on it.
    /// </summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>True while changes are waiting or being applied.</summary>
    public bool IsUpdating
    {
        get
        {
            lock (_gate)
            {
                return _working;
            }
        }
    }

    /// <summary>Where the last full load's time went.</summary>
    public LoadTimings LastLoad { get; } = new();

    /// <summary>Waits up to <paramref name="wait"/> for the first load; false if it is still not in.</summary>
    public async Task<bool> WaitUntilReadyAsync(TimeSpan wait, CancellationToken ct = default)
    {
        if (IsReady)
        {
            return true;
        }
        try
        {
            await _ready.Task.WaitAsync(wait, clock, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Loads everything from the database now and returns the new snapshot.</summary>
    public async Task<DirectorySnapshot> RefreshAsync(CancellationToken ct = default)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            var started = clock.GetTimestamp();
            logger.LogInformation("Loading the directory snapshot");
            var snapshot = await DirectorySnapshot.LoadAsync(databases, clock.GetUtcNow(), ct: ct, timings: LastLoad);
            Interlocked.Exchange(ref _current, snapshot);
            Interlocked.Increment(ref _fullLoads);
            Interlocked.Increment(ref _generation);
            _ready.TrySetResult();
            logger.LogInformation("Directory snapshot rebuilt: {Services} active services in {Elapsed} ({Timings})", snapshot.Count, clock.GetElapsedTime(started), LastLoad);
            return snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>Patches the current snapshot with the current state of these services now.</summary>
    public async Task<DirectorySnapshot> PatchAsync(IReadOnlyCollection<Guid> serviceIds, CancellationToken ct = default)
    {
        await _rebuild.WaitAsync(ct);
        try
        {
            // Before the first load there is nothing to patch, and the load (still to come) reads the change anyway.
            if (!IsReady)
            {
                return Current;
            }
            var started = clock.GetTimestamp();
            var fresh = await DirectorySnapshot.LoadServicesAsync(databases, serviceIds, ct);
            var snapshot = Current.Patch(serviceIds, fresh, clock.GetUtcNow());
            Interlocked.Exchange(ref _current, snapshot);
            Interlocked.Increment(ref _patches);
            Interlocked.Increment(ref _generation);
            logger.LogInformation("Directory snapshot patched: {Changed} services changed, {Services} active, in {Elapsed}", serviceIds.Count, snapshot.Count, clock.GetElapsedTime(started));
            return snapshot;
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>
    /// Says these services changed (null: too many to name): patches (or reloads) in the background. Changes that
    /// arrive while one is being applied are gathered and applied together next, so a burst costs two rounds, not one each.
    /// </summary>
    public void DirectoryChanged(IReadOnlyCollection<Guid>? serviceIds)
    {
        Interlocked.Increment(ref _generation);
        lock (_gate)
        {
            if (serviceIds is null)
            {
                _pendingEverything = true;
            }
            else
            {
                _pendingIds.UnionWith(serviceIds);
            }
            if (_working)
            {
                return;
            }
            _working = true;
        }
        _ = Task.Run(ApplyPendingAsync);
    }

    /// <summary>Applies a change heard from any process, unless this process made it (and so has applied it already).</summary>
    public void Heard(DirectoryChange change)
    {
        if (change.Origin != Origin)
        {
            DirectoryChanged(change.ServiceIds);
        }
    }

    private async Task ApplyPendingAsync()
    {
        while (true)
        {
            HashSet<Guid> ids;
            bool everything;
            lock (_gate)
            {
                if (!_pendingEverything && _pendingIds.Count == 0)
                {
                    _working = false;
                    return;
                }
                (ids, everything) = (_pendingIds, _pendingEverything);
                (_pendingIds, _pendingEverything) = ([], false);
            }
            try
            {
                if (everything)
                {
                    await RefreshAsync();
                }
                else
                {
                    await PatchAsync(ids);
                }
            }
            catch (Exception e)
            {
                logger.LogError(e, "Directory snapshot update failed; search keeps the previous snapshot and reloads everything in {Delay}", RetryAfterFailure);
                lock (_gate)
                {
                    _pendingEverything = true;
                }
                await Task.Delay(RetryAfterFailure, clock);
            }
        }
    }

    public void Dispose() => _rebuild.Dispose();

    /// <summary>For tests and tools that build a snapshot themselves.</summary>
    public void Replace(DirectorySnapshot snapshot)
    {
        Interlocked.Exchange(ref _current, snapshot);
        Interlocked.Increment(ref _generation);
        _ready.TrySetResult();
    }
}
