using System.Text.Json;

namespace Waymark.Core.Screening;

/// <summary>One labelled post to learn from: the rules a person reading it said it breaks, and the strictest outcome.</summary>
public sealed record TrainingPost(string Text, ScreenedKind Kind, IReadOnlyList<SafeMessagingRule> Rules, ScreeningOutcome Outcome)
{
    /// <summary>Reads a labelled set: one JSON object a line with "text", "rules", "outcome" and optionally "kind".</summary>
    public static List<TrainingPost> ReadJsonLines(string path)
    {
        var posts = new List<TrainingPost>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                posts.Add(new TrainingPost(
                    root.GetProperty("text").GetString()!,
                    root.TryGetProperty("kind", out var kind) && kind.GetString() == "display_name" ? ScreenedKind.DisplayName : ScreenedKind.Post,
                    [.. root.GetProperty("rules").EnumerateArray().Select(r => Enum.Parse<SafeMessagingRule>(r.GetString()!))],
                    Enum.Parse<ScreeningOutcome>(root.GetProperty("outcome").GetString()!, ignoreCase: true)));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or ArgumentException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path} line {number}: not a labelled post ({ex.Message})", ex);
            }
        }
        return posts;
    }
}
