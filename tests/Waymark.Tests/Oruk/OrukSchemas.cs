using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace Waymark.Tests.Oruk;

/// <summary>
/// The schema set the official ORUK validator checks a feed against (standards/oruk-3.0/validator-schemas in this repository, copied beside the test binaries),
/// evaluated as draft 2020-12 (their dialect; it allows their extra keywords such as "name" and "core") with format
/// assertion on (uuid, date-time, uri, email), as the validator does.
/// </summary>
public static class OrukSchemas
{
    private static readonly Lazy<string> Folder = new(FindFolder);
    private static readonly ConcurrentDictionary<string, JsonSchema> Loaded = new();

    private static readonly EvaluationOptions Options = new()
    {
        RequireFormatValidation = true,
        OutputFormat = OutputFormat.List,
    };

    public static readonly string[] EnvelopeFields =
        ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"];

    /// <summary>The errors of a body against a schema file (e.g. "service.json"); empty when it validates.</summary>
    public static List<string> Errors(string schemaFile, JsonElement body)
    {
        var schema = Loaded.GetOrAdd(schemaFile, f =>
            JsonSchema.FromText(File.ReadAllText(Path.Combine(Folder.Value, f)), new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 }, new Uri("https://waymark.test/oruk/" + f)));
        var result = schema.Evaluate(body, Options);
        if (result.IsValid)
        {
            return [];
        }
        return [.. (result.Details ?? [result])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}"))
            .DefaultIfEmpty($"{schemaFile}: invalid")];
    }

    /// <summary>
    /// A list page as the validator judges it, plus the compliance rule that the envelope is exactly the eight
    /// fields. organization_list.json in the validator's set is the organisation schema itself rather than a
    /// page, so its items are checked against it.
    /// </summary>
    public static List<string> ListErrors(string listSchemaFile, JsonElement body)
    {
        var errors = new List<string>();
        var names = body.ValueKind == JsonValueKind.Object ? body.EnumerateObject().Select(p => p.Name).Order().ToList() : [];
        if (!names.SequenceEqual(EnvelopeFields.Order()))
        {
            errors.Add($"envelope fields are [{string.Join(", ", names)}]");
            return errors;
        }
        foreach (var (field, kind) in new[] { ("total_items", JsonValueKind.Number), ("total_pages", JsonValueKind.Number), ("page_number", JsonValueKind.Number), ("size", JsonValueKind.Number), ("contents", JsonValueKind.Array) })
        {
            if (body.GetProperty(field).ValueKind != kind)
            {
                errors.Add($"{field} is {body.GetProperty(field).ValueKind}");
            }
        }
        foreach (var flag in new[] { "first_page", "last_page", "empty" })
        {
            if (body.GetProperty(flag).ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add($"{flag} is not a boolean");
            }
        }
        if (listSchemaFile == "organization_list.json")
        {
            foreach (var item in body.GetProperty("contents").EnumerateArray())
            {
                errors.AddRange(Errors(listSchemaFile, item));
            }
        }
        else
        {
            errors.AddRange(Errors(listSchemaFile, body));
        }
        return errors;
    }

    private static string FindFolder() => Standards.Path("validator-schemas");
}
