using System.Net;
using System.Text;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Directory;
using Waymark.Core.Groups;
using Waymark.Core.Schedules;
using Waymark.Tests.Infrastructure;
using static Waymark.Tests.Infrastructure.GroupBuilders;

namespace Waymark.Tests.Pages.Services;

/// <summary>
/// The public side of group sessions: the service page, the .ics download and the per-service feed. Every
/// calendar the app writes is parsed with Ical.Net, and checked line by line against RFC 5545's framing.
/// </summary>
public sealed class GroupCalendarTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task A_session_downloads_as_a_valid_calendar_file_at_the_right_instant_either_side_of_the_clock_change()
    {
        var (_, service, _) = await app.AddOrganisationAsync();
        var change = NextClockChange();
        var before = await app.AddSessionAsync(service.Id, UkTime.ToInstant(change.AddDays(-3), 18 * 60), minutes: 90);
        var after = await app.AddSessionAsync(service.Id, UkTime.ToInstant(change.AddDays(4), 18 * 60), minutes: 90);
        using var visitor = Browser.For(app);

        foreach (var session in new[] { before, after })
        {
            var response = await visitor.Client.GetAsync(new Uri($"/services/{service.Id}/sessions/{session.Id}.ics", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            var ics = await response.Content.ReadAsStringAsync();
            var calendar = Parse(ics);
            var e = Assert.Single(calendar.Events);
            Assert.Equal(CalendarWriter.UidOf(session.Id), e.Uid);
            Assert.True(e.DtStart!.IsUtc);
            Assert.Equal(session.StartsAt.UtcDateTime, e.DtStart.AsUtc);
            Assert.Equal(session.EndsAt.UtcDateTime, e.DtEnd!.AsUtc);
            Assert.Equal("18:00", TimeZoneInfo.ConvertTimeFromUtc(e.DtStart.AsUtc, UkTime.London).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal("CONFIRMED", e.Status);
            Assert.Equal(0, e.Sequence);
            Assert.Equal(service.Name, e.Summary);
            Assert.NotNull(e.DtStamp);
        }
        // One is in GMT and the other in BST: the same 18:00 is a different hour in UTC.
        Assert.Equal(1, Math.Abs(before.StartsAt.UtcDateTime.Hour - after.StartsAt.UtcDateTime.Hour));
    }

    [Fact]
    public async Task The_feed_lists_the_services_sessions_with_cancellations_and_nothing_personal()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        var online = await app.AddSessionAsync(service.Id, UkTime.ToInstant(UkDay(2), 19 * 60), venue: null);
        var cancelled = await app.AddSessionAsync(service.Id, UkTime.ToInstant(UkDay(9), 19 * 60));
        var facilitator = await app.AddUserAsync(Waymark.Core.Accounts.Roles.ProviderStaff, org.Id);
        await using (var db = app.OpenDb())
        {
            var c = await db.GroupSessions.SingleAsync(s => s.Id == cancelled.Id);
            c.CancelledAt = DateTimeOffset.UtcNow;
            c.CancelReason = "Facilitator unwell";
            c.Sequence = 1;
            var userId = await db.Users.Where(u => u.Email == facilitator.Email).Select(u => u.Id).SingleAsync();
            db.GroupFacilitators.Add(new GroupFacilitator { Id = Guid.NewGuid(), SessionId = online.Id, UserId = userId, AssignedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        using var visitor = Browser.For(app);

        var response = await visitor.Client.GetAsync(new Uri($"/services/{service.Id}/sessions.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var ics = await response.Content.ReadAsStringAsync();
        var calendar = Parse(ics);
        Assert.Equal(2, calendar.Events.Count);
        var gone = calendar.Events.Single(e => e.Uid == CalendarWriter.UidOf(cancelled.Id));
        Assert.Equal("CANCELLED", gone.Status);
        Assert.Equal(1, gone.Sequence);
        var internet = calendar.Events.Single(e => e.Uid == CalendarWriter.UidOf(online.Id));
        Assert.Equal("Online", internet.Location);
        foreach (var secret in new[] { facilitator.Email, "secret-room", "unwell", "@example.org" })
        {
            Assert.DoesNotContain(secret, ics, StringComparison.OrdinalIgnoreCase);
        }

        // The same feed later: the UIDs are stable, so a calendar updates the events it holds.
        var again = Parse(await visitor.Client.GetStringAsync(new Uri($"/services/{service.Id}/sessions.ics", UriKind.Relative)));
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), again.Events.Select(e => e.Uid).Order());
    }

    [Fact]
    public async Task Commas_semicolons_backslashes_new_lines_and_long_words_survive_the_round_trip()
    {
        var (_, service, _) = await app.AddOrganisationAsync();
        const string name = "Café, talk; share \\ listen — a group for adults who self-harm, with lived-experience facilitators ☕ across Calderdale";
        const string venue = "Room 2; Halifax Library, Northgate\nHX1 1UN — ground floor, step-free, ring the bell ☎ on arrival please";
        await using (var db = app.OpenDb())
        {
            var s = await db.Services.SingleAsync(x => x.Id == service.Id);
            s.Name = name;
            await db.SaveChangesAsync();
        }
        var session = await app.AddSessionAsync(service.Id, UkTime.ToInstant(UkDay(5), 18 * 60), venue: venue);
        using var visitor = Browser.For(app);

        var ics = await visitor.Client.GetStringAsync(new Uri($"/services/{service.Id}/sessions/{session.Id}.ics", UriKind.Relative));

        var e = Assert.Single(Parse(ics).Events);
        Assert.Equal(name, e.Summary);
        Assert.Equal(venue, e.Location);
        Assert.Contains("LOCATION:Room 2\\; Halifax Library\\, Northgate\\nHX1 1UN", Unfold(ics), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_active_services_show_sessions_and_a_cancelled_session_shows_until_its_time_has_passed()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var atTime = app.AtTime(clock);
        var (_, service, _) = await app.AddOrganisationAsync();
        var cancelled = await app.AddSessionAsync(service.Id, clock.Now.AddHours(3), minutes: 60);
        var next = await app.AddSessionAsync(service.Id, clock.Now.AddDays(7), minutes: 60);
        await using (var db = app.OpenDb())
        {
            (await db.GroupSessions.SingleAsync(s => s.Id == cancelled.Id)).CancelledAt = clock.Now;
            await db.SaveChangesAsync();
        }
        using var visitor = Browser.For(atTime);

        var page = await visitor.GetAsync($"/services/{service.Id}");
        var card = page.Document.QuerySelector($"[data-session-id='{cancelled.Id}']");
        Assert.NotNull(card);
        Assert.Contains("Cancelled", card.TextContent, StringComparison.Ordinal);
        Assert.Null(card.QuerySelector("a[download]"));
        Assert.NotNull(page.Document.QuerySelector($"[data-session-id='{next.Id}'] a[download]"));

        clock.Advance(TimeSpan.FromHours(5));
        var later = await visitor.GetAsync($"/services/{service.Id}");
        Assert.Null(later.Document.QuerySelector($"[data-session-id='{cancelled.Id}']"));
        Assert.NotNull(later.Document.QuerySelector($"[data-session-id='{next.Id}']"));

        await using (var db = app.OpenDb())
        {
            (await db.Services.SingleAsync(s => s.Id == service.Id)).Status = ServiceStatus.Inactive;
            await db.SaveChangesAsync();
        }
        var closed = await visitor.GetAsync($"/services/{service.Id}");
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.Null(closed.Document.QuerySelector("#group-sessions"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync(new Uri($"/services/{service.Id}/sessions.ics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync(new Uri($"/services/{service.Id}/sessions/{next.Id}.ics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_session_of_another_service_is_not_found_through_this_ones_address()
    {
        var (_, service, _) = await app.AddOrganisationAsync();
        var (_, other, _) = await app.AddOrganisationAsync("Other Org");
        var session = await app.AddSessionAsync(other.Id, UkTime.ToInstant(UkDay(5), 18 * 60));
        using var visitor = Browser.For(app);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync(new Uri($"/services/{service.Id}/sessions/{session.Id}.ics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.Client.GetAsync(new Uri($"/services/{Guid.NewGuid()}/sessions.ics", UriKind.Relative))).StatusCode);
    }

    /// <summary>Checks RFC 5545's framing (CRLF only, no line over 75 octets, folds start with a space), then parses with Ical.Net.</summary>
    private static Calendar Parse(string ics)
    {
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var lines = ics.Split("\r\n")[..^1];
        Assert.All(lines, l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, 75));
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        var unfolded = Unfold(ics).Split("\r\n");
        Assert.Contains("VERSION:2.0", unfolded);
        Assert.Contains(unfolded, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        var events = unfolded.Count(l => l == "BEGIN:VEVENT");
        foreach (var required in new[] { "UID:", "DTSTAMP:", "DTSTART:", "DTEND:", "SEQUENCE:", "STATUS:" })
        {
            Assert.Equal(events, unfolded.Count(l => l.StartsWith(required, StringComparison.Ordinal)));
        }
        Assert.All(unfolded.Where(l => l.StartsWith("DT", StringComparison.Ordinal)), l => Assert.Matches(@"^DT(START|END|STAMP):\d{8}T\d{6}Z$", l));
        return Calendar.Load(ics) ?? throw new InvalidOperationException("Ical.Net read no calendar.");
    }

    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);
}
