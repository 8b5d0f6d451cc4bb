using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.PeerSupport;
using Waymark.Core.Schedules;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Text;

namespace Waymark.Tests.Pages.Peer;

/// <summary>
/// A booked supervision whose day has passed without it being marked held (or missed) shows as overdue on /peer and
/// /provider/people, the person first; the supervisor who booked it is told once through the outbox, even with three
/// nodes running the job at once.
/// </summary>
public sealed class SupervisionNotHeldTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    [Fact]
    public async Task A_booked_supervision_left_unheld_past_its_day_shows_as_overdue_and_its_supervisor_is_told_exactly_once()
    {
        using var team = await app.TeamAsync("Unmarked Supervision Peers");
        using var otherSupervisor = await app.SignInAsStaffAsync(Roles.ProviderAdmin, team.OrgId);
        using var calm = await app.SignInAsStaffAsync(Roles.PeerSupporter, team.OrgId);
        await app.RecordTrainingAsync(calm.Account.UserId, team.OrgId);
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("BookSupervision", [new("NextSupervision", app.Today())])).Status);
        var day = UkTime.DateOf(app.Clock.Now);
        var nodes = Enumerable.Range(0, 3).Select(_ => new Node(app)).ToList();
        nodes.ForEach(n => Assert.NotNull(n.Services));
        try
        {
            // On its day it is not overdue yet: nothing is sent and nothing says so.
            Assert.Equal(0, (await RunAllAsync(nodes)).Sum(o => o.SupervisionReminders));
            Assert.Null((await team.Peer.Browser.GetAsync("/peer")).Document.QuerySelector(".supervision-booked.overdue"));

            app.Clock.Advance(TimeSpan.FromDays(1));
            Assert.Equal(1, (await RunAllAsync(nodes)).Sum(o => o.SupervisionReminders));
            Assert.Equal(0, (await RunAllAsync(nodes)).Sum(o => o.SupervisionReminders));
        }
        finally
        {
            nodes.ForEach(n => n.Dispose());
        }
        await using (var db = app.OpenDb())
        {
            var told = Assert.Single(await db.OutboxMessages.Where(m => m.Subject == PeerSupportRecords.SupervisionNotMarkedHeldSubject).ToListAsync(),
                m => m.SubjectId == team.PeerId);
            Assert.Equal(team.Supervisor.Account.Email, told.Recipient);
            Assert.Contains($"booked for {day.ToString("d MMMM", CultureInfo.InvariantCulture)} and is not marked held", told.Body, StringComparison.Ordinal);
            Assert.Contains(team.Peer.Account.Email, told.Body, StringComparison.Ordinal);
            Assert.False(await db.OutboxMessages.AnyAsync(m => m.Subject == PeerSupportRecords.SupervisionNotMarkedHeldSubject && m.Recipient == otherSupervisor.Account.Email));
            Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == PeerSupportAudit.SupervisionBookingReminded && a.SubjectId == team.PeerId.ToString()));
        }

        using var peer = await app.SignInAgainAsync(team.Peer);
        using var supervisor = await app.SignInAgainAsync(team.Supervisor);
        var later = team with { Peer = peer, Supervisor = supervisor };
        Assert.Equal($"Booked for {PlainWords.Date(day)}, not marked held", (await peer.Browser.GetAsync("/peer")).Text(".next-supervision .supervision-booked.overdue"));
        var teamPage = await supervisor.Browser.GetAsync("/provider/people");
        Assert.Equal(team.PeerId.ToString(), teamPage.Document.QuerySelector($"section[data-organisation-id='{team.OrgId}'] tr.person-row")!.GetAttribute("data-user-id"));
        Assert.Equal($"Supervision booked for {PlainWords.Date(day)}, not marked held", teamPage.Text($"tr[data-user-id='{team.PeerId}'] .supervision-booked.overdue"));

        // Marked held: nothing overdue any more.
        Guid bookingId;
        await using (var db = app.OpenDb())
        {
            bookingId = (await db.SupervisionBookings.SingleAsync(b => b.UserId == team.PeerId)).Id;
        }
        Assert.Equal(HttpStatusCode.Redirect, (await later.SupervisorPostsAsync($"SupervisionHeld&bookingId={bookingId}", [])).Status);
        Assert.Null((await peer.Browser.GetAsync("/peer")).Document.QuerySelector(".supervision-booked"));
        Assert.Null((await supervisor.Browser.GetAsync("/provider/people")).Document.QuerySelector($"tr[data-user-id='{team.PeerId}'] .supervision-booked"));
    }

    [Fact]
    public async Task A_booking_marked_held_on_its_day_or_booked_again_for_later_is_never_reminded()
    {
        using var held = await app.TeamAsync("Held Supervision Peers");
        using var moved = await app.TeamAsync("Moved Supervision Peers");
        Assert.Equal(HttpStatusCode.Redirect, (await held.SupervisorPostsAsync("BookSupervision", [new("NextSupervision", app.Today())])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await moved.SupervisorPostsAsync("BookSupervision", [new("NextSupervision", app.Today())])).Status);
        await using (var db = app.OpenDb())
        {
            var bookingId = (await db.SupervisionBookings.SingleAsync(b => b.UserId == held.PeerId)).Id;
            Assert.Equal(HttpStatusCode.Redirect, (await held.SupervisorPostsAsync($"SupervisionHeld&bookingId={bookingId}", [])).Status);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await moved.SupervisorPostsAsync("BookSupervision", [new("NextSupervision", app.Today(3))])).Status);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, (await scope.ServiceProvider.GetRequiredService<PeerCareJob>().RunOnceAsync()).SupervisionReminders);
        }
        await using var check = app.OpenDb();
        Assert.False(await check.OutboxMessages.AnyAsync(m => m.Subject == PeerSupportRecords.SupervisionNotMarkedHeldSubject
            && (m.SubjectId == held.PeerId || m.SubjectId == moved.PeerId)));
        using var peer = await app.SignInAgainAsync(moved.Peer);
        Assert.Null((await peer.Browser.GetAsync("/peer")).Document.QuerySelector(".supervision-booked.overdue"));
    }

    private static async Task<PeerCareJob.Outcome[]> RunAllAsync(List<Node> nodes) =>
        await Task.WhenAll(nodes.Select(n => Task.Run(async () =>
        {
            await using var scope = n.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<PeerCareJob>().RunOnceAsync();
        })));

    /// <summary>Another web node over the same database, on the same clock.</summary>
    private sealed class Node(PeerSupportApp first) : WaymarkApp(first.Database, first.OutboxFolder, ownsDatabase: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(first.Clock));
        }
    }
}
