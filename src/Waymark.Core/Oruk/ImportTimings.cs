using System.Collections.Concurrent;
using System.Diagnostics;

namespace Waymark.Core.Oruk;

/// <summary>Wall time per named phase of an import, summed over the run.</summary>
public sealed class ImportTimings
{
    private readonly ConcurrentDictionary<string, long> _ticks = [];

    public IEnumerable<(string Phase, TimeSpan Time)> Phases =>
        _ticks.OrderByDescending(p => p.Value).Select(p => (p.Key, Stopwatch.GetElapsedTime(0, p.Value)));

    public T Time<T>(string phase, Func<T> work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Add(phase, start);
        }
    }

    public async Task<T> TimeAsync<T>(string phase, Func<Task<T>> work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            Add(phase, start);
        }
    }

    public async Task TimeAsync(string phase, Func<Task> work)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await work();
        }
        finally
        {
            Add(phase, start);
        }
    }

    private void Add(string phase, long start) => _ticks.AddOrUpdate(phase, Stopwatch.GetTimestamp() - start, (_, t) => t + Stopwatch.GetTimestamp() - start);
}
