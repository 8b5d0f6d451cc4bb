using System.Text.Json;
using Waymark.Core.Screening;
using Waymark.Tests.Wall;

namespace Waymark.Tests.Cli;

public sealed class ScreenCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Screen_writes_an_outcome_and_rules_for_every_line_in_order()
    {
        var file = _cli.Write("posts.jsonl", string.Join('\n',
            """{"id":"a","text":"absolutely killing it at work this week"}""",
            """{"id":"b","text":"I relapsed last night but I'm safe and I told my support worker"}""",
            """{"id":"c","text":"i'm going to end it tonight"}""",
            "",
            """{"id":7,"text":"kys"}""",
            """{"id":"d","text":"Daniel Whitaker","kind":"display_name"}"""));

        var run = await _cli.RunAsync("screen", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a", "b", "c", "7", "d"], lines.Select(l => l.GetProperty("id").ToString()));
        Assert.Equal(JsonValueKind.Number, lines[3].GetProperty("id").ValueKind);
        Assert.Equal(["publish", "warn", "urgent", "reject", "hold"], lines.Select(l => l.GetProperty("outcome").GetString()));
        Assert.Equal(["R9"], lines[2].GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["R6"], lines[4].GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.All(lines, l => Assert.Equal(["id", "outcome", "rules"], l.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Bad_lines_are_reported_by_number_the_rest_are_screened_and_the_exit_code_is_1()
    {
        var file = _cli.Write("posts.jsonl", string.Join('\n',
            """{"id":"a","text":"one day at a time"}""",
            """{"id":"b","text":""",
            """{"text":"no id here"}""",
            """{"id":"c","text":42}""",
            """["id","text"]""",
            """{"id":"d","text":"x","kind":"poem"}""",
            """{"id":"e","text":"still here"}"""));

        var run = await _cli.RunAsync("screen", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["a", "e"], run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()));
        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("line 2: not JSON", errors[0], StringComparison.Ordinal);
        Assert.Equal("line 3: \"id\" is missing or not a string or number", errors[1]);
        Assert.Equal("line 4: \"text\" is missing or not a string", errors[2]);
        Assert.Equal("line 5: not a JSON object", errors[3]);
        Assert.Equal("line 6: \"kind\" must be post, reply or display_name", errors[4]);
        Assert.Equal("waymark: 5 line(s) could not be screened", errors[5]);
    }

    [Fact]
    public async Task A_missing_file_is_one_line_on_stderr_and_exit_1()
    {
        var run = await _cli.RunAsync("screen", _cli.PathOf("nowhere.jsonl"));

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("waymark: ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Screening_the_labelled_set_through_the_command_gives_what_the_screener_gives()
    {
        var posts = LabelledPost.Load(LabelledPost.TuningFile);
        var run = await _cli.RunAsync("screen", LabelledPost.PathOf(LabelledPost.TuningFile));

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(posts.Count, lines.Length);
        for (var i = 0; i < posts.Count; i++)
        {
            var line = JsonDocument.Parse(lines[i]).RootElement;
            var expected = PostScreener.Default.Screen(posts[i].Text, posts[i].ScreenedKind);
            Assert.Equal(posts[i].Id, line.GetProperty("id").GetString());
            Assert.Equal(expected.Outcome.ToString().ToLowerInvariant(), line.GetProperty("outcome").GetString());
        }
    }
}
