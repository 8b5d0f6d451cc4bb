using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Referrals;

namespace Waymark.Core.Listings;

/// <summary>
/// Every edit a person makes to a listing, and its rules: a service's details (with the vocabulary merge), its
/// weekly timetable, "I've checked this listing", a notice put on or taken off, a place, an organisation. Each edit
/// is checked first; a refused one comes back as errors and changes nothing. An accepted one is applied and saved
/// through <see cref="ListingChanges"/>, which writes the history and tells search. The caller has already made
/// sure the record is the person's to edit (<see cref="OrganisationAccess"/>) and loaded it as each method says.
/// </summary>
public sealed class ListingEditor(WaymarkDbContext db, TimeProvider time, ListingChanges changes)
{
    /// <summary>The terms the details form speaks for; any other term a feed brought is left alone.</summary>
    private static readonly HashSet<Guid> CoveredTerms = ServiceDetails.EditableCodes
        .Concat(Vocabulary.Family("expect").Select(t => t.Code)).Select(Vocabulary.TermId).ToHashSet();

    private const string NoticeField = "notice";
    private const string AssuredDateField = "assured_date";

    private DateTimeOffset Now => time.GetUtcNow();

    private DateOnly UkToday => ListingFreshness.UkToday(time);

    /// <summary>Needs the service's contacts (with phones), attributes and schedules loaded.</summary>
    public async Task<IReadOnlyList<ListingError>> UpdateDetailsAsync(Service service, ServiceDetails details, string updatedBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(details);
        var errors = ListingChecks.Details(details);
        if (errors.Count > 0)
        {
            return errors;
        }
        var before = ListingHistory.FieldsOf(service);
        Apply(service, details);
        await SaveServiceAsync(service, before, updatedBy, ct);
        return [];
    }

    /// <summary>
    /// "I've checked this listing": a person vouches that it is true today. Always writes a history row, even on a
    /// second check the same day, because who checked is worth keeping. Returns the date it is now checked on.
    /// Needs the service's organisation, contacts, attributes and schedules loaded.
    /// </summary>
    public async Task<DateOnly> MarkCheckedAsync(Service service, string checkedBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var before = ListingHistory.FieldsOf(service);
        ListingFreshness.MarkChecked(service, UkToday, Now);
        var after = ListingHistory.FieldsOf(service);
        if (before[AssuredDateField] == after[AssuredDateField])
        {
            // The date does not change, so there is no difference for ListingChanges to record: record the check itself.
            db.Metadata.Add(new MetadataEntry
            {
                Id = Guid.CreateVersion7(), ResourceId = service.Id, ResourceType = ListingHistory.ServiceType, LastActionDate = Now,
                LastActionType = MetadataActions.Verify, FieldName = AssuredDateField,
                PreviousValue = before[AssuredDateField], ReplacementValue = after[AssuredDateField], UpdatedBy = checkedBy,
            });
        }
        await changes.SaveAsync(ListingHistory.ServiceType, service.Id, before, after, checkedBy, MetadataActions.Verify, ct);
        return service.AssuredDate!.Value;
    }

    /// <summary>
    /// Puts a notice of <paramref name="kind"/> (<see cref="ServiceNoticeKinds"/>) on the service from today, until
    /// <paramref name="until"/> (yyyy-MM-dd, optional); one of a kind replaces the last. "Temporarily closed" also
    /// sets the service's status. Needs the service's contacts, attributes and schedules loaded.
    /// </summary>
    public async Task<IReadOnlyList<ListingError>> PutNoticeAsync(Service service, string? kind, string? until, string setBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var (errors, last) = ListingChecks.Notice(kind, until, UkToday);
        if (errors.Count > 0)
        {
            return errors;
        }

        var notices = await NoticesAsync(service.Id, ct);
        var before = ListingHistory.FieldsOf(service);
        before[NoticeField] = Describe(notices);
        var notice = notices.SingleOrDefault(n => n.Kind == kind);
        if (notice is null)
        {
            notice = new ServiceNotice { Id = Guid.CreateVersion7(), ServiceId = service.Id, Kind = kind!, SetBy = setBy };
            db.ServiceNotices.Add(notice);
            notices.Add(notice);
        }
        notice.From = UkToday;
        notice.Until = last;
        notice.SetBy = setBy;
        notice.SetAt = Now;
        if (kind == ServiceNoticeKinds.TemporarilyClosed)
        {
            service.Status = ServiceStatus.TemporarilyClosed;
        }
        await SaveServiceAsync(service, before, setBy, ct, Describe(notices));
        return [];
    }

    /// <summary>
    /// Takes the notice of <paramref name="kind"/> off the service; ending "temporarily closed" opens a service it
    /// had closed. False when the service has no such notice. Needs the service's contacts, attributes and schedules loaded.
    /// </summary>
    public async Task<bool> EndNoticeAsync(Service service, string? kind, string endedBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var notices = await NoticesAsync(service.Id, ct);
        var notice = notices.SingleOrDefault(n => n.Kind == kind);
        if (notice is null)
        {
            return false;
        }
        var before = ListingHistory.FieldsOf(service);
        before[NoticeField] = Describe(notices);
        db.ServiceNotices.Remove(notice);
        notices.Remove(notice);
        if (kind == ServiceNoticeKinds.TemporarilyClosed && service.Status == ServiceStatus.TemporarilyClosed)
        {
            service.Status = ServiceStatus.Active;
        }
        await SaveServiceAsync(service, before, endedBy, ct, Describe(notices));
        return true;
    }

    /// <summary>
    /// Replaces the service's weekly opening times with <paramref name="rows"/> (blank rows are skipped) and
    /// sets whether it closes on bank holidays. Other schedules a feed brought are kept. Errors are keyed
    /// <c>Rows[i].Days</c>, <c>Rows[i].Opens</c>, <c>Rows[i].Closes</c>. Needs the service's contacts, attributes and schedules loaded.
    /// </summary>
    public async Task<IReadOnlyList<ListingError>> UpdateTimetableAsync(
        Service service, IReadOnlyList<TimetableRowInput> rows, bool closedOnBankHolidays, string updatedBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(rows);
        var (errors, weekly) = ListingChecks.TimetableRows(rows);
        if (errors.Count > 0)
        {
            return errors;
        }

        var before = ListingHistory.FieldsOf(service);
        foreach (var old in service.Schedules.Where(Timetable.IsWeekly).ToList())
        {
            service.Schedules.Remove(old);
        }
        service.Schedules.AddRange(weekly.Select(r => Timetable.ToSchedule(r, service.Id)));
        var bankHoliday = service.Attributes.FirstOrDefault(a => a.TaxonomyTermId == Timetable.ClosedOnBankHolidaysTerm);
        if (closedOnBankHolidays && bankHoliday is null)
        {
            service.Attributes.Add(new ServiceAttribute { Id = Guid.NewGuid(), ServiceId = service.Id, TaxonomyTermId = Timetable.ClosedOnBankHolidaysTerm });
        }
        else if (!closedOnBankHolidays && bankHoliday is not null)
        {
            service.Attributes.Remove(bankHoliday);
        }
        await SaveServiceAsync(service, before, updatedBy, ct);
        return [];
    }

    /// <summary>
    /// Changes a place: its name, its first address and, optionally, its point. Every service there is marked as
    /// changed, since each of their listings now reads differently. Needs the location's addresses loaded.
    /// </summary>
    public async Task<IReadOnlyList<ListingError>> UpdateLocationAsync(Location location, LocationDetails details, string updatedBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(details);
        var (errors, postcode, lat, lon) = ListingChecks.Location(details);
        if (errors.Count > 0)
        {
            return errors;
        }

        var before = ListingHistory.FieldsOf(location);
        location.Name = Blank(details.Name);
        var address = location.Addresses.FirstOrDefault();
        if (address is null)
        {
            address = new Address { Id = Guid.NewGuid(), LocationId = location.Id, Address1 = "", City = "", StateProvince = "", PostalCode = "", Country = "GB", AddressType = "physical" };
            location.Addresses.Add(address);
        }
        address.Address1 = details.Address1!.Trim();
        address.City = details.City!.Trim();
        address.PostalCode = postcode!;
        location.Latitude = lat;
        location.Longitude = lon;
        foreach (var s in await db.Services.Where(s => s.ServiceAtLocations.Any(x => x.LocationId == location.Id)).ToListAsync(ct))
        {
            s.LastModified = Now;
        }
        await changes.SaveAsync(ListingHistory.LocationType, location.Id, before, ListingHistory.FieldsOf(location), updatedBy, ct: ct);
        return [];
    }

    public async Task<IReadOnlyList<ListingError>> UpdateOrganisationAsync(Organization org, OrganisationDetails details, string updatedBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(details);
        var errors = ListingChecks.Organisation(details);
        if (errors.Count > 0)
        {
            return errors;
        }
        var before = ListingHistory.FieldsOf(org);
        org.Name = details.Name!.Trim();
        org.Description = details.Description!.Trim();
        org.Email = Blank(details.Email);
        org.Website = Blank(details.Website);
        org.LastModified = Now;
        await changes.SaveAsync(ListingHistory.OrganizationType, org.Id, before, ListingHistory.FieldsOf(org), updatedBy, ct: ct);
        return [];
    }

    /// <summary>A new organisation, audited as made by <paramref name="actor"/>; null with the errors when refused.</summary>
    public async Task<(Organization? Organisation, IReadOnlyList<ListingError> Errors)> AddOrganisationAsync(
        OrganisationDetails details, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = ListingChecks.Organisation(details);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var org = new Organization
        {
            Id = Guid.NewGuid(), Name = details.Name!.Trim(), Description = details.Description!.Trim(),
            Email = Blank(details.Email), Website = Blank(details.Website), LastModified = Now,
        };
        db.Organizations.Add(org);
        db.Audit(time, actor, AuditActions.OrganisationCreated, "organization", org.Id.ToString(), org.Name);
        await changes.SaveAsync(ListingHistory.OrganizationType, org.Id, new Dictionary<string, string>(), ListingHistory.FieldsOf(org), actor.Name, MetadataActions.Create, ct);
        return (org, []);
    }

    private static void Apply(Service s, ServiceDetails d)
    {
        s.Name = d.Name!.Trim();
        s.Description = d.Description!.Trim();
        s.Status = d.Status!;
        s.MinimumAge = Parse(d.MinimumAge);
        s.MaximumAge = Parse(d.MaximumAge);
        s.Email = Blank(d.Email);
        ApplyPhone(s, Blank(d.Phone));

        // The Waymark vocabulary: replace what the form covers, keep anything else a feed brought.
        var wanted = d.Terms.Select(code => (Code: code, Value: (string?)null)).ToList();
        void Expect(string code, string? value)
        {
            if (Blank(value) is { } v)
            {
                wanted.Add((code, v));
            }
        }
        Expect("expect:session-minutes", d.SessionMinutes);
        Expect("expect:sessions", d.Sessions);
        Expect("expect:frequency", d.Frequency);
        Expect("expect:first-contact", d.FirstContact);
        Expect("expect:typical-wait-days", d.TypicalWaitDays);
        // Stored as a plain number ("05" becomes "5"), the form the staleness rule and ORUK export read.
        Expect(Staleness.ResponseTimeCode, Parse(d.ResponseWorkingDays)?.ToString(CultureInfo.InvariantCulture));
        foreach (var old in s.Attributes.Where(a => CoveredTerms.Contains(a.TaxonomyTermId)).ToList())
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

    /// <summary>The form has one phone number: the first contact's first phone.</summary>
    private static void ApplyPhone(Service s, string? phone)
    {
        var contact = s.Contacts.FirstOrDefault();
        if (phone is null)
        {
            contact?.Phones.Clear();
            return;
        }
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

    private Task<List<ServiceNotice>> NoticesAsync(Guid serviceId, CancellationToken ct) =>
        db.ServiceNotices.Where(n => n.ServiceId == serviceId).ToListAsync(ct);

    /// <summary>Dates the change and saves it with its history; <paramref name="notices"/>, when given, is the notices' history field after it.</summary>
    private async Task SaveServiceAsync(Service service, Dictionary<string, string> before, string by, CancellationToken ct, string? notices = null)
    {
        service.LastModified = Now;
        var after = ListingHistory.FieldsOf(service);
        if (notices is not null)
        {
            after[NoticeField] = notices;
        }
        await changes.SaveAsync(ListingHistory.ServiceType, service.Id, before, after, by, ct: ct);
    }

    /// <summary>The notices as one history field: "temporarily-closed until 2027-03-31; not-taking-referrals".</summary>
    private static string Describe(IEnumerable<ServiceNotice> notices) => string.Join("; ", notices
        .OrderBy(n => n.Kind, StringComparer.Ordinal)
        .Select(n => n.Until is { } u ? $"{n.Kind} until {u:yyyy-MM-dd}" : n.Kind));



    private static decimal? Parse(string? text) => string.IsNullOrWhiteSpace(text) ? null : int.Parse(text.Trim(), CultureInfo.InvariantCulture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
