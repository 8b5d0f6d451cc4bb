using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.PeerSupport;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Peer;

/// <summary>
/// Another organisation's supervisor or peer supporter tries every new route with this organisation's ids:
/// each answers 404, shows nothing of it, and changes nothing.
/// </summary>
public sealed class PeerSupportCrossOrganisationTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    public static TheoryData<string, string, string> Routes => new()
    {
        { "supervisor", "GET", "/provider/people/{theirOrg}/{theirPeer}" },
        { "supervisor", "GET", "/provider/people/{myOrg}/{theirPeer}" },
        { "supervisor", "POST", "/provider/people/{theirOrg}/{theirPeer}?handler=Training" },
        { "supervisor", "POST", "/provider/people/{myOrg}/{theirPeer}?handler=Training" },
        { "supervisor", "POST", "/provider/people/{theirOrg}/{theirPeer}?handler=Supervision" },
        { "supervisor", "POST", "/provider/people/{theirOrg}/{theirPeer}?handler=Work" },
        { "supervisor", "POST", "/provider/people/{theirOrg}/{theirPeer}?handler=Override" },
        { "supervisor", "POST", "/provider/people/{theirOrg}/{theirPeer}?handler=DebriefHeld&debriefId={theirDebrief}" },
        { "supervisor", "POST", "/provider/people/{myOrg}/{myPeer}?handler=DebriefHeld&debriefId={theirDebrief}" },
        { "supervisor", "POST", "/provider/people/{theirOrg}/{theirPeer}?handler=EndAssignment&assignmentId={theirAssignment}" },
        { "supervisor", "POST", "/provider/people/{myOrg}/{myPeer}?handler=EndAssignment&assignmentId={theirAssignment}" },
        { "supervisor", "POST", "/provider/people?handler=Settings&organisationId={theirOrg}" },
        { "supervisor", "POST", "/provider/people?handler=Supervisor&organisationId={theirOrg}" },
        { "supervisor", "POST", "/provider/referrals/{theirReferral}?handler=Assign" },
        { "supervisor", "POST", "/provider/people/{theirOrg}/{theirPeer}?handler=BookDebrief&debriefId={theirDebrief}" },
        { "supervisor", "POST", "/provider/people/{myOrg}/{myPeer}?handler=BookDebrief&debriefId={theirDebrief}" },
        { "supervisor", "POST", "/provider/people/{theirOrg}/{theirPeer}?handler=BookSupervision" },
        { "supervisor", "POST", "/provider/people/{theirOrg}/{theirPeer}?handler=SupervisionHeld&bookingId={theirBooking}" },
        { "supervisor", "POST", "/provider/people/{myOrg}/{myPeer}?handler=SupervisionHeld&bookingId={theirBooking}" },
        { "supervisor", "GET", "/provider/services/{theirService}/groups/{theirSession}" },
        { "supervisor", "POST", "/provider/services/{theirService}/groups/{theirSession}?handler=Disclosure" },
        { "supervisor", "POST", "/provider/services/{myService}/groups/{theirSession}?handler=Disclosure" },
        { "peer", "POST", "/peer?handler=Disclosure&organisationId={theirOrg}&sessionId={theirSession}" },
        { "peer", "POST", "/peer?handler=Disclosure&organisationId={myOrg}&sessionId={theirSession}" },
        { "peer", "POST", "/peer?handler=Debrief&organisationId={theirOrg}" },
        { "peer", "POST", "/peer?handler=Break&organisationId={theirOrg}" },
        { "peer", "POST", "/peer?handler=Back&organisationId={theirOrg}" },
        { "peer", "POST", "/peer?handler=CheckIn&organisationId={theirOrg}" },
        { "peer", "POST", "/peer?handler=Work&organisationId={theirOrg}" },
        { "peer", "POST", "/peer?handler=BookDebrief&organisationId={theirOrg}&debriefId={theirDebrief}" },
        { "peer", "POST", "/peer?handler=BookDebrief&organisationId={myOrg}&debriefId={theirDebrief}" },
        { "peer", "POST", "/peer?handler=DebriefHad&organisationId={theirOrg}&debriefId={theirDebrief}" },
        { "peer", "POST", "/peer?handler=DebriefHad&organisationId={myOrg}&debriefId={theirDebrief}" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Another_organisations_ids_give_404_and_change_nothing(string who, string method, string template)
    {
        using var mine = await app.TeamAsync("Our Peers");
        using var theirs = await app.TeamAsync("Their Secret Peers");
        // Their records: a debrief owed, a referral held, a check-in, supervision.
        Assert.Equal(HttpStatusCode.Redirect, (await theirs.PeerPostsAsync("Debrief", [])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await theirs.PeerPostsAsync("CheckIn", [new("CheckInWords", "THEIR-WORDS"), new("ShareCheckIn", "true")])).Status);
        var (theirReferral, held) = await theirs.AssignNewReferralAsync();
        Assert.Equal(HttpStatusCode.Redirect, held.Status);
        // A supervision booked for today (so "it was held" would work for them), and a group session under way that their peer supporter facilitates.
        Assert.Equal(HttpStatusCode.Redirect, (await theirs.SupervisorPostsAsync("BookSupervision", [new("NextSupervision", app.Today())])).Status);
        var theirSession = await app.AddSessionAsync(theirs.ServiceId, app.Clock.Now.AddMinutes(-30));
        await app.AddFacilitatorsAsync(theirSession.Id, theirs.PeerId);
        // The same peer supporter facilitating in both: still only their own organisation's supervisors and facilitators may record.
        await app.AddFacilitatorsAsync(theirSession.Id, mine.PeerId);
        await using var setup = app.OpenDb();
        var debriefId = (await setup.Debriefs.SingleAsync(d => d.UserId == theirs.PeerId)).Id;
        var assignmentId = (await setup.PeerAssignments.SingleAsync(a => a.UserId == theirs.PeerId)).Id;
        var bookingId = (await setup.SupervisionBookings.SingleAsync(b => b.UserId == theirs.PeerId)).Id;
        var before = await SnapshotAsync(theirs);

        var url = template.Replace("{theirOrg}", theirs.OrgId.ToString(), StringComparison.Ordinal)
            .Replace("{theirPeer}", theirs.PeerId.ToString(), StringComparison.Ordinal)
            .Replace("{myOrg}", mine.OrgId.ToString(), StringComparison.Ordinal)
            .Replace("{myPeer}", mine.PeerId.ToString(), StringComparison.Ordinal)
            .Replace("{theirDebrief}", debriefId.ToString(), StringComparison.Ordinal)
            .Replace("{theirAssignment}", assignmentId.ToString(), StringComparison.Ordinal)
            .Replace("{theirReferral}", theirReferral.ToString(), StringComparison.Ordinal)
            .Replace("{theirBooking}", bookingId.ToString(), StringComparison.Ordinal)
            .Replace("{theirService}", theirs.ServiceId.ToString(), StringComparison.Ordinal)
            .Replace("{myService}", mine.ServiceId.ToString(), StringComparison.Ordinal)
            .Replace("{theirSession}", theirSession.Id.ToString(), StringComparison.Ordinal);
        var browser = who == "peer" ? mine.Peer.Browser : mine.Supervisor.Browser;
        Infrastructure.Page page;
        if (method == "GET")
        {
            page = await browser.GetAsync(url);
        }
        else
        {
            var token = (await browser.GetAsync(who == "peer" ? "/peer" : "/provider/people")).AntiforgeryToken();
            page = await browser.PostAsync(url, token,
            [
                new("Training.Course", "Safeguarding"), new("Training.Completed", app.Today(-1)), new("Training.Expires", ""), new("Training.Hours", "40"),
                new("Session.Date", app.Today()), new("Session.Attended", "yes"), new("Session.Note", "taken over"),
                .. app.WorkFields(TimeSpan.FromHours(1), 30),
                new("Override.Kind", "Referral"), new("Override.Reason", "because"),
                new("Settings.DayHours", "1"), new("Settings.WeekHours", "1"), new("Settings.Caseload", "1"), new("Settings.SupervisionWeeks", "1"), new("Settings.InitialHours", "0"),
                new("SupervisorEmail", mine.Supervisor.Account.Email), new("AssignTo", mine.PeerId.ToString()),
                new("CheckInWords", "not theirs"), new("ShareCheckIn", "true"), new("BookedFor", app.Today(1)), new("NextSupervision", app.Today(2)),
            ]);
        }

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.DoesNotContain("Their Secret Peers", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Peer.Account.Email, page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("THEIR-WORDS", page.Html, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(theirs));
    }

    [Fact]
    public async Task The_team_page_lists_only_the_supervisors_own_organisation_and_staff_who_are_not_supervisors_see_no_team()
    {
        using var mine = await app.TeamAsync("Our Peers");
        using var theirs = await app.TeamAsync("Their Secret Peers");
        var page = await mine.Supervisor.Browser.GetAsync("/provider/people");
        Assert.NotNull(page.Document.QuerySelector($"tr[data-user-id='{mine.PeerId}']"));
        Assert.Null(page.Document.QuerySelector($"tr[data-user-id='{theirs.PeerId}']"));
        Assert.DoesNotContain("Their Secret Peers", page.Html, StringComparison.Ordinal);

        // Plain staff see no team until a supervisor names them; then they do.
        using var staff = await app.SignInAsStaffAsync(Waymark.Core.Accounts.Roles.ProviderStaff, mine.OrgId);
        Assert.Null((await staff.Browser.GetAsync("/provider/people")).Document.QuerySelector("tr.person-row"));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.Browser.GetAsync(mine.PersonPage)).Status);
        var people = await mine.Supervisor.Browser.GetAsync("/provider/people");
        var named = await mine.Supervisor.Browser.PostAsync($"/provider/people?handler=Supervisor&organisationId={mine.OrgId}", people.AntiforgeryToken(), [new("SupervisorEmail", staff.Account.Email)]);
        Assert.Equal(HttpStatusCode.Redirect, named.Status);
        Assert.NotNull((await staff.Browser.GetAsync("/provider/people")).Document.QuerySelector($"tr[data-user-id='{mine.PeerId}']"));
        Assert.Equal(HttpStatusCode.OK, (await staff.Browser.GetAsync(mine.PersonPage)).Status);
    }

    private async Task<string> SnapshotAsync(Team team)
    {
        await using var db = app.OpenDb();
        var orgId = team.OrgId;
        var counts = new[]
        {
            await db.TrainingRecords.CountAsync(x => x.OrganisationId == orgId),
            await db.SupervisionSessions.CountAsync(x => x.OrganisationId == orgId),
            await db.Debriefs.CountAsync(x => x.OrganisationId == orgId && x.HeldAt == null),
            await db.Debriefs.CountAsync(x => x.OrganisationId == orgId && x.BookedFor != null),
            await db.Debriefs.CountAsync(x => x.OrganisationId == orgId),
            await db.SupervisionBookings.CountAsync(x => x.OrganisationId == orgId),
            await db.SupervisionBookings.CountAsync(x => x.OrganisationId == orgId && x.ClosedAt == null),
            await db.GroupDisclosures.CountAsync(x => db.GroupSessions.Any(g => g.Id == x.SessionId && g.ServiceId == team.ServiceId)),
            await db.OutboxMessages.CountAsync(x => x.SubjectId == team.PeerId),
            await db.WellbeingCheckIns.CountAsync(x => x.OrganisationId == orgId),
            await db.WorkEntries.CountAsync(x => x.OrganisationId == orgId),
            await db.PeerAssignments.CountAsync(x => x.OrganisationId == orgId && x.EndedAt == null),
            await db.PeerAssignments.CountAsync(x => x.OrganisationId == orgId),
            await db.PeerBreaks.CountAsync(x => x.OrganisationId == orgId),
            await db.AssignmentOverrides.CountAsync(x => x.OrganisationId == orgId),
            await db.PeerSupportSettings.CountAsync(x => x.OrganisationId == orgId),
            await db.OrganisationSupervisors.CountAsync(x => x.OrganisationId == orgId),
            await db.PeerAssignments.CountAsync(x => x.Kind == AssignmentKind.Referral && x.UserId != team.PeerId),
        };
        return string.Join(",", counts);
    }
}
