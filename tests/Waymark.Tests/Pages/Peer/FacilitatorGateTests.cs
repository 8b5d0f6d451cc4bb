using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Groups;
using Waymark.Core.PeerSupport;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Peer;

/// <summary>
/// Group facilitators pass the one gate (ADR 0017): a peer supporter the gate refuses cannot be made a facilitator,
/// the page says why and nothing is saved; ordinary staff are not peer supporters and can; the sessions a peer
/// supporter facilitated count in their hours and can take them to the cap.
/// </summary>
public sealed class FacilitatorGateTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    [Fact]
    public async Task A_peer_supporter_at_the_hours_cap_cannot_be_made_a_facilitator_the_page_says_why_and_nothing_is_saved()
    {
        using var team = await app.TeamAsync("Full Facilitators");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Work", app.WorkFields(TimeSpan.FromHours(5), 240))).Status);
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddDays(2));

        var refused = await AssignAsync(team, session, team.PeerId);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["#Facilitator"], refused.ErrorSummaryLinks());
        var said = Assert.Single(refused.ErrorSummary());
        Assert.Contains("4 of 4 hours in the last 24 hours", said, StringComparison.Ordinal);
        Assert.Contains("or a supervisor records an override", said, StringComparison.Ordinal);
        await AssertNoFacilitatorsAsync(session.Id);
    }

    [Fact]
    public async Task With_supervision_overdue_a_peer_supporter_cannot_facilitate_until_an_attended_session_is_recorded()
    {
        using var team = await app.TeamAsync("Unsupervised Facilitators");
        await using (var db = app.OpenDb())
        {
            // They joined five weeks ago and have had no supervision since: it was due after four.
            var membership = await db.OrganisationMemberships.SingleAsync(m => m.UserId == team.PeerId && m.OrganizationId == team.OrgId);
            membership.CreatedAt = app.Clock.Now.AddDays(-35);
            await db.SaveChangesAsync();
        }
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddDays(2));

        var refused = await AssignAsync(team, session, team.PeerId);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var said = Assert.Single(refused.ErrorSummary());
        Assert.Contains("Their supervision was due on", said, StringComparison.Ordinal);
        Assert.Contains("Record a supervision session they attended.", said, StringComparison.Ordinal);
        await AssertNoFacilitatorsAsync(session.Id);

        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Supervision", [new("Session.Date", app.Today()), new("Session.Attended", "yes"), new("Session.Note", "")])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(team, session, team.PeerId)).Status);
        await using var after = app.OpenDb();
        Assert.Equal(team.PeerId, (await after.GroupFacilitators.SingleAsync(f => f.SessionId == session.Id)).UserId);
    }

    [Fact]
    public async Task A_supervisors_override_for_group_sessions_lets_a_capped_peer_supporter_facilitate_but_never_during_a_break()
    {
        using var team = await app.TeamAsync("Overridden Facilitators");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Work", app.WorkFields(TimeSpan.FromHours(5), 240))).Status);
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddDays(2));
        // An override for referrals does not reach group sessions.
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Override", [new("Override.Kind", "Referral"), new("Override.Reason", "Only for the referral")])).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await AssignAsync(team, session, team.PeerId)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Override", [new("Override.Kind", "GroupSession"), new("Override.Reason", "They co-facilitate with me and it is a short group")])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(team, session, team.PeerId)).Status);

        var later = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddDays(3));
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Break", [])).Status);
        var resting = await AssignAsync(team, later, team.PeerId);
        Assert.Equal(HttpStatusCode.BadRequest, resting.Status);
        Assert.Contains("They asked for a break on", Assert.Single(resting.ErrorSummary()), StringComparison.Ordinal);
        await AssertNoFacilitatorsAsync(later.Id);
    }

    [Fact]
    public async Task Ordinary_staff_are_not_peer_supporters_and_can_facilitate()
    {
        using var team = await app.TeamAsync("Staff Facilitators");
        var staff = await app.AddUserAsync(Roles.ProviderStaff, team.OrgId);
        var staffId = await UserIdAsync(staff.Email);
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddDays(2));

        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(team, session, staffId)).Status);

        await using var db = app.OpenDb();
        Assert.Equal(staffId, (await db.GroupFacilitators.SingleAsync(f => f.SessionId == session.Id)).UserId);
        Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == GroupAudit.FacilitatorAssigned && a.SubjectId == session.Id.ToString()));
    }

    [Fact]
    public async Task Sessions_a_peer_supporter_facilitated_count_in_their_hours_and_take_them_to_the_cap()
    {
        using var team = await app.TeamAsync("Busy Facilitators");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Work", app.WorkFields(TimeSpan.FromHours(3), 120, "ReferralHeld"))).Status);
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddMinutes(10), minutes: 150);
        var next = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddDays(1));
        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(team, session, team.PeerId)).Status);
        Assert.True((await app.CheckAsync(team.PeerId, team.OrgId, AssignmentKind.GroupSession)).Allowed);

        // The session happens: 2 hours of referral work and 2.5 hours facilitating is more than the 4-hour cap.
        app.Clock.Advance(TimeSpan.FromHours(3));
        var check = await app.CheckAsync(team.PeerId, team.OrgId, AssignmentKind.GroupSession);
        Assert.False(check.Allowed);
        Assert.Contains("4.5 of 4 hours in the last 24 hours", Assert.Single(check.Blocks, b => b.Code == BlockCode.DayHoursCap).Why, StringComparison.Ordinal);

        using var peer = await app.SignInAgainAsync(team.Peer);
        using var supervisor = await app.SignInAgainAsync(team.Supervisor);
        var again = team with { Peer = peer, Supervisor = supervisor };
        var mine = await peer.Browser.GetAsync("/peer");
        Assert.Contains("4.5 of 4 hours in the last 24 hours", mine.Text(".load-measure[data-measure='day']"), StringComparison.Ordinal);
        Assert.Contains("4.5 of 16 hours in the last 7 days", mine.Text(".load-measure[data-measure='week']"), StringComparison.Ordinal);
        var theirs = await supervisor.Browser.GetAsync("/provider/people");
        Assert.Contains("4.5 of 4 hours", theirs.Text($"tr[data-user-id='{team.PeerId}'] .load-measure[data-measure='day']"), StringComparison.Ordinal);

        var refused = await AssignAsync(again, next, team.PeerId);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("4.5 of 4 hours in the last 24 hours", Assert.Single(refused.ErrorSummary()), StringComparison.Ordinal);
        await AssertNoFacilitatorsAsync(next.Id);
    }

    [Fact]
    public async Task A_facilitated_session_also_recorded_by_hand_is_counted_once()
    {
        using var team = await app.TeamAsync("Twice Recorded Facilitators");
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddMinutes(10), minutes: 120);
        Assert.Equal(HttpStatusCode.Redirect, (await AssignAsync(team, session, team.PeerId)).Status);
        app.Clock.Advance(TimeSpan.FromHours(3));
        using var peer = await app.SignInAgainAsync(team.Peer);
        var again = team with { Peer = peer };

        // They record the same two hours themselves, as the form invites, plus half an hour of its own before it.
        var ago = app.Clock.Now - session.StartsAt;
        Assert.Equal(HttpStatusCode.Redirect, (await again.PeerPostsAsync("Work", app.WorkFields(ago, 120))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await again.PeerPostsAsync("Work", app.WorkFields(ago + TimeSpan.FromMinutes(30), 30, "Other"))).Status);

        var mine = await peer.Browser.GetAsync("/peer");
        Assert.Contains("2.5 of 4 hours in the last 24 hours", mine.Text(".load-measure[data-measure='day']"), StringComparison.Ordinal);
        Assert.True((await app.CheckAsync(team.PeerId, team.OrgId, AssignmentKind.GroupSession)).Allowed);
    }

    private static async Task<Infrastructure.Page> AssignAsync(Team team, GroupSession session, Guid userId)
    {
        var url = $"/provider/services/{team.ServiceId}/groups/{session.Id}";
        var form = await team.Supervisor.Browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await team.Supervisor.Browser.PostAsync(url + "?handler=Assign", form.AntiforgeryToken(), [new("Facilitator", userId.ToString())]);
    }

    private async Task AssertNoFacilitatorsAsync(Guid sessionId)
    {
        await using var db = app.OpenDb();
        Assert.False(await db.GroupFacilitators.AnyAsync(f => f.SessionId == sessionId));
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Action == GroupAudit.FacilitatorAssigned && a.SubjectId == sessionId.ToString()));
    }

    private async Task<Guid> UserIdAsync(string email)
    {
        await using var db = app.OpenDb();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}
