using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Groups;
using Waymark.Core.PeerSupport;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Peer;

/// <summary>
/// "Someone disclosed risk in this session" (ADR 0026): recorded by a facilitator on their own page or by a supervisor
/// on the session's page, it offers every facilitator who is a peer supporter a debrief, once, and tells them and their
/// supervisors; nothing about who it was or what was said is asked for or kept.
/// </summary>
public sealed class GroupDisclosureTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    [Fact]
    public async Task A_facilitator_records_it_every_peer_supporter_facilitating_is_offered_a_debrief_once_and_told_with_their_supervisors()
    {
        using var team = await app.TeamAsync("Disclosing Group Peers");
        using var coFacilitator = await app.SignInAsStaffAsync(Roles.PeerSupporter, team.OrgId);
        using var staffFacilitator = await app.SignInAsStaffAsync(Roles.ProviderStaff, team.OrgId);
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddMinutes(-90));
        await app.AddFacilitatorsAsync(session.Id, team.PeerId, coFacilitator.Account.UserId, staffFacilitator.Account.UserId);

        var mine = await team.Peer.Browser.GetAsync("/peer");
        Assert.NotNull(mine.Document.QuerySelector($".facilitated-session[data-session-id='{session.Id}'] form[action*='handler=Disclosure']"));
        var recorded = await team.PeerPostsAsync($"Disclosure&sessionId={session.Id}", []);

        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        await using (var db = app.OpenDb())
        {
            var debriefs = await db.Debriefs.Where(d => d.OrganisationId == team.OrgId).ToListAsync();
            Assert.Equal(2, debriefs.Count);
            Assert.Equal(new[] { team.PeerId, coFacilitator.Account.UserId }.Order(), debriefs.Select(d => d.UserId).Order());
            Assert.All(debriefs, d =>
            {
                Assert.False(d.AskedBySelf);
                Assert.Equal(HardMoments.GroupDisclosure, d.Reason);
                Assert.Equal(app.Clock.Now.AddHours(24), d.DueBy, TimeSpan.FromMilliseconds(1));
            });
            Assert.Equal(app.Clock.Now, (await db.GroupDisclosures.SingleAsync(d => d.SessionId == session.Id)).RecordedAt, TimeSpan.FromMilliseconds(1));
            Assert.Single(await db.AuditEvents.Where(a => a.Action == GroupAudit.DisclosureRecorded && a.SubjectId == session.Id.ToString()).ToListAsync());
            var messages = await db.OutboxMessages.Where(m => m.Subject == PeerSupportRecords.DebriefSubject
                && (m.SubjectId == team.PeerId || m.SubjectId == coFacilitator.Account.UserId)).ToListAsync();
            Assert.Single(messages, m => m.Recipient == team.Peer.Account.Email);
            Assert.Single(messages, m => m.Recipient == coFacilitator.Account.Email);
            var toSupervisor = messages.Where(m => m.Recipient == team.Supervisor.Account.Email).ToList();
            Assert.Equal(2, toSupervisor.Count);
            Assert.All(toSupervisor, m => Assert.Contains("someone disclosed risk in a group session they facilitated", m.Body, StringComparison.Ordinal));
            Assert.DoesNotContain(messages, m => m.Recipient == staffFacilitator.Account.Email);
        }

        var after = await team.Peer.Browser.GetAsync("/peer");
        Assert.Contains(HardMoments.GroupDisclosure, after.Text(".debriefs-owed"), StringComparison.Ordinal);
        Assert.Contains("Someone disclosed risk in this session (recorded", after.Text($".facilitated-session[data-session-id='{session.Id}']"), StringComparison.Ordinal);
        Assert.Null(after.Document.QuerySelector($".facilitated-session[data-session-id='{session.Id}'] form"));
        var teamPage = await team.Supervisor.Browser.GetAsync("/provider/people");
        Assert.Contains("someone disclosed risk in a group session they facilitated", teamPage.Text($"tr[data-user-id='{team.PeerId}'] .debrief"), StringComparison.Ordinal);
        Assert.Contains("they facilitated", (await team.Supervisor.Browser.GetAsync(team.PersonPage)).Text(".open-debriefs"), StringComparison.Ordinal);

        // Recording it again, by the other facilitator or by a supervisor, asks nobody twice.
        var again = await coFacilitator.Browser.PostAsync($"/peer?handler=Disclosure&organisationId={team.OrgId}&sessionId={session.Id}",
            (await coFacilitator.Browser.GetAsync("/peer")).AntiforgeryToken(), []);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var sessionPage = await SessionPageAsync(team, session);
        Assert.NotNull(sessionPage.Document.QuerySelector("#disclosure-recorded"));
        var bySupervisor = await team.Supervisor.Browser.PostAsync($"{SessionUrl(team, session)}?handler=Disclosure", sessionPage.AntiforgeryToken(), []);
        Assert.Equal(HttpStatusCode.Redirect, bySupervisor.Status);
        Assert.Contains("already recorded", (await team.Supervisor.Browser.GetAsync(bySupervisor.RedirectPath)).Text("#success-banner"), StringComparison.Ordinal);
        await using var check = app.OpenDb();
        Assert.Equal(2, await check.Debriefs.CountAsync(d => d.OrganisationId == team.OrgId));
        Assert.Equal(1, await check.GroupDisclosures.CountAsync(d => d.SessionId == session.Id));
        Assert.Equal(4, await check.OutboxMessages.CountAsync(m => m.Subject == PeerSupportRecords.DebriefSubject
            && (m.SubjectId == team.PeerId || m.SubjectId == coFacilitator.Account.UserId)));
    }

    [Fact]
    public async Task A_supervisor_records_it_on_the_sessions_page_and_the_facilitator_is_offered_a_debrief()
    {
        using var team = await app.TeamAsync("Supervised Group Peers");
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddMinutes(-30));
        await app.AddFacilitatorsAsync(session.Id, team.PeerId);

        var page = await SessionPageAsync(team, session);
        Assert.NotNull(page.Document.QuerySelector("button#Disclosure"));
        var recorded = await team.Supervisor.Browser.PostAsync($"{SessionUrl(team, session)}?handler=Disclosure", page.AntiforgeryToken(), []);

        Assert.Equal(HttpStatusCode.Redirect, recorded.Status);
        Assert.Contains("offered a debrief", (await team.Supervisor.Browser.GetAsync(recorded.RedirectPath)).Text("#success-banner"), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var debrief = await db.Debriefs.SingleAsync(d => d.UserId == team.PeerId);
        Assert.Equal(HardMoments.GroupDisclosure, debrief.Reason);
        Assert.False(debrief.AskedBySelf);
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Recipient == team.Peer.Account.Email && m.Subject == PeerSupportRecords.DebriefSubject));
    }

    [Fact]
    public async Task Before_the_session_starts_it_is_refused_with_a_linked_error_and_nothing_is_kept()
    {
        using var team = await app.TeamAsync("Early Group Peers");
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddHours(3));
        await app.AddFacilitatorsAsync(session.Id, team.PeerId);

        var bySupervisor = await team.Supervisor.Browser.PostAsync($"{SessionUrl(team, session)}?handler=Disclosure", (await SessionPageAsync(team, session)).AntiforgeryToken(), []);
        var byPeer = await team.PeerPostsAsync($"Disclosure&sessionId={session.Id}", []);

        foreach (var page in new[] { bySupervisor, byPeer })
        {
            Assert.Equal(HttpStatusCode.BadRequest, page.Status);
            Assert.Equal(["#Disclosure"], page.ErrorSummaryLinks());
            Assert.Equal("You can record this once the session has started", Assert.Single(page.ErrorSummary()));
            Assert.NotNull(page.Document.QuerySelector("#Disclosure"));
        }
        await using var db = app.OpenDb();
        Assert.False(await db.GroupDisclosures.AnyAsync(d => d.SessionId == session.Id));
        Assert.False(await db.Debriefs.AnyAsync(d => d.OrganisationId == team.OrgId));
    }

    [Fact]
    public async Task Someone_who_neither_facilitated_nor_supervises_gets_404_and_nothing_changes()
    {
        using var team = await app.TeamAsync("Bystander Group Peers");
        using var otherPeer = await app.SignInAsStaffAsync(Roles.PeerSupporter, team.OrgId);
        using var plainStaff = await app.SignInAsStaffAsync(Roles.ProviderStaff, team.OrgId);
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddMinutes(-30));
        await app.AddFacilitatorsAsync(session.Id, team.PeerId);

        var peerPage = await otherPeer.Browser.GetAsync("/peer");
        Assert.Null(peerPage.Document.QuerySelector($".facilitated-session[data-session-id='{session.Id}']"));
        var byPeer = await otherPeer.Browser.PostAsync($"/peer?handler=Disclosure&organisationId={team.OrgId}&sessionId={session.Id}", peerPage.AntiforgeryToken(), []);
        var staffPage = await plainStaff.Browser.GetAsync(SessionUrl(team, session));
        Assert.Equal(HttpStatusCode.OK, staffPage.Status);
        Assert.Null(staffPage.Document.QuerySelector("button#Disclosure"));
        var byStaff = await plainStaff.Browser.PostAsync($"{SessionUrl(team, session)}?handler=Disclosure", staffPage.AntiforgeryToken(), []);

        Assert.Equal(HttpStatusCode.NotFound, byPeer.Status);
        Assert.Equal(HttpStatusCode.NotFound, byStaff.Status);
        await using var db = app.OpenDb();
        Assert.False(await db.GroupDisclosures.AnyAsync(d => d.SessionId == session.Id));
        Assert.False(await db.Debriefs.AnyAsync(d => d.OrganisationId == team.OrgId));
    }

    private static string SessionUrl(Team team, GroupSession session) => $"/provider/services/{team.ServiceId}/groups/{session.Id}";

    private static async Task<Infrastructure.Page> SessionPageAsync(Team team, GroupSession session)
    {
        var page = await team.Supervisor.Browser.GetAsync(SessionUrl(team, session));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }
}
