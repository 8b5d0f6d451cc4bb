using System.Globalization;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.Schedules;

namespace Waymark.Web.Text;

/// <summary>One change to a listing as a person reads it: "Typical wait", was "14 days", now "21 days", in UK time.</summary>
public sealed record HistoryLine(string When, string Who, string What, string Was, string Now);

/// <summary>
/// A listing's history in words. The rows are stored as ORUK metadata (field names and codes, which the ORUK API
/// publishes as they are); this turns each into what changed in the editor's own words, and a list of vocabulary
/// terms into one line for each thing that changed in it.
/// </summary>
public static class HistoryWords
{
    public const string NotSet = "Not set";

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["name"] = "Name",
        ["description"] = "Description",
        ["status"] = "Status",
        ["minimum_age"] = "Youngest age",
        ["maximum_age"] = "Oldest age",
        ["email"] = "Email",
        ["phone"] = "Phone numbers",
        ["schedules"] = "Opening times",
        ["assured_date"] = "Last checked",
        ["website"] = "Website",
        ["address_1"] = "Address",
        ["city"] = "Town or city",
        ["postal_code"] = "Postcode",
        ["latitude"] = "Map position (latitude)",
        ["longitude"] = "Map position (longitude)",
    };

    private static readonly Dictionary<string, string> FamilyNames = new(StringComparer.Ordinal)
    {
        ["delivery"] = "How you take part",
        ["format"] = "One-to-one or group",
        ["delivered-by"] = "Who you will see",
        ["access"] = "How to get in",
        ["support"] = "Kind of support",
        ["audience"] = "Especially for",
        ["eligibility"] = "Only for",
        ["access-needs"] = "Access needs met",
        ["setting"] = "Where it happens",
        ["sector"] = "Kind of organisation",
        ["schedule"] = "Opening times",
    };

    private static readonly Dictionary<string, string> ValueNames = new(StringComparer.Ordinal)
    {
        ["expect:session-minutes"] = "Session length",
        ["expect:sessions"] = "How many sessions",
        ["expect:frequency"] = "How often",
        ["expect:first-contact"] = "What happens first",
        ["expect:typical-wait-days"] = "Typical wait",
        ["expect:response-working-days"] = "Replies to referrals within",
    };

    public static IEnumerable<HistoryLine> Lines(MetadataEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var when = When(entry.LastActionDate);
        var place = entry.ResourceType == ListingHistory.LocationType ? "Place: " : "";
        if (entry.FieldName == "attributes")
        {
            foreach (var (what, was, now) in TermChanges(entry.PreviousValue, entry.ReplacementValue))
            {
                yield return new HistoryLine(when, entry.UpdatedBy, what, was, now);
            }
            yield break;
        }
        yield return new HistoryLine(when, entry.UpdatedBy, place + FieldName(entry.FieldName),
            Value(entry.FieldName, entry.PreviousValue), Value(entry.FieldName, entry.ReplacementValue));
    }

    /// <summary>"14 July 2026 at 3:05pm", in UK time whatever the server's zone.</summary>
    public static string When(DateTimeOffset instant) => $"{PlainWords.Date(UkTime.DateOf(instant))} at {PlainWords.Time(instant)}";

    private static string FieldName(string field) =>
        FieldNames.TryGetValue(field, out var name) ? name : char.ToUpperInvariant(field[0]) + field[1..].Replace('_', ' ');

    private static string Value(string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return NotSet;
        }
        return field switch
        {
            "status" => value switch
            {
                ServiceStatus.Active => "Running",
                ServiceStatus.Inactive => "Not running at the moment",
                ServiceStatus.TemporarilyClosed => "Temporarily closed",
                ServiceStatus.Defunct => "Closed down",
                _ => value,
            },
            "assured_date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? PlainWords.Date(d) : value,
            "phone" => string.Join(", ", Items(value)),
            "schedules" => string.Join("; ", Items(value).Select(Opening)),
            _ => value,
        };
    }

    /// <summary>One line for each family of terms (or each valued term) whose terms changed.</summary>
    private static IEnumerable<(string What, string Was, string Now)> TermChanges(string before, string after)
    {
        var was = Items(before).Select(Term).ToList();
        var now = Items(after).Select(Term).ToList();
        foreach (var group in was.Concat(now).Select(t => t.Group).Distinct())
        {
            var from = was.Where(t => t.Group == group).Select(t => t.Words).ToList();
            var to = now.Where(t => t.Group == group).Select(t => t.Words).ToList();
            if (!from.SequenceEqual(to))
            {
                yield return (group, from.Count == 0 ? NotSet : PlainWords.JoinAnd(from), to.Count == 0 ? NotSet : PlainWords.JoinAnd(to));
            }
        }
    }

    /// <summary>A stored term ("format:group", "expect:typical-wait-days=14") as the line it belongs to and its words.</summary>
    private static (string Group, string Words) Term(string item)
    {
        var split = item.IndexOf('=', StringComparison.Ordinal);
        var code = split < 0 ? item : item[..split];
        var value = split < 0 ? null : item[(split + 1)..];
        if (!Vocabulary.ByCode.TryGetValue(code, out var term))
        {
            return ("Other details", item);
        }
        if (value is not null)
        {
            return (ValueNames.GetValueOrDefault(code, term.Label), TermValue(code, value));
        }
        return (FamilyNames.GetValueOrDefault(term.Family, "Other details"), term.Label);
    }

    private static string TermValue(string code, string value)
    {
        var number = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return (code, number) switch
        {
            ("expect:session-minutes", { } m) => $"{m} {(m == 1 ? "minute" : "minutes")}",
            ("expect:typical-wait-days", { } d) => $"{d} {(d == 1 ? "day" : "days")}",
            ("expect:response-working-days", { } w) => $"{w} working {(w == 1 ? "day" : "days")}",
            ("expect:sessions", { } s) => $"{s} {(s == 1 ? "session" : "sessions")}",
            ("expect:sessions", null) when value == "ongoing" => "As many as needed",
            ("expect:frequency", _) => value switch
            {
                "weekly" => "Once a week",
                "fortnightly" => "Every 2 weeks",
                "monthly" => "Once a month",
                "once" => "Just once",
                "as-needed" => "Whenever needed",
                _ => value,
            },
            _ => value,
        };
    }

    /// <summary>"TU,TH 18:00-20:00" as "Tuesday and Thursday, 6pm to 8pm".</summary>
    private static string Opening(string item)
    {
        var space = item.LastIndexOf(' ');
        var days = space < 0 ? item : item[..space];
        var hours = space < 0 ? [] : item[(space + 1)..].Split('-');
        var dayWords = days.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => Timetable.Days.FirstOrDefault(d => d.Code == c).Name ?? (c == "WEEKLY" ? "Every week" : c)).ToList();
        var times = hours.Length == 2 && Minutes(hours[0]) is { } opens && Minutes(hours[1]) is { } closes
            ? $", {PlainWords.Time(opens)} to {PlainWords.Time(closes)}"
            : "";
        return PlainWords.JoinAnd(dayWords) + times;
    }

    private static int? Minutes(string time) =>
        TimeOnly.TryParseExact(time, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? (t.Hour * 60) + t.Minute : null;

    private static string[] Items(string list) =>
        list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
