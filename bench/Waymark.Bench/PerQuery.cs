using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Matching;

namespace Waymark.Bench;

/// <summary>
/// Times each of the 1,000 searches on its own with a <see cref="Stopwatch"/> after warm-up, and prints the median,
/// p95 and p99 per directory size — the target names the median per search. Also measures the snapshot's memory,
/// and, when <see cref="PostgresBaseline.EnvironmentVariable"/> is set, the EF Core baseline on PostgreSQL and the
/// time to rebuild the snapshot from that database.
/// </summary>
public static class PerQuery
{
    private const int Passes = 3;

    /// <summary>Whether each timed pass starts with a new matcher (no remote counts kept from the warm-up or earlier passes).</summary>
    public static bool ColdCountsEachPass { get; set; }

    public static async Task RunAsync(IReadOnlyList<int> sizes, int baselineSize, int baselineQueries)
    {
        var queries = QuerySet.Create();
        var matcher = Directories.NewMatcher();
        Say($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}, .NET {Environment.Version}");
        Say($"queries: {queries.Count} (seed {QuerySet.DefaultSeed}); directories: waymark generate --seed {Directories.Seed}");
        double? matcherMedianAtBaseline = null;
        foreach (var size in sizes)
        {
            Collect();
            var before = GC.GetTotalMemory(true);
            var started = Stopwatch.GetTimestamp();
            var snapshot = Directories.Build(size);
            var built = Stopwatch.GetElapsedTime(started);
            Collect();
            var after = GC.GetTotalMemory(true);
            using (var self = Process.GetCurrentProcess())
            {
                Say($"{size,9:N0} services: snapshot of {snapshot.Count:N0} active services, {Mb(after - before)} MB managed (GC.GetTotalMemory before/after), " +
                    $"process RSS {Mb(self.WorkingSet64)} MB, generated+built in {built.TotalSeconds:0.0} s");
            }

            for (var warm = 0; warm < 3; warm++)
            {
                foreach (var q in queries)
                {
                    matcher.Match(snapshot, q.Query, Directories.BuiltAt);
                }
            }
            var times = new List<double>(queries.Count * Passes);
            var cpu = new List<double>(queries.Count * Passes);
            var results = 0;
            long hits = 0, misses = 0;
            for (var pass = 0; pass < Passes; pass++)
            {
                if (ColdCountsEachPass)
                {
                    // Each timed pass starts with no remote counts kept: only repeats within the 1,000 searches hit.
                    matcher.ForgetRemoteCounts();
                }
                var (hitsBefore, missesBefore) = matcher.RemoteCountStatistics;
                foreach (var q in queries)
                {
                    var c = ThreadClock.NowMs();
                    var t = Stopwatch.GetTimestamp();
                    var outcome = matcher.Match(snapshot, q.Query, Directories.BuiltAt);
                    times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    cpu.Add(ThreadClock.NowMs() - c);
                    results += outcome.Results.Count;
                }
                var (hitsAfter, missesAfter) = matcher.RemoteCountStatistics;
                (hits, misses) = (hits + hitsAfter - hitsBefore, misses + missesAfter - missesBefore);
            }
            Say($"{size,9:N0} services: remote counts kept{(ColdCountsEachPass ? " (emptied before each timed pass)" : "")}: {hits} hits, {misses} misses in the timed passes ({100.0 * hits / Math.Max(1, hits + misses):0}% hits)");
            var median = Percentile(times, 50);
            Say($"{size,9:N0} services: matcher per search median {median:0.000} ms, p95 {Percentile(times, 95):0.000} ms, p99 {Percentile(times, 99):0.000} ms, " +
                $"mean {times.Average():0.000} ms, max {times.Max():0.000} ms ({times.Count} timed searches, {results / Passes} results per pass); load {LoadAverage()}");
            Say($"{size,9:N0} services: matcher CPU time per search median {Percentile(cpu, 50):0.000} ms, p95 {Percentile(cpu, 95):0.000} ms, p99 {Percentile(cpu, 99):0.000} ms, mean {cpu.Average():0.000} ms");
            if (size == baselineSize)
            {
                matcherMedianAtBaseline = median;
            }
            snapshot = null;
            Collect();
        }

        if (PostgresBaseline.ConnectionString is not { } connection)
        {
            Say($"baseline: skipped — set {PostgresBaseline.EnvironmentVariable} to a PostgreSQL connection string holding the {baselineSize:N0}-service directory (see bench/run-all.sh)");
            return;
        }
        await using (var db = Database.Open(connection))
        {
            var active = await db.Services.CountAsync(s => s.Status == Waymark.Core.Directory.ServiceStatus.Active);
            Say($"baseline: EF Core on PostgreSQL, {active:N0} active services in the database");
        }
        var baseline = new List<double>(queries.Count);
        var found = 0;
        foreach (var q in queries.Skip(queries.Count - 5))
        {
            await using var db = Database.Open(connection);
            await PostgresBaseline.SearchAsync(db, q.Query);
        }
        foreach (var q in queries.Take(baselineQueries))
        {
            var t = Stopwatch.GetTimestamp();
            await using var db = Database.Open(connection);
            found += (await PostgresBaseline.SearchAsync(db, q.Query)).Count;
            baseline.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        var baselineMedian = Percentile(baseline, 50);
        Say($"baseline: per search median {baselineMedian:0.000} ms, p95 {Percentile(baseline, 95):0.000} ms, p99 {Percentile(baseline, 99):0.000} ms, " +
            $"mean {baseline.Average():0.000} ms ({baseline.Count} searches, {found} results); load {LoadAverage()}");
        if (matcherMedianAtBaseline is { } m)
        {
            Say($"ratio at {baselineSize:N0}: baseline median / matcher median = {baselineMedian / m:0}x (mean ratio {baseline.Average() / m:0}x)");
        }
    }

    /// <summary>How long a full snapshot rebuild from the database takes (what <see cref="DirectoryIndex.RefreshAsync"/> does).</summary>
    public static async Task RebuildAsync(int times)
    {
        if (PostgresBaseline.ConnectionString is not { } connection)
        {
            Say($"rebuild: skipped — set {PostgresBaseline.EnvironmentVariable}");
            return;
        }
        var factory = new Factory(connection);
        for (var i = 0; i < times; i++)
        {
            var t = Stopwatch.GetTimestamp();
            var snapshot = await DirectorySnapshot.LoadAsync(factory, DateTimeOffset.UtcNow);
            Say($"rebuild from PostgreSQL: {snapshot.Count:N0} services in {Stopwatch.GetElapsedTime(t).TotalSeconds:0.00} s; load {LoadAverage()}");
        }
    }

    private sealed class Factory(string connection) : IDbContextFactory<WaymarkDbContext>
    {
        public WaymarkDbContext CreateDbContext() => Database.Open(connection);
    }

    public static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (p / 100.0) * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }

    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0", CultureInfo.InvariantCulture);

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static void Say(string line)
    {
        Console.WriteLine(line);
        Console.Out.Flush();
    }
}
