using System.Text.Json;
using Waymark.Core.Screening;

namespace Waymark.Bench;

/// <summary>
/// Writes what the screener says about every labelled post (every .jsonl under the folder), and about the 1,000-character
/// posts the timing makes from them: outcome, and per match its rule, list, outcome, negation and spans. Two builds'
/// files can then be compared byte for byte (a speed change must not change one span).
/// </summary>
public static class ScreenerDump
{
    public static void Run(string folder, string output)
    {
        var screener = PostScreener.Default;
        using var writer = new StreamWriter(output);
        var all = new List<string>();
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
                var e = JsonDocument.Parse(line).RootElement;
                var text = e.GetProperty("text").GetString()!;
                var kind = e.TryGetProperty("kind", out var k) && k.GetString() == "display_name" ? ScreenedKind.DisplayName : ScreenedKind.Post;
                all.Add(text);
                writer.WriteLine(Describe($"{Path.GetRelativePath(folder, file)}:{number}", screener.Screen(text, kind)));
            }
        }
        for (var i = 0; i < all.Count; i++)
        {
            var text = "";
            for (var j = i; text.Length < 1000; j = (j + 1) % all.Count)
            {
                text += all[j] + ". ";
            }
            writer.WriteLine(Describe($"long:{i}", screener.Screen(text[..1000])));
        }
        Console.WriteLine($"wrote {all.Count * 2} results to {output}");
    }

    private static string Describe(string id, ScreeningResult result) => JsonSerializer.Serialize(new
    {
        id,
        outcome = result.Outcome.ToString(),
        matches = result.Matches.Select(m => new
        {
            rule = m.Rule.ToString(),
            outcome = m.Outcome.ToString(),
            m.Group,
            m.Negated,
            m.Reason,
            spans = m.Spans.Select(s => new[] { s.Start.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Text }),
        }),
        result.AuthorMessage,
        result.EditSuggestion,
    });
}
