using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Waymark.Bench;

// dotnet run -c Release --project bench/Waymark.Bench -- [--screen [--passes N]] [--screen-dump FILE] [--per-query [--sizes 10000,100000] [--baseline-queries N] [--cold-counts]] [--rebuild N] [--edit-to-search N --database CONN] [--patch-in-memory N [--sizes 1000000]] [--load N --database CONN] [--write-queries FILE] [--answers FILE [--sizes 100000]] [--oruk-lists --database CONN [--app Waymark.Web.dll] [--port P] [--rounds N] [--stream full|minimal] [--stream-seconds S] [--start-only]] [--account-timing N [--app Waymark.Web.dll] [--port P] [--forms "sign-in,sign-in (locked)"]] [BenchmarkDotNet args]
var sizes = Option("--sizes") is { } s
    ? s.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray()
    : new[] { 10_000, 100_000, 1_000_000 };

if (args.Contains("--screen"))
{
    ScreenerTiming.Run(Option("--posts") ?? "tests/Waymark.Tests/Wall", Option("--passes") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : 20);
    return 0;
}
if (Option("--screen-dump") is { } dump)
{
    ScreenerDump.Run(Option("--posts") ?? "tests/Waymark.Tests/Wall", dump);
    return 0;
}
if (Option("--write-queries") is { } file)
{
    await File.WriteAllLinesAsync(file, QuerySet.Create().Select(q => q.QueryString));
    Console.WriteLine($"wrote {QuerySet.DefaultCount} query strings to {file}");
    return 0;
}
if (Option("--rebuild") is { } times)
{
    await PerQuery.RebuildAsync(int.Parse(times, CultureInfo.InvariantCulture));
    return 0;
}
if (Option("--edit-to-search") is { } edits)
{
    var connection = Option("--database") ?? Environment.GetEnvironmentVariable("WAYMARK_BENCH_DATABASE")
        ?? throw new InvalidOperationException("--edit-to-search needs --database \"<connection string>\" (PostgreSQL or SQLite)");
    await EditToSearch.RunAsync(connection, int.Parse(edits, CultureInfo.InvariantCulture));
    return 0;
}
if (Option("--patch-in-memory") is { } patches)
{
    EditToSearch.PatchInMemory(sizes[0], int.Parse(patches, CultureInfo.InvariantCulture));
    return 0;
}
if (Option("--load") is { } loads)
{
    var connection = Option("--database") ?? throw new InvalidOperationException("--load needs --database \"<connection string>\"");
    await EditToSearch.LoadOnlyAsync(connection, int.Parse(loads, CultureInfo.InvariantCulture));
    return 0;
}
if (Option("--account-timing") is { } rounds)
{
    var app = Option("--app") ?? "src/Waymark.Web/bin/Release/net10.0/Waymark.Web.dll";
    await AccountTiming.RunAsync(app, int.Parse(rounds, CultureInfo.InvariantCulture), Option("--port") is { } port ? int.Parse(port, CultureInfo.InvariantCulture) : 5870,
        Option("--forms")?.Split(',').Select(f => f.Trim()).ToList());
    return 0;
}
if (args.Contains("--oruk-lists"))
{
    var connection = Option("--database") ?? throw new InvalidOperationException("--oruk-lists needs --database \"<connection string>\" of a filled directory (SQLite or PostgreSQL)");
    await OrukListTiming.RunAsync(Option("--app") ?? "src/Waymark.Web/bin/Release/net10.0/Waymark.Web.dll", connection,
        Option("--port") is { } port ? int.Parse(port, CultureInfo.InvariantCulture) : 5880,
        Option("--rounds") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 20, Option("--stream") != "minimal",
        Option("--stream-seconds") is { } seconds ? TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)) : null,
        args.Contains("--start-only"));
    return 0;
}
if (args.Contains("--commissioning"))
{
    var connection = Option("--database") ?? throw new InvalidOperationException("--commissioning needs --database \"<connection string>\" (SQLite or PostgreSQL)");
    await CommissioningTiming.RunAsync(connection, int.Parse(Option("--services") ?? "1000000", CultureInfo.InvariantCulture),
        int.Parse(Option("--referrals") ?? "1000000", CultureInfo.InvariantCulture), int.Parse(Option("--rounds") ?? "5", CultureInfo.InvariantCulture));
    return 0;
}
if (Option("--commissioning-http") is { } requests)
{
    var connection = Option("--database") ?? throw new InvalidOperationException("--commissioning-http N needs --database \"<connection string>\" and --url http://127.0.0.1:PORT");
    await CommissioningHttp.RunAsync(Option("--url") ?? "http://127.0.0.1:5890", connection, int.Parse(requests, CultureInfo.InvariantCulture),
        (Option("--areas") ?? "Yorkshire and the Humber").Split(',').Select(a => a.Trim()).ToList());
    return 0;
}
if (Option("--answers") is { } answers)
{
    Answers.Write(sizes, answers);
    return 0;
}
if (args.Contains("--per-query"))
{
    PerQuery.ColdCountsEachPass = args.Contains("--cold-counts");
    await PerQuery.RunAsync(sizes, 100_000, Option("--baseline-queries") is { } b ? int.Parse(b, CultureInfo.InvariantCulture) : QuerySet.DefaultCount);
    return 0;
}

var config = DefaultConfig.Instance.AddJob(Job.Default.WithWarmupCount(2).WithIterationCount(8).WithLaunchCount(1));
BenchmarkSwitcher.FromAssembly(typeof(MatchBenchmarks).Assembly).Run(args, config);
return 0;

string? Option(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
