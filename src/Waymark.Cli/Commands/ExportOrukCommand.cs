using System.CommandLine;
using Waymark.Core.Oruk;

namespace Waymark.Cli.Commands;

/// <summary><c>waymark export oruk &lt;file&gt;</c></summary>
internal static class ExportOrukCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "Where to write the JSON array of full ORUK services." };
        var compact = new Option<bool>("--compact") { Description = "Write compact JSON instead of indented." };
        var command = new Command("oruk", "Export every service as an ORUK 3.0 JSON array of full services, ordered by id.") { file, compact };
        command.SetAction((parse, ct) => context.GuardAsync(async () =>
        {
            await using var db = await context.OpenAsync(parse, ct);
            var path = parse.GetRequiredValue(file);
            var temp = path + ".partial";
            int count;
            await using (var output = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                count = await new OrukExporter(db).ExportAsync(output, indented: !parse.GetValue(compact), ct);
            }
            File.Move(temp, path, overwrite: true);
            await context.Output.WriteLineAsync($"exported {count} services to {path}");
            return 0;
        }));
        return command;
    }
}
