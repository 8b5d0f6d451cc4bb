using System.Text;
using System.Text.Json;
using Waymark.Core.Screening;

namespace Waymark.Tests.Wall;

/// <summary>
/// The screener skips a pattern when a word step it needs can take no word of the post (<see cref="RequiredSteps"/>), for
/// speed (issue 14: under 1 ms a post). Skipping must change nothing: the same outcome, rules, lists and spans as walking
/// every pattern filed under a word (<see cref="PostScreener.WithoutSkipping"/>).
/// </summary>
public sealed class ScreenerSkipTests
{
    [Fact]
    public void Skipping_absent_words_gives_exactly_the_plain_walk_on_every_labelled_post()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Wall");
        var texts = new List<(string Id, string Text, ScreenedKind Kind)>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                if (line.Length == 0)
                {
                    continue;
                }
                var post = JsonSerializer.Deserialize<LabelledPost>(line)!;
                texts.Add(($"{Path.GetRelativePath(folder, file)}:{number}", post.Text, post.ScreenedKind));
            }
        }
        // And the wall's longest posts (1,000 characters), made by joining the labelled posts in turn, as the benchmark does.
        var count = texts.Count;
        for (var i = 0; i < count; i += 3)
        {
            var text = new StringBuilder();
            for (var j = i; text.Length < 1000; j = (j + 1) % count)
            {
                text.Append(texts[j].Text).Append(". ");
            }
            texts.Add(($"long:{i}", text.ToString(0, 1000), ScreenedKind.Post));
        }

        var differ = new List<string>();
        var spans = 0;
        foreach (var (id, text, kind) in texts)
        {
            var skipping = Describe(PostScreener.Default.Screen(text, kind));
            var walking = Describe(PostScreener.WithoutSkipping.Screen(text, kind));
            if (skipping != walking)
            {
                differ.Add($"{id}\n  skipping: {skipping}\n  walking:  {walking}");
            }
            spans += PostScreener.Default.Screen(text, kind).Matches.Sum(m => m.Spans.Count);
        }
        Assert.True(texts.Count > 5_000, $"only {texts.Count} posts found under {folder}");
        Assert.True(spans > 10_000, $"only {spans} spans: the comparison would prove little");
        Assert.True(differ.Count == 0, $"{differ.Count} of {texts.Count} posts differ:\n{string.Join('\n', differ.Take(5))}");
    }

    // A small lexicon of its own, so that skipping is shown right for lists other than today's: a needed step reached only
    // by a spelling fix, steps after gaps and optional words, prefixes, and a pattern whose needed word is missing.
    private const string Lexicon = """
        {
          "negators": ["not"], "first_person": ["i", "my"], "name_titles": [],
          "first_names": { "words": [], "also_words": [] },
          "display_name_compounds": { "words": {} }, "respellings": { "words": {} },
          "classes": { "means": { "words": ["rope", "pills|tablets", "the bridge"] } },
          "groups": [
            { "id": "plan", "rules": ["R9"], "reason": "Test.", "why": "test", "patterns": ["want ..3 ~suicide", "going to? use @means tonight", "bought? so* many ..2 @means"] },
            { "id": "safe", "rules": ["R4"], "reason": "Test.", "why": "test", "patterns": ["my (old|new)? bike ..2 broke down"] }
          ]
        }
        """;

    [Theory]
    [InlineData("i want to comit sucide", "plan")]
    [InlineData("i want to commit suicide", "plan")]
    [InlineData("going to use the bridge tonight", "plan")]
    [InlineData("going use tablets tonight", "plan")]
    [InlineData("so many of the pills", "plan")]
    [InlineData("bought sooo many tablets", "plan")]
    [InlineData("so very many of the pills", null)]
    [InlineData("my bike really broke down", "safe")]
    [InlineData("my new bike broke down", "safe")]
    [InlineData("i want to go home", null)]
    [InlineData("going to use the car tonight", null)]
    public void Skipping_gives_the_plain_walk_on_another_lexicon(string text, string? group)
    {
        var lexicon = ScreeningLexicon.Load(new MemoryStream(Encoding.UTF8.GetBytes(Lexicon)));
        var skipping = new PostScreener(lexicon, null).Screen(text);
        var walking = new PostScreener(lexicon, null, skipAbsent: false).Screen(text);
        Assert.Equal(Describe(walking), Describe(skipping));
        Assert.Equal(group, skipping.Matches.Select(m => m.Group).SingleOrDefault());
    }

    private static string Describe(ScreeningResult result) => JsonSerializer.Serialize(new
    {
        result.Outcome,
        Matches = result.Matches.Select(m => new { m.Rule, m.Outcome, m.Group, m.Negated, m.Reason, Spans = m.Spans.Select(s => $"{s.Start}+{s.Length}:{s.Text}") }),
        result.AuthorMessage,
        result.EditSuggestion,
    });
}
