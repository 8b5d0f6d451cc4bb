using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Waymark.Bench;

/// <summary>
/// The ORUK services list and the server at scale (issue 20 items 3 and 4), on a database already filled (e.g.
/// `waymark generate --services 1000000` then `waymark import oruk`): starts the Release web app on it and gives
/// start to first answer, the server's memory once ready, the median time of the first, middle and last pages of
/// `/oruk/services` (no filter, and one filtered by an organisation), and the server's peak memory above idle while
/// `format=ndjson` streams the whole list.
/// </summary>
public static class OrukListTiming
{
    public static async Task RunAsync(string appDll, string connection, int port, int rounds, bool streamFull, TimeSpan? streamFor = null, bool startOnly = false)
    {
        var root = new Uri($"http://127.0.0.1:{port}/");
        var folder = Directory.CreateTempSubdirectory("waymark-oruk-lists");
        Say($"app {appDll}; {Environment.ProcessorCount} cores, load average {PerQuery.LoadAverage()}; {rounds} rounds a page");
        var clock = Stopwatch.StartNew();
        using var server = AccountTiming.Start(appDll, connection, root, folder.FullName, new Dictionary<string, string>
        {
            ["WAYMARK_ORUK_REQUESTS_PER_MINUTE"] = "1000000",
            ["WAYMARK_ORUK_HEAVY_REQUESTS_PER_MINUTE"] = "1000000",
        });
        try
        {
            using var http = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromHours(1) };
            await FirstAnswerAsync(http, server);
            Say($"start to first answer {clock.Elapsed.TotalSeconds:0.0} s; server memory once ready {Rss(server) / 1e6:0} MB RSS; load {PerQuery.LoadAverage()}");
            if (startOnly)
            {
                return;
            }

            var first = await GetAsync(http, "/oruk/services?page=1&per_page=1");
            var total = first.GetProperty("total_items").GetInt32();
            var organisation = first.GetProperty("contents")[0].GetProperty("organization").GetProperty("id").GetString();
            var lists = new (string Label, string Query)[] { ("all", ""), ("organisation", $"&organization_id={organisation}") };
            foreach (var (label, query) in lists)
            {
                var envelope = await GetAsync(http, $"/oruk/services?page=1{query}");
                var pages = envelope.GetProperty("total_pages").GetInt32();
                var which = new[] { 1, Math.Max(1, (pages + 1) / 2), pages }.Distinct().ToArray();
                var times = which.ToDictionary(p => p, _ => new List<double>());
                for (var round = 0; round < rounds + 2; round++)
                {
                    foreach (var page in which)
                    {
                        var watch = Stopwatch.StartNew();
                        var body = await GetAsync(http, $"/oruk/services?page={page}{query}");
                        watch.Stop();
                        if (body.GetProperty("page_number").GetInt32() != page || body.GetProperty("empty").GetBoolean())
                        {
                            throw new InvalidOperationException($"page {page} came back empty or wrong");
                        }
                        if (round >= 2)
                        {
                            times[page].Add(watch.Elapsed.TotalMilliseconds);
                        }
                    }
                }
                Say($"{label}: {envelope.GetProperty("total_items").GetInt32():N0} services, {pages:N0} pages of 50; " + string.Join("; ", which.Select(p =>
                    FormattableString.Invariant($"{(p == 1 ? "first" : p == pages ? "last" : "middle")} (page {p}) median {Median(times[p]):0.0} ms, p95 {Percentile(times[p], 95):0.0} ms")))
                    + $"; load {PerQuery.LoadAverage()}");
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
            var idle = Rss(server);
            long peak = idle;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Rss(server));
                    await Task.Delay(20);
                }
            });
            var streamClock = Stopwatch.StartNew();
            long lines = 0;
            using (var response = await http.GetAsync(new Uri($"/oruk/services?format=ndjson{(streamFull ? "" : "&minimal=true")}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead))
            {
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
                while (await reader.ReadLineAsync() is not null)
                {
                    lines++;
                    if (streamFor is { } limit && streamClock.Elapsed >= limit)
                    {
                        break;
                    }
                }
            }
            await sampling.CancelAsync();
            await sampler;
            var whole = lines == total;
            if (!whole && streamFor is null)
            {
                throw new InvalidOperationException($"the stream had {lines} lines for {total} services");
            }
            Say($"ndjson ({(streamFull ? "full" : "minimal")} services): {lines:N0} lines{(whole ? "" : $" of {total:N0} (stopped at --stream-seconds)")} in {streamClock.Elapsed.TotalSeconds:0} s " +
                $"({lines / streamClock.Elapsed.TotalSeconds:0} a second); server RSS idle {idle / 1e6:0} MB, " +
                $"peak {peak / 1e6:0} MB, so {(peak - idle) / 1e6:0} MB above idle; load {PerQuery.LoadAverage()}");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            folder.Delete(recursive: true);
        }
    }

    private static async Task FirstAnswerAsync(HttpClient http, Process server)
    {
        while (true)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException("the app stopped while starting");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/api/v1/match?near=53.8008,-1.5491", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Resident memory of the server process, from /proc.</summary>
    private static long Rss(Process process)
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }

    private static double Median(List<double> values) => Percentile(values, 50);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static void Say(string line) => Console.WriteLine(FormattableString.Invariant($"{DateTime.UtcNow:HH:mm:ss} {line}"));
}
