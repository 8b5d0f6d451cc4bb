using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.PeerSupport;
using Waymark.Core.Schedules;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Peer;

/// <summary>
/// A supervisor books a debrief or the next supervision for someone in their team, from the team pages; the peer
/// supporter sees the day on their own page and is told through the outbox; a booked supervision is marked held.
/// </summary>
public sealed class SupervisorBookingTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    [Fact]
    public async Task A_supervisor_books_a_debrief_the_peer_supporter_sees_the_day_and_is_told()
    {
        using var team = await app.TeamAsync("Debrief Booking Leads");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Debrief", [])).Status);
        var id = await DebriefIdAsync(team);

        var booked = await team.SupervisorPostsAsync($"BookDebrief&debriefId={id}", [new("BookedFor", app.Today(2))]);

        Assert.Equal(HttpStatusCode.Redirect, booked.Status);
        var day = UkTime.DateOf(app.Clock.Now).AddDays(2);
        var mine = await team.Peer.Browser.GetAsync("/peer");
        Assert.Contains("booked for", mine.Text($".debrief-action[data-debrief-id='{id}'] .booked"), StringComparison.Ordinal);
        Assert.Contains("booked for", (await team.Supervisor.Browser.GetAsync("/provider/people")).Text($".debrief[data-debrief-id='{id}']"), StringComparison.Ordinal);
        await using (var db = app.OpenDb())
        {
            Assert.Equal(day, (await db.Debriefs.SingleAsync(d => d.Id == id)).BookedFor);
            var audit = await db.AuditEvents.SingleAsync(a => a.Action == PeerSupportAudit.DebriefBooked && a.SubjectId == team.PeerId.ToString());
            Assert.Equal(team.Supervisor.Account.UserId, audit.ActorId);
            var told = await db.OutboxMessages.SingleAsync(m => m.Subject == PeerSupportRecords.DebriefBookedSubject && m.SubjectId == team.PeerId);
            Assert.Equal(team.Peer.Account.Email, told.Recipient);
            Assert.Contains("The debrief you asked for is booked for", told.Body, StringComparison.Ordinal);
        }

        // The peer supporter moving the day themselves tells nobody: they know.
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync($"BookDebrief&debriefId={id}", [new("BookedFor", app.Today(3))])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync($"DebriefHeld&debriefId={id}", [])).Status);
        await using var check = app.OpenDb();
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.Subject == PeerSupportRecords.DebriefBookedSubject && m.SubjectId == team.PeerId));
        Assert.NotNull((await check.Debriefs.SingleAsync(d => d.Id == id)).HeldAt);
    }

    [Fact]
    public async Task A_supervisor_books_the_next_supervision_the_peer_supporter_sees_it_and_it_is_marked_held_on_its_day()
    {
        using var team = await app.TeamAsync("Supervision Booking Leads");
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("BookSupervision", [new("NextSupervision", app.Today(3))])).Status);
        // Booked again for another day: still one next supervision, and they are told each time.
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("BookSupervision", [new("NextSupervision", app.Today(1))])).Status);
        var day = UkTime.DateOf(app.Clock.Now).AddDays(1);

        var mine = await team.Peer.Browser.GetAsync("/peer");
        Assert.Equal($"Booked for {Waymark.Web.Text.PlainWords.Date(day)}", mine.Text(".next-supervision .supervision-booked"));
        Assert.Contains("Supervision booked for", (await team.Supervisor.Browser.GetAsync("/provider/people")).Text($"tr[data-user-id='{team.PeerId}'] .supervision-booked"), StringComparison.Ordinal);
        Guid bookingId;
        await using (var db = app.OpenDb())
        {
            var open = await db.SupervisionBookings.SingleAsync(b => b.UserId == team.PeerId && b.ClosedAt == null);
            Assert.Equal(day, open.BookedFor);
            Assert.Equal(team.Supervisor.Account.UserId, open.BookedByUserId);
            bookingId = open.Id;
            Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Action == PeerSupportAudit.SupervisionBooked && a.SubjectId == team.PeerId.ToString()));
            var told = await db.OutboxMessages.Where(m => m.Subject == PeerSupportRecords.SupervisionBookedSubject && m.SubjectId == team.PeerId).ToListAsync();
            Assert.Equal(2, told.Count);
            Assert.All(told, m => Assert.Equal(team.Peer.Account.Email, m.Recipient));
        }

        // Not before its day.
        var early = await team.SupervisorPostsAsync($"SupervisionHeld&bookingId={bookingId}", []);
        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
        Assert.Equal(["#SupervisionHeld"], early.ErrorSummaryLinks());
        Assert.StartsWith("It is booked for", Assert.Single(early.ErrorSummary()), StringComparison.Ordinal);
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.SupervisionSessions.AnyAsync(s => s.UserId == team.PeerId));
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        // A day later both sign in afresh (the sessions from yesterday have timed out).
        using var later = team with { Peer = await app.SignInAgainAsync(team.Peer), Supervisor = await app.SignInAgainAsync(team.Supervisor) };
        Assert.Equal(HttpStatusCode.Redirect, (await later.SupervisorPostsAsync($"SupervisionHeld&bookingId={bookingId}", [])).Status);

        await using var after = app.OpenDb();
        var held = await after.SupervisionSessions.SingleAsync(s => s.UserId == team.PeerId);
        Assert.True(held.Attended);
        Assert.Equal(day, held.HeldOn);
        Assert.Equal(team.Supervisor.Account.UserId, held.SupervisorUserId);
        Assert.NotNull((await after.SupervisionBookings.SingleAsync(b => b.Id == bookingId)).ClosedAt);
        var page = await later.Peer.Browser.GetAsync("/peer");
        Assert.Null(page.Document.QuerySelector(".next-supervision .supervision-booked"));
        Assert.Contains($"last attended {Waymark.Web.Text.PlainWords.Date(day)}", page.Text(".next-supervision"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_a_missed_session_on_the_booked_day_closes_the_booking_and_an_earlier_extra_session_does_not()
    {
        using var team = await app.TeamAsync("Missed Supervision Leads");
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("BookSupervision", [new("NextSupervision", app.Today(1))])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Supervision", [new("Session.Date", app.Today()), new("Session.Attended", "yes"), new("Session.Note", "")])).Status);
        await using (var db = app.OpenDb())
        {
            Assert.Null((await db.SupervisionBookings.SingleAsync(b => b.UserId == team.PeerId)).ClosedAt);
        }

        app.Clock.Advance(TimeSpan.FromDays(1));
        using var later = team with { Supervisor = await app.SignInAgainAsync(team.Supervisor) };
        Assert.Equal(HttpStatusCode.Redirect, (await later.SupervisorPostsAsync("Supervision", [new("Session.Date", app.Today()), new("Session.Attended", "no"), new("Session.Note", "")])).Status);

        await using var after = app.OpenDb();
        Assert.NotNull((await after.SupervisionBookings.SingleAsync(b => b.UserId == team.PeerId)).ClosedAt);
    }

    [Theory]
    [InlineData("BookSupervision", "NextSupervision", "", "Enter the day it is booked for, as year-month-day")]
    [InlineData("BookSupervision", "NextSupervision", "soon", "Enter the day it is booked for, as year-month-day")]
    [InlineData("BookSupervision", "NextSupervision", "yesterday", "Choose today or a day after it")]
    [InlineData("BookDebrief", "BookedFor", "", "Enter the day it is booked for, as year-month-day")]
    [InlineData("BookDebrief", "BookedFor", "yesterday", "Choose today or a day after it")]
    public async Task A_wrong_day_is_refused_with_a_linked_error_and_nothing_changes(string handler, string field, string day, string error)
    {
        using var team = await app.TeamAsync("Misbooking Leads");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Debrief", [])).Status);
        var id = await DebriefIdAsync(team);

        var page = await team.SupervisorPostsAsync(handler == "BookDebrief" ? $"{handler}&debriefId={id}" : handler,
            [new(field, day == "yesterday" ? app.Today(-1) : day)]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal([$"#{field}"], page.ErrorSummaryLinks());
        Assert.Equal(error, Assert.Single(page.ErrorSummary()));
        Assert.NotNull(page.Document.QuerySelector($"input#{field}"));
        await using var db = app.OpenDb();
        Assert.False(await db.SupervisionBookings.AnyAsync(b => b.UserId == team.PeerId));
        Assert.Null((await db.Debriefs.SingleAsync(d => d.Id == id)).BookedFor);
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.SubjectId == team.PeerId
            && (m.Subject == PeerSupportRecords.DebriefBookedSubject || m.Subject == PeerSupportRecords.SupervisionBookedSubject)));
    }

    private async Task<Guid> DebriefIdAsync(Team team)
    {
        await using var db = app.OpenDb();
        return (await db.Debriefs.SingleAsync(d => d.UserId == team.PeerId)).Id;
    }
}
