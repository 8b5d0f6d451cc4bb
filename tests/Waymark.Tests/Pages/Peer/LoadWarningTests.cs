using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.PeerSupport;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Peer;

/// <summary>
/// The 80% warning comes from any counted work, facilitating included: the caseload a facilitated session adds,
/// and the hours it fills as it happens. The peer supporter and their supervisor see it on their pages and are
/// told through the outbox once per crossing, however often the pages are read or the job runs.
/// </summary>
public sealed class LoadWarningTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    [Fact]
    public async Task Facilitating_a_session_takes_the_caseload_to_80_percent_and_both_are_told_once()
    {
        using var team = await app.TeamAsync("Caseload Facilitators");
        var people = await team.Supervisor.Browser.GetAsync("/provider/people");
        Assert.Equal(HttpStatusCode.Redirect, (await team.Supervisor.Browser.PostAsync($"/provider/people?handler=Settings&organisationId={team.OrgId}", people.AntiforgeryToken(),
            [new("Settings.DayHours", "4"), new("Settings.WeekHours", "16"), new("Settings.Caseload", "5"), new("Settings.SupervisionWeeks", "4"), new("Settings.InitialHours", "42")])).Status);
        await using (var db = app.OpenDb())
        {
            // Three referrals already held: 3 of 5 is below 80%.
            for (var i = 0; i < 3; i++)
            {
                db.PeerAssignments.Add(new PeerAssignment { Id = Guid.NewGuid(), OrganisationId = team.OrgId, UserId = team.PeerId, Kind = AssignmentKind.Referral, SubjectId = Guid.NewGuid(), AssignedAt = app.Clock.Now });
            }
            await db.SaveChangesAsync();
        }
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddDays(2));

        Assert.Equal(HttpStatusCode.Redirect, (await FacilitatorGateSteps.AssignAsync(team, session, team.PeerId)).Status);

        var mine = await team.Peer.Browser.GetAsync("/peer");
        Assert.Contains("4 of 5 people and groups held", mine.Text(".load-measure[data-measure='caseload']"), StringComparison.Ordinal);
        Assert.NotNull(mine.Document.QuerySelector(".load-measure[data-measure='caseload'] .near-limit"));
        Assert.Contains("A group session", mine.Text(".assignments"), StringComparison.Ordinal);
        var theirs = await team.Supervisor.Browser.GetAsync("/provider/people");
        Assert.Contains("4 of 5 people and groups held (close to the limit)", theirs.Text($"tr[data-user-id='{team.PeerId}'] .load-measure[data-measure='caseload']"), StringComparison.Ordinal);
        await AssertWarnedAsync(team, 1);

        // Reading the pages and running the job again tell nobody twice.
        await team.Peer.Browser.GetAsync("/peer");
        await RunJobAsync();
        await AssertWarnedAsync(team, 1);
    }

    [Fact]
    public async Task Hours_filled_only_by_facilitating_warn_once_per_crossing_through_the_job()
    {
        using var team = await app.TeamAsync("Hours Facilitators");
        // 3 hours 20 minutes: 83% of the 4-hour cap once it has happened, and nothing else.
        var session = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddMinutes(10), minutes: 200);
        Assert.Equal(HttpStatusCode.Redirect, (await FacilitatorGateSteps.AssignAsync(team, session, team.PeerId)).Status);
        await AssertWarnedAsync(team, 0);

        app.Clock.Advance(TimeSpan.FromHours(4));
        using var peer = await app.SignInAgainAsync(team.Peer);
        var mine = await peer.Browser.GetAsync("/peer");
        Assert.Contains("3.3 of 4 hours in the last 24 hours", mine.Text(".load-measure[data-measure='day']"), StringComparison.Ordinal);
        Assert.NotNull(mine.Document.QuerySelector(".load-measure[data-measure='day'] .near-limit"));
        // A page read is not a crossing told: the job tells it.
        await AssertWarnedAsync(team, 0);

        Assert.Equal(1, (await RunJobAsync()).Warnings);
        await AssertWarnedAsync(team, 1);
        Assert.Equal(0, (await RunJobAsync()).Warnings);
        await AssertWarnedAsync(team, 1);

        // A day later the hours have fallen away; the next time they rise past 80% is a new crossing, told again.
        app.Clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(0, (await RunJobAsync()).Warnings);
        using var supervisor = await app.SignInAgainAsync(team.Supervisor);
        var again = team with { Supervisor = supervisor };
        var next = await app.AddSessionAsync(team.ServiceId, app.Clock.Now.AddMinutes(10), minutes: 200);
        Assert.Equal(HttpStatusCode.Redirect, (await FacilitatorGateSteps.AssignAsync(again, next, team.PeerId)).Status);
        app.Clock.Advance(TimeSpan.FromHours(4));
        Assert.Equal(1, (await RunJobAsync()).Warnings);
        await AssertWarnedAsync(team, 2);
    }

    private async Task<PeerCareJob.Outcome> RunJobAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerCareJob>().RunOnceAsync();
    }

    private async Task AssertWarnedAsync(Team team, int times)
    {
        await using var db = app.OpenDb();
        var messages = await db.OutboxMessages.Where(m => m.SubjectId == team.PeerId && m.Subject == PeerSupportRecords.WarningSubject).ToListAsync();
        Assert.Equal(times, messages.Count(m => m.Recipient == team.Peer.Account.Email));
        Assert.Equal(times, messages.Count(m => m.Recipient == team.Supervisor.Account.Email));
    }
}

/// <summary>Facilitators assigned through the session's page, as a provider does.</summary>
public static class FacilitatorGateSteps
{
    public static async Task<Infrastructure.Page> AssignAsync(Team team, Waymark.Core.Groups.GroupSession session, Guid userId)
    {
        var url = $"/provider/services/{team.ServiceId}/groups/{session.Id}";
        var form = await team.Supervisor.Browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        return await team.Supervisor.Browser.PostAsync(url + "?handler=Assign", form.AntiforgeryToken(), [new("Facilitator", userId.ToString())]);
    }
}
