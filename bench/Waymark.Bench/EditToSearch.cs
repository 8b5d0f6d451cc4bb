using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Listings;
using Waymark.Core.Matching;
using Waymark.Core.Oruk;

namespace Waymark.Bench;

/// <summary>
/// A search index over a real database (either engine), then: where a full load's time goes, how long a rebuild
/// from the entries in memory takes, and — N times — the time from an editor-path save (<see cref="ListingChanges"/>,
/// what the provider pages call) to the edit being what a search finds.
/// </summary>
public static class EditToSearch
{
    public static async Task RunAsync(string connection, int edits)
    {
        Say($"edit to search on {Database.ProviderOf(connection)}; {Environment.ProcessorCount} cores, load {PerQuery.LoadAverage()}");
        var factory = new Factory(connection);
        var index = new DirectoryIndex(factory, TimeProvider.System, NullLogger<DirectoryIndex>.Instance);

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var t = Stopwatch.GetTimestamp();
        var snapshot = await index.RefreshAsync();
        Say($"full load: {snapshot.Count:N0} services in {Stopwatch.GetElapsedTime(t).TotalSeconds:0.00} s ({index.LastLoad}); " +
            $"CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s; load {PerQuery.LoadAverage()}");

        for (var i = 0; i < 3; i++)
        {
            t = Stopwatch.GetTimestamp();
            snapshot.Rebuild(DateTimeOffset.UtcNow);
            Say($"rebuild from the entries in memory (no database): {Stopwatch.GetElapsedTime(t).TotalMilliseconds:0} ms");
        }
        for (var i = 0; i < 3 && snapshot.Count > 0; i++)
        {
            // One service spread over the directory, loaded first: the patch alone, as an edit pays it.
            Guid[] one = [snapshot.Services[(i * 7919) % snapshot.Count].Id];
            var fresh = await DirectorySnapshot.LoadServicesAsync(factory, one);
            t = Stopwatch.GetTimestamp();
            snapshot.Patch(one, fresh, DateTimeOffset.UtcNow);
            Say($"patch of one service in memory (no database): {Stopwatch.GetElapsedTime(t).TotalMilliseconds:0} ms");
        }

        List<Guid> picks;
        await using (var db = factory.CreateDbContext())
        {
            var located = await db.ServiceAtLocations.AsNoTracking()
                .Where(x => x.Service!.Status == ServiceStatus.Active && x.Location!.Latitude != null)
                .OrderBy(x => x.Id).Take(edits * 10)
                .Select(x => x.ServiceId).ToListAsync();
            picks = [.. located.Distinct().Take(edits)];
        }
        var times = new List<double>();
        foreach (var id in picks)
        {
            var name = "Edited " + Guid.NewGuid().ToString("N")[..8];
            await using var db = factory.CreateDbContext();
            var changes = new ListingChanges(db, TimeProvider.System, index);
            var service = await db.Services.SingleAsync(s => s.Id == id);
            var before = ListingHistory.FieldsOf(service);
            t = Stopwatch.GetTimestamp();
            service.Name = name;
            service.LastModified = changes.Now;
            await changes.SaveAsync(ListingHistory.ServiceType, id, before, ListingHistory.FieldsOf(service), "bench");
            while (!InSnapshot(index.Current, id, name))
            {
                if (Stopwatch.GetElapsedTime(t) > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException("the edit did not reach search in 60 s");
                }
                await Task.Delay(1);
            }
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        // A new snapshot's first search also builds its score table (per snapshot, over the remote services).
        var matcher = new Matcher(new NoReferralWaits());
        var query = new MatchQuery { Place = new ResolvedPlace("Leeds", 53.8008, -1.5491, PlacePrecision.Place, null), WithinKm = 25, At = DateTimeOffset.UtcNow };
        for (var i = 0; i < 2; i++)
        {
            t = Stopwatch.GetTimestamp();
            matcher.Match(index.Current, query, DateTimeOffset.UtcNow);
            Say($"{(i == 0 ? "first" : "second")} search on the last patched snapshot: {Stopwatch.GetElapsedTime(t).TotalMilliseconds:0} ms");
        }
        Say(string.Create(CultureInfo.InvariantCulture,
            $"edit to search ({times.Count} editor saves): median {PerQuery.Percentile(times, 50):0} ms, p95 {PerQuery.Percentile(times, 95):0} ms, max {times.Max():0} ms; " +
            $"patches {index.Patches}, full loads {index.FullLoads}; load {PerQuery.LoadAverage()}"));
    }

    /// <summary>
    /// A generated directory built in memory (no database), then one service at a time renamed and patched in,
    /// <paramref name="patches"/> times: what a patch alone costs at this size.
    /// </summary>
    public static void PatchInMemory(int size, int patches)
    {
        Say($"patch in memory; {Environment.ProcessorCount} cores, load {PerQuery.LoadAverage()}");
        var t = Stopwatch.GetTimestamp();
        var snapshot = Directories.Build(size);
        Say($"generated and built {snapshot.Count:N0} active services in {Stopwatch.GetElapsedTime(t).TotalSeconds:0.0} s; managed {GC.GetTotalMemory(true) / 1e6:0} MB");
        var sample = new SyntheticDirectory(Directories.Seed).Generate(3 * patches).Where(s => s.Status == ServiceStatus.Active).Take(patches).ToList();
        var times = new List<double>();
        foreach (var s in sample)
        {
            s.Name = "Edited " + Guid.NewGuid().ToString("N")[..8];
            t = Stopwatch.GetTimestamp();
            snapshot = snapshot.Patch([s.Id], [s], DateTimeOffset.UtcNow);
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        Say(string.Create(CultureInfo.InvariantCulture,
            $"patch of one service ({times.Count} times): median {PerQuery.Percentile(times, 50):0} ms, p95 {PerQuery.Percentile(times, 95):0} ms, max {times.Max():0} ms; " +
            $"managed after {GC.GetTotalMemory(true) / 1e6:0} MB; load {PerQuery.LoadAverage()}"));
    }

    /// <summary>Full loads only, one after another: where each one's time went and the CPU it used.</summary>
    public static async Task LoadOnlyAsync(string connection, int loads)
    {
        Say($"full loads on {Database.ProviderOf(connection)}; {Environment.ProcessorCount} cores, load {PerQuery.LoadAverage()}");
        var index = new DirectoryIndex(new Factory(connection), TimeProvider.System, NullLogger<DirectoryIndex>.Instance);
        for (var i = 0; i < loads; i++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var (allocated, collections, paused) = (GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.GetTotalPauseDuration());
            var t = Stopwatch.GetTimestamp();
            var snapshot = await index.RefreshAsync();
            Say($"full load {i + 1}: {snapshot.Count:N0} services in {Stopwatch.GetElapsedTime(t).TotalSeconds:0.00} s ({index.LastLoad}); " +
                $"CPU {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0.00} s; allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:0} MB, " +
                $"{GC.CollectionCount(0) - collections} GCs pausing {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.00} s; load {PerQuery.LoadAverage()}");
        }
    }

    /// <summary>Whether the snapshot searches read has the edited entry (a search near it may rank fifty others first).</summary>
    private static bool InSnapshot(DirectorySnapshot snapshot, Guid id, string name)
    {
        foreach (ref readonly var s in snapshot.Services.AsSpan())
        {
            if (s.Id == id)
            {
                return s.Name == name;
            }
        }
        return false;
    }

    private sealed class Factory(string connection) : IDbContextFactory<WaymarkDbContext>
    {
        public WaymarkDbContext CreateDbContext() => Database.Open(connection);
    }

    private static void Say(string line)
    {
        Console.WriteLine(line);
        Console.Out.Flush();
    }
}
