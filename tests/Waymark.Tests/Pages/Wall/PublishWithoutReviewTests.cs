using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Wall;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Wall;

/// <summary>
/// With <c>Wall:PublishWithoutReview</c> on, only notes the screener would publish, from members with three notes
/// already approved, inside moderated hours, go up without a moderator.
/// </summary>
public sealed class PublishWithoutReviewTests(PublishingWallApp app) : IClassFixture<PublishingWallApp>
{
    [Fact]
    public async Task A_new_member_s_first_three_notes_are_held_then_safe_notes_go_up_and_risky_ones_are_still_held()
    {
        using var person = await app.SignUpAsync();
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        for (var i = 0; i < 3; i++)
        {
            var note = await person.WriteAsync($"Feeling a bit brighter today, number {i + 1}.");
            await using (var db = app.OpenDb())
            {
                Assert.Equal(WallItemStatus.Pending, (await db.WallItems.SingleAsync(x => x.Id == note)).Status);
            }
            Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(note, "Approve")).Status);
        }

        var safe = await person.WriteAsync("Went for a swim this morning and it really helped.");
        var risky = await person.WriteAsync("i'm going to kill myself tonight. sorry");
        // A safe note whose author asks for a person is never put up by the settings: it waits for that person.
        var asking = await person.WriteAsync("Went for a walk, it helped a bit.", askForPerson: true);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/wall/{safe}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/wall/{risky}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/wall/{asking}", UriKind.Relative))).StatusCode);
    }
}

/// <summary>Outside moderated hours the wall says so, everything waits (even with PublishWithoutReview on), and urgent authors are told who to contact now.</summary>
public sealed class OutOfHoursTests(OutOfHoursWallApp app) : IClassFixture<OutOfHoursWallApp>
{
    [Fact]
    public async Task Outside_moderated_hours_notes_wait_the_wall_says_so_and_urgent_authors_get_out_of_hours_words()
    {
        using var client = app.CreateClient();
        var wall = await HtmlPage.GetAsync(client, "/wall");
        Assert.Contains("Moderators are not on right now", wall.Text("#out-of-hours"), StringComparison.Ordinal);

        using var person = await app.SignUpAsync();
        await using (var db = app.OpenDb())
        {
            // Three approved notes already: only the hours hold the next one.
            var wallText = app.Services.GetRequiredService<WallText>();
            for (var i = 0; i < 3; i++)
            {
                db.WallItems.Add(new WallItem { Id = Guid.NewGuid(), Kind = WallItemKind.Post, AuthorId = person.UserId, Topic = "hard-time", ProtectedText = wallText.Protect($"earlier {i}"), Status = WallItemStatus.Approved, ProtectedMatches = wallText.Protect("[]"), CreatedAt = DateTimeOffset.UtcNow.AddDays(-1), DecidedByName = "mod@example.org", Version = 2 });
            }
            await db.SaveChangesAsync();
        }
        var safe = await person.WriteAsync("Went for a swim this morning and it really helped.");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/wall/{safe}", UriKind.Relative))).StatusCode);

        // The "I want a person to reply" box says no one is on yet, so nobody ticks it expecting a reply in minutes.
        var form = await person.Browser.GetAsync("/wall/write");
        Assert.Contains("A moderator will reply to you privately when moderators are next on, at", form.Text("#AskForPerson-hint"), StringComparison.Ordinal);

        var urgent = await person.WriteAsync("i'm going to kill myself tonight. sorry");
        var sent = await person.Browser.GetAsync($"/wall/sent/{urgent}");
        var words = sent.Text("#what-happens-next");
        Assert.Contains("Our moderators are not on right now: they are next on at", words, StringComparison.Ordinal);
        foreach (var contact in Waymark.Core.Safety.CrisisContacts.CardContacts.Skip(1))
        {
            Assert.Contains(contact.Action.TrimEnd('.'), words, StringComparison.Ordinal);
        }
        Assert.Contains("call 999", words, StringComparison.Ordinal);
        Assert.NotNull(sent.Document.QuerySelector("#crisis-card"));
    }
}

/// <summary>The queue prompts a break after the configured number of items, and records who handled what.</summary>
public sealed class ModeratorBreakTests(ShortStretchWallApp app) : IClassFixture<ShortStretchWallApp>
{
    [Fact]
    public async Task After_the_set_number_of_items_the_queue_prompts_a_break_and_taking_one_starts_the_count_again()
    {
        using var person = await app.SignUpAsync();
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        for (var i = 0; i < 3; i++)
        {
            var note = await person.WriteAsync($"A quiet day, {i}.");
            Assert.Null((await moderator.Browser.GetAsync("/moderate")).Document.QuerySelector("#break-prompt"));
            await moderator.DecideAsync(note, "Approve");
        }
        var queue = await moderator.Browser.GetAsync("/moderate");
        Assert.Contains("You have handled 3 items", queue.Text("#break-prompt"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.Browser.SubmitAsync("/moderate", [], "/moderate?handler=break")).Status);
        Assert.Null((await moderator.Browser.GetAsync("/moderate")).Document.QuerySelector("#break-prompt"));
        await using var db = app.OpenDb();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.ActorId == moderator.Account.UserId && e.Action == WallAuditActions.BreakTaken));
    }
}

/// <summary>Bad wall settings stop the app on start with a sentence naming the setting.</summary>
public sealed class WallSettingsTests
{
    [Fact]
    public void An_urgent_target_of_zero_minutes_stops_the_app_on_start()
    {
        using var app = new WallApp().WithWebHostBuilder(b => b.UseSetting("Wall:UrgentTargetMinutes", "0"));
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Wall:UrgentTargetMinutes must be between 1 and 1440", error.ToString(), StringComparison.Ordinal);
    }
}
