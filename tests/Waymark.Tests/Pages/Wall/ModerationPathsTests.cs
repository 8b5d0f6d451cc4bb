using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Screening;
using Waymark.Core.Wall;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Pages.Moderate;

namespace Waymark.Tests.Pages.Wall;

/// <summary>The moderators' other paths through the pages: escalating, taking out identifying details, a break after an hour, and names that identify someone.</summary>
public sealed class ModerationPathsTests(WallApp app) : IClassFixture<WallApp>
{
    private async Task<HttpStatusCode> ReadAnonymouslyAsync(string path)
    {
        using var client = app.CreateClient();
        return (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode;
    }

    [Fact]
    public async Task An_escalated_note_stays_off_the_wall_in_its_own_view_until_another_moderator_decides()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("Not sure if this is OK to post. Some days I just want to disappear for a bit.");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        using var senior = await app.SignInAsStaffAsync(Roles.Moderator);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(note, "Escalate")).Status);

        Assert.Equal(HttpStatusCode.NotFound, await ReadAnonymouslyAsync($"/wall/{note}"));
        Assert.NotNull((await senior.Browser.GetAsync("/moderate?view=escalated")).Document.QuerySelector($"#queue-{note}"));
        Assert.NotNull((await senior.Browser.GetAsync("/moderate")).Document.QuerySelector($"#queue-{note}"));
        Assert.Equal("Being looked at by a senior moderator", (await person.Browser.GetAsync("/my/wall")).Text($"#item-{note} .status"));
        var item = await senior.Browser.GetAsync($"/moderate/{note}");
        Assert.Null(item.Document.QuerySelector("input[name=Action][value=Escalate]"));
        Assert.Contains("escalated", item.Text("#history"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await senior.DecideAsync(note, "Escalate")).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await senior.DecideAsync(note, "Approve")).Status);
        Assert.Equal(HttpStatusCode.OK, await ReadAnonymouslyAsync($"/wall/{note}"));
        Assert.Null((await senior.Browser.GetAsync("/moderate?view=escalated")).Document.QuerySelector($"#queue-{note}"));
        await using var db = app.OpenDb();
        var decisions = await db.AuditEvents.Where(e => e.SubjectId == note.ToString() && e.Action == WallAuditActions.Decided)
            .OrderBy(e => e.OccurredAt).Select(e => new { e.ActorId, e.Detail }).ToListAsync();
        Assert.Equal(new[] { ("escalated", moderator.Account.UserId), ("approved", senior.Account.UserId) }, decisions.Select(d => (d.Detail!, d.ActorId!.Value)));
    }

    [Theory]
    [InlineData("Not sure about posting this. Some days I just want to disappear for a bit.")]
    [InlineData("i'm going to kill myself tonight. sorry")]
    public async Task A_second_escalation_tells_the_moderator_who_escalated_it_and_when_not_that_it_was_dealt_with(string text)
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync(text);
        using var first = await app.SignInAsStaffAsync(Roles.Moderator);
        using var second = await app.SignInAsStaffAsync(Roles.Moderator);
        var a = await first.Browser.GetAsync($"/moderate/{note}");
        var b = await second.Browser.GetAsync($"/moderate/{note}");
        var version = b.Document.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.Redirect, (await first.Browser.PostAsync($"/moderate/{note}", a.AntiforgeryToken(), [new("Action", "Escalate"), new("Version", version)])).Status);
        var loser = await second.Browser.PostAsync($"/moderate/{note}", b.AntiforgeryToken(), [new("Action", "Escalate"), new("Version", version)]);

        Assert.Equal(HttpStatusCode.Conflict, loser.Status);
        var conflict = loser.Text("#conflict");
        Assert.Contains($"{first.Account.Email} escalated it to a senior moderator at", conflict, StringComparison.Ordinal);
        Assert.DoesNotContain("dealt with", conflict, StringComparison.Ordinal);
        Assert.Contains("Being looked at by a senior moderator", loser.Text("#conflict-status"), StringComparison.Ordinal);

        // Sent again from a page that is up to date, escalating says who already did it, and what is left to do.
        var again = await second.Browser.PostAsync($"/moderate/{note}", loser.AntiforgeryToken(),
            [new("Action", "Escalate"), new("Version", loser.Document.QuerySelector("input[name=Version]")!.GetAttribute("value")!)]);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        var error = Assert.Single(again.ErrorSummary());
        Assert.StartsWith($"{first.Account.Email} already escalated this to a senior moderator at", error, StringComparison.Ordinal);
        Assert.DoesNotContain("dealt with", error, StringComparison.Ordinal);
        Assert.DoesNotContain("or escalate it", error, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.SubjectId == note.ToString() && e.Action == WallAuditActions.Decided));
    }

    [Fact]
    public async Task An_escalated_urgent_post_is_still_never_published_and_closes_only_with_a_reply()
    {
        using var person = await app.SignUpAsync();
        var urgent = await person.WriteAsync("i'm going to kill myself tonight. sorry");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(urgent, "Escalate")).Status);
        var queue = await moderator.Browser.GetAsync("/moderate?view=escalated");
        Assert.Contains("URGENT", queue.Text($"#queue-{urgent} a"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.DecideAsync(urgent, "Approve")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.DecideAsync(urgent, "Reply")).Status);
        Assert.Equal(HttpStatusCode.NotFound, await ReadAnonymouslyAsync($"/wall/{urgent}"));

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(urgent, "Reply", ("Reply", "We are here and we read this. Please call Samaritans on 116 123."))).Status);
        Assert.Equal("A moderator replied", (await person.Browser.GetAsync("/my/wall")).Text($"#item-{urgent} .status"));
        Assert.Equal(HttpStatusCode.NotFound, await ReadAnonymouslyAsync($"/wall/{urgent}"));
    }

    // Each match's reason reads as plain words, once punctuated, with the matched words after it: never the developers'
    // notes on the word lists (which set or ADR a list came from), and never "..". One note with a time set for the end,
    // one with a plain denial that lowers it to a warning and says so.
    [Theory]
    [InlineData("i've picked friday. that's my date.", "a-date-set", false)]
    [InlineData("i'm not suicidal, just fed up with the rain", "suicidal-now", true)]
    public async Task A_screened_note_shows_the_moderator_each_reason_in_plain_words_then_the_words(string text, string group, bool denied)
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync(text);
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);

        var page = await moderator.Browser.GetAsync($"/moderate/{note}");
        var matches = page.Text("#matches");
        var expected = PostScreener.ReasonFor(ScreeningLexicon.Embedded.Groups.Single(g => g.Id == group), denied);
        Assert.Contains(expected, page.Document.QuerySelectorAll("#matches .matches__reason").Select(r => r.TextContent));
        Assert.DoesNotContain("..", matches, StringComparison.Ordinal);
        foreach (var developersNote in (string[])["ADR", "blind-", "labelled"])
        {
            Assert.DoesNotContain(developersNote, matches, StringComparison.Ordinal);
        }
        Assert.All(page.Document.QuerySelectorAll("#matches li"), li =>
        {
            Assert.EndsWith(".", li.QuerySelector(".matches__reason")!.TextContent, StringComparison.Ordinal);
            Assert.StartsWith("Words: ", li.QuerySelector(".matches__words")!.TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(li.QuerySelectorAll(".matches__words mark"));
        });
    }

    // An item keeps the reason it was screened with: one without a full stop still reads as one sentence, and one with a
    // full stop is never given a second.
    [Theory]
    [InlineData("Names a day or a time as an ending.", "Names a day or a time as an ending.")]
    [InlineData("Hope and recovery: published ", "Hope and recovery: published.")]
    [InlineData("Is this a question?", "Is this a question?")]
    public void A_stored_reason_is_shown_as_one_sentence(string stored, string shown) => Assert.Equal(shown, ItemModel.Sentence(stored));

    [Fact]
    public async Task Every_time_a_moderator_is_shown_an_item_s_words_the_read_is_logged_and_a_refused_decision_saves_nothing()
    {
        using var person = await app.SignUpAsync();
        var urgent = await person.WriteAsync("i'm going to kill myself tonight. sorry");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        using var other = await app.SignInAsStaffAsync(Roles.Moderator);

        // The queue names items without their words; opening one shows them, and is logged.
        Assert.NotNull((await moderator.Browser.GetAsync("/moderate")).Document.QuerySelector($"#queue-{urgent}"));
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.AuditEvents.AnyAsync(e => e.SubjectId == urgent.ToString() && e.Action == WallAuditActions.Read));
        }
        Assert.Equal(HttpStatusCode.OK, (await moderator.Browser.GetAsync($"/moderate/{urgent}")).Status);
        // A reply with no words is refused: the page shows the item again (a second read) and nothing of the decision is kept.
        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.DecideAsync(urgent, "Reply")).Status);
        var seen = await other.Browser.GetAsync($"/moderate/{urgent}");
        Assert.Contains("read", seen.Text("#history"), StringComparison.Ordinal);
        Assert.Contains(moderator.Account.Email, seen.Text("#history"), StringComparison.Ordinal);
        // Staff are named for accountability; the author is not: a moderator needs no way to find out who wrote it.
        Assert.Contains("the author: written", seen.Text("#history"), StringComparison.Ordinal);
        Assert.DoesNotContain(person.Email, seen.Html, StringComparison.OrdinalIgnoreCase);

        await using var after = app.OpenDb();
        var reads = await after.AuditEvents.Where(e => e.SubjectType == "wall-item" && e.SubjectId == urgent.ToString() && e.Action == WallAuditActions.Read)
            .Select(e => e.ActorId).ToListAsync();
        // The first view, the view the decision was made from, the refused decision's page again, then the other moderator's.
        Assert.Equal(3, reads.Count(r => r == moderator.Account.UserId));
        Assert.Equal(1, reads.Count(r => r == other.Account.UserId));
        var item = await after.WallItems.SingleAsync(i => i.Id == urgent);
        Assert.Null(item.ProtectedPrivateReply);
        Assert.Equal(WallItemStatus.Pending, item.Status);
        Assert.False(await after.AuditEvents.AnyAsync(e => e.SubjectId == urgent.ToString() && e.Action == WallAuditActions.Decided));
    }

    [Fact]
    public async Task A_moderator_takes_out_identifying_details_and_only_the_edited_text_is_ever_shown()
    {
        using var person = await app.SignUpAsync();
        const string original = "Dave Kershaw at 12 Mill Lane Bradford got me through a bad week. Thank you.";
        const string edited = "A friend got me through a bad week. Thank you.";
        var note = await person.WriteAsync(original);
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);

        var unchanged = await moderator.DecideAsync(note, "EditAndApprove", ("EditedText", original));
        Assert.Equal(HttpStatusCode.BadRequest, unchanged.Status);
        Assert.Equal(["Change the text to take out the identifying details, or approve it as it is"], unchanged.ErrorSummary());
        var empty = await moderator.DecideAsync(note, "EditAndApprove", ("EditedText", "  "));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.NotFound, await ReadAnonymouslyAsync($"/wall/{note}"));

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(note, "EditAndApprove", ("EditedText", edited), ("EditedOut", "name"), ("EditedOut", "address"))).Status);
        using var client = app.CreateClient();
        var thread = await HtmlPage.GetAsync(client, $"/wall/{note}");
        Assert.Contains(edited, thread.Text($"#post-{note}"), StringComparison.Ordinal);
        Assert.DoesNotContain("Mill Lane", thread.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Mill Lane", (await HtmlPage.GetAsync(client, "/wall")).Markup, StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.SubjectId == note.ToString() && e.Action == WallAuditActions.Decided && e.Detail == "edited-and-approved" && e.ActorId == moderator.Account.UserId));
    }

    [Fact]
    public async Task An_author_whose_note_was_edited_is_told_in_kind_what_went_and_why_sees_what_is_up_and_can_ask_again()
    {
        using var person = await app.SignUpAsync();
        using var quiet = await app.SignUpAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await quiet.Browser.SubmitAsync("/my/plan", [new("Contact", "None")], "/my/plan?handler=Contact")).Status);
        const string edited = "A teacher at my school helped me so much.";
        var note = await person.WriteAsync("Priya Shah at Moor End Academy helped me so much. Ring her on 07700 900123.");
        var quietNote = await quiet.WriteAsync("Dave Kershaw from work got me through a bad week.");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);

        var unticked = await moderator.DecideAsync(note, "EditAndApprove", ("EditedText", edited));
        Assert.Equal(HttpStatusCode.BadRequest, unticked.Status);
        Assert.Equal(["Tick what kind of detail you took out: the author is told"], unticked.ErrorSummary());
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(note, "EditAndApprove", ("EditedText", edited),
            ("EditedOut", "phone"), ("EditedOut", "name"), ("EditedOut", "place"))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(quietNote, "EditAndApprove", ("EditedText", "A friend got me through a bad week."), ("EditedOut", "name"))).Status);

        var mine = await person.Browser.GetAsync("/my/wall");
        var told = mine.Text($"#item-{note} .edited");
        Assert.Contains("A moderator took out a name, a phone number and the name of a school, college or workplace before putting it on the wall.", told, StringComparison.Ordinal);
        Assert.Contains("to keep you and others safe", told, StringComparison.Ordinal);
        Assert.Equal(edited, mine.Text($"#item-{note} .wall-text"));
        Assert.Equal("On the wall", mine.Text($"#item-{note} .status"));

        var asked = await person.Browser.PostAsync("/my/wall?handler=askagain", mine.AntiforgeryToken("/my/wall?handler=askagain"), [new("itemId", note.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, asked.Status);
        var after = await person.Browser.GetAsync("/my/wall");
        Assert.Equal("On the wall: you asked for it to be looked at again", after.Text($"#item-{note} .status"));
        Assert.Null(after.Document.QuerySelector($"#item-{note} form[action*=askagain]"));
        Assert.Equal(HttpStatusCode.OK, await ReadAnonymouslyAsync($"/wall/{note}"));
        Assert.NotNull((await moderator.Browser.GetAsync("/moderate")).Document.QuerySelector($"#queue-{note}"));
        var item = await moderator.Browser.GetAsync($"/moderate/{note}");
        Assert.NotNull(item.Document.QuerySelector("#review-requested"));
        Assert.Contains("a name, a phone number", item.Text("#edited-out"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(note, "Approve")).Status);
        Assert.Equal("On the wall", (await person.Browser.GetAsync("/my/wall")).Text($"#item-{note} .status"));
        Assert.Null((await moderator.Browser.GetAsync("/moderate")).Document.QuerySelector($"#queue-{note}"));

        await using var db = app.OpenDb();
        var message = await db.OutboxMessages.SingleAsync(m => m.SubjectType == "wall-item" && m.SubjectId == note);
        Assert.Equal(person.Email, message.Recipient);
        Assert.DoesNotContain("teacher", message.Body, StringComparison.OrdinalIgnoreCase);
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.SubjectType == "wall-item" && m.SubjectId == quietNote));
        Assert.Equal(edited, app.Services.GetRequiredService<WallText>().Unprotect((await db.WallItems.SingleAsync(i => i.Id == note)).ProtectedText));
    }

    [Fact]
    public async Task A_display_name_with_identifying_details_is_screened_under_R6_and_an_edited_name_keeps_to_the_name_limit()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("Hello all, first note here.", displayName: "Dave Kershaw Bradford 07700900456");
        Guid name;
        await using (var db = app.OpenDb())
        {
            var item = await db.WallItems.SingleAsync(i => i.AuthorId == person.UserId && i.Kind == WallItemKind.DisplayName);
            name = item.Id;
            Assert.Equal(WallItemStatus.Pending, item.Status);
            Assert.Contains(app.Services.GetRequiredService<WallText>().Matches(item), m => m.Rule == "R6");
        }
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        var page = await moderator.Browser.GetAsync($"/moderate/{name}");
        Assert.Contains("R6", page.Text("#matches"), StringComparison.Ordinal);

        var tooLong = await moderator.DecideAsync(name, "EditAndApprove", ("EditedText", new string('n', WallService.MaxNameLength + 1)));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Equal([$"Keep it to {WallService.MaxNameLength} characters or fewer"], tooLong.ErrorSummary());

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(name, "EditAndApprove", ("EditedText", "Bradford Dave"), ("EditedOut", "phone"))).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(note, "Approve")).Status);
        using var client = app.CreateClient();
        var thread = await HtmlPage.GetAsync(client, $"/wall/{note}");
        Assert.Contains("Bradford Dave", thread.Text($"#post-{note}"), StringComparison.Ordinal);
        Assert.DoesNotContain("07700900456", thread.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_display_name_that_is_only_a_phone_number_waits_for_a_moderator_with_R6_shown()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("Hello, I'm new.", displayName: "07700900456");
        await using var db = app.OpenDb();
        var item = await db.WallItems.SingleAsync(i => i.AuthorId == person.UserId && i.Kind == WallItemKind.DisplayName);
        Assert.Equal(WallItemStatus.Pending, item.Status);
        Assert.Contains(app.Services.GetRequiredService<WallText>().Matches(item), m => m.Rule == "R6");
        Assert.Equal(HttpStatusCode.NotFound, await ReadAnonymouslyAsync($"/wall/{note}"));
    }

    [Fact]
    public async Task After_an_hour_of_moderating_the_queue_prompts_a_break_however_few_items()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var atTime = app.AtTime(clock);
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("Bit of a wobbly day but I'm OK.");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator, through: atTime);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(note, "Approve")).Status);
        var start = clock.Now;

        // A look at the queue every 20 minutes keeps the session from idling out.
        while (clock.Now < start + TimeSpan.FromMinutes(40))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            var queue = await moderator.Browser.GetAsync("/moderate");
            Assert.Null(queue.Document.QuerySelector("#break-prompt"));
            Assert.Contains("you have handled 1 item", queue.Text("#stretch"), StringComparison.Ordinal);
        }
        clock.Now = start + TimeSpan.FromMinutes(60);
        var due = await moderator.Browser.GetAsync("/moderate");
        Assert.Contains("You have handled 1 item (0 urgent)", due.Text("#break-prompt"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await moderator.Browser.SubmitAsync("/moderate", [], "/moderate?handler=break")).Status);
        Assert.Null((await moderator.Browser.GetAsync("/moderate")).Document.QuerySelector("#break-prompt"));
    }
}

/// <summary>With <c>Wall:PublishWithoutReview</c> on, a note the screener would publish with a warning goes up behind it, collapsed for readers.</summary>
public sealed class PublishWithWarningTests(PublishingWallApp app) : IClassFixture<PublishingWallApp>
{
    [Fact]
    public async Task A_member_s_warned_note_goes_up_behind_a_content_warning_without_a_moderator()
    {
        using var person = await app.SignUpAsync();
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(await person.WriteAsync($"A calmer evening, number {i + 1}."), "Approve")).Status);
        }

        var warned = await person.WriteAsync("I relapsed last night but I'm safe and I told my support worker");

        Assert.Contains("is on the wall", (await person.Browser.GetAsync($"/wall/sent/{warned}")).Text("#what-happens-next"), StringComparison.Ordinal);
        using var client = app.CreateClient();
        var thread = await HtmlPage.GetAsync(client, $"/wall/{warned}");
        Assert.Equal(HttpStatusCode.OK, thread.Response.StatusCode);
        var details = thread.Document.QuerySelector($"#post-{warned} details");
        Assert.NotNull(details);
        Assert.False(details.HasAttribute("open"));
        Assert.Contains($"Content warning: {WallModerationRules.DefaultWarning}", details.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await HtmlPage.GetAsync(client, "/wall")).Document.QuerySelector($"#post-{warned} details"));
        Assert.Equal("On the wall, behind a content warning", (await person.Browser.GetAsync("/my/wall")).Text($"#item-{warned} .status"));
        await using var db = app.OpenDb();
        var item = await db.WallItems.SingleAsync(i => i.Id == warned);
        Assert.Equal(WallService.ScreenerName, item.DecidedByName);
        Assert.Equal(Waymark.Core.Screening.ScreeningOutcome.Warn, item.ScreenedOutcome);
    }
}
