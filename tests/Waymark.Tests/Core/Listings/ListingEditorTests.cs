using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.Matching;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Core.Listings;

/// <summary>
/// The listing editor's rules on the engine under test, without the web app: what each edit checks (one row per
/// rule), what it changes, and the history it writes. The pages' tests (ServiceEditTests, TimetableAndLocationTests)
/// check the same edits through HTTP.
/// </summary>
public sealed class ListingEditorTests(ListingEditorTests.Database database) : IClassFixture<ListingEditorTests.Database>
{
    /// <summary>23:30 UTC on 30 June is already 1 July in the UK: "today" must be the UK's.</summary>
    private static readonly DateTimeOffset Now = new(2026, 6, 30, 23, 30, 0, TimeSpan.Zero);
    private static readonly DateOnly UkToday = new(2026, 7, 1);
    private const string Editor = "editor@example.org";

    public sealed class Database : IAsyncLifetime, IDbContextFactory<WaymarkDbContext>
    {
        private readonly TestDatabase _database = new();

        /// <summary>Search, never loaded: an edit tells it, and it has nothing to patch.</summary>
        public DirectoryIndex Index { get; }

        public Database() => Index = new DirectoryIndex(this, new FixedClock(Now), NullLogger<DirectoryIndex>.Instance);

        public WaymarkDbContext CreateDbContext() => _database.Open();

        public async Task InitializeAsync()
        {
            await using var db = _database.Open();
            await db.Database.MigrateAsync();
        }

        public Task DisposeAsync()
        {
            Index.Dispose();
            _database.Dispose();
            return Task.CompletedTask;
        }
    }

    private sealed class Session(Database database) : IAsyncDisposable
    {
        public WaymarkDbContext Db { get; } = database.CreateDbContext();

        public ListingEditor Editor => new(Db, new FixedClock(Now), new ListingChanges(Db, new FixedClock(Now), database.Index));

        /// <summary>The service with everything the editor needs, as the provider pages load it.</summary>
        public Task<Service> ServiceAsync(Guid id) => Db.Services
            .Include(s => s.Organization).Include(s => s.Contacts).ThenInclude(c => c.Phones).Include(s => s.Attributes).Include(s => s.Schedules)
            .AsSplitQuery().SingleAsync(s => s.Id == id);

        public Task<List<MetadataEntry>> HistoryAsync(Guid id) => Db.Metadata.AsNoTracking().Where(m => m.ResourceId == id).ToListAsync();

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    private static readonly Guid FeedTerm = Vocabulary.TermId("schedule:closed-bank-holidays");

    private async Task<(Guid Service, Guid Location)> AddServiceAsync()
    {
        var org = new Organization { Id = Guid.NewGuid(), Name = "Calder Peer Support", Description = "Peer support groups in Calderdale.", Email = "hello@calder.example.org" };
        var location = new Location
        {
            Id = Guid.NewGuid(), LocationType = "physical", Name = "Square Chapel", Latitude = 53.7196, Longitude = -1.8568,
            Addresses = [new Address { Id = Guid.NewGuid(), Address1 = "10 Square Road", City = "Halifax", StateProvince = "West Yorkshire", PostalCode = "HX1 1QG", Country = "GB", AddressType = "physical" }],
        };
        var service = new Service
        {
            Id = Guid.NewGuid(), OrganizationId = org.Id, Name = "Tuesday evening peer group",
            Description = "A small group for adults who self-harm, run by people who have been there.", Email = "group@example.org",
            AssuredDate = new DateOnly(2026, 1, 5), LastModified = Now.AddDays(-30),
            Contacts = [new Contact { Id = Guid.NewGuid(), Name = "Group lead", Phones = [new Phone { Id = Guid.NewGuid(), Number = "01422 000000" }] }],
            Attributes =
            [
                new ServiceAttribute { Id = Guid.NewGuid(), TaxonomyTermId = Vocabulary.TermId("format:group") },
                new ServiceAttribute { Id = Guid.NewGuid(), TaxonomyTermId = FeedTerm },
            ],
            Schedules =
            [
                new Schedule { Id = Guid.NewGuid(), Freq = "WEEKLY", ByDay = "TU", OpensAt = "18:00", ClosesAt = "20:00" },
                new Schedule { Id = Guid.NewGuid(), Freq = "MONTHLY", ByMonthDay = "1", OpensAt = "10:00", ClosesAt = "12:00" },
            ],
        };
        service.ServiceAtLocations = [new ServiceAtLocation { Id = Guid.NewGuid(), ServiceId = service.Id, LocationId = location.Id }];
        await using var db = database.CreateDbContext();
        db.Organizations.Add(org);
        db.Locations.Add(location);
        db.Services.Add(service);
        await db.SaveChangesAsync();
        return (service.Id, location.Id);
    }

    private static ServiceDetails Valid() => new()
    {
        Name = "Tuesday evening peer support group",
        Description = "A small group for adults who self-harm, run by people who have been there.",
        Status = ServiceStatus.Active,
        MinimumAge = "18",
        Phone = "01422 000001",
        Email = "group@example.org",
        SessionMinutes = "90",
        Sessions = "ongoing",
        Frequency = "weekly",
        ResponseWorkingDays = "05",
        Terms = ["format:group", "delivered-by:peer"],
    };

    [Fact]
    public async Task Details_are_saved_with_a_history_row_per_field_and_the_vocabulary_merged()
    {
        var (id, _) = await AddServiceAsync();
        await using var session = new Session(database);
        var service = await session.ServiceAsync(id);
        var kept = service.Attributes.Single(a => a.TaxonomyTermId == Vocabulary.TermId("format:group")).Id;

        Assert.Empty(await session.Editor.UpdateDetailsAsync(service, Valid(), Editor));

        await using var db = database.CreateDbContext();
        var stored = await db.Services.Include(s => s.Attributes).Include(s => s.Contacts).ThenInclude(c => c.Phones).SingleAsync(s => s.Id == id);
        Assert.Equal(("Tuesday evening peer support group", 18m, "01422 000001", Now), (stored.Name, stored.MinimumAge, stored.Contacts.Single().Phones.Single().Number, stored.LastModified));
        var codes = stored.Attributes.Select(a => Vocabulary.ById[a.TaxonomyTermId].Code + (a.Value is null ? "" : "=" + a.Value)).Order(StringComparer.Ordinal);
        // The term a feed brought and the form does not cover stays; a number is stored plainly ("05" → "5").
        Assert.Equal(["delivered-by:peer", "expect:frequency=weekly", "expect:response-working-days=5", "expect:session-minutes=90", "expect:sessions=ongoing",
            "format:group", "schedule:closed-bank-holidays"], codes);
        Assert.Equal(kept, stored.Attributes.Single(a => a.TaxonomyTermId == Vocabulary.TermId("format:group")).Id);

        var history = await session.HistoryAsync(id);
        Assert.Equal(["attributes", "minimum_age", "name", "phone"], history.Select(h => h.FieldName).Order(StringComparer.Ordinal));
        Assert.All(history, h => Assert.Equal((MetadataActions.Update, Editor, Now, ListingHistory.ServiceType), (h.LastActionType, h.UpdatedBy, h.LastActionDate, h.ResourceType)));
    }

    [Fact]
    public async Task Refused_details_come_back_in_form_order_and_change_nothing()
    {
        var (id, _) = await AddServiceAsync();
        await using var session = new Session(database);
        var service = await session.ServiceAsync(id);
        var details = Valid();
        (details.Name, details.MinimumAge, details.MaximumAge, details.Email, details.SessionMinutes) = ("", "40", "25", "not an email", "an hour");
        details.Terms.Add("made:up");

        var errors = await session.Editor.UpdateDetailsAsync(service, details, Editor);

        Assert.Equal(["Name", "MaximumAge", "Email", "SessionMinutes", "Terms"], errors.Select(e => e.Field));
        Assert.Equal("Enter the name of the service", errors[0].Message);
        Assert.Equal("Tuesday evening peer group", service.Name);
        Assert.False(session.Db.ChangeTracker.HasChanges());
        Assert.Empty(await session.HistoryAsync(id));
    }

    public static TheoryData<string, string, string?> Limits => new()
    {
        // field, value, the error (null: accepted)
        { "Name", new string('n', ListingLimits.MaxNameLength), null },
        { "Name", new string('n', ListingLimits.MaxNameLength + 1), "The name must be 200 characters or fewer" },
        { "Description", new string('d', ListingLimits.MaxDescriptionLength), null },
        { "Description", new string('d', ListingLimits.MaxDescriptionLength + 1), "The description must be 4,000 characters or fewer" },
        { "MinimumAge", "0", null },
        { "MaximumAge", "120", null },
        { "MaximumAge", "121", "The oldest age must be between 0 and 120" },
        { "MinimumAge", "-1", "The youngest age must be a whole number, like 1" },
        { "Phone", "999", null },
        { "Phone", "99", "Enter a phone number, like 01632 960 001 or 116 123" },
        { "Phone", "+44 (0) 1632-960-001", null },
        { "Phone", "1234567890123456", "Enter a phone number, like 01632 960 001 or 116 123" },
        { "Phone", "01632 960 001 ext", "Enter a phone number, like 01632 960 001 or 116 123" },
        { "Email", " group@example.org ", null },
        { "Email", "group@example", "Enter an email address in the correct format, like name@example.org" },
        { "SessionMinutes", "1440", null },
        { "SessionMinutes", "0", "Session length must be between 1 and 1440" },
        { "SessionMinutes", "1441", "Session length must be between 1 and 1440" },
        { "Sessions", "1000", null },
        { "Sessions", "1001", "Number of sessions must be between 1 and 1000" },
        { "Sessions", "some", "Number of sessions must be a whole number, like 2" },
        { "Frequency", "hourly", "Choose how often sessions happen" },
        { "FirstContact", new string('f', ListingLimits.MaxFirstContactLength), null },
        { "FirstContact", new string('f', ListingLimits.MaxFirstContactLength + 1), "What happens first must be 500 characters or fewer" },
        { "TypicalWaitDays", "3650", null },
        { "TypicalWaitDays", "3651", "Typical wait must be between 0 and 3650" },
        { "ResponseWorkingDays", "60", null },
        { "ResponseWorkingDays", "0", "Working days to reply to a referral must be between 1 and 60" },
        { "Status", "open", "Choose the service's status" },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public async Task Each_field_has_one_rule(string field, string value, string? error)
    {
        var (id, _) = await AddServiceAsync();
        await using var session = new Session(database);
        var service = await session.ServiceAsync(id);
        var details = Valid();
        typeof(ServiceDetails).GetProperty(field)!.SetValue(details, value);

        var errors = await session.Editor.UpdateDetailsAsync(service, details, Editor);

        Assert.Equal(error is null ? [] : new[] { new ListingError(field, error) }, errors);
    }

    [Fact]
    public async Task Checking_a_listing_dates_it_today_in_the_UK_and_records_each_check()
    {
        var (id, _) = await AddServiceAsync();
        await using var session = new Session(database);
        var service = await session.ServiceAsync(id);

        Assert.Equal(UkToday, await session.Editor.MarkCheckedAsync(service, Editor));
        Assert.Equal(UkToday, await session.Editor.MarkCheckedAsync(service, "second@example.org"));

        await using var db = database.CreateDbContext();
        var stored = await db.Services.SingleAsync(s => s.Id == id);
        // The published assurer is the organisation's address, never the person who checked.
        Assert.Equal((UkToday, "hello@calder.example.org"), (stored.AssuredDate, stored.AssurerEmail));
        var rows = (await session.HistoryAsync(id)).OrderBy(h => h.UpdatedBy, StringComparer.Ordinal).ToList();
        Assert.Equal(
            [(MetadataActions.Verify, "assured_date", "2026-01-05", "2026-07-01", Editor), (MetadataActions.Verify, "assured_date", "2026-07-01", "2026-07-01", "second@example.org")],
            rows.Select(r => (r.LastActionType, r.FieldName, r.PreviousValue, r.ReplacementValue, r.UpdatedBy)));
    }

    [Fact]
    public async Task A_closure_notice_closes_the_service_replaces_one_of_its_kind_and_reopens_it_when_ended()
    {
        var (id, _) = await AddServiceAsync();
        await using var session = new Session(database);
        var service = await session.ServiceAsync(id);

        Assert.Empty(await session.Editor.PutNoticeAsync(service, ServiceNoticeKinds.TemporarilyClosed, "2026-08-01", Editor));
        Assert.Empty(await session.Editor.PutNoticeAsync(service, ServiceNoticeKinds.TemporarilyClosed, " 2026-09-01 ", Editor));
        Assert.Empty(await session.Editor.PutNoticeAsync(service, ServiceNoticeKinds.NotTakingReferrals, null, Editor));

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(ServiceStatus.TemporarilyClosed, (await db.Services.SingleAsync(s => s.Id == id)).Status);
            var notices = await db.ServiceNotices.Where(n => n.ServiceId == id).OrderBy(n => n.Kind).ToListAsync();
            Assert.Equal([(ServiceNoticeKinds.NotTakingReferrals, UkToday, (DateOnly?)null), (ServiceNoticeKinds.TemporarilyClosed, UkToday, new DateOnly(2026, 9, 1))],
                notices.Select(n => (n.Kind, n.From, n.Until)));
        }

        Assert.False(await session.Editor.EndNoticeAsync(service, "no-such-kind", Editor));
        Assert.True(await session.Editor.EndNoticeAsync(service, ServiceNoticeKinds.TemporarilyClosed, Editor));

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(ServiceStatus.Active, (await db.Services.SingleAsync(s => s.Id == id)).Status);
            Assert.Equal([ServiceNoticeKinds.NotTakingReferrals], await db.ServiceNotices.Where(n => n.ServiceId == id).Select(n => n.Kind).ToListAsync());
        }
        // The clock stands still, so the rows are compared as a set: one for each edit, each naming every notice on.
        var notice = (await session.HistoryAsync(id)).Where(h => h.FieldName == "notice").Select(h => $"{h.PreviousValue} → {h.ReplacementValue}");
        Assert.Equal(
        [
            " → temporarily-closed until 2026-08-01",
            "not-taking-referrals; temporarily-closed until 2026-09-01 → not-taking-referrals",
            "temporarily-closed until 2026-08-01 → temporarily-closed until 2026-09-01",
            "temporarily-closed until 2026-09-01 → not-taking-referrals; temporarily-closed until 2026-09-01",
        ], notice.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("closed", "2026-08-01", "Kind", "Choose whether the service is temporarily closed or not taking referrals")]
    [InlineData(null, null, "Kind", "Choose whether the service is temporarily closed or not taking referrals")]
    [InlineData(ServiceNoticeKinds.NotTakingReferrals, "1 August 2026", "Until", "Enter the date as a real date, for example 2027-03-31")]
    [InlineData(ServiceNoticeKinds.NotTakingReferrals, "2026-06-30", "Until", "The date it ends must be today or in the future")]
    public async Task A_notice_needs_a_known_kind_and_a_real_date_from_today_on(string? kind, string? until, string field, string error)
    {
        var (id, _) = await AddServiceAsync();
        await using var session = new Session(database);
        var service = await session.ServiceAsync(id);

        Assert.Equal([new ListingError(field, error)], await session.Editor.PutNoticeAsync(service, kind, until, Editor));

        Assert.False(await session.Db.ServiceNotices.AnyAsync(n => n.ServiceId == id));
        Assert.Equal(ServiceStatus.Active, service.Status);
    }

    [Fact]
    public async Task A_notice_may_end_today_in_the_UK()
    {
        var (id, _) = await AddServiceAsync();
        await using var session = new Session(database);
        Assert.Empty(await session.Editor.PutNoticeAsync(await session.ServiceAsync(id), ServiceNoticeKinds.NotTakingReferrals, "2026-07-01", Editor));
    }

    [Fact]
    public async Task The_timetable_replaces_the_weekly_times_keeps_other_schedules_and_sets_bank_holidays()
    {
        var (id, _) = await AddServiceAsync();
        await using var session = new Session(database);
        var service = await session.ServiceAsync(id);
        TimetableRowInput[] refused = [new() { Days = [], Opens = "09:00", Closes = "17:00" }, new(), new() { Days = ["MO"], Opens = "9am", Closes = "9am" }];

        var errors = await session.Editor.UpdateTimetableAsync(service, refused, closedOnBankHolidays: false, Editor);
        Assert.Equal(["Rows[0].Days", "Rows[2].Opens", "Rows[2].Closes"], errors.Select(e => e.Field));
        Assert.Equal("Time 3: enter the closing time as hours and minutes, like 17:00", errors[2].Message);

        TimetableRowInput[] rows = [new() { Days = ["FR", "MO"], Opens = "9:00", Closes = "17:00" }, new()];
        Assert.Empty(await session.Editor.UpdateTimetableAsync(service, rows, closedOnBankHolidays: false, Editor));

        await using var db = database.CreateDbContext();
        var stored = await db.Services.Include(s => s.Schedules).Include(s => s.Attributes).SingleAsync(s => s.Id == id);
        Assert.Equal(["MO,FR 09:00-17:00", "MONTHLY 10:00-12:00"], stored.Schedules.Select(s => $"{s.ByDay ?? s.Freq} {s.OpensAt}-{s.ClosesAt}").Order(StringComparer.Ordinal));
        Assert.False(Timetable.ClosesOnBankHolidays(stored));
        Assert.Equal(["attributes", "schedules"], (await session.HistoryAsync(id)).Select(h => h.FieldName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_place_is_saved_with_its_postcode_in_the_one_stored_form_and_its_services_marked_changed()
    {
        var (id, locationId) = await AddServiceAsync();
        await using var session = new Session(database);
        var location = await session.Db.Locations.Include(l => l.Addresses).SingleAsync(l => l.Id == locationId);

        var refused = await session.Editor.UpdateLocationAsync(location, new LocationDetails { Address1 = "", City = "Halifax", Postcode = "HALIFAX", Latitude = "70", Longitude = "-1.86" }, Editor);
        Assert.Equal(
        [
            new ListingError("Address1", "Enter the first line of the address"),
            new ListingError("Postcode", "Enter a full UK postcode, like HX1 1QG"),
            new ListingError("Latitude", "Latitude must be a number between 49 and 61 (the UK), like 53.7196"),
        ], refused);

        Assert.Empty(await session.Editor.UpdateLocationAsync(location, new LocationDetails { Name = " ", Address1 = "Square Road", City = "Halifax", Postcode = " hx1  1qe " }, Editor));

        await using var db = database.CreateDbContext();
        var stored = await db.Locations.Include(l => l.Addresses).SingleAsync(l => l.Id == locationId);
        Assert.Equal(((string?)null, "HX1 1QE", (double?)null), (stored.Name, stored.Addresses.Single().PostalCode, stored.Latitude));
        Assert.Equal(Now, (await db.Services.SingleAsync(s => s.Id == id)).LastModified);
        Assert.Contains(await session.HistoryAsync(locationId), h => (h.FieldName, h.PreviousValue, h.ReplacementValue) == ("postal_code", "HX1 1QG", "HX1 1QE"));
    }

    [Fact]
    public async Task An_organisation_is_added_with_an_audit_row_and_a_create_history_and_checked_when_changed()
    {
        await using var session = new Session(database);
        var actor = new Actor(Guid.NewGuid(), "admin@example.org");

        var (none, errors) = await session.Editor.AddOrganisationAsync(new OrganisationDetails { Name = " ", Description = "A charity." }, actor);
        Assert.Null(none);
        Assert.Equal([new ListingError("Name", "Enter the name of the organisation")], errors);

        var (org, _) = await session.Editor.AddOrganisationAsync(new OrganisationDetails { Name = " Calder Peer Support ", Description = "A charity." }, actor);
        Assert.NotNull(org);
        Assert.Equal("Calder Peer Support", org.Name);
        Assert.True(await session.Db.AuditEvents.AnyAsync(a => a.Action == AuditActions.OrganisationCreated && a.SubjectId == org.Id.ToString()));
        Assert.All(await session.HistoryAsync(org.Id), h => Assert.Equal((MetadataActions.Create, "admin@example.org"), (h.LastActionType, h.UpdatedBy)));

        var changed = await session.Editor.UpdateOrganisationAsync(org, new OrganisationDetails { Name = "Calder", Description = "A charity.", Email = "hello@", Website = "calder.example.org" }, Editor);
        Assert.Equal(["Email", "Website"], changed.Select(e => e.Field));
        Assert.Empty(await session.Editor.UpdateOrganisationAsync(org, new OrganisationDetails { Name = "Calder", Description = "A charity.", Email = " hello@calder.example.org ", Website = "https://calder.example.org" }, Editor));
        await using var db = database.CreateDbContext();
        Assert.Equal("hello@calder.example.org", (await db.Organizations.SingleAsync(o => o.Id == org.Id)).Email);
    }
}
