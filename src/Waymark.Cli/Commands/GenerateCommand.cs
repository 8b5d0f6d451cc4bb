using System.CommandLine;
using Waymark.Core.Oruk;

namespace Waymark.Cli.Commands;

/// <summary><c>waymark generate --services N --seed S --out &lt;file&gt;</c></summary>
internal static class GenerateCommand
{
    public static Command Create(CliContext context)
    {
        var services = new Option<int>("--services") { Description = "How many services.", Required = true };
        var seed = new Option<int>("--seed") { Description = "The seed; the same seed writes the same feed.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "The file to write.", DefaultValueFactory = _ => "synthetic.json" };
        var command = new Command("generate", "Write a synthetic ORUK feed of plausible, fictional services spread over England, for load and scale tests.")
        {
            services, seed, output,
        };
        command.SetAction((parse, ct) => context.GuardAsync(async () =>
        {
            var n = parse.GetValue(services);
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
