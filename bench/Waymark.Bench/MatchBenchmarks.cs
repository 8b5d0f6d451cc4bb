using BenchmarkDotNet.Attributes;
using Waymark.Core.Matching;

namespace Waymark.Bench;

/// <summary>
/// The 1,000 searches against the in-memory snapshot. One operation is one search: the benchmark runs all 1,000
/// and BenchmarkDotNet divides by <see cref="QuerySet.DefaultCount"/> (a mean per search, not a median: for
/// per-search medians and tails use <c>--per-query</c>).
/// </summary>
[MemoryDiagnoser]
public class MatchBenchmarks
{
    private DirectorySnapshot _snapshot = DirectorySnapshot.Empty;
    private IReadOnlyList<BenchQuery> _queries = [];
    private readonly Matcher _matcher = Directories.NewMatcher();

    [Params(10_000, 100_000, 1_000_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = Directories.Build(Services);
        _queries = QuerySet.Create();
    }

    [Benchmark(OperationsPerInvoke = QuerySet.DefaultCount)]
    public int Match()
    {
        var found = 0;
        foreach (var q in _queries)
        {
            found += _matcher.Match(_snapshot, q.Query, Directories.BuiltAt).Results.Count;
        }
        return found;
    }
}
