using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.PeerSupport;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Peer;

/// <summary>
/// Initial training before practice (issue 15; Samaritans trains for 42 hours): until the hours of training recorded
/// reach the organisation's setting (default 42, 0 for none), the one gate refuses every kind of assignment and says
/// how many hours are recorded and what would unblock it; a supervisor's override works for it as for the other blocks.
/// </summary>
public sealed class InitialTrainingTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    [Fact]
    public async Task Short_of_the_initial_training_hours_every_assignment_is_refused_saying_how_many_are_recorded_until_the_rest_is()
    {
        using var team = await app.TeamAsync("Learning Peers", trainedHours: null);
        var untrained = await app.CheckAsync(team.PeerId, team.OrgId);
        Assert.False(untrained.Allowed);
        var block = Assert.Single(untrained.Blocks);
        Assert.Equal(BlockCode.InitialTrainingIncomplete, block.Code);
        Assert.StartsWith("0 of 42 hours of training recorded", block.Why, StringComparison.Ordinal);
        Assert.Equal("Record the rest of the initial training to be assigned.", block.Unblock);
        Assert.True(block.Overridable);

        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Training",
            [new("Training.Course", "Safeguarding"), new("Training.Completed", app.Today(-2)), new("Training.Expires", ""), new("Training.Hours", "12")])).Status);

        var (referralId, refused) = await team.AssignNewReferralAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var said = refused.Text("#assignment-refused .block[data-code='InitialTrainingIncomplete']");
        Assert.Contains("12 of 42 hours of training recorded", said, StringComparison.Ordinal);
        Assert.Contains("Record the rest of the initial training to be assigned.", said, StringComparison.Ordinal);
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddDays(2));
        var notFacilitating = await FacilitatorGateSteps.AssignAsync(team, session, team.PeerId);
        Assert.Equal(HttpStatusCode.BadRequest, notFacilitating.Status);
        Assert.Contains("12 of 42 hours of training recorded", Assert.Single(notFacilitating.ErrorSummary()), StringComparison.Ordinal);
        Assert.False((await app.CheckAsync(team.PeerId, team.OrgId, AssignmentKind.Moderation)).Allowed);

        // Their own page shows the hours against the requirement; the team page puts them before someone fully trained.
        var mine = await team.Peer.Browser.GetAsync("/peer");
        Assert.Equal("Initial training: 12 of 42 hours recorded, not complete yet", mine.Text(".training-hours"));
        Assert.NotNull(mine.Document.QuerySelector(".blocks .block[data-code='InitialTrainingIncomplete']"));
        using var trained = await app.SignInAsStaffAsync(Roles.PeerSupporter, team.OrgId);
        await app.RecordTrainingAsync(trained.Account.UserId, team.OrgId);
        var teamPage = await team.Supervisor.Browser.GetAsync("/provider/people");
        var rows = teamPage.Document.QuerySelectorAll($"section[data-organisation-id='{team.OrgId}'] tr.person-row");
        Assert.Equal([team.PeerId.ToString(), trained.Account.UserId.ToString()], rows.Select(r => r.GetAttribute("data-user-id")));
        Assert.Contains("12 of 42 hours of training recorded", teamPage.Text($"tr[data-user-id='{team.PeerId}'] .block[data-code='InitialTrainingIncomplete']"), StringComparison.Ordinal);
        Assert.Null(teamPage.Document.QuerySelector($"tr[data-user-id='{trained.Account.UserId}'] .block"));

        // Every completed course's hours count, even one that has since run out (none is required here).
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Training",
            [new("Training.Course", "Self-harm awareness"), new("Training.Completed", app.Today(-400)), new("Training.Expires", app.Today(-35)), new("Training.Hours", "30")])).Status);
        Assert.True((await app.CheckAsync(team.PeerId, team.OrgId)).Allowed);
        Assert.Equal("Initial training: 42 of 42 hours recorded", (await team.Peer.Browser.GetAsync("/peer")).Text(".training-hours"));
        var url = $"/provider/referrals/{referralId}";
        var given = await team.Supervisor.Browser.PostAsync($"{url}?handler=Assign", (await team.Supervisor.Browser.GetAsync(url)).AntiforgeryToken(), [new("AssignTo", team.PeerId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, given.Status);
        await using var db = app.OpenDb();
        Assert.Equal([12m, 30m], (await db.TrainingRecords.Where(t => t.UserId == team.PeerId).ToListAsync()).Select(t => t.Hours!.Value).Order());
        Assert.Contains(await db.AuditEvents.Where(a => a.Action == PeerSupportAudit.TrainingRecorded && a.SubjectId == team.PeerId.ToString()).ToListAsync(),
            a => a.Detail == "Safeguarding, 12 h" && a.ActorId == team.Supervisor.Account.UserId);
    }

    [Fact]
    public async Task A_supervisors_reasoned_override_lets_someone_short_of_training_hours_through_and_is_audited()
    {
        using var team = await app.TeamAsync("Nearly Trained Peers", trainedHours: 40.5m);
        var (referralId, refused) = await team.AssignNewReferralAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("40.5 of 42 hours of training recorded", refused.Text("#assignment-refused .block[data-code='InitialTrainingIncomplete']"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Override",
            [new("Override.Kind", "Referral"), new("Override.Reason", "Their last session is tomorrow and I will sit in with them")])).Status);
        var url = $"/provider/referrals/{referralId}";
        var given = await team.Supervisor.Browser.PostAsync($"{url}?handler=Assign", (await team.Supervisor.Browser.GetAsync(url)).AntiforgeryToken(), [new("AssignTo", team.PeerId.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, given.Status);

        await using var db = app.OpenDb();
        var audit = await db.AuditEvents.SingleAsync(a => a.Action == PeerSupportAudit.OverrideRecorded && a.SubjectId == team.PeerId.ToString());
        Assert.Equal(team.Supervisor.Account.UserId, audit.ActorId);
        Assert.Contains("InitialTrainingIncomplete", audit.Detail, StringComparison.Ordinal);
        Assert.Contains("I will sit in with them", audit.Detail, StringComparison.Ordinal);
        var o = await db.AssignmentOverrides.SingleAsync(x => x.UserId == team.PeerId);
        Assert.Equal(o.Id, (await db.PeerAssignments.SingleAsync(a => a.UserId == team.PeerId && a.SubjectId == referralId)).OverrideId);
    }

    [Fact]
    public async Task The_organisation_sets_the_hours_where_it_sets_its_other_limits_and_0_turns_the_requirement_off()
    {
        using var team = await app.TeamAsync("Own Rules Peers", trainedHours: 10);
        var page = await team.Supervisor.Browser.GetAsync("/provider/people");
        Assert.Equal("42", page.Document.QuerySelector($"section[data-organisation-id='{team.OrgId}'] input[name='Settings.InitialHours']")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, (await SaveSettingsAsync(team, "10")).Status);
        Assert.True((await app.CheckAsync(team.PeerId, team.OrgId)).Allowed);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveSettingsAsync(team, "60")).Status);
        Assert.Contains("10 of 60 hours of training recorded", Assert.Single((await app.CheckAsync(team.PeerId, team.OrgId)).Blocks).Why, StringComparison.Ordinal);
        Assert.Equal("60", (await team.Supervisor.Browser.GetAsync("/provider/people")).Document
            .QuerySelector($"section[data-organisation-id='{team.OrgId}'] input[name='Settings.InitialHours']")!.GetAttribute("value"));

        Assert.Equal(HttpStatusCode.Redirect, (await SaveSettingsAsync(team, "0")).Status);
        Assert.True((await app.CheckAsync(team.PeerId, team.OrgId)).Allowed);
        Assert.Equal("10 hours of training recorded", (await team.Peer.Browser.GetAsync("/peer")).Text(".training-hours"));
        await using var db = app.OpenDb();
        Assert.Equal(0, (await db.PeerSupportSettings.SingleAsync(s => s.OrganisationId == team.OrgId)).InitialTrainingHours);
        Assert.Contains(await db.AuditEvents.Where(a => a.Action == PeerSupportAudit.SettingsChanged && a.SubjectId == team.OrgId.ToString()).ToListAsync(),
            a => a.Detail!.Contains("initial training 0 h", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-1")]
    [InlineData("501")]
    [InlineData("4.5")]
    public async Task Bad_initial_training_hours_are_refused_with_a_linked_error_and_nothing_is_saved(string hours)
    {
        using var team = await app.TeamAsync("Wrong Hours Peers");
        var page = await SaveSettingsAsync(team, hours);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["#Settings_InitialHours"], page.ErrorSummaryLinks());
        Assert.Equal(["Enter the hours of initial training needed before practice, a whole number from 0 to 500 (0 for none)"], page.ErrorSummary());
        Assert.Equal(hours, page.Document.QuerySelector($"section[data-organisation-id='{team.OrgId}'] input#Settings_InitialHours")!.GetAttribute("value") ?? "");
        await using var db = app.OpenDb();
        Assert.False(await db.PeerSupportSettings.AnyAsync(s => s.OrganisationId == team.OrgId));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("500.5")]
    [InlineData("a day")]
    [InlineData("1.125")]
    public async Task Bad_hours_on_a_training_record_are_refused_with_a_linked_error_and_nothing_is_saved(string hours)
    {
        using var team = await app.TeamAsync("Wrong Course Hours Peers", trainedHours: null);
        var page = await team.SupervisorPostsAsync("Training",
            [new("Training.Course", "Safeguarding"), new("Training.Completed", app.Today(-1)), new("Training.Expires", ""), new("Training.Hours", hours)]);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["#Training_Hours"], page.ErrorSummaryLinks());
        Assert.Equal(["Enter the hours as a number greater than 0 and no more than 500, or leave it empty"], page.ErrorSummary());
        await using var db = app.OpenDb();
        Assert.False(await db.TrainingRecords.AnyAsync(t => t.UserId == team.PeerId));
    }

    [Fact]
    public async Task A_course_recorded_without_hours_or_with_fractional_hours_is_kept_as_given()
    {
        using var team = await app.TeamAsync("Exact Hours Peers", trainedHours: null);
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Training",
            [new("Training.Course", "Safeguarding"), new("Training.Completed", app.Today(-1)), new("Training.Expires", ""), new("Training.Hours", "")])).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await team.SupervisorPostsAsync("Training",
            [new("Training.Course", "Listening skills"), new("Training.Completed", app.Today(-1)), new("Training.Expires", ""), new("Training.Hours", "3.75")])).Status);
        Assert.StartsWith("3.75 of 42 hours of training recorded", Assert.Single((await app.CheckAsync(team.PeerId, team.OrgId)).Blocks).Why, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var kept = await db.TrainingRecords.Where(t => t.UserId == team.PeerId).ToListAsync();
        Assert.Null(kept.Single(t => t.Course == "Safeguarding").Hours);
        Assert.Equal(3.75m, kept.Single(t => t.Course == "Listening skills").Hours);
    }

    private static async Task<Infrastructure.Page> SaveSettingsAsync(Team team, string initialHours)
    {
        var page = await team.Supervisor.Browser.GetAsync("/provider/people");
        return await team.Supervisor.Browser.PostAsync($"/provider/people?handler=Settings&organisationId={team.OrgId}", page.AntiforgeryToken(),
        [
            new("Settings.DayHours", "4"), new("Settings.WeekHours", "16"), new("Settings.Caseload", "6"), new("Settings.SupervisionWeeks", "4"),
            new("Settings.InitialHours", initialHours),
        ]);
    }
}
