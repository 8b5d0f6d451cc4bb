using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.PeerSupport;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Peer;

/// <summary>
/// A debrief is due within 24 hours. Past that, unheld, the peer supporter and their supervisor are reminded
/// exactly once, even with three nodes running the job at once; after 72 hours unheld the gate stops hard work
/// (group sessions) until it is held or a supervisor overrides, and referrals are not stopped (ADR 0023).
/// </summary>
public sealed class OverdueDebriefTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    [Fact]
    public async Task Three_nodes_running_the_job_at_once_remind_about_an_overdue_debrief_exactly_once()
    {
        using var team = await app.TeamAsync("Reminded Peers");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Debrief", [])).Status);
        var nodes = Enumerable.Range(0, 3).Select(_ => new Node(app)).ToList();
        // Started one after another, as nodes come up; then they run the job at the same moment.
        nodes.ForEach(n => Assert.NotNull(n.Services));
        try
        {
            // Not yet due: nothing.
            Assert.All(await RunAllAsync(nodes), o => Assert.Equal(0, o.Reminders));
            await AssertRemindedAsync(team, 0);

            app.Clock.Advance(TimeSpan.FromHours(25));
            var outcomes = await RunAllAsync(nodes);
            Assert.Equal(1, outcomes.Sum(o => o.Reminders));
            await AssertRemindedAsync(team, 1);

            // Later runs, on any node, send nothing more.
            Assert.Equal(0, (await RunAllAsync(nodes)).Sum(o => o.Reminders));
            await AssertRemindedAsync(team, 1);
            await using var db = app.OpenDb();
            Assert.NotNull((await db.Debriefs.SingleAsync(d => d.UserId == team.PeerId)).RemindedAt);
            Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Action == PeerSupportAudit.DebriefReminded && a.SubjectId == team.PeerId.ToString()));
        }
        finally
        {
            nodes.ForEach(n => n.Dispose());
        }
    }

    [Fact]
    public async Task After_72_hours_unheld_group_sessions_are_refused_until_an_override_or_the_debrief_is_held()
    {
        using var team = await app.TeamAsync("Unheld Debrief Peers");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Debrief", [])).Status);
        app.Clock.Advance(TimeSpan.FromHours(71));
        Assert.True((await app.CheckAsync(team.PeerId, team.OrgId, AssignmentKind.GroupSession)).Allowed);

        app.Clock.Advance(TimeSpan.FromHours(2));
        using var peer = await app.SignInAgainAsync(team.Peer);
        using var supervisor = await app.SignInAgainAsync(team.Supervisor);
        var again = team with { Peer = peer, Supervisor = supervisor };
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddDays(2));
        var later = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddDays(3));

        var refused = await FacilitatorGateSteps.AssignAsync(again, session, team.PeerId);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var said = Assert.Single(refused.ErrorSummary());
        Assert.Contains("has not been held, so they will not be given group sessions or urgent wall items", said, StringComparison.Ordinal);
        Assert.Contains("Hold the debrief and record it as held, or a supervisor records an override", said, StringComparison.Ordinal);
        // Only hard work stops: a referral is still allowed, and both pages say why.
        Assert.True((await app.CheckAsync(team.PeerId, team.OrgId, AssignmentKind.Referral)).Allowed);
        Assert.NotNull((await peer.Browser.GetAsync("/peer")).Document.QuerySelector(".block[data-code='DebriefOverdue']"));
        Assert.NotNull((await supervisor.Browser.GetAsync(team.PersonPage)).Document.QuerySelector(".block[data-code='DebriefOverdue']"));

        // A supervisor's reasoned override for group sessions lets this one through, and is audited.
        Assert.Equal(HttpStatusCode.Redirect, (await again.SupervisorPostsAsync("Override", [new("Override.Kind", "GroupSession"), new("Override.Reason", "We talked on the phone; the debrief is booked")])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await FacilitatorGateSteps.AssignAsync(again, session, team.PeerId)).Status);
        await using (var db = app.OpenDb())
        {
            Assert.Single(await db.AuditEvents.Where(a => a.Action == PeerSupportAudit.OverrideRecorded && a.SubjectId == team.PeerId.ToString()).ToListAsync(),
                a => a.Detail!.Contains("DebriefOverdue", StringComparison.Ordinal));
        }

        // Once they say they had it, the block is gone without any override.
        app.Clock.Advance(TimeSpan.FromHours(25));
        using var peer2 = await app.SignInAgainAsync(peer);
        using var supervisor2 = await app.SignInAgainAsync(supervisor);
        var third = team with { Peer = peer2, Supervisor = supervisor2 };
        Assert.Equal(HttpStatusCode.BadRequest, (await FacilitatorGateSteps.AssignAsync(third, later, team.PeerId)).Status);
        var debriefId = await DebriefIdAsync(team);
        Assert.Equal(HttpStatusCode.Redirect, (await third.PeerPostsAsync($"DebriefHad&debriefId={debriefId}", [])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await FacilitatorGateSteps.AssignAsync(third, later, team.PeerId)).Status);
    }

    [Fact]
    public void A_debrief_block_sooner_than_the_debrief_is_due_stops_the_app_starting()
    {
        using var wrong = new WrongSettingsApp();
        var ex = Assert.ThrowsAny<Exception>(() => wrong.Services);
        Assert.Contains("PeerSupport:DebriefBlockHours must be between 24 and 336", ex.ToString(), StringComparison.Ordinal);
    }

    private async Task<Guid> DebriefIdAsync(Team team)
    {
        await using var db = app.OpenDb();
        return (await db.Debriefs.SingleAsync(d => d.UserId == team.PeerId)).Id;
    }

    private async Task AssertRemindedAsync(Team team, int times)
    {
        await using var db = app.OpenDb();
        var messages = await db.OutboxMessages.Where(m => m.SubjectId == team.PeerId && m.Subject == PeerSupportRecords.DebriefOverdueSubject).ToListAsync();
        Assert.Equal(times, messages.Count(m => m.Recipient == team.Peer.Account.Email));
        Assert.Equal(times, messages.Count(m => m.Recipient == team.Supervisor.Account.Email));
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

    private sealed class WrongSettingsApp : WaymarkApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("PeerSupport:DebriefBlockHours", "12");
        }
    }
}
