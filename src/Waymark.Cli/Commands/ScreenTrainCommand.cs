using System.CommandLine;
using System.Globalization;
using System.Text;
using Waymark.Core.Screening;

namespace Waymark.Cli.Commands;

/// <summary>
/// <c>waymark screen-train --out model.txt set.jsonl…</c>: fits the screener's learned rules (ADR 0021) to labelled
/// sets and writes the model file that ships as a Core resource. Deterministic: the same sets give the same file.
/// </summary>
internal static class ScreenTrainCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("set.jsonl") { Description = "Labelled sets: one JSON object a line with \"text\", \"rules\", \"outcome\" and optionally \"kind\".", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Where to write the model (src/Waymark.Core/Screening/screening-model.txt to ship it).", Required = true };
        var command = new Command("screen-train", "Fit the screener's learned rules to labelled sets and write the model file.") { files, output };
        command.SetAction((parse, ct) => context.GuardAsync(async () =>
        {
            var posts = new List<TrainingPost>();
            foreach (var file in parse.GetRequiredValue(files))
            {
                posts.AddRange(TrainingPost.ReadJsonLines(file));
            }
            var model = LearnedRulesTrainer.Train(posts);
            await File.WriteAllTextAsync(parse.GetRequiredValue(output), model.ToString(), new UTF8Encoding(false), ct);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"trained on {posts.Count} posts: {model.FeatureCount} features; thresholds {string.Join(", ", LearnedRules.Modelled.Select((r, i) => $"{r} {LearnedRules.Format(model.Thresholds[i])}"))}"));
            return 0;
        }));
        return command;
    }
}
