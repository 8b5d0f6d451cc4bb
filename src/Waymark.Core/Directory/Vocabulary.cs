using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Waymark.Core.Directory;

/// <summary>
/// The Waymark vocabulary: one ORUK taxonomy whose term codes carry what Waymark knows about a service
/// (docs/contracts/matching.md §1). Term ids are UUIDv5 of the code in the taxonomy's namespace, so every feed that
/// uses a code agrees on its id.
/// </summary>
public static class Vocabulary
{
    public const string TaxonomyName = "waymark";
    public static readonly Guid TaxonomyId = new("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001");

    public sealed record Term(string Code, string Family, string Label, string? ValueKind = null)
    {
        public Guid Id { get; } = TermId(Code);
        public string Value => Code[(Code.IndexOf(':', StringComparison.Ordinal) + 1)..];
    }

    public static readonly IReadOnlyList<Term> Terms =
    [
        new("delivery:in-person", "delivery", "In person"),
        new("delivery:phone", "delivery", "By phone"),
        new("delivery:online", "delivery", "Online"),
        new("delivery:text", "delivery", "By text message"),
        new("delivery:home-visit", "delivery", "Home visits"),

        new("format:one-to-one", "format", "One-to-one"),
        new("format:group", "format", "Group"),
        new("format:drop-in", "format", "Drop-in"),
        new("format:helpline", "format", "Helpline"),
        new("format:self-help", "format", "Self-help"),
        new("format:online-community", "format", "Online community"),

        new("delivered-by:peer", "delivered-by", "People with lived experience"),
        new("delivered-by:volunteer", "delivered-by", "Trained volunteers"),
        new("delivered-by:support-worker", "delivered-by", "Support workers"),
        new("delivered-by:counsellor", "delivered-by", "Counsellors"),
        new("delivered-by:psychologist", "delivered-by", "Psychologists"),
        new("delivered-by:nurse", "delivered-by", "Nurses"),
        new("delivered-by:doctor", "delivered-by", "Doctors"),

        new("access:no-referral", "access", "Just call or turn up"),
        new("access:self-referral", "access", "You can refer yourself"),
        new("access:gp-referral", "access", "Referral from a GP"),
        new("access:professional-referral", "access", "Referral from a professional"),

        new("support:crisis", "support", "Crisis support"),
        new("support:peer-support", "support", "Peer support"),
        new("support:counselling", "support", "Counselling"),
        new("support:talking-therapy", "support", "Talking therapy"),
        new("support:safety-planning", "support", "Safety planning"),
        new("support:harm-reduction", "support", "Harm reduction"),
        new("support:creative", "support", "Creative activities"),
        new("support:employment", "support", "Work and volunteering"),
        new("support:education", "support", "Education"),
        new("support:family-and-carers", "support", "Family and carers"),
        new("support:information", "support", "Information and advice"),

        new("audience:young-adults", "audience", "Young adults (18 to 25)"),
        new("audience:older-adults", "audience", "Older adults (55 and over)"),
        new("audience:women", "audience", "Women"),
        new("audience:men", "audience", "Men"),
        new("audience:lgbtq", "audience", "LGBTQ+ people"),
        new("audience:ethnic-minority", "audience", "People from ethnic minority communities"),
        new("audience:students", "audience", "Students"),
        new("audience:employees", "audience", "People in work"),
        new("audience:neurodivergent", "audience", "Neurodivergent people"),
        new("audience:veterans", "audience", "Veterans"),
        new("audience:carers", "audience", "Carers"),

        new("eligibility:women-only", "eligibility", "Women only"),
        new("eligibility:men-only", "eligibility", "Men only"),
        new("eligibility:students-only", "eligibility", "Students only"),
        new("eligibility:employees-only", "eligibility", "Employees only"),
        new("eligibility:members-only", "eligibility", "Members only"),

        new("access-needs:wheelchair", "access-needs", "Wheelchair accessible"),
        new("access-needs:bsl", "access-needs", "British Sign Language"),
        new("access-needs:interpreter", "access-needs", "Interpreters available"),
        new("access-needs:hearing-loop", "access-needs", "Hearing loop"),
        new("access-needs:neurodivergent-adjustments", "access-needs", "Adjustments for neurodivergent people"),
        new("access-needs:quiet-space", "access-needs", "Quiet space"),
        new("access-needs:easy-read", "access-needs", "Easy read information"),

        new("setting:community-venue", "setting", "Community venue"),
        new("setting:gp-practice", "setting", "GP practice"),
        new("setting:community-pharmacy", "setting", "Community pharmacy"),
        new("setting:university", "setting", "University"),
        new("setting:college", "setting", "College"),
        new("setting:workplace", "setting", "Workplace"),
        new("setting:hospital", "setting", "Hospital"),

        new("sector:vcse", "sector", "Voluntary and community sector"),
        new("sector:nhs", "sector", "NHS"),
        new("sector:local-authority", "sector", "Local council"),
        new("sector:education", "sector", "Education provider"),
        new("sector:employer", "sector", "Employer"),

        new("expect:session-minutes", "expect", "Session length in minutes", "integer"),
        new("expect:sessions", "expect", "Number of sessions", "integer-or-ongoing"),
        new("expect:frequency", "expect", "How often", "frequency"),
        new("expect:first-contact", "expect", "What happens first", "text"),
        new("expect:typical-wait-days", "expect", "Typical wait in days", "integer"),
        new("expect:response-working-days", "expect", "Answers a referral within this many working days", "integer"),

        new("schedule:closed-bank-holidays", "schedule", "Closed on bank holidays"),
    ];

    public static readonly IReadOnlyList<string> Frequencies = ["weekly", "fortnightly", "monthly", "once", "as-needed"];

    public static readonly FrozenDictionary<string, Term> ByCode = Terms.ToFrozenDictionary(t => t.Code, StringComparer.Ordinal);
    public static readonly FrozenDictionary<Guid, Term> ById = Terms.ToFrozenDictionary(t => t.Id);

    public static IEnumerable<Term> Family(string family) => Terms.Where(t => t.Family == family);

    /// <summary>Checks a value against the kind its code carries; returns an error sentence or null.</summary>
    public static string? CheckValue(Term term, string? value) => term.ValueKind switch
    {
        null => value is null ? null : $"'{term.Code}' carries no value",
        "integer" => int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0
            ? null : $"'{term.Code}' needs a whole number of 0 or more",
        "integer-or-ongoing" => value == "ongoing" || (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0)
            ? null : $"'{term.Code}' needs a whole number above 0 or 'ongoing'",
        "frequency" => value is not null && Frequencies.Contains(value) ? null : $"'{term.Code}' needs one of {string.Join(", ", Frequencies)}",
        "text" => string.IsNullOrWhiteSpace(value) ? $"'{term.Code}' needs some text" : null,
        _ => null,
    };

    /// <summary>RFC 9562 UUID version 5 (SHA-1, name-based) of a code in the Waymark namespace.</summary>
    public static Guid TermId(string code) => Uuid5(TaxonomyId, code);

    public static Guid Uuid5(Guid ns, string name)
    {
        Span<byte> nsBytes = stackalloc byte[16];
        ns.TryWriteBytes(nsBytes, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        nsBytes.CopyTo(input);
        nameBytes.CopyTo(input, 16);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 specifies for version 5; it is an identifier, not security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
