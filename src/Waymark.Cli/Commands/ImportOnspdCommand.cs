using System.CommandLine;
using Waymark.Core.Gazetteer;

namespace Waymark.Cli.Commands;

/// <summary><c>waymark import onspd &lt;csv&gt;</c></summary>
internal static class ImportOnspdCommand
{
    public static Command Create(CliContext context)
    {
        var csv = new Argument<string>("csv") { Description = "The ONS Postcode Directory CSV, or any CSV with pcds, lat and long columns." };
        var command = new Command("onspd", "Load postcodes and their coordinates into the gazetteer, in one transaction.") { csv };
        command.SetAction((parse, ct) => context.GuardAsync(async () =>
        {
            await using var db = await context.OpenAsync(parse, ct);
            var result = await new OnspdImporter(db).ImportAsync(parse.GetRequiredValue(csv), ct);
            await context.Output.WriteLineAsync($"imported {result.Imported} postcodes, skipped {result.Skipped} (terminated, no coordinates or repeated)");
            return 0;
        }));
        return command;
    }
}
