using System.CommandLine;
using Waymark.Core.Oruk;

namespace Waymark.Cli.Commands;

/// <summary><c>waymark import oruk &lt;file-or-url&gt; [--skip-invalid]</c></summary>
internal static class ImportOrukCommand
{
    public static Command Create(CliContext context)
    {
        var source = new Argument<string>("file-or-url") { Description = "An ORUK 3.0 feed: a JSON array of services, a page envelope, ndjson, or an ORUK API base URL." };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import the valid records and report the rest, instead of importing nothing." };
        var verbose = new Option<bool>("--verbose") { Description = "Also print the time spent in each phase of the import." };
        var command = new Command("oruk", "Import an Open Referral UK 3.0 feed, upserting services by id in one transaction.") { source, skipInvalid, verbose };
        command.SetAction((parse, ct) => context.GuardAsync(async () =>
        {
            await using var db = await context.OpenAsync(parse, ct);
            var importer = new OrukImporter(db, context.Time);
            var from = parse.GetRequiredValue(source);
            var skip = parse.GetValue(skipInvalid);
            var result = OrukFeedReader.IsUrl(from)
                ? await importer.ImportUrlAsync(context.Http, from, skip, ct)
                : await importer.ImportFileAsync(from, skip, ct);
            foreach (var rejection in result.Rejections)
            {
                await context.Error.WriteLineAsync($"rejected {rejection}");
            }
            await context.Output.WriteLineAsync(result.Summary);
            if (parse.GetValue(verbose))
            {
                foreach (var (phase, time) in importer.Timings.Phases)
                {
                    await context.Error.WriteLineAsync(FormattableString.Invariant($"  {phase,-32} {time.TotalSeconds,8:F2} s"));
                }
            }
            if (!result.Committed)
            {
                await context.Error.WriteLineAsync($"waymark: nothing was imported because {result.Rejected} record(s) are invalid (use --skip-invalid to import the rest)");
                return 1;
            }
            return 0;
        }));
        return command;
    }
}
