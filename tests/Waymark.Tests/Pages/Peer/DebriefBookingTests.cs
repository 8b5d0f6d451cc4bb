using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.PeerSupport;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Peer;

/// <summary>"Booked / had it": a peer supporter says when a debrief is booked for and that they had it, in plain forms that need no script.</summary>
public sealed class DebriefBookingTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    [Fact]
    public async Task A_peer_supporter_books_a_debrief_for_a_day_then_says_they_had_it()
    {
        using var team = await app.TeamAsync("Booking Peers");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Debrief", [])).Status);
        var id = await DebriefIdAsync(team);

        var booked = await team.PeerPostsAsync($"BookDebrief&debriefId={id}", [new("BookedFor", app.Today(1))]);
        Assert.Equal(HttpStatusCode.Redirect, booked.Status);

        var mine = await team.Peer.Browser.GetAsync("/peer");
        Assert.Contains("booked for", mine.Text($".debrief-action[data-debrief-id='{id}'] .booked"), StringComparison.Ordinal);
        Assert.Contains("booked for", mine.Text($".debriefs-owed .debrief[data-debrief-id='{id}']"), StringComparison.Ordinal);
        var theirs = await team.Supervisor.Browser.GetAsync("/provider/people");
        Assert.Equal(HttpStatusCode.OK, theirs.Status);
        await using (var db = app.OpenDb())
        {
            var debrief = await db.Debriefs.SingleAsync(d => d.Id == id);
            Assert.Equal(Waymark.Core.Schedules.UkTime.DateOf(app.Clock.Now).AddDays(1), debrief.BookedFor);
            Assert.Null(debrief.HeldAt);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Action == PeerSupportAudit.DebriefBooked && a.SubjectId == team.PeerId.ToString()));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync($"DebriefHad&debriefId={id}", [])).Status);
        var after = await team.Peer.Browser.GetAsync("/peer");
        Assert.Null(after.Document.QuerySelector($".debrief-action[data-debrief-id='{id}']"));
        Assert.Contains("None", after.Text(".debriefs-owed"), StringComparison.Ordinal);
        await using var check = app.OpenDb();
        Assert.NotNull((await check.Debriefs.SingleAsync(d => d.Id == id)).HeldAt);
    }

    [Theory]
    [InlineData("", "Enter the day it is booked for, as year-month-day")]
    [InlineData("next tuesday", "Enter the day it is booked for, as year-month-day")]
    [InlineData("yesterday", "Choose today or a day after it")]
    public async Task A_wrong_day_is_refused_with_a_linked_error_and_nothing_changes(string day, string error)
    {
        using var team = await app.TeamAsync("Misbooking Peers");
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Debrief", [])).Status);
        var id = await DebriefIdAsync(team);

        var page = await team.PeerPostsAsync($"BookDebrief&debriefId={id}", [new("BookedFor", day == "yesterday" ? app.Today(-1) : day)]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["#BookedFor"], page.ErrorSummaryLinks());
        Assert.Equal(error, Assert.Single(page.ErrorSummary()));
        Assert.NotNull(page.Document.QuerySelector("input#BookedFor"));
        await using var db = app.OpenDb();
        Assert.Null((await db.Debriefs.SingleAsync(d => d.Id == id)).BookedFor);
    }

    private async Task<Guid> DebriefIdAsync(Team team)
    {
        await using var db = app.OpenDb();
        return (await db.Debriefs.SingleAsync(d => d.UserId == team.PeerId)).Id;
    }
}
