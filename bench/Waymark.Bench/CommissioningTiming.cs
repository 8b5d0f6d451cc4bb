using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Commissioning;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;
using Waymark.Core.Oruk;
using Waymark.Core.Referrals;

namespace Waymark.Bench;

/// <summary>
/// Issue 16 item 9: builds (or tops up) a database of N synthetic services and M synthetic referrals, gives six
/// commissioners different areas, times one refresh of the commissioning snapshots, then the work the coverage and
/// waits pages do for each commissioner from the snapshot (their areas, the snapshot rows, the reports made from
/// them, and the first page of services), and once the same figures worked out on the spot. Over HTTP: CommissioningHttp.
/// </summary>
public static class CommissioningTiming
{
    private static readonly string[][] AreaSets =
    [
        ["Leeds"], ["Calderdale", "Kirklees"], ["Yorkshire and the Humber"], ["Manchester"], ["Cornwall"], ["Birmingham", "Solihull"],
    ];

    public static async Task RunAsync(string connection, int services, int referrals, int rounds)
    {
        var time = TimeProvider.System;
        await using (var db = await OpenAsync(connection))
        {
            var have = await db.Services.CountAsync();
            if (have < services)
            {
                var feed = Path.Combine(Path.GetTempPath(), $"waymark-bench-{services}.json");
                var clock = Stopwatch.StartNew();
                await using (var file = File.Create(feed))
                {
                    await new SyntheticDirectory(1).WriteAsync(file, services, CancellationToken.None);
                }
                var result = await new OrukImporter(db, time).ImportFileAsync(feed, false, CancellationToken.None);
                File.Delete(feed);
                Console.WriteLine(FormattableString.Invariant($"generated and imported {services} services in {clock.Elapsed.TotalSeconds:F1} s: {result.Summary}"));
            }
        }
        await using (var db = await OpenAsync(connection))
        {
            var have = await db.Referrals.CountAsync();
            if (have < referrals)
            {
                var clock = Stopwatch.StartNew();
                var written = await new SyntheticReferrals(have + 1).WriteAsync(db, referrals - have, time, n =>
                {
                    if (n % 100_000 == 0)
                    {
                        Console.WriteLine(FormattableString.Invariant($"  {n} referrals, {clock.Elapsed.TotalSeconds:F0} s"));
                    }
                });
                Console.WriteLine(FormattableString.Invariant($"wrote {written} referrals in {clock.Elapsed.TotalSeconds:F1} s ({written / clock.Elapsed.TotalSeconds:F0} a second)"));
            }
            for (var i = 0; i < AreaSets.Length; i++)
            {
                var email = $"bench-commissioner-{i}@example.invalid";
                if (!await db.Users.AnyAsync(u => u.Email == email))
                {
                    await new AccountAdministration(db, time).AddUserAsync(email, Roles.Commissioner, null, AreaSets[i], Actor.CommandLine);
                }
            }
            Console.WriteLine(FormattableString.Invariant($"database: {await db.Services.CountAsync()} services, {await db.Referrals.CountAsync()} referrals, {await db.ReferralEvents.CountAsync()} referral events"));
        }

        var refresh = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await using (var db = await OpenAsync(connection))
        {
            var count = await new CommissioningSnapshots(db, time).RefreshAsync();
            Process.GetCurrentProcess().Refresh();
            Console.WriteLine(FormattableString.Invariant($"refresh: {count} snapshots in {refresh.Elapsed.TotalSeconds:F1} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F1} s CPU, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
        }

        var users = new List<Guid>();
        await using (var db = await OpenAsync(connection))
        {
            for (var i = 0; i < AreaSets.Length; i++)
            {
                var email = $"bench-commissioner-{i}@example.invalid";
                users.Add(await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
            }
        }
        for (var i = 0; i < users.Count; i++)
        {
            var coverage = new List<double>();
            var waits = new List<double>();
            var shown = 0;
            for (var round = 0; round < rounds; round++)
            {
                await using var db = await OpenAsync(connection, migrate: false);
                var clock = Stopwatch.StartNew();
                var areas = await CommissionerAreas.ForUserAsync(db, users[i]);
                foreach (var region in ReferenceData.RegionNames.Keys.Where(r => ReferenceData.UpperTierOf(r).Any(areas.Contains)))
                {
                    _ = await CommissioningSnapshots.CoverageAsync(db, region) ?? throw new InvalidOperationException("no coverage snapshot");
                }
                coverage.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                areas = await CommissionerAreas.ForUserAsync(db, users[i]);
                // What the waits page reads: its figures by area and the first page of its services.
                var report = await CommissioningSnapshots.WaitsPageAsync(db, areas, 1) ?? throw new InvalidOperationException("no waits snapshot");
                waits.Add(clock.Elapsed.TotalMilliseconds);
                shown = report.ServiceCount;
            }
            Console.WriteLine(FormattableString.Invariant($"{string.Join("+", AreaSets[i]),-26} services in waits table {shown,7}: coverage median {Median(coverage):F1} ms (max {coverage.Max():F1}), waits median {Median(waits):F1} ms (max {waits.Max():F1}) from the snapshot, {rounds} rounds"));
        }

        // Before the snapshots: the same figures worked out on the spot, once, for the first commissioner.
        await using (var db = await OpenAsync(connection, migrate: false))
        {
            var areas = await CommissionerAreas.ForUserAsync(db, users[0]);
            var clock = Stopwatch.StartNew();
            var c = new Coverage(db, time);
            foreach (var region in ReferenceData.RegionNames.Keys.Where(r => ReferenceData.UpperTierOf(r).Any(areas.Contains)))
            {
                await c.ForRegionAsync(region);
            }
            var coverageMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            await WaitsReport.ForAsync(db, time, areas);
            Console.WriteLine(FormattableString.Invariant($"on the spot (as before), {string.Join("+", AreaSets[0])}: coverage {coverageMs / 1000:F1} s, waits {clock.Elapsed.TotalSeconds:F1} s"));
        }
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }

    private static async Task<WaymarkDbContext> OpenAsync(string connection, bool migrate = true)
    {
        var db = Database.Open(connection);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        if (migrate)
        {
            await db.Database.MigrateAsync();
        }
        return db;
    }
}
