using Waymark.Core.Schedules;

namespace Waymark.Core.Matching;

/// <summary>
/// Which remote services meet a search's hard constraints, area by area, does not depend on the place, the
/// preferences or the urgency: only on the constraints, the day (expiry, <c>when</c>'s week) and, for "open now", the
/// minute. The key holds exactly those, with the age reduced to where it falls among the remote services' age limits.
/// </summary>
internal readonly record struct RemoteCountKey(
    UInt128 AcceptedRemote, UInt128 Format, bool HasFormat, UInt128 Excluded, UInt128 Needs, bool SelfAccessOnly, bool FreeOnly,
    int AgeFromBelow, int AgeFromAbove, WhenWindows When, int WhenDay, ushort Language, long OpenMinute, int ExpiredOnOrBeforeDay);

/// <summary>
/// The number of remote services meeting the hard constraints, per <see cref="RemoteCountKey"/> and by area set (a
/// place's count is the sum over the sets it lies in), for one snapshot and set of measured waits (it lives in their
/// <see cref="ScoreTable"/>, so a new snapshot starts empty). With the count known, a search only scores the remote
/// blocks that can reach its top and skips the rest without counting them. Bounded: emptied when full.
/// </summary>
internal sealed class RemoteCounts
{
    public const int Capacity = 1024;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<RemoteCountKey, int[]> _counts = new();
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);

    public bool TryGet(in RemoteCountKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out int[]? count)
    {
        var found = _counts.TryGetValue(key, out count);
        Interlocked.Increment(ref found ? ref _hits : ref _misses);
        return found;
    }

    public void Clear() => _counts.Clear();

    public void Add(in RemoteCountKey key, int[] count)
    {
        if (_counts.Count >= Capacity)
        {
            _counts.Clear();
        }
        _counts[key] = count;
    }
}
