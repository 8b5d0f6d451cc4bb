using System.Globalization;
using Waymark.Core.Directory;
using Waymark.Core.Referrals;

namespace Waymark.Core.Listings;

/// <summary>
/// A service's details as a person types them into the editor: every value as text, checked and applied by
/// <see cref="ListingEditor.UpdateDetailsAsync"/>.
/// </summary>
public sealed class ServiceDetails
{
    /// <summary>The vocabulary families the editor offers, in the order it shows them, with the question for each.</summary>
    public static readonly IReadOnlyList<(string Family, string Legend)> Families =
    [
        ("delivery", "How people take part"),
        ("format", "Kind of support"),
        ("delivered-by", "Who delivers it"),
        ("access", "How to get in"),
        ("support", "What it helps with"),
        ("audience", "Who it is designed for (others may still be welcome)"),
        ("eligibility", "Who may use it (others may not)"),
        ("access-needs", "Adjustments it offers"),
        ("setting", "Where it happens"),
        ("sector", "Who runs it"),
    ];

    /// <summary>The vocabulary codes the form offers: every term of <see cref="Families"/>.</summary>
    public static readonly IReadOnlySet<string> EditableCodes = Families
        .SelectMany(f => Vocabulary.Family(f.Family)).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);

    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Status { get; set; }
    public string? MinimumAge { get; set; }
    public string? MaximumAge { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? SessionMinutes { get; set; }

    /// <summary>A number, or "ongoing".</summary>
    public string? Sessions { get; set; }

    public string? Frequency { get; set; }
    public string? FirstContact { get; set; }
    public string? TypicalWaitDays { get; set; }
    public string? ResponseWorkingDays { get; set; }

    /// <summary>Vocabulary codes ticked, from <see cref="Families"/>.</summary>
    public List<string> Terms { get; set; } = [];

    /// <summary>Needs the service's contacts (with phones) and attributes loaded.</summary>
    public static ServiceDetails From(Service s)
    {
        ArgumentNullException.ThrowIfNull(s);
        string? Value(string code) => s.Attributes.FirstOrDefault(a => a.TaxonomyTermId == Vocabulary.TermId(code))?.Value;
        return new ServiceDetails
        {
            Name = s.Name,
            Description = s.Description,
            Status = s.Status,
            MinimumAge = s.MinimumAge?.ToString("0", CultureInfo.InvariantCulture),
            MaximumAge = s.MaximumAge?.ToString("0", CultureInfo.InvariantCulture),
            Email = s.Email,
            Phone = s.Contacts.SelectMany(c => c.Phones).FirstOrDefault()?.Number,
            SessionMinutes = Value("expect:session-minutes"),
            Sessions = Value("expect:sessions"),
            Frequency = Value("expect:frequency"),
            FirstContact = Value("expect:first-contact"),
            TypicalWaitDays = Value("expect:typical-wait-days"),
            ResponseWorkingDays = Value(Staleness.ResponseTimeCode),
            Terms = s.Attributes
                .Where(a => Vocabulary.ById.TryGetValue(a.TaxonomyTermId, out var t) && t.Family is not ("expect" or "schedule"))
                .Select(a => Vocabulary.ById[a.TaxonomyTermId].Code).ToList(),
        };
    }
}
