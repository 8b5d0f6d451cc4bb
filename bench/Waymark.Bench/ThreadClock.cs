using System.Runtime.InteropServices;

namespace Waymark.Bench;

/// <summary>
/// This thread's CPU time (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>). On a shared machine wall time includes the time
/// other processes had the core; CPU time is what the search itself cost.
/// </summary>
internal static partial class ThreadClock
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec time);

    public static bool Available { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    public static double NowMs() => TryNow(out var ms) ? ms : double.NaN;

    private static bool TryNow(out double ms)
    {
        if (ClockGetTime(ClockThreadCpuTime, out var t) != 0)
        {
            ms = double.NaN;
            return false;
        }
        ms = (t.Seconds * 1000.0) + (t.Nanoseconds / 1e6);
        return true;
    }
}
