using System.CommandLine;
using System.Text.Json;
using Waymark.Core.Screening;

namespace Waymark.Cli.Commands;

/// <summary><c>waymark screen &lt;file.jsonl&gt;</c>: the wall's screener over anyone's own set of posts; no database.</summary>
internal static class ScreenCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file.jsonl") { Description = "One JSON object a line: {\"id\": …, \"text\": \"…\"}, and \"kind\": \"display_name\" for a display name." };
        var command = new Command("screen", "Screen posts against the safe-messaging rules; writes {\"id\",\"outcome\",\"rules\"} a line, outcome one of publish, warn, hold, reject, urgent.") { file };
        command.SetAction((parse, ct) => context.GuardAsync(async () =>
        {
            var bad = 0;
            var number = 0;
            using var reader = new StreamReader(parse.GetRequiredValue(file));
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                if (Read(line, out var id, out var text, out var kind) is { } problem)
                {
                    bad++;
                    await context.Error.WriteLineAsync($"line {number}: {problem}");
                    continue;
                }
                var result = PostScreener.Default.Screen(text!, kind);
                await context.Output.WriteLineAsync(Write(id, result));
            }
            if (bad > 0)
            {
                await context.Error.WriteLineAsync($"waymark: {bad} line(s) could not be screened");
                return 1;
            }
            return 0;
        }));
        return command;
    }

    // The problem with a line, in words, or null when it has an id (string or number) and a text.
    private static string? Read(string line, out JsonElement id, out string? text, out ScreenedKind kind)
    {
        id = default;
        text = null;
        kind = ScreenedKind.Post;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return $"not JSON ({ex.Message.Split('.')[0]})";
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "not a JSON object";
            }
            if (!root.TryGetProperty("id", out var idValue) || idValue.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                return "\"id\" is missing or not a string or number";
            }
            if (!root.TryGetProperty("text", out var textValue) || textValue.ValueKind != JsonValueKind.String)
            {
                return "\"text\" is missing or not a string";
            }
            if (root.TryGetProperty("kind", out var kindValue))
            {
                switch (kindValue.GetString())
                {
                    case "post" or "reply":
                        break;
                    case "display_name":
                        kind = ScreenedKind.DisplayName;
                        break;
                    default:
                        return "\"kind\" must be post, reply or display_name";
                }
            }
            id = idValue.Clone();
            text = textValue.GetString();
            return null;
        }
    }

    private static string Write(JsonElement id, ScreeningResult result)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("id");
            id.WriteTo(json);
            json.WriteString("outcome", result.Outcome.ToString().ToLowerInvariant());
            json.WriteStartArray("rules");
            foreach (var rule in result.Rules)
            {
                json.WriteStringValue(rule.ToString());
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
