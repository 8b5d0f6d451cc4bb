using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.PeerSupport;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Peer;

/// <summary>
/// Care for the carers (issue 15): the gate refuses at a cap, with supervision overdue, with required training
/// missing or expired, and during a break; a supervisor's override is audited; 80% of a cap is told through the
/// outbox; notes and check-ins are encrypted and every read audited; a peer supporter's records download and erase.
/// </summary>
public sealed class PeerSupportTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    [Fact]
    public async Task A_peer_supporter_needs_an_authenticator_lands_on_their_page_and_reaches_no_provider_page()
    {
        var (org, _, _) = await app.AddOrganisationAsync("Landing Peers");
        var (browser, _) = await app.SignInWithPasswordOnlyAsync(Roles.PeerSupporter, org.Id);
        using (browser)
        {
            var page = await browser.GetAsync("/peer");
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/account/authenticator", page.RedirectPath, StringComparison.Ordinal);
        }
        using var peer = await app.SignInAsStaffAsync(Roles.PeerSupporter, org.Id);
        var home = await peer.Browser.GetAsync("/peer");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Contains("Landing Peers", home.Text("h2"), StringComparison.Ordinal);
        Assert.Equal(3, home.Document.QuerySelectorAll(".load-measure").Length);
        foreach (var url in new[] { "/provider", "/provider/people", $"/provider/organisations/{org.Id}" })
        {
            var denied = await peer.Browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, denied.Status);
            Assert.StartsWith("/account/access-denied", denied.RedirectPath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task At_the_days_cap_a_referral_is_refused_with_why_and_what_would_unblock_it_until_a_supervisor_overrides_with_a_reason()
    {
        using var team = await app.TeamAsync("Capped Peers");
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Work", app.WorkFields(TimeSpan.FromHours(5), 240))).Status);

        var (referralId, refused) = await team.AssignNewReferralAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var block = refused.Document.QuerySelector("#assignment-refused .block[data-code='DayHoursCap']");
        Assert.NotNull(block);
        Assert.Contains("4 of 4 hours in the last 24 hours", block!.TextContent, StringComparison.Ordinal);
        Assert.Contains("What would change this", block.TextContent, StringComparison.Ordinal);
        Assert.Contains("cannot be given this referral now", string.Join(" ", refused.ErrorSummary()), StringComparison.Ordinal);
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.PeerAssignments.AnyAsync(a => a.UserId == team.PeerId));
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == PeerSupportAudit.AssignmentRefused && a.SubjectId == team.PeerId.ToString()));
        }
        var check = await app.CheckAsync(team.PeerId, team.OrgId);
        Assert.False(check.Allowed);
        Assert.Contains(check.Blocks, b => b.Code == BlockCode.DayHoursCap && b.Overridable);
        // Their own page says so too.
        Assert.NotNull((await team.Peer.Browser.GetAsync("/peer")).Document.QuerySelector(".blocks .block[data-code='DayHoursCap']"));

        // An override needs a reason; with one it is kept with who, when and why, and lets the referral through.
        var noReason = await team.SupervisorPostsAsync("Override", [new("Override.Kind", "Referral"), new("Override.Reason", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal(["Give your reason: it is kept with your name"], noReason.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Override", [new("Override.Kind", "Referral"), new("Override.Reason", "Sam knows this person well and the group ended early")])).Status);
        var url = $"/provider/referrals/{referralId}";
        var given = await team.Supervisor.Browser.PostAsync($"{url}?handler=Assign", (await team.Supervisor.Browser.GetAsync(url)).AntiforgeryToken(), [new("AssignTo", team.PeerId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, given.Status);
        Assert.Contains(team.Peer.Account.Email, (await team.Supervisor.Browser.GetAsync(url)).Text("#referral-holder"), StringComparison.Ordinal);

        await using var after = app.OpenDb();
        var o = await after.AssignmentOverrides.SingleAsync(x => x.UserId == team.PeerId);
        Assert.Equal(team.Supervisor.Account.UserId, o.ByUserId);
        Assert.True((o.At - app.Clock.Now).Duration() < TimeSpan.FromMilliseconds(1), "the override keeps when it was made");
        var audit = await after.AuditEvents.SingleAsync(a => a.Action == PeerSupportAudit.OverrideRecorded && a.SubjectId == team.PeerId.ToString());
        Assert.Equal(team.Supervisor.Account.UserId, audit.ActorId);
        Assert.Contains("DayHoursCap", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("Sam knows this person well", audit.Detail, StringComparison.Ordinal);
        var assignment = await after.PeerAssignments.SingleAsync(a => a.UserId == team.PeerId && a.SubjectId == referralId);
        Assert.Equal(o.Id, assignment.OverrideId);
        Assert.Contains((await team.Peer.Browser.GetAsync("/peer")).Document.QuerySelectorAll(".assignment"), a => a.TextContent.Contains("Tuesday evening peer group", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_80_percent_of_a_cap_the_peer_supporter_and_their_supervisor_are_told_once_through_the_outbox()
    {
        using var team = await app.TeamAsync("Nearly Full Peers");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Work", app.WorkFields(TimeSpan.FromHours(4), 191))).Status);
        Assert.Empty(await WarningsAsync(team.PeerId));

        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Work", app.WorkFields(TimeSpan.FromMinutes(30), 1))).Status);
        var warnings = await WarningsAsync(team.PeerId);
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, m => m.Recipient == team.Peer.Account.Email && m.Body.Contains("3.2 of 4 hours in the last 24 hours", StringComparison.Ordinal));
        Assert.Contains(warnings, m => m.Recipient == team.Supervisor.Account.Email && m.Body.Contains(team.Peer.Account.Email, StringComparison.Ordinal));
        Assert.NotNull((await team.Peer.Browser.GetAsync("/peer")).Document.QuerySelector(".load-measure[data-measure='day'] .near-limit"));
        Assert.Contains("close to the limit", (await team.Supervisor.Browser.GetAsync("/provider/people")).Document
            .QuerySelector($"tr[data-user-id='{team.PeerId}'] .load-measure[data-measure='day']")!.TextContent, StringComparison.Ordinal);

        // More work in the same day does not send the same warning again.
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Work", app.WorkFields(TimeSpan.FromMinutes(20), 10))).Status);
        Assert.Equal(2, (await WarningsAsync(team.PeerId)).Count);
        Assert.True((await app.CheckAsync(team.PeerId, team.OrgId)).Allowed);
    }

    [Fact]
    public async Task With_supervision_overdue_assignments_are_refused_until_an_attended_session_is_recorded()
    {
        using var team = await app.TeamAsync("Overdue Peers");
        Assert.True((await app.CheckAsync(team.PeerId, team.OrgId)).Allowed);
        app.Clock.Advance(TimeSpan.FromDays(29));
        var check = await app.CheckAsync(team.PeerId, team.OrgId, AssignmentKind.GroupSession);
        Assert.False(check.Allowed);
        var block = Assert.Single(check.Blocks);
        Assert.Equal(BlockCode.SupervisionOverdue, block.Code);
        Assert.Equal("Record a supervision session they attended.", block.Unblock);

        // The clock moved past the sessions' idle limit: both sign in again, as they would.
        using var peer = await app.SignInAgainAsync(team.Peer);
        using var supervisor = await app.SignInAgainAsync(team.Supervisor);
        var again = team with { Peer = peer, Supervisor = supervisor };
        var (_, refused) = await again.AssignNewReferralAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.NotNull(refused.Document.QuerySelector("#assignment-refused .block[data-code='SupervisionOverdue']"));
        var overdue = await again.Supervisor.Browser.GetAsync("/provider/people");
        Assert.Equal(again.PeerId.ToString(), overdue.Document.QuerySelector($"section[data-organisation-id='{again.OrgId}'] tr.person-row")!.GetAttribute("data-user-id"));

        var missed = await again.SupervisorPostsAsync("Supervision", [new("Session.Date", app.Today()), new("Session.Attended", "no"), new("Session.Note", "")]);
        Assert.Equal(HttpStatusCode.Redirect, missed.Status);
        Assert.False((await app.CheckAsync(again.PeerId, again.OrgId)).Allowed);
        Assert.Equal(HttpStatusCode.Redirect, (await again.SupervisorPostsAsync("Supervision", [new("Session.Date", app.Today()), new("Session.Attended", "yes"), new("Session.Note", "")])).Status);
        Assert.True((await app.CheckAsync(again.PeerId, again.OrgId)).Allowed);
        var (_, given) = await again.AssignNewReferralAsync();
        Assert.Equal(HttpStatusCode.Redirect, given.Status);
    }

    [Fact]
    public async Task Required_training_missing_or_expired_blocks_until_it_is_recorded_in_date()
    {
        using var team = await app.TeamAsync("Trained Peers");
        var page = await team.Supervisor.Browser.GetAsync("/provider/people");
        var saved = await team.Supervisor.Browser.PostAsync($"/provider/people?handler=Settings&organisationId={team.OrgId}", page.AntiforgeryToken(),
        [
            new("Settings.DayHours", "4"), new("Settings.WeekHours", "16"), new("Settings.Caseload", "6"), new("Settings.SupervisionWeeks", "4"), new("Settings.InitialHours", "42"),
            new("Settings.Required", "Safeguarding"), new("Settings.OwnCourses", "Listening skills"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        var missing = await app.CheckAsync(team.PeerId, team.OrgId);
        Assert.Equal([BlockCode.TrainingMissing, BlockCode.TrainingMissing], missing.Blocks.Select(b => b.Code));
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Training", [new("Training.Course", "Safeguarding"), new("Training.Completed", app.Today(-400)), new("Training.Expires", app.Today(-35))])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Training", [new("Training.Course", "Listening skills"), new("Training.Completed", app.Today(-3)), new("Training.Expires", "")])).Status);
        var expired = Assert.Single((await app.CheckAsync(team.PeerId, team.OrgId)).Blocks);
        Assert.Equal(BlockCode.TrainingExpired, expired.Code);
        Assert.Contains("Safeguarding", expired.Why, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Training", [new("Training.Course", "Safeguarding"), new("Training.Completed", app.Today(-1)), new("Training.Expires", app.Today(700))])).Status);
        Assert.True((await app.CheckAsync(team.PeerId, team.OrgId)).Allowed);
        await using var db = app.OpenDb();
        Assert.Equal(3, await db.TrainingRecords.CountAsync(t => t.UserId == team.PeerId && t.Course != PeerSupportApp.InitialCourse)); // the history stays
    }

    [Fact]
    public async Task A_break_needs_no_reason_stops_assignments_cannot_be_overridden_and_ends_when_they_return()
    {
        using var team = await app.TeamAsync("Resting Peers");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Break", [])).Status);
        var check = await app.CheckAsync(team.PeerId, team.OrgId, AssignmentKind.Moderation);
        Assert.False(check.Allowed);
        Assert.Equal(BlockCode.OnABreak, Assert.Single(check.Blocks).Code);
        var (_, refused) = await team.AssignNewReferralAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var cannot = await team.SupervisorPostsAsync("Override", [new("Override.Kind", "Moderation"), new("Override.Reason", "We are short today")]);
        Assert.Equal(HttpStatusCode.BadRequest, cannot.Status);
        Assert.Contains("cannot be overridden", string.Join(" ", cannot.ErrorSummary()), StringComparison.Ordinal);
        Assert.Contains("On a break", (await team.Supervisor.Browser.GetAsync("/provider/people")).Html, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Back", [])).Status);
        Assert.True((await app.CheckAsync(team.PeerId, team.OrgId, AssignmentKind.Moderation)).Allowed);
        await using var db = app.OpenDb();
        Assert.NotNull((await db.PeerBreaks.SingleAsync(b => b.UserId == team.PeerId)).EndedAt);
    }

    [Fact]
    public async Task Debriefs_asked_for_or_prompted_are_due_in_24_hours_and_owed_until_held()
    {
        using var team = await app.TeamAsync("Debriefed Peers");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Debrief", [])).Status);
        using (var scope = app.Services.CreateScope())
        {
            var prompted = await scope.ServiceProvider.GetRequiredService<PeerSupportRecords>()
                .PromptDebriefAsync(team.PeerId, team.OrgId, "a group where someone disclosed risk");
            Assert.Equal(app.Clock.Now.AddHours(24), prompted!.DueBy);
        }
        var mine = await team.Peer.Browser.GetAsync("/peer");
        Assert.Equal(2, mine.Document.QuerySelectorAll(".debriefs-owed .debrief").Length);
        await using (var db = app.OpenDb())
        {
            var messages = await db.OutboxMessages.Where(m => m.SubjectId == team.PeerId && m.Subject == PeerSupportRecords.DebriefSubject).ToListAsync();
            Assert.Equal(2, messages.Count(m => m.Recipient == team.Supervisor.Account.Email));
            Assert.Contains(messages, m => m.Recipient == team.Peer.Account.Email && m.Body.Contains("a group where someone disclosed risk", StringComparison.Ordinal));
        }
        var person = await team.Supervisor.Browser.GetAsync(team.PersonPage);
        var first = person.Document.QuerySelector(".open-debriefs li")!.GetAttribute("data-debrief-id");
        var held = await team.Supervisor.Browser.PostAsync($"{team.PersonPage}?handler=DebriefHeld&debriefId={first}", person.AntiforgeryToken(), []);
        Assert.Equal(HttpStatusCode.Redirect, held.Status);
        Assert.Single((await team.Peer.Browser.GetAsync("/peer")).Document.QuerySelectorAll(".debriefs-owed .debrief"));
    }

    [Fact]
    public async Task Supervision_notes_and_check_ins_are_encrypted_shown_only_to_whom_they_belong_and_every_read_is_audited()
    {
        using var team = await app.TeamAsync("Private Peers");
        using var otherSupervisor = await app.SignInAsStaffAsync(Roles.ProviderAdmin, team.OrgId);
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Supervision", [new("Session.Date", app.Today()), new("Session.Attended", "yes"), new("Session.Note", "NOTE-ONLY-FOR-US")])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("CheckIn", [new("CheckInWords", "PRIVATE-WORDS")])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("CheckIn", [new("CheckInWords", "SHARED-WORDS"), new("ShareCheckIn", "true")])).Status);

        var mine = await team.Peer.Browser.GetAsync("/peer");
        Assert.Contains("NOTE-ONLY-FOR-US", mine.Text(".supervision-note"), StringComparison.Ordinal);
        Assert.Contains("PRIVATE-WORDS", mine.Html, StringComparison.Ordinal);
        var theirs = await team.Supervisor.Browser.GetAsync(team.PersonPage);
        Assert.Contains("NOTE-ONLY-FOR-US", theirs.Html, StringComparison.Ordinal);
        Assert.Contains("SHARED-WORDS", theirs.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE-WORDS", theirs.Html, StringComparison.Ordinal);
        var other = await otherSupervisor.Browser.GetAsync(team.PersonPage);
        Assert.Equal(HttpStatusCode.OK, other.Status);
        Assert.DoesNotContain("NOTE-ONLY-FOR-US", other.Html, StringComparison.Ordinal);
        Assert.Contains("for its supervisor and the peer supporter only", other.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("score", mine.Text(".check-ins"), StringComparison.OrdinalIgnoreCase);

        await using var db = app.OpenDb();
        var session = await db.SupervisionSessions.SingleAsync(s => s.UserId == team.PeerId);
        Assert.DoesNotContain("NOTE-ONLY-FOR-US", session.ProtectedNote, StringComparison.Ordinal);
        Assert.All(await db.WellbeingCheckIns.Where(c => c.UserId == team.PeerId).ToListAsync(), c => Assert.DoesNotContain("WORDS", c.ProtectedText, StringComparison.Ordinal));
        var reads = await db.AuditEvents.Where(a => a.Action == PeerSupportAudit.SupervisionNoteRead && a.SubjectId == session.Id.ToString()).ToListAsync();
        Assert.Contains(reads, a => a.ActorId == team.PeerId);
        Assert.Contains(reads, a => a.ActorId == team.Supervisor.Account.UserId);
        Assert.DoesNotContain(reads, a => a.ActorId == otherSupervisor.Account.UserId);
        var checkInReads = await db.AuditEvents.Where(a => a.Action == PeerSupportAudit.CheckInRead).ToListAsync();
        Assert.Contains(checkInReads, a => a.ActorId == team.Supervisor.Account.UserId);
        Assert.Contains(checkInReads, a => a.ActorId == team.PeerId);
    }

    [Fact]
    public async Task Bad_forms_are_answered_with_400_and_the_error_summary_and_save_nothing()
    {
        using var team = await app.TeamAsync("Careful Peers", trainedHours: null);
        var work = await team.PeerPostsAsync("Work", [new("Work.Kind", "Lunch"), new("Work.Date", "3/12/2026"), new("Work.Start", "25:00"), new("Work.Minutes", "0")]);
        Assert.Equal(HttpStatusCode.BadRequest, work.Status);
        Assert.Equal(["#Work_Kind", "#Work_Date", "#Work_Start", "#Work_Minutes"], work.ErrorSummaryLinks());
        var checkIn = await team.PeerPostsAsync("CheckIn", [new("CheckInWords", "  ")]);
        Assert.Equal(HttpStatusCode.BadRequest, checkIn.Status);
        var page = await team.Supervisor.Browser.GetAsync("/provider/people");
        var settings = await team.Supervisor.Browser.PostAsync($"/provider/people?handler=Settings&organisationId={team.OrgId}", page.AntiforgeryToken(),
            [new("Settings.DayHours", "0"), new("Settings.WeekHours", "lots"), new("Settings.Caseload", "-1"), new("Settings.SupervisionWeeks", "99"), new("Settings.InitialHours", "-2")]);
        Assert.Equal(HttpStatusCode.BadRequest, settings.Status);
        Assert.Equal(5, settings.ErrorSummary().Count);
        var training = await team.SupervisorPostsAsync("Training", [new("Training.Course", "Safeguarding"), new("Training.Completed", app.Today(5)), new("Training.Expires", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, training.Status);
        Assert.Equal(["The date it was completed cannot be in the future"], training.ErrorSummary());
        await using var db = app.OpenDb();
        Assert.False(await db.WorkEntries.AnyAsync(w => w.UserId == team.PeerId));
        Assert.False(await db.WellbeingCheckIns.AnyAsync(c => c.UserId == team.PeerId));
        Assert.False(await db.PeerSupportSettings.AnyAsync(s => s.OrganisationId == team.OrgId));
        Assert.False(await db.TrainingRecords.AnyAsync(t => t.UserId == team.PeerId));
    }

    [Fact]
    public async Task A_peer_supporter_downloads_their_records_decrypted_and_erasing_their_account_erases_them()
    {
        using var team = await app.TeamAsync("Leaving Peers");
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Supervision", [new("Session.Date", app.Today()), new("Session.Attended", "yes"), new("Session.Note", "NOTE-TO-TAKE-AWAY")])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("CheckIn", [new("CheckInWords", "MY-OWN-WORDS")])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Work", app.WorkFields(TimeSpan.FromHours(1), 200))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Debrief", [])).Status);

        var page = await team.Peer.Browser.GetAsync("/my/data");
        var download = await team.Peer.Browser.Client.PostAsync(new Uri("/my/data", UriKind.Relative),
            new FormUrlEncodedContent([new("__RequestVerificationToken", page.AntiforgeryToken())]));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using var json = JsonDocument.Parse(await download.Content.ReadAsStringAsync());
        var peer = json.RootElement.GetProperty("peer_support");
        Assert.Equal("NOTE-TO-TAKE-AWAY", peer.GetProperty("supervision")[0].GetProperty("note").GetString());
        Assert.Equal("MY-OWN-WORDS", peer.GetProperty("check_ins")[0].GetProperty("words").GetString());
        Assert.Equal(200, peer.GetProperty("work")[0].GetProperty("minutes").GetInt32());

        Assert.Equal(HttpStatusCode.Redirect, (await team.Peer.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")])).Status);
        await using var db = app.OpenDb();
        Assert.False(await db.SupervisionSessions.AnyAsync(s => s.UserId == team.PeerId));
        Assert.False(await db.WellbeingCheckIns.AnyAsync(c => c.UserId == team.PeerId));
        Assert.False(await db.WorkEntries.AnyAsync(w => w.UserId == team.PeerId));
        Assert.False(await db.Debriefs.AnyAsync(d => d.UserId == team.PeerId));
        Assert.False(await db.LoadWarnings.AnyAsync(w => w.UserId == team.PeerId));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.SubjectId == team.PeerId));
        Assert.False(await db.Users.AnyAsync(u => u.Id == team.PeerId));
        Assert.Equal(HttpStatusCode.OK, (await team.Supervisor.Browser.GetAsync("/provider/people")).Status);
    }

    private async Task<List<Waymark.Core.Outbox.OutboxMessage>> WarningsAsync(Guid peerId)
    {
        await using var db = app.OpenDb();
        return await db.OutboxMessages.Where(m => m.SubjectId == peerId && m.Subject == PeerSupportRecords.WarningSubject).ToListAsync();
    }
}
