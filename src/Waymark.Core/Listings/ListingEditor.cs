using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
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
    private static readonly HashSet<string> EditableCodes = ServiceDetails.Families
        .SelectMany(f => Vocabulary.Family(f.Family)).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);

    /// <summary>The terms the details form speaks for; any other term a feed brought is left alone.</summary>
    private static readonly HashSet<Guid> CoveredTerms = EditableCodes
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
        var errors = Check(details);
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
        var errors = new ListingErrorList();
        if (!ServiceNoticeKinds.All.Contains(kind ?? ""))
        {
            errors.Add("Kind", "Choose whether the service is temporarily closed or not taking referrals");
        }
        DateOnly? last = null;
        if (!string.IsNullOrWhiteSpace(until))
        {
            if (!DateOnly.TryParseExact(until.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                errors.Add("Until", "Enter the date as a real date, for example 2027-03-31");
            }
            else if (d < UkToday)
            {
                errors.Add("Until", "The date it ends must be today or in the future");
            }
            else
            {
                last = d;
            }
        }
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
        var errors = new ListingErrorList();
        var weekly = new List<Timetable.Row>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            if (r.IsBlank)
            {
                continue;
            }
            var (n, found) = (i + 1, errors.Count);
            if (r.Days.Count == 0 || r.Days.Any(d => Timetable.Days.All(x => x.Code != d)))
            {
                errors.Add($"Rows[{i}].Days", $"Time {n}: choose at least one day");
            }
            var opensOk = Timetable.TryParseTime(r.Opens, out var opens);
            var closesOk = Timetable.TryParseTime(r.Closes, out var closes);
            if (!opensOk)
            {
                errors.Add($"Rows[{i}].Opens", $"Time {n}: enter the opening time as hours and minutes, like 09:30");
            }
            if (!closesOk)
            {
                errors.Add($"Rows[{i}].Closes", $"Time {n}: enter the closing time as hours and minutes, like 17:00");
            }
            else if (opensOk && opens == closes)
            {
                errors.Add($"Rows[{i}].Closes", $"Time {n}: the closing time must be different from the opening time");
            }
            if (errors.Count == found)
            {
                weekly.Add(new Timetable.Row(r.Days, opens, closes));
            }
        }
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
        var errors = new ListingErrorList();
        if (string.IsNullOrWhiteSpace(details.Address1))
        {
            errors.Add(nameof(details.Address1), "Enter the first line of the address");
        }
        if (string.IsNullOrWhiteSpace(details.City))
        {
            errors.Add(nameof(details.City), "Enter the town or city");
        }
        if (!Postcodes.TryNormalise(details.Postcode, out var postcode))
        {
            errors.Add(nameof(details.Postcode), $"Enter a full UK postcode, {Postcodes.FormatHint}");
        }
        var (lat, lon) = Point(details, errors);
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
        var errors = Check(details);
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
        var errors = Check(details);
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

    private static ListingErrorList Check(ServiceDetails d)
    {
        var errors = new ListingErrorList();
        errors.Name(nameof(d.Name), d.Name, "Enter the name of the service");
        if (string.IsNullOrWhiteSpace(d.Description))
        {
            errors.Add(nameof(d.Description), "Describe the service in a few sentences");
        }
        else if (d.Description.Length > ListingLimits.MaxDescriptionLength)
        {
            errors.Add(nameof(d.Description), $"The description must be {ListingLimits.MaxDescriptionLength.ToString("N0", CultureInfo.InvariantCulture)} characters or fewer");
        }
        if (!ServiceStatus.All.Contains(d.Status ?? ""))
        {
            errors.Add(nameof(d.Status), "Choose the service's status");
        }
        var min = errors.WholeNumber(nameof(d.MinimumAge), d.MinimumAge, "The youngest age", ListingLimits.MinAge, ListingLimits.MaxAge);
        var max = errors.WholeNumber(nameof(d.MaximumAge), d.MaximumAge, "The oldest age", ListingLimits.MinAge, ListingLimits.MaxAge);
        if (min is not null && max is not null && min > max)
        {
            errors.Add(nameof(d.MaximumAge), "The oldest age must be the same as or more than the youngest age");
        }
        errors.OptionalEmail(nameof(d.Email), d.Email);
        if (!string.IsNullOrWhiteSpace(d.Phone))
        {
            var digits = d.Phone.Count(char.IsAsciiDigit);
            if (d.Phone.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '+' or '(' or ')' or '-'))
                || digits is < ListingLimits.MinPhoneDigits or > ListingLimits.MaxPhoneDigits)
            {
                errors.Add(nameof(d.Phone), "Enter a phone number, like 01632 960 001 or 116 123");
            }
        }
        errors.WholeNumber(nameof(d.SessionMinutes), d.SessionMinutes, "Session length", ListingLimits.MinSessionMinutes, ListingLimits.MaxSessionMinutes);
        if (!string.IsNullOrWhiteSpace(d.Sessions) && d.Sessions.Trim() != "ongoing")
        {
            errors.WholeNumber(nameof(d.Sessions), d.Sessions, "Number of sessions", ListingLimits.MinSessions, ListingLimits.MaxSessions);
        }
        if (!string.IsNullOrWhiteSpace(d.Frequency) && !Vocabulary.Frequencies.Contains(d.Frequency))
        {
            errors.Add(nameof(d.Frequency), "Choose how often sessions happen");
        }
        if (d.FirstContact?.Length > ListingLimits.MaxFirstContactLength)
        {
            errors.Add(nameof(d.FirstContact), $"What happens first must be {ListingLimits.MaxFirstContactLength} characters or fewer");
        }
        errors.WholeNumber(nameof(d.TypicalWaitDays), d.TypicalWaitDays, "Typical wait", 0, ListingLimits.MaxTypicalWaitDays);
        errors.WholeNumber(nameof(d.ResponseWorkingDays), d.ResponseWorkingDays, "Working days to reply to a referral", 1, Staleness.MaxResponseWorkingDays);
        if (d.Terms.Any(t => !EditableCodes.Contains(t)))
        {
            errors.Add(nameof(d.Terms), "Choose only from the options shown");
        }
        return errors;
    }

    private static ListingErrorList Check(OrganisationDetails d)
    {
        var errors = new ListingErrorList();
        errors.Name(nameof(d.Name), d.Name, "Enter the name of the organisation");
        if (string.IsNullOrWhiteSpace(d.Description))
        {
            errors.Add(nameof(d.Description), "Describe the organisation in a sentence or two");
        }
        errors.OptionalEmail(nameof(d.Email), d.Email);
        if (!string.IsNullOrWhiteSpace(d.Website)
            && !(Uri.TryCreate(d.Website.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add(nameof(d.Website), "Enter the full website address, starting https://");
        }
        return errors;
    }

    /// <summary>Both latitude and longitude, inside the UK, or neither.</summary>
    private static (double? Latitude, double? Longitude) Point(LocationDetails d, ListingErrorList errors)
    {
        var hasLat = !string.IsNullOrWhiteSpace(d.Latitude);
        var hasLon = !string.IsNullOrWhiteSpace(d.Longitude);
        if (hasLat != hasLon)
        {
            errors.Add(hasLat ? nameof(d.Longitude) : nameof(d.Latitude), "Enter both latitude and longitude, or neither");
            return (null, null);
        }
        if (!hasLat)
        {
            return (null, null);
        }
        double? lat = null, lon = null;
        if (!double.TryParse(d.Latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < ListingLimits.MinLatitude or > ListingLimits.MaxLatitude)
        {
            errors.Add(nameof(d.Latitude), $"Latitude must be a number between {Number(ListingLimits.MinLatitude)} and {Number(ListingLimits.MaxLatitude)} (the UK), like 53.7196");
        }
        else
        {
            lat = la;
        }
        if (!double.TryParse(d.Longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < ListingLimits.MinLongitude or > ListingLimits.MaxLongitude)
        {
            errors.Add(nameof(d.Longitude), $"Longitude must be a number between {Number(ListingLimits.MinLongitude)} and {Number(ListingLimits.MaxLongitude)} (the UK), like -1.8568");
        }
        else
        {
            lon = lo;
        }
        return (lat, lon);
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

    private static string Number(double d) => d.ToString(CultureInfo.InvariantCulture);

    private static decimal? Parse(string? text) => string.IsNullOrWhiteSpace(text) ? null : int.Parse(text.Trim(), CultureInfo.InvariantCulture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
