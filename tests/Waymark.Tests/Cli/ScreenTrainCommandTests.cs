using System.Reflection;
using Waymark.Core.Screening;
using Waymark.Tests.Wall;

namespace Waymark.Tests.Cli;

/// <summary><c>waymark screen-train</c>: the learned rules that ship are exactly what the command makes from the spent sets and the near-misses (ADR 0021, 0028).</summary>
public sealed class ScreenTrainCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Training_on_the_spent_sets_and_near_misses_reproduces_the_shipped_model_byte_for_byte()
    {
        var output = _cli.PathOf("model.txt");

        var run = await _cli.RunAsync(["screen-train", "--out", output, .. LabelledPost.TrainingFiles.Select(LabelledPost.PathOf)]);

        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("trained on 12678 posts:", run.Output, StringComparison.Ordinal);
        using var shipped = typeof(LearnedRules).Assembly.GetManifestResourceStream("Waymark.Core.screening-model.txt")!;
        using var reader = new StreamReader(shipped);
        Assert.Equal(reader.ReadToEnd().ReplaceLineEndings("\n"), await File.ReadAllTextAsync(output));
    }

    [Fact]
    public async Task A_line_that_is_not_a_labelled_post_is_named_and_nothing_is_written()
    {
        var set = _cli.Write("set.jsonl", string.Join('\n',
            """{"id":"a","text":"one day at a time","rules":["R10"],"outcome":"publish"}""",
            """{"id":"b","text":"no outcome here","rules":[]}"""));
        var output = _cli.PathOf("model.txt");

        var run = await _cli.RunAsync("screen-train", "--out", output, set);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("set.jsonl line 2: not a labelled post", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }
}
