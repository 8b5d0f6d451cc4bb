using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.PeerSupport;
using Waymark.Core.Wall;
using Waymark.Tests.Infrastructure;
using Waymark.Tests.Pages.Wall;

namespace Waymark.Tests.Pages.Peer;

/// <summary>
/// Time a peer supporter spends moderating the wall counts in their hours, and the one gate covers moderation:
/// at the cap /moderate hands them nothing and says why, until a supervisor's override for moderation. A
/// moderator who is not a peer supporter is not limited by it.
/// </summary>
public sealed class ModerationGateTests(PeerSupportApp app) : IClassFixture<PeerSupportApp>
{
    [Fact]
    public async Task Moderating_counts_in_a_peer_supporters_hours_and_at_the_cap_moderate_hands_them_nothing_until_an_override()
    {
        using var team = await app.TeamAsync("Moderating Supporters");
        await MakeModeratorAsync(team.PeerId);
        // 3 hours 50 minutes of other work that has just ended.
        Assert.Equal(HttpStatusCode.Redirect, (await team.PeerPostsAsync("Work", app.WorkFields(TimeSpan.FromMinutes(230), 230, "Other"))).Status);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        using var moderator = await app.SignInAgainAsync(team.Peer);
        using var person = await app.SignUpAsync();
        var first = await person.WriteAsync("Today was a bit better than yesterday. Small steps.");
        var second = await person.WriteAsync("Went for a walk by the canal and it helped a little.");
        var third = await person.WriteAsync("Thank you to whoever wrote about the canal walk.");

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(first, "Approve")).Status);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(second, "Approve")).Status);

        // Five minutes reading the first item (overlapping the end of the other work) and ten more to the second: the cap.
        var check = await app.CheckAsync(team.PeerId, team.OrgId, AssignmentKind.Moderation);
        Assert.False(check.Allowed);
        Assert.Contains("4 of 4 hours in the last 24 hours", Assert.Single(check.Blocks, b => b.Code == BlockCode.DayHoursCap).Why, StringComparison.Ordinal);

        var queue = await moderator.Browser.GetAsync("/moderate");
        Assert.Equal(HttpStatusCode.OK, queue.Status);
        var refused = queue.Text("#moderation-refused");
        Assert.Contains("They have worked 4 of 4 hours in the last 24 hours, the organisation's limit.", refused, StringComparison.Ordinal);
        Assert.Contains("or a supervisor records an override", refused, StringComparison.Ordinal);
        Assert.Null(queue.Document.QuerySelector($"#queue-{third}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.Browser.GetAsync($"/moderate/{third}")).Status);
        await using (var db = app.OpenDb())
        {
            // Refused, so shown nothing: no read of the item is logged for them.
            Assert.False(await db.AuditEvents.AnyAsync(e => e.SubjectId == third.ToString() && e.Action == WallAuditActions.Read));
        }

        // A moderator who is not a peer supporter sees the item as before.
        using var staffModerator = await app.SignInAsStaffAsync(Roles.Moderator);
        Assert.NotNull((await staffModerator.Browser.GetAsync("/moderate")).Document.QuerySelector($"#queue-{third}"));

        // An override for referrals does not reach moderation; one for moderation does, and is audited.
        using var supervisor = await app.SignInAgainAsync(team.Supervisor);
        var again = team with { Supervisor = supervisor };
        Assert.Equal(HttpStatusCode.Redirect, (await again.SupervisorPostsAsync("Override", [new("Override.Kind", "Referral"), new("Override.Reason", "Referral only")])).Status);
        Assert.Null((await moderator.Browser.GetAsync("/moderate")).Document.QuerySelector($"#queue-{third}"));
        Assert.Equal(HttpStatusCode.Redirect, (await again.SupervisorPostsAsync("Override", [new("Override.Kind", "Moderation"), new("Override.Reason", "I am with them on this shift")])).Status);
        var open = await moderator.Browser.GetAsync("/moderate");
        Assert.Null(open.Document.QuerySelector("#moderation-refused"));
        Assert.NotNull(open.Document.QuerySelector($"#queue-{third}"));
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(third, "Approve")).Status);
    }

    private async Task MakeModeratorAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
        Assert.True((await users.AddToRoleAsync((await users.FindByIdAsync(userId.ToString()))!, Roles.Moderator)).Succeeded);
    }
}
