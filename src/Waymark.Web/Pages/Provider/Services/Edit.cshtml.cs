using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.Notifications;
using Waymark.Core.Referrals;
using Waymark.Web.Infrastructure;

namespace Waymark.Web.Pages.Provider.Services;

/// <summary>Edit a service: details, contact, "what to expect", vocabulary terms; check it; put a notice on it; see its history.</summary>
public sealed class EditModel(WaymarkDbContext db, OrganisationAccess access, ListingChanges changes) : ProviderPageModel(db, access)
{
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

    private static readonly HashSet<string> EditableCodes = Families
        .SelectMany(f => Vocabulary.Family(f.Family)).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);

    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    [BindProperty]
    public NoticeInput Notice { get; set; } = new();

    public Service Service { get; private set; } = null!;
    public Freshness Freshness { get; private set; }
    public IReadOnlyList<ServiceNotice> Notices { get; private set; } = [];
    public IReadOnlyList<MetadataEntry> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await LoadAsync(id) is null)
        {
            return NotFound();
        }
        Input = ServiceInput.From(Service);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        var service = await LoadAsync(id);
        if (service is null)
        {
            return NotFound();
        }
        Validate();
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var before = ListingHistory.FieldsOf(service);
        Apply(service);
        service.LastModified = changes.Now;
        await changes.SaveAsync(ListingHistory.ServiceType, service.Id, before, ListingHistory.FieldsOf(service), UpdatedBy);
        return Saved("Your changes are saved. They show in search straight away.", new { id });
    }

    /// <summary>"I've checked this listing": a person vouches that it is true today.</summary>
    public async Task<IActionResult> OnPostCheckAsync(Guid id)
    {
        var service = await LoadAsync(id);
        if (service is null)
        {
            return NotFound();
        }
        var before = ListingHistory.FieldsOf(service);
        ListingFreshness.MarkChecked(service, changes.UkToday, changes.Now);
        var after = ListingHistory.FieldsOf(service);
        if (before["assured_date"] == after["assured_date"])
        {
            // Checked again the same day: the date does not change, but who checked is still worth a row.
            Db.Metadata.Add(new MetadataEntry
            {
                Id = Guid.CreateVersion7(), ResourceId = service.Id, ResourceType = ListingHistory.ServiceType, LastActionDate = changes.Now,
                LastActionType = MetadataActions.Verify, FieldName = "assured_date",
                PreviousValue = before["assured_date"], ReplacementValue = after["assured_date"], UpdatedBy = UpdatedBy,
            });
        }
        await changes.SaveAsync(ListingHistory.ServiceType, service.Id, before, after, UpdatedBy, MetadataActions.Verify);
        return Saved($"Thank you. The listing is marked as checked on {service.AssuredDate:d MMMM yyyy}.", new { id });
    }

    public async Task<IActionResult> OnPostNoticeAsync(Guid id)
    {
        var service = await LoadAsync(id);
        if (service is null)
        {
            return NotFound();
        }
        DateOnly? until = null;
        if (!ServiceNoticeKinds.All.Contains(Notice.Kind ?? ""))
        {
            this.AddError("Notice.Kind", "Choose whether the service is temporarily closed or not taking referrals");
        }
        if (!string.IsNullOrWhiteSpace(Notice.Until))
        {
            if (!DateOnly.TryParseExact(Notice.Until.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                this.AddError("Notice.Until", "Enter the date as a real date, for example 2027-03-31");
            }
            else if (d < changes.UkToday)
            {
                this.AddError("Notice.Until", "The date it ends must be today or in the future");
            }
            else
            {
                until = d;
            }
        }
        if (!ModelState.IsValid)
        {
            Input = ServiceInput.From(service);
            return Invalid();
        }

        var before = ListingHistory.FieldsOf(service);
        before["notice"] = Describe(Notices);
        var existing = Notices.SingleOrDefault(n => n.Kind == Notice.Kind);
        if (existing is null)
        {
            existing = new ServiceNotice { Id = Guid.CreateVersion7(), ServiceId = id, Kind = Notice.Kind!, SetBy = UpdatedBy };
            Db.ServiceNotices.Add(existing);
            Notices = [.. Notices, existing];
        }
        existing.From = changes.UkToday;
        existing.Until = until;
        existing.SetBy = UpdatedBy;
        existing.SetAt = changes.Now;
        if (Notice.Kind == ServiceNoticeKinds.TemporarilyClosed)
        {
            service.Status = ServiceStatus.TemporarilyClosed;
        }
        service.LastModified = changes.Now;
        var after = ListingHistory.FieldsOf(service);
        after["notice"] = Describe(Notices);
        await changes.SaveAsync(ListingHistory.ServiceType, service.Id, before, after, UpdatedBy);
        return Saved("The notice is on the listing.", new { id });
    }

    public async Task<IActionResult> OnPostEndNoticeAsync(Guid id, string kind)
    {
        var service = await LoadAsync(id);
        var notice = Notices.SingleOrDefault(n => n.Kind == kind);
        if (service is null || notice is null)
        {
            return NotFound();
        }
        var before = ListingHistory.FieldsOf(service);
        before["notice"] = Describe(Notices);
        Db.ServiceNotices.Remove(notice);
        Notices = Notices.Where(n => n != notice).ToList();
        if (kind == ServiceNoticeKinds.TemporarilyClosed && service.Status == ServiceStatus.TemporarilyClosed)
        {
            service.Status = ServiceStatus.Active;
        }
        service.LastModified = changes.Now;
        var after = ListingHistory.FieldsOf(service);
        after["notice"] = Describe(Notices);
        await changes.SaveAsync(ListingHistory.ServiceType, service.Id, before, after, UpdatedBy);
        return Saved("The notice is taken off the listing.", new { id });
    }

    public static string NoticeLabel(string kind) => kind == ServiceNoticeKinds.TemporarilyClosed ? "Temporarily closed" : "Not taking referrals";

    private static string Describe(IEnumerable<ServiceNotice> notices) => string.Join("; ", notices
        .OrderBy(n => n.Kind, StringComparer.Ordinal)
        .Select(n => n.Until is { } u ? $"{n.Kind} until {u:yyyy-MM-dd}" : n.Kind));

    private async Task<Service?> LoadAsync(Guid id)
    {
        var service = await EditableServiceAsync(id);
        if (service is null)
        {
            return null;
        }
        Service = service;
        Freshness = ListingFreshness.Of(service.AssuredDate, changes.UkToday);
        Notices = await Db.ServiceNotices.Where(n => n.ServiceId == id).ToListAsync();
        History = await HistoryAsync([id, .. service.ServiceAtLocations.Select(x => x.LocationId)]);
        return service;
    }

    private void Validate()
    {
        var i = Input;
        if (string.IsNullOrWhiteSpace(i.Name))
        {
            this.AddError("Input.Name", "Enter the name of the service");
        }
        else if (i.Name.Trim().Length > 200)
        {
            this.AddError("Input.Name", "The name must be 200 characters or fewer");
        }
        if (string.IsNullOrWhiteSpace(i.Description))
        {
            this.AddError("Input.Description", "Describe the service in a few sentences");
        }
        else if (i.Description.Length > 4000)
        {
            this.AddError("Input.Description", "The description must be 4,000 characters or fewer");
        }
        if (!ServiceStatus.All.Contains(i.Status ?? ""))
        {
            this.AddError("Input.Status", "Choose the service's status");
        }
        var min = WholeNumber("Input.MinimumAge", i.MinimumAge, "The youngest age", 0, 120);
        var max = WholeNumber("Input.MaximumAge", i.MaximumAge, "The oldest age", 0, 120);
        if (min is not null && max is not null && min > max)
        {
            this.AddError("Input.MaximumAge", "The oldest age must be the same as or more than the youngest age");
        }
        if (!string.IsNullOrWhiteSpace(i.Email) && !EmailAddress.IsValid(i.Email.Trim()))
        {
            this.AddError("Input.Email", "Enter an email address in the correct format, like name@example.org");
        }
        if (!string.IsNullOrWhiteSpace(i.Phone))
        {
            var digits = i.Phone.Count(char.IsAsciiDigit);
            if (i.Phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '(' or ')' or '-')) || digits < 3 || digits > 15)
            {
                this.AddError("Input.Phone", "Enter a phone number, like 01632 960 001 or 116 123");
            }
        }
        WholeNumber("Input.SessionMinutes", i.SessionMinutes, "Session length", 1, 1440);
        if (!string.IsNullOrWhiteSpace(i.Sessions) && i.Sessions.Trim() != "ongoing")
        {
            WholeNumber("Input.Sessions", i.Sessions, "Number of sessions", 1, 1000);
        }
        if (!string.IsNullOrWhiteSpace(i.Frequency) && !Vocabulary.Frequencies.Contains(i.Frequency))
        {
            this.AddError("Input.Frequency", "Choose how often sessions happen");
        }
        if (i.FirstContact?.Length > 500)
        {
            this.AddError("Input.FirstContact", "What happens first must be 500 characters or fewer");
        }
        WholeNumber("Input.TypicalWaitDays", i.TypicalWaitDays, "Typical wait", 0, 3650);
        WholeNumber("Input.ResponseWorkingDays", i.ResponseWorkingDays, "Working days to reply to a referral", 1, Staleness.MaxResponseWorkingDays);
        if (i.Terms.Any(t => !EditableCodes.Contains(t)))
        {
            this.AddError("Input.Terms", "Choose only from the options shown");
        }
    }

    private int? WholeNumber(string key, string? text, string what, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            this.AddError(key, $"{what} must be a whole number, like {min + 1}");
            return null;
        }
        if (n < min || n > max)
        {
            this.AddError(key, $"{what} must be between {min} and {max}");
            return null;
        }
        return n;
    }

    private void Apply(Service s)
    {
        var i = Input;
        s.Name = i.Name!.Trim();
        s.Description = i.Description!.Trim();
        s.Status = i.Status!;
        s.MinimumAge = Parse(i.MinimumAge);
        s.MaximumAge = Parse(i.MaximumAge);
        s.Email = Blank(i.Email);

        var phone = Blank(i.Phone);
        var contact = s.Contacts.FirstOrDefault();
        if (phone is not null)
        {
            if (contact is null)
            {
                contact = new Contact { Id = Guid.NewGuid(), ServiceId = s.Id };
                s.Contacts.Add(contact);
            }
            if (contact.Phones.FirstOrDefault() is { } p)
            {
                p.Number = phone;
            }
            else
            {
                contact.Phones.Add(new Phone { Id = Guid.NewGuid(), ContactId = contact.Id, Number = phone });
            }
        }
        else if (contact is not null)
        {
            contact.Phones.Clear();
        }

        // The Waymark vocabulary: replace what the form covers, keep anything else a feed brought.
        var wanted = i.Terms.Select(code => (Code: code, Value: (string?)null)).ToList();
        void Expect(string code, string? value)
        {
            if (Blank(value) is { } v)
            {
                wanted.Add((code, v));
            }
        }
        Expect("expect:session-minutes", i.SessionMinutes);
        Expect("expect:sessions", i.Sessions);
        Expect("expect:frequency", i.Frequency);
        Expect("expect:first-contact", i.FirstContact);
        Expect("expect:typical-wait-days", i.TypicalWaitDays);
        // Stored as a plain number ("05" becomes "5"), the form the staleness rule and ORUK export read.
        Expect(Staleness.ResponseTimeCode, Parse(i.ResponseWorkingDays)?.ToString(CultureInfo.InvariantCulture));
        var covered = EditableCodes.Concat(Vocabulary.Family("expect").Select(t => t.Code)).Select(Vocabulary.TermId).ToHashSet();
        foreach (var old in s.Attributes.Where(a => covered.Contains(a.TaxonomyTermId)).ToList())
        {
            var code = Vocabulary.ById[old.TaxonomyTermId].Code;
            var keep = wanted.FindIndex(w => w.Code == code && w.Value == old.Value);
            if (keep >= 0)
            {
                wanted.RemoveAt(keep);
            }
            else
            {
                s.Attributes.Remove(old);
            }
        }
        foreach (var (code, value) in wanted.Distinct())
        {
            s.Attributes.Add(new ServiceAttribute { Id = Guid.NewGuid(), ServiceId = s.Id, TaxonomyTermId = Vocabulary.TermId(code), Value = value });
        }
    }

    private static decimal? Parse(string? text) => string.IsNullOrWhiteSpace(text) ? null : int.Parse(text.Trim(), CultureInfo.InvariantCulture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

public sealed class ServiceInput
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Status { get; set; }
    public string? MinimumAge { get; set; }
    public string? MaximumAge { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? SessionMinutes { get; set; }
    public string? Sessions { get; set; }
    public string? Frequency { get; set; }
    public string? FirstContact { get; set; }
    public string? TypicalWaitDays { get; set; }
    public string? ResponseWorkingDays { get; set; }
    public List<string> Terms { get; set; } = [];

    public static ServiceInput From(Service s)
    {
        string? Value(string code) => s.Attributes.FirstOrDefault(a => a.TaxonomyTermId == Vocabulary.TermId(code))?.Value;
        return new ServiceInput
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

public sealed class NoticeInput
{
    public string? Kind { get; set; }
    public string? Until { get; set; }
}
