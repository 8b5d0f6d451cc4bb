using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Wall;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Wall;

/// <summary>The write form tells an author everything to change at once; deleting a note leaves other people's replies.</summary>
public sealed class WriteAndDeleteTests(WallApp app) : IClassFixture<WallApp>
{
    [Fact]
    public async Task The_write_form_lists_every_problem_at_once_keeps_what_was_typed_and_saves_nothing()
    {
        using var person = await app.SignUpAsync();
        var form = await person.Browser.GetAsync("/wall/write");
        var longText = new string('a', 1001);

        var all = await person.Browser.PostAsync("/wall/write", form.AntiforgeryToken(), [new("DisplayName", ""), new("Text", longText), new("AskForPerson", "true")]);

        Assert.Equal(HttpStatusCode.BadRequest, all.Status);
        Assert.Equal(
            ["Choose a display name that others will see", "Choose a topic for your note", "Your note must be 1,000 characters or fewer. It is 1,001"],
            all.ErrorSummary());
        Assert.Equal(["#DisplayName", "#Topic", "#Text"], all.Document.QuerySelectorAll(".error-summary__list a").Select(a => a.GetAttribute("href")));
        Assert.Equal(longText, all.Document.QuerySelector("textarea#Text")!.TextContent.Trim());
        Assert.NotNull(all.Document.QuerySelector("#AskForPerson[checked]"));

        var asEmail = await person.Browser.PostAsync("/wall/write", form.AntiforgeryToken(), [new("DisplayName", person.Email), new("Topic", "what-helped"), new("Text", " ")]);
        Assert.Equal(HttpStatusCode.BadRequest, asEmail.Status);
        Assert.Equal(["Choose a display name that is not your email address", "Write your note"], asEmail.ErrorSummary());
        Assert.NotNull(asEmail.Document.QuerySelector("#Topic-what-helped[checked]"));
        Assert.Equal(person.Email, asEmail.Document.QuerySelector("#DisplayName")!.GetAttribute("value"));

        // A good name with a bad note: the name is not kept on its own, and is still in the form to send again.
        var goodName = await person.Browser.PostAsync("/wall/write", form.AntiforgeryToken(), [new("DisplayName", "Quiet Lantern"), new("Text", "Tea helped.")]);
        Assert.Equal(HttpStatusCode.BadRequest, goodName.Status);
        Assert.Equal(["Choose a topic for your note"], goodName.ErrorSummary());
        Assert.Equal("Quiet Lantern", goodName.Document.QuerySelector("#DisplayName")!.GetAttribute("value"));
        Assert.Equal("Tea helped.", goodName.Document.QuerySelector("textarea#Text")!.TextContent.Trim());
        Assert.Null(goodName.Document.QuerySelector("#AskForPerson[checked]"));

        await using var db = app.OpenDb();
        Assert.False(await db.WallItems.AnyAsync(i => i.AuthorId == person.UserId));
    }

    [Fact]
    public async Task When_an_author_deletes_a_note_other_people_s_replies_stay_under_a_note_saying_its_author_deleted_it()
    {
        using var author = await app.SignUpAsync();
        using var replier = await app.SignUpAsync();
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        var note = await author.WriteAsync("Some words I may want to take back later.");
        await moderator.DecideAsync(note, "Approve");
        var reply = await replier.WriteAsync("Thank you for writing this. It helped me today.", thread: note);
        await moderator.DecideAsync(reply, "Approve");
        var ownReply = await author.WriteAsync("Thanks for replying to me.", thread: note);
        await moderator.DecideAsync(ownReply, "Approve");
        var alone = await author.WriteAsync("A note nobody has replied to.");
        await moderator.DecideAsync(alone, "Approve");

        foreach (var id in new[] { note, alone })
        {
            var mine = await author.Browser.GetAsync("/my/wall");
            var deleted = await author.Browser.PostAsync("/my/wall?handler=delete", mine.AntiforgeryToken("/my/wall?handler=delete"), [new("itemId", id.ToString())]);
            Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        }

        using var client = app.CreateClient();
        var thread = await HtmlPage.GetAsync(client, $"/wall/{note}");
        Assert.Equal(HttpStatusCode.OK, thread.Response.StatusCode);
        Assert.Contains("This note was deleted by its author", thread.Text($"#post-{note}"), StringComparison.Ordinal);
        Assert.Contains("Thank you for writing this. It helped me today.", thread.Text($"#post-{reply}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Some words I may want to take back", thread.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Thanks for replying to me.", thread.Markup, StringComparison.Ordinal);
        var wall = await HtmlPage.GetAsync(client, "/wall");
        Assert.Contains("This note was deleted by its author", wall.Text($"#post-{note}"), StringComparison.Ordinal);
        Assert.Null(wall.Document.QuerySelector($"#post-{alone}"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/wall/{alone}", UriKind.Relative))).StatusCode);

        Assert.Equal("On the wall", (await replier.Browser.GetAsync("/my/wall")).Text($"#item-{reply} .status"));
        var authorsPage = await author.Browser.GetAsync("/my/wall");
        Assert.Null(authorsPage.Document.QuerySelector($"#item-{note}"));
        Assert.Null(authorsPage.Document.QuerySelector($"#item-{ownReply}"));

        var replyToDeleted = await replier.Browser.PostAsync("/wall/write", (await replier.Browser.GetAsync("/wall/write")).AntiforgeryToken(),
            [new("ThreadId", note.ToString()), new("Text", "Another reply.")]);
        Assert.Equal(HttpStatusCode.BadRequest, replyToDeleted.Status);

        await using var db = app.OpenDb();
        var kept = await db.WallItems.SingleAsync(i => i.Id == note);
        Assert.Equal(WallItemStatus.Deleted, kept.Status);
        Assert.Equal("", kept.ProtectedText);
        Assert.False(await db.WallItems.AnyAsync(i => i.Id == ownReply || i.Id == alone));
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => (e.SubjectId == note.ToString() || e.SubjectId == alone.ToString()) && e.Action == WallAuditActions.DeletedByAuthor));
    }

    [Fact]
    public async Task Deleting_an_account_erases_everything_it_wrote_and_its_name_but_keeps_other_people_s_replies_under_a_marker()
    {
        using var author = await app.SignUpAsync();
        using var replier = await app.SignUpAsync();
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        var words = "Kestrelmoor" + Guid.NewGuid().ToString("N")[..8];
        var name = "Heron" + Guid.NewGuid().ToString("N")[..8];
        var note = await author.WriteAsync($"{words} is where I go to breathe.", displayName: name);
        Guid nameItem;
        await using (var db = app.OpenDb())
        {
            nameItem = await db.WallItems.Where(i => i.AuthorId == author.UserId && i.Kind == WallItemKind.DisplayName).Select(i => i.Id).SingleAsync();
        }
        await moderator.DecideAsync(nameItem, "Approve");
        await moderator.DecideAsync(note, "Approve");
        var reply = await replier.WriteAsync("Thank you for this. It helped me today.", thread: note);
        await moderator.DecideAsync(reply, "Approve");
        var ownReply = await author.WriteAsync($"{words} thanks you back.", thread: note);
        await moderator.DecideAsync(ownReply, "Approve");
        var othersNote = await replier.WriteAsync("A note of my own about a good walk.");
        await moderator.DecideAsync(othersNote, "Approve");
        var replyElsewhere = await author.WriteAsync($"{words} liked your walk.", thread: othersNote);
        await moderator.DecideAsync(replyElsewhere, "Approve");
        var alone = await author.WriteAsync($"{words} wrote this and nobody replied.");
        await moderator.DecideAsync(alone, "Approve");
        Assert.Equal(HttpStatusCode.Redirect, (await replier.Browser.SubmitAsync($"/wall/{note}", [], $"/wall/{note}?handler=react")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await replier.Browser.SubmitAsync($"/wall/{note}/report", [new("Reason", "worried about them")])).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await author.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")])).Status);

        using var client = app.CreateClient();
        var thread = await HtmlPage.GetAsync(client, $"/wall/{note}");
        Assert.Equal(HttpStatusCode.OK, thread.Response.StatusCode);
        Assert.Contains("This note was deleted by its author", thread.Text($"#post-{note}"), StringComparison.Ordinal);
        Assert.Contains("Thank you for this. It helped me today.", thread.Text($"#post-{reply}"), StringComparison.Ordinal);
        Assert.Null(thread.Document.QuerySelector($"#post-{ownReply}"));
        var elsewhere = await HtmlPage.GetAsync(client, $"/wall/{othersNote}");
        Assert.Equal(HttpStatusCode.OK, elsewhere.Response.StatusCode);
        Assert.Null(elsewhere.Document.QuerySelector($"#post-{replyElsewhere}"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/wall/{alone}", UriKind.Relative))).StatusCode);
        foreach (var page in new[] { thread, elsewhere, await HtmlPage.GetAsync(client, "/wall") })
        {
            Assert.DoesNotContain(words, page.Markup, StringComparison.Ordinal);
            Assert.DoesNotContain(name, page.Markup, StringComparison.Ordinal);
        }
        Assert.Equal("On the wall", (await replier.Browser.GetAsync("/my/wall")).Text($"#item-{reply} .status"));

        await using (var db = app.OpenDb())
        {
            Assert.Empty(await DatabaseScan.FindAsync(db, [words, name]));
            var marker = await db.WallItems.SingleAsync(i => i.Id == note);
            Assert.Equal(WallItemStatus.Deleted, marker.Status);
            Assert.Equal("", marker.ProtectedText);
            Assert.Equal("", marker.ProtectedMatches);
            Assert.False(await db.WallItems.AnyAsync(i => i.AuthorId == author.UserId));
            Assert.False(await db.WallItems.AnyAsync(i => i.Id == ownReply || i.Id == replyElsewhere || i.Id == alone || i.Id == nameItem));
            Assert.False(await db.WallReactions.AnyAsync(r => r.ItemId == note));
            Assert.False(await db.WallFlags.AnyAsync(f => f.ItemId == note));
            Assert.True(await db.WallItems.AnyAsync(i => i.Id == reply && i.Status == WallItemStatus.Approved));
        }
    }
}
