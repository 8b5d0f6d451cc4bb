using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Waymark.Core.Screening;

namespace Waymark.Bench;

/// <summary>
/// Times the wall's screener per post over the labelled posts (all different), against a baseline in the same run:
/// a plain pass that lower-cases each post and splits it into words, so the ratio says what the rules cost on top; and on
/// the longest posts the word lists alone too, so the ratio says what the learned rules add; and everywhere the same
/// screener walking every pattern filed under a word (<see cref="PostScreener.WithoutSkipping"/>), the build before.
/// </summary>
public static class ScreenerTiming
{
    private static readonly string[] Files = ["labelled-posts.jsonl", "held-out-posts.jsonl"];
    private static readonly char[] Separators = [' ', '.', ',', '!', '?', '\n', '-', '\'', '/', ':', ';'];

    public static void Run(string folder, int passes)
    {
        var posts = Files
            .SelectMany(f => File.ReadLines(Path.Combine(folder, f)))
            .Where(l => l.Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Text: e.GetProperty("text").GetString()!, Kind: e.TryGetProperty("kind", out var k) && k.GetString() == "display_name" ? ScreenedKind.DisplayName : ScreenedKind.Post))
            .ToList();
        var screener = PostScreener.Default;
        // The same screener walking every pattern filed under a word (no skipping of patterns that need a word the post
        // lacks), timed in the same loops: the build before the skip, as a baseline in the same run.
        var walking = PostScreener.WithoutSkipping;
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()}, .NET {Environment.Version}; {posts.Count} posts, mean {posts.Average(p => p.Text.Length):0} characters; {passes} timed passes");

        var sink = 0L;
        for (var warm = 0; warm < 5; warm++)
        {
            foreach (var (text, kind) in posts)
            {
                sink += (int)screener.Screen(text, kind).Outcome + (int)walking.Screen(text, kind).Outcome + Baseline(text);
            }
        }
        var screen = new List<double>(posts.Count * passes);
        var baseline = new List<double>(posts.Count * passes);
        // Thread CPU time per post as well: on a shared machine the wall clock also counts time the thread was not running.
        var screenCpu = new List<double>(posts.Count * passes);
        var walkingCpu = new List<double>(posts.Count * passes);
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var (text, kind) in posts)
            {
                var t = Stopwatch.GetTimestamp();
                sink += Baseline(text);
                baseline.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
                var cpu = ThreadClock.NowMs();
                t = Stopwatch.GetTimestamp();
                sink += (int)screener.Screen(text, kind).Outcome;
                screen.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
                screenCpu.Add((ThreadClock.NowMs() - cpu) * 1000);
                cpu = ThreadClock.NowMs();
                sink += (int)walking.Screen(text, kind).Outcome;
                walkingCpu.Add((ThreadClock.NowMs() - cpu) * 1000);
            }
        }
        Console.WriteLine(Line("screener per post", screen));
        Console.WriteLine(Line("screener CPU time per post", screenCpu));
        Console.WriteLine(Line("walking every filed pattern (before), CPU time per post", walkingCpu));
        Console.WriteLine(Line("baseline per post (lower-case + split into words)", baseline));
        // The wall's longest posts: 1,000 characters, made by joining the labelled posts in turn.
        var longPosts = new List<string>();
        for (var i = 0; i < posts.Count; i++)
        {
            var text = "";
            for (var j = i; text.Length < 1000; j = (j + 1) % posts.Count)
            {
                text += posts[j].Text + ". ";
            }
            longPosts.Add(text[..1000]);
        }
        var longCpu = new List<double>(longPosts.Count * passes);
        var longBaselineCpu = new List<double>(longPosts.Count * passes);
        // The word lists alone (no learned rules), timed in the same loop: what the learned rules add is the difference.
        var listsOnly = PostScreener.RulesOnly;
        var longListsCpu = new List<double>(longPosts.Count * passes);
        var longWalkingCpu = new List<double>(longPosts.Count * passes);
        for (var pass = 0; pass < passes; pass++)
        {
            foreach (var text in longPosts)
            {
                var cpu = ThreadClock.NowMs();
                sink += Baseline(text);
                longBaselineCpu.Add((ThreadClock.NowMs() - cpu) * 1000);
                cpu = ThreadClock.NowMs();
                sink += (int)listsOnly.Screen(text).Outcome;
                longListsCpu.Add((ThreadClock.NowMs() - cpu) * 1000);
                cpu = ThreadClock.NowMs();
                sink += (int)screener.Screen(text).Outcome;
                longCpu.Add((ThreadClock.NowMs() - cpu) * 1000);
                cpu = ThreadClock.NowMs();
                sink += (int)walking.Screen(text).Outcome;
                longWalkingCpu.Add((ThreadClock.NowMs() - cpu) * 1000);
            }
        }
        Console.WriteLine(Line("screener CPU time per 1,000-character post", longCpu));
        Console.WriteLine(Line("walking every filed pattern (before), CPU time per 1,000-character post", longWalkingCpu));
        Console.WriteLine(Line("word lists alone, CPU time per 1,000-character post", longListsCpu));
        Console.WriteLine(Line("baseline CPU time per 1,000-character post (lower-case + split into words)", longBaselineCpu));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio walking (before)/screener: per post median {Percentile(walkingCpu, 50) / Percentile(screenCpu, 50):0.00}x, p95 {Percentile(walkingCpu, 95) / Percentile(screenCpu, 95):0.00}x; 1,000-character posts median {Percentile(longWalkingCpu, 50) / Percentile(longCpu, 50):0.00}x, p95 {Percentile(longWalkingCpu, 95) / Percentile(longCpu, 95):0.00}x, p99 {Percentile(longWalkingCpu, 99) / Percentile(longCpu, 99):0.00}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio screener/word lists alone, 1,000-character posts: median {Percentile(longCpu, 50) / Percentile(longListsCpu, 50):0.00}x, p95 {Percentile(longCpu, 95) / Percentile(longListsCpu, 95):0.00}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio screener/baseline, 1,000-character posts: median {Percentile(longCpu, 50) / Percentile(longBaselineCpu, 50):0.0}x, p95 {Percentile(longCpu, 95) / Percentile(longBaselineCpu, 95):0.0}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio screener/baseline: median {Percentile(screen, 50) / Percentile(baseline, 50):0.0}x, mean {screen.Average() / baseline.Average():0.0}x (checksum {sink})"));
    }

    // What any text handling must do anyway: lower-case the post and split it into words.
    private static int Baseline(string text)
    {
        var lower = text.ToLowerInvariant();
        return lower.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Length;
    }

    private static string Line(string what, List<double> micros) => string.Create(CultureInfo.InvariantCulture,
        $"{what}: median {Percentile(micros, 50):0.0} µs, p95 {Percentile(micros, 95):0.0} µs, p99 {Percentile(micros, 99):0.0} µs, mean {micros.Average():0.0} µs, max {micros.Max():0.0} µs ({micros.Count} timings)");

    private static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }
}
