using Waymark.Core.Directory;
using Waymark.Core.Schedules;

namespace Waymark.Core.Matching;

/// <summary>
/// What every remote service's schedule says, worked out once and shared by the searches that ask the same thing:
/// "open now" per minute, <c>when</c> windows per week, for one snapshot.
/// </summary>
internal sealed class RemoteSchedules
{
    /// <summary>Which remote services are open, for a snapshot and a minute: the answer is the same for any instant in a minute.</summary>
    private sealed record OpenInMinute(DirectorySnapshot Snapshot, long Minute, ulong[] Bits);

    private readonly OpenInMinute?[] _openInMinute = new OpenInMinute?[8];
    private int _openInMinuteWrites;

    private sealed record WindowsInWeek(DirectorySnapshot Snapshot, int Monday, WhenWindows[] Windows);

    private readonly WindowsInWeek?[] _windowsInWeek = new WindowsInWeek?[4];
    private int _windowsInWeekWrites;

    /// <summary>Each remote service's <c>when</c> windows in the week of a UK date, worked out once per week and snapshot.</summary>
    public WhenWindows[] WindowsInWeekOf(DirectorySnapshot snapshot, DateOnly ukDate)
    {
        var monday = ukDate.DayNumber - WeeklyOpening.MondayIndex(ukDate.DayOfWeek);
        foreach (var cached in _windowsInWeek)
        {
            if (cached is not null && cached.Monday == monday && ReferenceEquals(cached.Snapshot, snapshot))
            {
                return cached.Windows;
            }
        }
        var windows = new WhenWindows[snapshot.RemoteServices.Length];
        for (var i = 0; i < windows.Length; i++)
        {
            windows[i] = (snapshot.FactFlags[i] & FactFlags.WindowsFixed) != 0 ? snapshot.FactWindows[i] : snapshot.HoursOf(snapshot.Services[i]).WindowsInWeekOf(ukDate);
        }
        _windowsInWeek[(int)((uint)Interlocked.Increment(ref _windowsInWeekWrites) % _windowsInWeek.Length)] = new WindowsInWeek(snapshot, monday, windows);
        return windows;
    }

    /// <summary>
    /// "Open now" for every remote service, worked out once per minute and snapshot and shared by the searches in that
    /// minute (openings start and end on whole minutes), instead of each search reading tens of thousands of schedules.
    /// </summary>
    public ulong[] OpenAt(DirectorySnapshot snapshot, DateTimeOffset at, in UkMoment moment)
    {
        var minute = at.UtcTicks / TimeSpan.TicksPerMinute;
        foreach (var cached in _openInMinute)
        {
            if (cached is not null && cached.Minute == minute && ReferenceEquals(cached.Snapshot, snapshot))
            {
                return cached.Bits;
            }
        }
        var remote = snapshot.RemoteServices.Length;
        var bits = new ulong[(remote + 63) / 64];
        for (var i = 0; i < remote; i++)
        {
            if ((snapshot.FactFlags[i] & FactFlags.HasTimes) != 0 && snapshot.HoursOf(snapshot.Services[i]).IsOpenAt(at, moment))
            {
                bits[i >> 6] |= 1UL << i;
            }
        }
        // A few recent minutes are kept (searches may name an instant with "at"); the oldest written is replaced.
        _openInMinute[(int)((uint)Interlocked.Increment(ref _openInMinuteWrites) % _openInMinute.Length)] = new OpenInMinute(snapshot, minute, bits);
        return bits;
    }
}
