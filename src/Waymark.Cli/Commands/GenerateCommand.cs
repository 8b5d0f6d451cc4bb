using System.CommandLine;
using Waymark.Core.Oruk;

namespace Waymark.Cli.Commands;

/// <summary><c>waymark generate --services N --seed S --out &lt;file&gt;</c>, or <c>waymark generate --referrals N --seed S --database …</c></summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var services = new Option<int?>("--services") { Description = "How many services to write to the feed (--out)." };
        var referrals = new Option<int?>("--referrals") { Description = "How many referrals to write straight into the database (--database), to the services already in it, over the last 200 days; bulk inserts, for scale tests of the commissioning figures." };
        var seed = new Option<int>("--seed") { Description = "The seed; the same seed writes the same feed.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "The file to write.", DefaultValueFactory = _ => "synthetic.json" };
        var command = new Command("generate", "Write a synthetic ORUK feed of plausible, fictional services spread over England (--services), or synthetic referrals into the database (--referrals), for load and scale tests.")
        {
            services, referrals, seed, output,
        };
        command.SetAction((parse, ct) => context.GuardAsync(async () =>
        {
            if (parse.GetValue(referrals) is { } r)
            {
                if (r < 0 || parse.GetValue(services) is not null)
                {
                    throw new ArgumentException("--referrals must be 0 or more, and is not given with --services (import the services first)");
                }
                await using var db = await context.OpenAsync(parse, ct);
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var written = await new Core.Referrals.SyntheticReferrals(parse.GetValue(seed)).WriteAsync(db, r, context.Time, ct: ct);
                await context.Output.WriteLineAsync(FormattableString.Invariant($"wrote {written} referrals in {clock.Elapsed.TotalSeconds:F1} s"));
                return 0;
            }
            var n = parse.GetValue(services) ?? throw new ArgumentException("give --services N (a feed) or --referrals N (into the database)");
            if (n < 0)
            {
                throw new ArgumentException("--services must be 0 or more");
            }
            var path = parse.GetRequiredValue(output);
            await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await new SyntheticDirectory(parse.GetValue(seed)).WriteAsync(file, n, ct);
            }
            await context.Output.WriteLineAsync($"wrote {n} services to {path}");
            return 0;
        }));
        return command;
    }
}
