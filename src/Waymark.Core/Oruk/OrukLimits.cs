using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Waymark.Core.Oruk;

/// <summary>
/// How big an incoming ORUK record may be: every limit in one place (the README's import section lists them). Real
/// listings sit far inside them; a feed that breaks one (a 20-million-character name, 100,000 languages on a service)
/// gets the record rejected, naming the field and the rule, like any other invalid record.
/// </summary>
public static class OrukLimits
{
    /// <summary>One service record's JSON, all its locations, schedules and terms included.</summary>
    public const int MaxRecordBytes = 1 << 20;

    /// <summary>
    /// The most the reader holds for one value of a feed (an array item, an ndjson line, a page envelope) before it
    /// gives up on the whole feed, so a feed cannot exhaust memory. Anything over <see cref="MaxRecordBytes"/> and
    /// under this is read, then rejected as a record.
    /// </summary>
    public const int MaxFeedValueBytes = 64 << 20;

    /// <summary>Names, codes, identifiers, phone numbers, address lines and other one-line values.</summary>
    public const int MaxShortText = 255;

    /// <summary>Descriptions, fees, alerts, notes and other free text.</summary>
    public const int MaxLongText = 10_000;

    /// <summary>Web addresses (url, website, logo, uri, term_uri, schedule_link).</summary>
    public const int MaxUrl = 2_048;

    /// <summary>Items in any one list of a record (locations, schedules, attributes, contacts, phones, areas…).</summary>
    public const int MaxListItems = 500;

    /// <summary>Languages one service offers.</summary>
    public const int MaxLanguages = 50;

    /// <summary>Problems reported for one record before the rest are summed up in one line.</summary>
    private const int MostProblems = 20;

    private static readonly HashSet<string> LongText = new(StringComparer.Ordinal)
    {
        "description", "fees", "fees_description", "accreditations", "alert", "notes", "details", "eligibility_description",
        "application_process", "interpretation_services", "licenses", "previous_value", "replacement_value",
    };

    private static readonly HashSet<string> Urls = new(StringComparer.Ordinal) { "url", "website", "logo", "uri", "term_uri", "schedule_link" };

    public static int MaxTextOf(string property) =>
        LongText.Contains(property) ? MaxLongText : Urls.Contains(property) ? MaxUrl : MaxShortText;

    public static int MaxItemsOf(string property) => property == "languages" ? MaxLanguages : MaxListItems;

    /// <summary>
    /// Every limit the record's JSON breaks, each named by its field as the validator names fields
    /// (<c>service_at_locations[0].location.name</c>); empty when it keeps to all of them. One pass over the bytes,
    /// before the record is parsed into objects.
    /// </summary>
    public static IReadOnlyList<FieldProblem> Check(ReadOnlySpan<byte> utf8)
    {
        var problems = new List<FieldProblem>();
        if (utf8.Length > MaxRecordBytes)
        {
            problems.Add(new FieldProblem("(record)", $"must be at most {Size(MaxRecordBytes)} of JSON (this one is {Size(utf8.Length)})"));
        }
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        // The path to where the reader is: property names, and for arrays the index of the current item and its count.
        var path = new List<Step>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        Item(path);
                        path.Add(new Step(property, reader.TokenType == JsonTokenType.StartArray ? -1 : null));
                        property = null;
                        break;
                    case JsonTokenType.EndObject:
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.EndArray:
                        var list = path[^1];
                        path.RemoveAt(path.Count - 1);
                        var count = list.Index + 1;
                        if (list.Name is { } name && count > MaxItemsOf(name))
                        {
                            problems.Add(new FieldProblem(Name(path, name, null), $"must hold at most {MaxItemsOf(name):N0} items (this one holds {count:N0})"));
                        }
                        break;
                    case JsonTokenType.String:
                        Item(path);
                        if (property is not null && reader.ValueSpan.Length > MaxTextOf(property) && Length(ref reader) is var length && length > MaxTextOf(property))
                        {
                            problems.Add(new FieldProblem(Name(path, property, null), $"must be at most {MaxTextOf(property):N0} characters (this one has {length:N0})"));
                        }
                        property = null;
                        break;
                    default:
                        Item(path);
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is the parser's to report, with its line and position.
        }
        if (problems.Count > MostProblems)
        {
            var more = problems.Count - MostProblems;
            problems.RemoveRange(MostProblems, more);
            problems.Add(new FieldProblem("(record)", $"breaks {more:N0} more size limits"));
        }
        return problems;
    }

    private record struct Step(string? Name, int? Index);

    // A value inside an array moves the array on to its next item.
    private static void Item(List<Step> path)
    {
        if (path.Count > 0 && path[^1].Index is { } i)
        {
            path[^1] = path[^1] with { Index = i + 1 };
        }
    }

    private static string Name(List<Step> path, string property, int? index)
    {
        var name = new StringBuilder();
        foreach (var step in path)
        {
            if (step.Name is not null)
            {
                name.Append(name.Length == 0 ? "" : ".").Append(step.Name);
            }
            if (step.Index is { } i)
            {
                name.Append('[').Append(i.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
        }
        name.Append(name.Length == 0 ? "" : ".").Append(property);
        if (index is { } at)
        {
            name.Append('[').Append(at.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        return name.ToString();
    }

    private static int Length(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped ? reader.GetString()!.Length : Encoding.UTF8.GetCharCount(reader.ValueSpan);

    private static string Size(long bytes) =>
        bytes >= 1 << 20 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1 << 20):0.#} MiB") : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB");
}
