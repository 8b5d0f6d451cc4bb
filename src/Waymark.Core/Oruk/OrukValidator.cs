using System.Globalization;
using System.Text.RegularExpressions;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.Matching;
using Waymark.Core.Notifications;

namespace Waymark.Core.Oruk;

/// <summary>One broken rule in one record: the field as a JSON path and the rule in words.</summary>
public sealed record FieldProblem(string Field, string Rule);

/// <summary>
/// The checks an incoming ORUK service must pass before Waymark stores it: the UK profile's required fields,
/// formats (UUIDs, dates, times, days), ranges, and the Waymark vocabulary (docs/contracts/matching.md §1).
/// </summary>
public static partial class OrukValidator
{
    public static IReadOnlyList<FieldProblem> Validate(OrukService s)
    {
        var c = new Checker();
        c.Id("id", s.Id);
        c.Required("name", s.Name);
        if (string.IsNullOrWhiteSpace(s.Status))
        {
            c.Add("status", "is required");
        }
        else if (!ServiceStatus.All.Contains(s.Status))
        {
            c.Add("status", $"must be one of {string.Join(", ", ServiceStatus.All.Select(x => $"'{x}'"))}");
        }
        c.Url("url", s.Url);
        c.Email("email", s.Email);
        c.Email("assurer_email", s.AssurerEmail);
        c.Date("assured_date", s.AssuredDate);
        c.DateTime("last_modified", s.LastModified);
        c.Age("minimum_age", s.MinimumAge);
        c.Age("maximum_age", s.MaximumAge);
        if (s.MinimumAge is { } min && s.MaximumAge is { } max && min > max)
        {
            c.Add("minimum_age", "must not be more than maximum_age");
        }

        if (s.Organization is { } o)
        {
            Organization(c, "organization", o);
            if (s.OrganizationId is { } oid && oid != o.Id)
            {
                c.Add("organization_id", "does not match organization.id");
            }
        }

        Each(s.Schedules, "schedules", (p, x) => Schedule(c, p, x));
        Each(s.ServiceAreas, "service_areas", (p, x) =>
        {
            c.Id(p + ".id", x.Id);
            c.Url(p + ".uri", x.Uri);
            // A local-authority area limits who may use the service, so one Waymark cannot place would hide it from everyone.
            if (AreaLimit.IsLocalAuthority(x.ExtentType) && AreaLimit.AuthorityOf(x.ServiceArea, x.Name) is null)
            {
                c.Add(p + ".service_area", $"names no local authority Waymark knows: '{x.ServiceArea ?? x.Name}' (use the authority's name or GSS code, such as Leeds or E08000035)");
            }
        });
        Each(s.ServiceAtLocations, "service_at_locations", (p, x) =>
        {
            c.Id(p + ".id", x.Id);
            if (x.Location is { } l)
            {
                Location(c, p + ".location", l);
                if (x.LocationId is { } lid && lid != l.Id)
                {
                    c.Add(p + ".location_id", "does not match location.id");
                }
            }
            else if (x.LocationId is null)
            {
                c.Add(p + ".location", "is required");
            }
            Each(x.Schedules, p + ".schedules", (q, y) => Schedule(c, q, y));
        });
        Each(s.Languages, "languages", (p, x) =>
        {
            c.Id(p + ".id", x.Id);
            if (x.Code is not null && !LanguageCode().IsMatch(x.Code))
            {
                c.Add(p + ".code", "must be an ISO 639-1 code of two lower-case letters");
            }
        });
        Each(s.Funding, "funding", (p, x) => c.Id(p + ".id", x.Id));
        Each(s.CostOptions, "cost_options", (p, x) =>
        {
            c.Id(p + ".id", x.Id);
            c.Date(p + ".valid_from", x.ValidFrom);
            c.Date(p + ".valid_to", x.ValidTo);
            if (x.Amount < 0)
            {
                c.Add(p + ".amount", "must not be negative");
            }
        });
        Each(s.Contacts, "contacts", (p, x) =>
        {
            c.Id(p + ".id", x.Id);
            c.Email(p + ".email", x.Email);
            Each(x.Phones, p + ".phones", (q, y) =>
            {
                c.Id(q + ".id", y.Id);
                c.Required(q + ".number", y.Number);
            });
        });
        Each(s.Attributes, "attributes", (p, x) => Attribute(c, p, x));
        return c.Problems;
    }

    /// <summary>The Waymark code an attribute's term carries, or null when the term is not in the Waymark taxonomy.</summary>
    public static bool IsWaymark(OrukTaxonomyTerm t) =>
        t.TaxonomyId == Vocabulary.TaxonomyId || string.Equals(t.Taxonomy, Vocabulary.TaxonomyName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The code of a Waymark term: <c>code</c>, or a Waymark code written in <c>term</c> when <c>code</c> is absent.</summary>
    public static string? CodeOf(OrukTaxonomyTerm t) =>
        !string.IsNullOrWhiteSpace(t.Code) ? t.Code.Trim()
        : t.Term is { } term && term.Contains(':', StringComparison.Ordinal) ? term.Trim()
        : null;

    private static void Attribute(Checker c, string p, OrukAttribute a)
    {
        c.Id(p + ".id", a.Id);
        Vocabulary.Term? waymark = null;
        if (a.TaxonomyTerm is { } t)
        {
            c.Id(p + ".taxonomy_term.id", t.Id);
            c.Required(p + ".taxonomy_term.name", t.Name);
            c.Required(p + ".taxonomy_term.description", t.Description);
            c.Url(p + ".taxonomy_term.term_uri", t.TermUri);
            if (IsWaymark(t))
            {
                var code = CodeOf(t);
                if (code is null)
                {
                    c.Add(p + ".taxonomy_term.code", "is required for a term in the Waymark taxonomy");
                }
                else if (!Vocabulary.ByCode.TryGetValue(code, out waymark))
                {
                    c.Add(p + ".taxonomy_term.code", $"unknown Waymark code '{code}'");
                }
            }
        }
        else if (a.TaxonomyTermId is { } id)
        {
            Vocabulary.ById.TryGetValue(id, out waymark);
        }
        else
        {
            c.Add(p + ".taxonomy_term", "is required (or taxonomy_term_id)");
        }
        if (waymark is not null && Vocabulary.CheckValue(waymark, a.Value) is { } problem)
        {
            c.Add(p + ".value", problem);
        }
    }

    private static void Organization(Checker c, string p, OrukOrganization o)
    {
        c.Id(p + ".id", o.Id);
        c.Required(p + ".name", o.Name);
        c.Required(p + ".description", o.Description);
        c.Email(p + ".email", o.Email);
        c.Url(p + ".website", o.Website);
        c.Url(p + ".logo", o.Logo);
        c.Url(p + ".uri", o.Uri);
        Each(o.OrganizationIdentifiers, p + ".organization_identifiers", (q, x) =>
        {
            c.Id(q + ".id", x.Id);
            c.Required(q + ".identifier_type", x.IdentifierType);
            c.Required(q + ".identifier", x.Identifier);
        });
    }

    private static void Location(Checker c, string p, OrukLocation l)
    {
        c.Id(p + ".id", l.Id);
        if (string.IsNullOrWhiteSpace(l.LocationType))
        {
            c.Add(p + ".location_type", "is required");
        }
        else if (l.LocationType is not ("physical" or "postal" or "virtual"))
        {
            c.Add(p + ".location_type", "must be one of 'physical', 'postal', 'virtual'");
        }
        if (l.Latitude is { } lat && (lat < -90 || lat > 90 || double.IsNaN(lat)))
        {
            c.Add(p + ".latitude", "must be between -90 and 90");
        }
        if (l.Longitude is { } lon && (lon < -180 || lon > 180 || double.IsNaN(lon)))
        {
            c.Add(p + ".longitude", "must be between -180 and 180");
        }
        if (l.Latitude.HasValue != l.Longitude.HasValue)
        {
            c.Add(p + (l.Latitude.HasValue ? ".longitude" : ".latitude"), "is required when the other coordinate is given");
        }
        Each(l.Addresses, p + ".addresses", (q, a) =>
        {
            c.Id(q + ".id", a.Id);
            c.Required(q + ".address_1", a.Address1);
            c.Required(q + ".city", a.City);
            c.Required(q + ".state_province", a.StateProvince);
            c.Required(q + ".postal_code", a.PostalCode);
            c.Required(q + ".country", a.Country);
            c.Required(q + ".address_type", a.AddressType);
        });
        Each(l.Accessibility, p + ".accessibility", (q, a) =>
        {
            c.Id(q + ".id", a.Id);
            c.Url(q + ".url", a.Url);
        });
    }

    private static void Schedule(Checker c, string p, OrukSchedule s)
    {
        c.Id(p + ".id", s.Id);
        c.Date(p + ".valid_from", s.ValidFrom);
        c.Date(p + ".valid_to", s.ValidTo);
        c.Date(p + ".dtstart", s.Dtstart);
        if (s.ValidFrom is not null && s.ValidTo is not null && string.CompareOrdinal(s.ValidFrom, s.ValidTo) > 0 && DateOnly.TryParse(s.ValidTo, out _))
        {
            c.Add(p + ".valid_to", "must not be before valid_from");
        }
        c.Time(p + ".opens_at", s.OpensAt);
        c.Time(p + ".closes_at", s.ClosesAt);
        c.Url(p + ".schedule_link", s.ScheduleLink);
        if (s.Freq is not null && s.Freq is not ("WEEKLY" or "MONTHLY" or "DAILY" or "YEARLY"))
        {
            c.Add(p + ".freq", "must be one of 'WEEKLY', 'MONTHLY', 'DAILY', 'YEARLY'");
        }
        if (s.Interval is < 1)
        {
            c.Add(p + ".interval", "must be 1 or more");
        }
        if (s.Byday is not null && !s.Byday.Split(',').All(d => ByDay().IsMatch(d.Trim())))
        {
            c.Add(p + ".byday", "must be a comma list of MO, TU, WE, TH, FR, SA, SU (optionally numbered, e.g. 1MO)");
        }
        if (s.Bymonthday is not null && !s.Bymonthday.Split(',').All(d => int.TryParse(d.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n != 0 && n is >= -31 and <= 31))
        {
            c.Add(p + ".bymonthday", "must be a comma list of days of the month (1 to 31, or -1 to -31)");
        }
    }

    private static void Each<T>(List<T>? items, string path, Action<string, T> check)
    {
        if (items is null)
        {
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            check($"{path}[{i}]", items[i]);
        }
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[+-]?[0-9]{0,2}(MO|TU|WE|TH|FR|SA|SU)$")]
    private static partial Regex ByDay();

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]+)?)?(Z|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])?$")]
    internal static partial Regex Time();

    private sealed class Checker
    {
        public List<FieldProblem> Problems { get; } = [];

        public void Add(string field, string rule) => Problems.Add(new FieldProblem(field, rule));

        public void Id(string field, Guid id)
        {
            if (id == Guid.Empty)
            {
                Add(field, "must not be the empty UUID");
            }
        }

        public void Required(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(field, "is required");
            }
        }

        public void Date(string field, string? value)
        {
            if (value is not null && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                Add(field, $"must be a date written yyyy-MM-dd, not '{value}'");
            }
        }

        public void DateTime(string field, string? value)
        {
            if (value is not null && !OrukMapping.TryParseDateTime(value, out _))
            {
                Add(field, $"must be an ISO 8601 date-time with an offset (e.g. 2026-11-29T10:30:00Z), not '{value}'");
            }
        }

        public void Time(string field, string? value)
        {
            if (value is not null && !OrukValidator.Time().IsMatch(value))
            {
                Add(field, $"must be a time written HH:MM or HH:MM:SS, not '{value}'");
            }
        }

        public void Age(string field, decimal? value)
        {
            if (value is < ListingLimits.MinAge or > ListingLimits.MaxAge)
            {
                Add(field, $"must be between {ListingLimits.MinAge} and {ListingLimits.MaxAge}");
            }
        }

        public void Email(string field, string? value)
        {
            if (value is not null && !EmailAddress.IsValid(value))
            {
                Add(field, $"is not an email address: '{value}'");
            }
        }

        public void Url(string field, string? value)
        {
            if (value is not null && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tel"))
            {
                Add(field, $"is not an absolute URL: '{value}'");
            }
        }
    }
}
