using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.PeerSupport;
using Waymark.Tests.Infrastructure;
using Waymark.Tests.Pages.Wall;

namespace Waymark.Tests.Pages.Peer;

/// <summary>
/// After a hard moment (replying to someone whose wall post was marked urgent) a peer supporter is offered a
/// debrief: kindly, on their own page, and their supervisor is told, with nothing about the person they answered.
/// </summary>
public sealed class HardMomentTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    private const string UrgentText = "i'm going to kill myself tonight. sorry";

    [Fact]
    public async Task A_peer_supporter_who_replies_to_an_urgent_post_is_offered_a_debrief_and_their_supervisor_is_told()
    {
        using var team = await app.TeamAsync("Moderating Peers");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
            Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(team.PeerId.ToString()))!, Roles.Moderator)).Succeeded);
        }
        // A fresh sign-in needs the next authenticator code: the one just used is refused a second time.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var moderator = await app.SignInAgainAsync(team.Peer);
        using var person = await app.SignUpAsync();
        var urgent = await person.WriteAsync(UrgentText);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(urgent, "Reply", ("Reply", "We read this and we care."))).Status);

        var mine = await moderator.Browser.GetAsync("/peer");
        var offered = Assert.Single(mine.Document.QuerySelectorAll(".debriefs-owed .debrief"));
        Assert.Contains(HardMoments.UrgentWallReply, offered.TextContent, StringComparison.Ordinal);
        Assert.Contains("It is there for you, not to check up on you", mine.Text(".debriefs-owed"), StringComparison.Ordinal);
        Assert.DoesNotContain("kill", mine.Html, StringComparison.OrdinalIgnoreCase);
        var theirs = await team.Supervisor.Browser.GetAsync(team.PersonPage);
        Assert.Contains(HardMoments.UrgentWallReply, theirs.Text(".open-debriefs"), StringComparison.Ordinal);

        await using var db = app.OpenDb();
        var debrief = await db.Debriefs.SingleAsync(d => d.UserId == team.PeerId);
        Assert.False(debrief.AskedBySelf);
        // The databases keep times to the millisecond or microsecond, not the clock's ticks.
        Assert.Equal(app.Clock.Now.AddHours(24), debrief.DueBy, TimeSpan.FromMilliseconds(1));
        var messages = await db.OutboxMessages.Where(m => m.SubjectId == team.PeerId && m.Subject == PeerSupportRecords.DebriefSubject).ToListAsync();
        Assert.Single(messages, m => m.Recipient == team.Supervisor.Account.Email);
        Assert.Single(messages, m => m.Recipient == team.Peer.Account.Email);
        Assert.All(messages, m =>
        {
            Assert.DoesNotContain("kill", m.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(person.Email, m.Body, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_moderator_who_is_not_a_peer_supporter_gets_no_debrief_record()
    {
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        using var person = await app.SignUpAsync();
        var urgent = await person.WriteAsync(UrgentText);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(urgent, "Reply", ("Reply", "We read this and we care."))).Status);

        await using var db = app.OpenDb();
        Assert.False(await db.Debriefs.AnyAsync(d => d.UserId == moderator.Account.UserId));
    }
}
