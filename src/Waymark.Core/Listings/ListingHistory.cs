using System.Globalization;
using Waymark.Core.Directory;

namespace Waymark.Core.Listings;

/// <summary>
/// Turns a record into named field values before and after an edit, and the differences into ORUK
/// metadata rows. Child rows (contacts, vocabulary terms, timetable) are summarised as one field each,
/// so a history reads "Vocabulary: was …, now …" rather than a list of row ids.
/// </summary>
public static class ListingHistory
{
    public const string ServiceType = "service";
    public const string OrganizationType = "organization";
    public const string LocationType = "location";

    /// <summary>Needs the service's contacts (with phones), attributes and schedules loaded.</summary>
    public static Dictionary<string, string> FieldsOf(Service s) => new()
    {
        ["name"] = s.Name,
        ["description"] = s.Description ?? "",
        ["status"] = s.Status,
        ["minimum_age"] = Number(s.MinimumAge),
        ["maximum_age"] = Number(s.MaximumAge),
        ["email"] = s.Email ?? "",
        ["phone"] = string.Join("; ", s.Contacts.SelectMany(c => c.Phones).Select(p => p.Number).Order(StringComparer.Ordinal)),
        ["attributes"] = string.Join("; ", s.Attributes
            .Select(a => Vocabulary.ById.TryGetValue(a.TaxonomyTermId, out var t) ? (a.Value is null ? t.Code : $"{t.Code}={a.Value}") : a.TaxonomyTermId.ToString())
            .Order(StringComparer.Ordinal)),
        ["schedules"] = Timetable(s.Schedules),
        ["assured_date"] = s.AssuredDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
    };

    public static Dictionary<string, string> FieldsOf(Organization o) => new()
    {
        ["name"] = o.Name,
        ["description"] = o.Description,
        ["email"] = o.Email ?? "",
        ["website"] = o.Website ?? "",
    };

    /// <summary>Needs the location's addresses loaded.</summary>
    public static Dictionary<string, string> FieldsOf(Location l)
    {
        var a = l.Addresses.FirstOrDefault();
        return new()
        {
            ["name"] = l.Name ?? "",
            ["address_1"] = a?.Address1 ?? "",
            ["city"] = a?.City ?? "",
            ["postal_code"] = a?.PostalCode ?? "",
            ["latitude"] = l.Latitude?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["longitude"] = l.Longitude?.ToString(CultureInfo.InvariantCulture) ?? "",
        };
    }

    public static string Timetable(IEnumerable<Schedule> schedules) => string.Join("; ", schedules
        .Select(x => $"{x.ByDay ?? x.Freq ?? ""} {x.OpensAt}-{x.ClosesAt}".Trim())
        .Order(StringComparer.Ordinal));

    public static IEnumerable<MetadataEntry> Changes(
        string resourceType, Guid resourceId, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after,
        string actionType, string updatedBy, DateTimeOffset at)
    {
        foreach (var (field, now) in after)
        {
            var was = before.GetValueOrDefault(field) ?? "";
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                yield return new MetadataEntry
                {
                    Id = Guid.CreateVersion7(),
                    ResourceId = resourceId,
                    ResourceType = resourceType,
                    LastActionDate = at,
                    LastActionType = actionType,
                    FieldName = field,
                    PreviousValue = was,
                    ReplacementValue = now,
                    UpdatedBy = updatedBy,
                };
            }
        }
    }

    private static string Number(decimal? d) => d?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
