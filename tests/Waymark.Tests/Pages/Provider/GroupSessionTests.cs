using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Groups;
using Waymark.Core.Schedules;
using Waymark.Tests.Infrastructure;
using static Waymark.Tests.Infrastructure.GroupBuilders;

namespace Waymark.Tests.Pages.Provider;

/// <summary>A provider runs group sessions of its service: add (once or weekly), change, cancel, facilitators, attendance.</summary>
public sealed class GroupSessionTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static string GroupsOf(Guid serviceId) => $"/provider/services/{serviceId}/groups";

    [Fact]
    public async Task A_provider_adds_a_session_at_the_services_location_and_the_public_page_shows_it()
    {
        var (org, service, location) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var date = UkDay(10);

        var added = await staff.Browser.SubmitAsync(GroupsOf(service.Id), SessionFields(date, "18:30", "20:00", where: location.Id.ToString(), venue: "", capacity: "12"));

        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        Assert.Equal(GroupsOf(service.Id), added.RedirectPath);
        await using var db = app.OpenDb();
        var session = await db.GroupSessions.SingleAsync(s => s.ServiceId == service.Id);
        Assert.Equal(UkTime.ToInstant(date, (18 * 60) + 30), session.StartsAt);
        Assert.Equal(90, session.Minutes);
        Assert.Equal(location.Id, session.LocationId);
        Assert.Equal(12, session.Capacity);
        Assert.Contains(await db.AuditEvents.Where(a => a.Action == GroupAudit.Added).Select(a => a.SubjectId).ToListAsync(), id => id == service.Id.ToString());

        using var visitor = Browser.For(app);
        var page = await visitor.GetAsync($"/services/{service.Id}");
        var card = page.Document.QuerySelector($"#group-sessions [data-session-id='{session.Id}']");
        Assert.NotNull(card);
        Assert.Equal("18:30 to 20:00", card.QuerySelector(".session-time")!.TextContent.Trim());
        Assert.Equal("Square Chapel, 10 Square Road, Halifax, HX1 1QG", card.QuerySelector(".session-place")!.TextContent.Trim());
        Assert.Equal("Up to 12 people", card.QuerySelector(".session-capacity")!.TextContent.Trim());
        Assert.Contains($"webcal://", page.Document.QuerySelector("#calendar-feed a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith($"/services/{service.Id}/sessions.ics", page.Document.QuerySelector("#calendar-feed a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weekly_sessions_keep_their_UK_time_across_the_clock_change()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderAdmin, org.Id);
        var change = NextClockChange();
        var first = change.AddDays(-12);

        var added = await staff.Browser.SubmitAsync(GroupsOf(service.Id), SessionFields(first, "18:00", "19:30", weeks: "3"));

        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        await using var db = app.OpenDb();
        var sessions = await db.GroupSessions.Where(s => s.ServiceId == service.Id).ToListAsync();
        var ordered = sessions.OrderBy(s => s.StartsAt).ToList();
        Assert.Equal(3, ordered.Count);
        Assert.All(ordered, s => Assert.Equal("18:00", UkTime.ToLocal(s.StartsAt).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(ordered, s => Assert.Equal(90, s.Minutes));
        Assert.Equal([first, first.AddDays(7), first.AddDays(14)], ordered.Select(s => UkTime.DateOf(s.StartsAt)).ToList());
        // Across the change the UTC hour moves by one: the wall clock stays put.
        Assert.NotEqual(ordered[0].StartsAt.UtcDateTime.Hour, ordered[2].StartsAt.UtcDateTime.Hour);
        Assert.Single(ordered.Select(s => s.SeriesId).Distinct());
        Assert.NotNull(ordered[0].SeriesId);
    }

    [Fact]
    public async Task A_form_with_errors_is_shown_again_with_a_summary_and_nothing_is_saved()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);

        var page = await staff.Browser.SubmitAsync(GroupsOf(service.Id),
            SessionFields(UkDay(-1), "19:00", "18:00", where: GroupSessionInput.Online, url: "http://meet.example.org/x", capacity: "0", weeks: "3"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["#Input_Ends", "#Input_Date", "#Input_OnlineUrl", "#Input_Capacity"], page.ErrorSummaryLinks());
        foreach (var href in page.ErrorSummaryLinks())
        {
            Assert.NotNull(page.Document.QuerySelector(href));
        }
        Assert.Equal("http://meet.example.org/x", page.Document.QuerySelector("#Input_OnlineUrl")!.GetAttribute("value"));

        var more = await staff.Browser.SubmitAsync(GroupsOf(service.Id), SessionFields(UkDay(5), where: "", capacity: "501", weeks: "27"));
        Assert.Equal(HttpStatusCode.BadRequest, more.Status);
        Assert.Equal(["#Input_Where", "#Input_Capacity", "#Input_Weeks"], more.ErrorSummaryLinks());

        var noVenue = await staff.Browser.SubmitAsync(GroupsOf(service.Id), SessionFields(UkDay(5), "", "20:00", venue: ""));
        Assert.Equal(HttpStatusCode.BadRequest, noVenue.Status);
        Assert.Equal(["#Input_Starts", "#Input_Venue"], noVenue.ErrorSummaryLinks());

        await using var db = app.OpenDb();
        Assert.False(await db.GroupSessions.AnyAsync(s => s.ServiceId == service.Id));
    }

    [Fact]
    public async Task Changing_a_session_moves_it_and_raises_its_sequence_and_a_started_session_cannot_be_changed()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        var session = await app.AddSessionAsync(service.Id, UkTime.ToInstant(UkDay(4), 18 * 60));
        var url = $"{GroupsOf(service.Id)}/{session.Id}";

        var form = await staff.Browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Equal("18:00", form.Document.QuerySelector("#Input_Starts")!.GetAttribute("value"));
        var changed = await staff.Browser.PostAsync(url, form.AntiforgeryToken(), SessionFields(UkDay(6), "10:00", "11:00", capacity: ""));
        Assert.Equal(HttpStatusCode.Redirect, changed.Status);

        var bad = await staff.Browser.PostAsync(url, form.AntiforgeryToken(), SessionFields(UkDay(6), "10:00", "09:00"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["#Input_Ends"], bad.ErrorSummaryLinks());

        await using (var db = app.OpenDb())
        {
            var stored = await db.GroupSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id);
            Assert.Equal(UkTime.ToInstant(UkDay(6), 10 * 60), stored.StartsAt);
            Assert.Equal(60, stored.Minutes);
            Assert.Null(stored.Capacity);
            Assert.Equal(1, stored.Sequence);
        }

        var started = await app.AddSessionAsync(service.Id, DateTimeOffset.UtcNow.AddMinutes(-30));
        var startedUrl = $"{GroupsOf(service.Id)}/{started.Id}";
        var refused = await staff.Browser.PostAsync(startedUrl, form.AntiforgeryToken(), SessionFields(UkDay(6)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("This session has started, so it can't be changed", refused.ErrorSummary());
        await using var after = app.OpenDb();
        Assert.Equal(started.StartsAt, (await after.GroupSessions.AsNoTracking().SingleAsync(s => s.Id == started.Id)).StartsAt);
    }

    [Fact]
    public async Task Cancelling_tells_each_person_who_saved_the_service_once_and_nobody_else()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        var (_, otherService, _) = await app.AddOrganisationAsync("Other Org");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id);
        using var saverA = await app.SignUpAsync();
        using var saverB = await app.SignUpAsync();
        using var quiet = await app.SignUpAsync();
        using var elsewhere = await app.SignUpAsync();
        using var nobody = await app.SignUpAsync();
        foreach (var (person, saved) in new[] { (saverA, service.Id), (saverB, service.Id), (quiet, service.Id), (elsewhere, otherService.Id) })
        {
            var plan = await person.Browser.GetAsync($"/services/{saved}");
            Assert.Equal(HttpStatusCode.Redirect, (await person.Browser.PostAsync("/my/plan?handler=Save", plan.AntiforgeryToken("/my/plan?handler=Save"), [new("serviceId", saved.ToString())])).Status);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await quiet.Browser.SubmitAsync("/my/plan", [new("Contact", "None"), new("Phone", "")], "/my/plan?handler=Contact")).Status);
        var session = await app.AddSessionAsync(service.Id, UkTime.ToInstant(UkDay(3), 18 * 60));
        var url = $"{GroupsOf(service.Id)}/{session.Id}";
        var form = await staff.Browser.GetAsync(url);

        var noReason = await staff.Browser.PostAsync(url + "?handler=Cancel", form.AntiforgeryToken(), [new("Reason", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal(["#Reason"], noReason.ErrorSummaryLinks());
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.SubjectId == session.Id));
            Assert.Null((await db.GroupSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id)).CancelledAt);
        }

        var cancelled = await staff.Browser.PostAsync(url + "?handler=Cancel", form.AntiforgeryToken(), [new("Reason", "Facilitator unwell")]);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.Status);
        var again = await staff.Browser.PostAsync(url + "?handler=Cancel", form.AntiforgeryToken(), [new("Reason", "Twice")]);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);

        await using var after = app.OpenDb();
        var stored = await after.GroupSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id);
        Assert.NotNull(stored.CancelledAt);
        Assert.Equal(1, stored.Sequence);
        var messages = await after.OutboxMessages.Where(m => m.SubjectType == "group-session" && m.SubjectId == session.Id).ToListAsync();
        Assert.Equal(new[] { saverA.Email, saverB.Email }.Order().ToList(), messages.Select(m => m.Recipient).Order().ToList());
        foreach (var person in new[] { quiet, elsewhere, nobody })
        {
            Assert.False(await after.OutboxMessages.AnyAsync(m => m.Recipient == person.Email && m.SubjectType == "group-session"));
        }
        var when = GroupSessions.Describe(session.StartsAt, session.EndsAt);
        Assert.All(messages, m =>
        {
            Assert.Equal("News from Waymark", m.Subject);
            Assert.Contains(service.Name, m.Body, StringComparison.Ordinal);
            Assert.Contains(when, m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("unwell", m.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Calder Peer Support", m.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Halifax", m.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Facilitators_come_from_the_organisation_a_refusal_says_why_and_their_minutes_are_counted()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        var (otherOrg, _, _) = await app.AddOrganisationAsync("Other Org");
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderAdmin, org.Id);
        var member = await app.AddUserAsync(Roles.ProviderStaff, org.Id);
        var outsider = await app.AddUserAsync(Roles.ProviderStaff, otherOrg.Id);
        var session = await app.AddSessionAsync(service.Id, UkTime.ToInstant(UkDay(2), 18 * 60), minutes: 90);
        var cancelledLater = await app.AddSessionAsync(service.Id, UkTime.ToInstant(UkDay(3), 18 * 60), minutes: 60);
        var url = $"{GroupsOf(service.Id)}/{session.Id}";
        var form = await staff.Browser.GetAsync(url);
        Assert.Contains(form.Document.QuerySelectorAll("#Facilitator option"), o => o.TextContent.Trim() == member.Email);
        Assert.DoesNotContain(form.Document.QuerySelectorAll("#Facilitator option"), o => o.TextContent.Trim() == outsider.Email);

        var refused = await staff.Browser.PostAsync(url + "?handler=Assign", form.AntiforgeryToken(), [new("Facilitator", (await UserIdAsync(outsider.Email)).ToString())]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["Only members of your organisation can facilitate its sessions"], refused.ErrorSummary());
        Assert.Equal(["#Facilitator"], refused.ErrorSummaryLinks());
        Assert.NotNull(refused.Document.QuerySelector("#Facilitator-error"));

        var memberId = await UserIdAsync(member.Email);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.PostAsync(url + "?handler=Assign", form.AntiforgeryToken(), [new("Facilitator", memberId.ToString())])).Status);
        var other = $"{GroupsOf(service.Id)}/{cancelledLater.Id}";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.PostAsync(other + "?handler=Assign", form.AntiforgeryToken(), [new("Facilitator", memberId.ToString())])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.PostAsync(other + "?handler=Cancel", form.AntiforgeryToken(), [new("Reason", "Room double booked")])).Status);

        var shown = await staff.Browser.GetAsync(url);
        Assert.Contains(member.Email, shown.Text("#facilitators"), StringComparison.Ordinal);
        using var visitor = Browser.For(app);
        var publicPage = await visitor.GetAsync($"/services/{service.Id}");
        Assert.NotNull(publicPage.Document.QuerySelector($"[data-session-id='{session.Id}']"));
        Assert.DoesNotContain(member.Email, publicPage.Html, StringComparison.OrdinalIgnoreCase);

        using var scope = app.Services.CreateScope();
        var groups = scope.ServiceProvider.GetRequiredService<GroupSessions>();
        var hours = await groups.FacilitatedAsync(memberId, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(7));
        Assert.Equal([new FacilitatedSession(memberId, session.StartsAt, 90)], hours);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.PostAsync($"{url}?handler=Remove&userId={memberId}", form.AntiforgeryToken(), [])).Status);
        Assert.Empty(await groups.FacilitatedAsync(memberId, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(7)));
    }

    [Fact]
    public async Task Attendance_is_a_number_recorded_once_the_session_has_started()
    {
        var (org, service, _) = await app.AddOrganisationAsync();
        var clock = new Infrastructure.MovableClock(DateTimeOffset.UtcNow);
        using var atTime = app.AtTime(clock);
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderStaff, org.Id, atTime);
        var session = await app.AddSessionAsync(service.Id, clock.Now.AddMinutes(10), minutes: 60);
        var url = $"{GroupsOf(service.Id)}/{session.Id}";
        var form = await staff.Browser.GetAsync(url);
        Assert.Null(form.Document.QuerySelector("#Attended"));

        var early = await staff.Browser.PostAsync(url + "?handler=Attendance", form.AntiforgeryToken(), [new("Attended", "7")]);
        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
        // The form to record it is not on the page yet, so the summary says why with no link to follow.
        Assert.Equal(["You can record how many came once the session has started"], early.ErrorSummary());
        Assert.Empty(early.ErrorSummaryLinks());

        // Not so far on that the staff session goes idle.
        clock.Advance(TimeSpan.FromMinutes(15));
        var later = await staff.Browser.GetAsync(url);
        Assert.NotNull(later.Document.QuerySelector("#Attended"));
        Assert.Null(later.Document.QuerySelector("#cancel-session"));
        var notANumber = await staff.Browser.PostAsync(url + "?handler=Attendance", form.AntiforgeryToken(), [new("Attended", "Sam, Alex")]);
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.Browser.PostAsync(url + "?handler=Attendance", form.AntiforgeryToken(), [new("Attended", "7")])).Status);

        await using var db = app.OpenDb();
        Assert.Equal(7, (await db.GroupSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id)).AttendedCount);
    }

    public static TheoryData<string, string> Routes => new()
    {
        { "GET", "/provider/services/{theirService}/groups" },
        { "POST", "/provider/services/{theirService}/groups" },
        { "GET", "/provider/services/{theirService}/groups/{theirSession}" },
        { "POST", "/provider/services/{theirService}/groups/{theirSession}" },
        { "POST", "/provider/services/{theirService}/groups/{theirSession}?handler=Cancel" },
        { "POST", "/provider/services/{theirService}/groups/{theirSession}?handler=Assign" },
        { "POST", "/provider/services/{theirService}/groups/{theirSession}?handler=Remove&userId={theirMember}" },
        { "POST", "/provider/services/{theirService}/groups/{theirSession}?handler=Attendance" },
        { "GET", "/provider/services/{myService}/groups/{theirSession}" },
        { "POST", "/provider/services/{myService}/groups/{theirSession}" },
        { "POST", "/provider/services/{myService}/groups/{theirSession}?handler=Cancel" },
        { "POST", "/provider/services/{myService}/groups/{theirSession}?handler=Assign" },
        { "POST", "/provider/services/{myService}/groups/{theirSession}?handler=Remove&userId={theirMember}" },
        { "POST", "/provider/services/{myService}/groups/{theirSession}?handler=Attendance" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_organisations_ids_give_404_and_change_nothing(string method, string template)
    {
        var (mine, myService, _) = await app.AddOrganisationAsync("Mine");
        var (theirs, theirService, _) = await app.AddOrganisationAsync("Theirs Secret Name");
        var theirMember = await UserIdAsync((await app.AddUserAsync(Roles.ProviderStaff, theirs.Id)).Email);
        var myMember = await UserIdAsync((await app.AddUserAsync(Roles.ProviderStaff, mine.Id)).Email);
        var theirSession = await app.AddSessionAsync(theirService.Id, DateTimeOffset.UtcNow.AddMinutes(-30), venue: "Their secret venue");
        await using (var db = app.OpenDb())
        {
            db.GroupFacilitators.Add(new GroupFacilitator { Id = Guid.NewGuid(), SessionId = theirSession.Id, UserId = theirMember, AssignedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        var before = await SnapshotAsync(theirService.Id);
        using var staff = await app.SignInAsStaffAsync(Roles.ProviderAdmin, mine.Id);
        var url = template.Replace("{theirService}", theirService.Id.ToString(), StringComparison.Ordinal)
            .Replace("{myService}", myService.Id.ToString(), StringComparison.Ordinal)
            .Replace("{theirSession}", theirSession.Id.ToString(), StringComparison.Ordinal)
            .Replace("{theirMember}", theirMember.ToString(), StringComparison.Ordinal);

        Infrastructure.Page page;
        if (method == "GET")
        {
            page = await staff.Browser.GetAsync(url);
        }
        else
        {
            var token = (await staff.Browser.GetAsync("/provider")).AntiforgeryToken();
            page = await staff.Browser.PostAsync(url, token,
                [.. SessionFields(UkDay(3)), new("Reason", "Taken over"), new("Facilitator", myMember.ToString()), new("Attended", "3")]);
        }

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("Theirs Secret Name", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Their secret venue", page.Html, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(theirService.Id));
    }

    private async Task<string> SnapshotAsync(Guid serviceId)
    {
        await using var db = app.OpenDb();
        var sessions = await db.GroupSessions.AsNoTracking().Include(s => s.Facilitators).Where(s => s.ServiceId == serviceId).ToListAsync();
        var messages = await db.OutboxMessages.CountAsync(m => m.SubjectType == "group-session");
        return string.Join("|", sessions.OrderBy(s => s.Id).Select(s => string.Join(",",
            s.StartsAt.ToUnixTimeSeconds(), s.EndsAt.ToUnixTimeSeconds(), s.Venue, s.Capacity, s.AttendedCount, s.CancelledAt, s.Sequence,
            string.Join("+", s.Facilitators.Select(f => f.UserId).Order())))) + $"|{sessions.Count}|{messages}";
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var db = app.OpenDb();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
