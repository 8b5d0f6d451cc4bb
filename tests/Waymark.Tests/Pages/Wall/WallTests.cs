using System.Net;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Wall;
using Waymark.Tests.Infrastructure;
using Waymark.Tests.Wall;

namespace Waymark.Tests.Pages.Wall;

/// <summary>The wall holds everything for a person to read first (ADR 0014): what readers, authors and moderators each see.</summary>
public sealed class WallTests(WallApp app) : IClassFixture<WallApp>
{
    private async Task<HtmlPage> ReadAnonymouslyAsync(string path)
    {
        using var client = app.CreateClient();
        return await HtmlPage.GetAsync(client, path);
    }

    [Fact]
    public async Task A_note_is_held_until_a_moderator_approves_it_then_anyone_can_read_it_under_the_chosen_name()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("Three months today since I last hurt myself. Small steps.", "what-helped", displayName: "Blue Kettle");

        var sent = await person.Browser.GetAsync($"/wall/sent/{note}");
        Assert.Contains("A moderator will read it before anyone else can see it", sent.Text("#what-happens-next"), StringComparison.Ordinal);
        Assert.DoesNotContain("Three months today", (await ReadAnonymouslyAsync("/wall")).Markup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAnonymouslyAsync($"/wall/{note}")).Response.StatusCode);

        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        Guid name;
        await using (var db = app.OpenDb())
        {
            name = await db.WallItems.Where(i => i.AuthorId == person.UserId && i.Kind == WallItemKind.DisplayName).Select(i => i.Id).SingleAsync();
        }
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(name, "Approve")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(note, "Approve")).Status);

        var wall = await ReadAnonymouslyAsync("/wall?topic=what-helped");
        var post = wall.Document.QuerySelector($"#post-{note}");
        Assert.NotNull(post);
        Assert.Contains("Blue Kettle", post.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(person.Email, wall.Markup, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await ReadAnonymouslyAsync($"/wall/{note}")).Response.StatusCode);
    }

    [Fact]
    public async Task Reading_the_wall_needs_no_account_sets_no_cookie_and_records_nothing()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("Hello from the wall. Today was OK.");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        await moderator.DecideAsync(note, "Approve");
        // Sign-ins are audited after their answer has gone (AccountWork): let them land before counting.
        await app.AccountWorkDoneAsync();
        await using var db = app.OpenDb();
        var audits = await db.AuditEvents.CountAsync();

        foreach (var path in new[] { "/wall", "/wall?topic=hard-time&warnings=expand&mute=sad", $"/wall/{note}", "/wall/how-it-works" })
        {
            using var client = app.CreateClient();
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} set a cookie: {string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [])}");
        }
        Assert.Equal(audits, await db.AuditEvents.CountAsync());
        var wall = await ReadAnonymouslyAsync("/wall");
        Assert.Equal(
            ["All topics", "Having a hard time", "What helped me", "Finding support", "For people who support others"],
            wall.Document.QuerySelectorAll("#topics a").Select(a => a.TextContent.Trim()));
        Assert.NotNull(wall.Document.QuerySelector(".crisis-bar"));
        Assert.NotNull(wall.Document.QuerySelector("a[href='/wall/how-it-works']"));
    }

    [Fact]
    public async Task Writing_needs_a_person_s_account()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri("/wall/write", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // The sign-in page says why an account is asked for here, and that the email is never shown.
        var signIn = await client.GetStringAsync(response.Headers.Location);
        Assert.Contains("To write a note on the wall, sign in", signIn, StringComparison.Ordinal);
        Assert.Contains("never your email address", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("To write a note on the wall", await client.GetStringAsync(new Uri("/account/sign-in?ReturnUrl=%2Fmy", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_display_name_is_never_the_email_address_and_a_long_note_is_refused_with_nothing_saved()
    {
        using var person = await app.SignUpAsync();
        var form = await person.Browser.GetAsync("/wall/write");
        var asEmail = await person.Browser.PostAsync("/wall/write", form.AntiforgeryToken(),
            [new("DisplayName", person.Email), new("Topic", "hard-time"), new("Text", "hello")]);
        Assert.Equal(HttpStatusCode.BadRequest, asEmail.Status);
        Assert.Equal(["Choose a display name that is not your email address"], asEmail.ErrorSummary());

        var tooLong = await person.Browser.PostAsync("/wall/write", form.AntiforgeryToken(),
            [new("DisplayName", "Fern"), new("Topic", "hard-time"), new("Text", new string('a', 1001))]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("1,000 characters or fewer", tooLong.ErrorSummary().Single(), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.False(await db.WallItems.AnyAsync(i => i.AuthorId == person.UserId && i.Kind != WallItemKind.DisplayName));
    }

    [Fact]
    public async Task Nothing_a_labelled_risky_post_says_is_readable_anonymously_before_a_moderator_acts()
    {
        var risky = LabelledPost.Load(LabelledPost.TuningFile)
            .Where(p => p.Kind != "display_name" && p.Outcome is not ("publish" or "warn")).ToList();
        Assert.True(risky.Count > 100, $"only {risky.Count} risky rows");
        using var person = await app.SignUpAsync();
        var ids = new List<Guid>();
        foreach (var post in risky)
        {
            ids.Add(await person.WriteAsync(post.Text[..Math.Min(post.Text.Length, 1000)]));
        }

        var wall = await ReadAnonymouslyAsync("/wall");
        foreach (var topic in WallTopics.All)
        {
            var page = await ReadAnonymouslyAsync($"/wall?topic={topic.Key}");
            Assert.DoesNotContain(page.Document.QuerySelectorAll(".wall-post"), p => ids.Any(id => p.Id == $"post-{id}"));
        }
        Assert.DoesNotContain(wall.Document.QuerySelectorAll(".wall-post"), p => ids.Any(id => p.Id == $"post-{id}"));
        foreach (var id in ids)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await ReadAnonymouslyAsync($"/wall/{id}")).Response.StatusCode);
        }
        await using var db = app.OpenDb();
        Assert.Equal(ids.Count, await db.WallItems.CountAsync(i => ids.Contains(i.Id) && i.Status != WallItemStatus.Approved));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_which_the_author_sees_kindly_and_can_ask_to_be_looked_at_again()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("My neighbour Dave at 12 Mill Lane is the worst.");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);

        var noReason = await moderator.DecideAsync(note, "Reject");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal(["Give a reason: the author will see it"], noReason.ErrorSummary());

        var rejected = await moderator.DecideAsync(note, "Reject", ("Reason", "It names someone and where they live, which could identify them."));
        Assert.Equal(HttpStatusCode.Redirect, rejected.Status);

        var mine = await person.Browser.GetAsync("/my/wall");
        var card = mine.Document.QuerySelector($"#item-{note}")!;
        Assert.Contains("A moderator read it and could not put it on the wall. They said: It names someone", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("You deserve support too", card.TextContent, StringComparison.Ordinal);

        var again = await person.Browser.PostAsync("/my/wall?handler=askagain", mine.AntiforgeryToken("/my/wall?handler=askagain"), [new("itemId", note.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        var queue = await moderator.Browser.GetAsync("/moderate");
        Assert.NotNull(queue.Document.QuerySelector($"#queue-{note}"));
        await using var db = app.OpenDb();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.SubjectId == note.ToString() && e.Action == WallAuditActions.Decided && e.Detail == "rejected" && e.ActorId == moderator.Account.UserId));
    }

    [Fact]
    public async Task An_urgent_post_shows_crisis_help_at_once_tops_the_queue_and_closes_only_with_a_private_reply()
    {
        using var earlier = await app.SignUpAsync();
        var older = await earlier.WriteAsync("Just saying hello to everyone here.");
        using var person = await app.SignUpAsync();
        var urgent = await person.WriteAsync("i'm going to kill myself tonight. sorry");

        var sent = await person.Browser.GetAsync($"/wall/sent/{urgent}");
        Assert.NotNull(sent.Document.QuerySelector("#crisis-card"));
        Assert.Contains("A person from our moderation team will read it and reply to you privately within 15 minutes", sent.Text("#what-happens-next"), StringComparison.Ordinal);

        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        var queue = await moderator.Browser.GetAsync("/moderate");
        var rows = queue.Document.QuerySelectorAll("#queue tbody tr").Select(r => r.Id).ToList();
        // Urgent items (this one and any other test's) all come before the first that is not urgent, however old it is.
        // The page shows the 200 most pressing items, so when other tests have filled it the older note is not on it.
        var urgentAt = rows.IndexOf($"queue-{urgent}");
        Assert.True(urgentAt >= 0, "the urgent note is not on the queue's page");
        Assert.All(rows.Take(urgentAt), id => Assert.Contains("URGENT", queue.Text($"#{id} a"), StringComparison.Ordinal));
        var olderAt = rows.IndexOf($"queue-{older}");
        Assert.True(olderAt == -1 || olderAt > urgentAt, "the urgent note is below an older ordinary one");
        Assert.Contains("Reply by", queue.Document.QuerySelector($"#queue-{urgent}")!.TextContent, StringComparison.Ordinal);

        var approve = await moderator.DecideAsync(urgent, "Approve");
        Assert.Equal(HttpStatusCode.BadRequest, approve.Status);
        Assert.Contains("An urgent post is never published", approve.ErrorSummary().Single(), StringComparison.Ordinal);
        var empty = await moderator.DecideAsync(urgent, "Reply");
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(["Write your reply to the person"], empty.ErrorSummary());

        var replied = await moderator.DecideAsync(urgent, "Reply", ("Reply", "Thank you for telling us. We are here. Please call Samaritans now if you can."));
        Assert.Equal(HttpStatusCode.Redirect, replied.Status);
        var mine = await person.Browser.GetAsync("/my/wall");
        Assert.Contains("Thank you for telling us. We are here.", mine.Text($"#item-{urgent} .moderator-reply"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAnonymouslyAsync($"/wall/{urgent}")).Response.StatusCode);

        await using var db = app.OpenDb();
        var message = await db.OutboxMessages.SingleAsync(m => m.SubjectType == "wall-item" && m.SubjectId == urgent);
        Assert.Equal(person.Email, message.Recipient);
        Assert.DoesNotContain("kill", message.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(WallItemStatus.Answered, (await db.WallItems.SingleAsync(i => i.Id == urgent)).Status);
    }

    [Fact]
    public async Task A_note_whose_author_asks_for_a_person_is_urgent_whatever_the_screener_found()
    {
        using var person = await app.SignUpAsync();
        var form = await person.Browser.GetAsync("/wall/write");
        Assert.Contains("A moderator will reply to you privately within 15 minutes", form.Text("#AskForPerson-hint"), StringComparison.Ordinal);
        var box = form.Document.QuerySelector("input#AskForPerson[type=checkbox]")!;
        Assert.Equal(("AskForPerson", "true", false), (box.GetAttribute("name"), box.GetAttribute("value"), box.HasAttribute("checked")));
        // Words no screener would hold: the author's tick is the only sign that they need someone.
        var asked = await person.WriteAsync("Had a rubbish week. Could do with a chat.", askForPerson: true);

        var sent = await person.Browser.GetAsync($"/wall/sent/{asked}");
        Assert.NotNull(sent.Document.QuerySelector("#crisis-card"));
        Assert.Contains("reply to you privately within 15 minutes", sent.Text("#what-happens-next"), StringComparison.Ordinal);

        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        var queue = await moderator.Browser.GetAsync("/moderate");
        var rows = queue.Document.QuerySelectorAll("#queue tbody tr").Select(r => r.Id).ToList();
        // In the urgent block at the top (the queue shows 200 items, and other tests' ordinary notes may be older).
        Assert.Contains($"queue-{asked}", rows);
        Assert.All(rows.Take(rows.IndexOf($"queue-{asked}") + 1), id => Assert.Contains("URGENT", queue.Text($"#{id} a"), StringComparison.Ordinal));
        var item = await moderator.Browser.GetAsync($"/moderate/{asked}");
        // The screener's own outcome is kept apart from the author's ask, which is why the item is urgent.
        Assert.Equal("publish", item.Text("#screened-outcome"));
        Assert.StartsWith("The author asked for a person to reply to them privately when they wrote it. That is why it is urgent.", item.Text("#asked-for-person"), StringComparison.Ordinal);
        Assert.EndsWith("; the author asked for a person", queue.Text($"#queue-{asked} td:nth-child(2)"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await moderator.DecideAsync(asked, "Approve")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAnonymouslyAsync($"/wall/{asked}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(asked, "Reply", ("Reply", "Thanks for reaching out. We're here; tell us a bit more?"))).Status);
        Assert.Contains("We're here", (await person.Browser.GetAsync("/my/wall")).Text($"#item-{asked} .moderator-reply"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_author_of_a_waiting_note_can_still_ask_for_a_person_and_nobody_else_can()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("canny tired of it all lately");
        var sent = await person.Browser.GetAsync($"/wall/sent/{note}");
        Assert.Null(sent.Document.QuerySelector("#crisis-card"));
        var ask = sent.Document.QuerySelector("form.ask-for-person")!;
        Assert.Equal("/my/wall?handler=askforperson", ask.GetAttribute("action"));
        Assert.NotNull((await person.Browser.GetAsync("/my/wall")).Document.QuerySelector($"#item-{note} form.ask-for-person"));

        // Another person's ask changes nothing.
        using var other = await app.SignUpAsync();
        var otherForm = await other.Browser.GetAsync("/wall/write");
        var refused = await other.Browser.PostAsync("/my/wall?handler=askforperson", otherForm.AntiforgeryToken(), [new("itemId", note.ToString())]);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Browser.GetAsync(refused.RedirectPath)).Status);
        await using (var db = app.OpenDb())
        {
            var waiting = await db.WallItems.SingleAsync(i => i.Id == note);
            Assert.False(waiting.IsUrgent);
            // Written two hours ago: the reply target must count from the ask, not from the writing.
            waiting.CreatedAt -= TimeSpan.FromHours(2);
            await db.SaveChangesAsync();
        }

        // Someone else's urgent note, written before the ask: its reply is due first, so it comes first in the queue.
        var urgentFirst = await other.WriteAsync("I've written my note and put it in the drawer. I just wanted someone to know");

        var asked = await person.Browser.PostAsync("/my/wall?handler=askforperson", sent.AntiforgeryToken(), [new("itemId", note.ToString())]);
        Assert.Equal($"/wall/sent/{note}", asked.RedirectPath);
        var now = await person.Browser.GetAsync(asked.RedirectPath);
        Assert.NotNull(now.Document.QuerySelector("#crisis-card"));
        Assert.Contains("reply to you privately within 15 minutes", now.Text("#what-happens-next"), StringComparison.Ordinal);
        Assert.Null(now.Document.QuerySelector("form.ask-for-person"));
        // Asking twice is harmless: one ask, one audit row.
        await person.Browser.PostAsync("/my/wall?handler=askforperson", sent.AntiforgeryToken(), [new("itemId", note.ToString())]);

        await using var after = app.OpenDb();
        var item = await after.WallItems.SingleAsync(i => i.Id == note);
        Assert.True(item.IsUrgent);
        Assert.Equal(WallItemStatus.Pending, item.Status);
        Assert.Equal(2, item.Version);
        Assert.True(item.AskedForPersonAt > item.CreatedAt);
        // What the screener said stays as it said it, so it can still be counted against what moderators decide.
        Assert.Equal(Waymark.Core.Screening.PostScreener.Default.Screen("canny tired of it all lately").Outcome, item.ScreenedOutcome);
        Assert.NotEqual(Waymark.Core.Screening.ScreeningOutcome.Urgent, item.ScreenedOutcome);
        Assert.Equal(1, await after.AuditEvents.CountAsync(e => e.SubjectId == note.ToString() && e.Action == WallAuditActions.AskedForPerson && e.ActorId == person.UserId));
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        var queue = await moderator.Browser.GetAsync("/moderate");
        Assert.Contains("URGENT", queue.Text($"#queue-{note} a"), StringComparison.Ordinal);
        var rows = queue.Document.QuerySelectorAll("#queue tbody tr").Select(r => r.Id).ToList();
        Assert.True(rows.IndexOf($"queue-{urgentFirst}") is >= 0 and var first && first < rows.IndexOf($"queue-{note}"), string.Join(", ", rows));
        var page = await moderator.Browser.GetAsync($"/moderate/{note}");
        Assert.Contains("privately, after they wrote it. That is why it is urgent.", page.Text("#asked-for-person"), StringComparison.Ordinal);
        Assert.DoesNotContain("overdue", page.Text("#target"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_with_the_means_at_hand_gets_the_urgent_words_and_crisis_help_not_a_rejection()
    {
        using var person = await app.SignUpAsync();
        var urgent = await person.WriteAsync("Ive got pills lined up next to me and im going to take them all");

        var sent = await person.Browser.GetAsync($"/wall/sent/{urgent}");
        Assert.NotNull(sent.Document.QuerySelector("#crisis-card"));
        Assert.Contains("A person from our moderation team will read it and reply to you privately", sent.Text("#what-happens-next"), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        var item = await db.WallItems.SingleAsync(i => i.Id == urgent);
        Assert.True(item.IsUrgent);
        Assert.Equal(WallItemStatus.Pending, item.Status);
        Assert.Null(item.Reason);
    }

    [Fact]
    public async Task A_person_who_chose_dont_contact_me_gets_the_reply_on_their_page_and_no_message()
    {
        using var person = await app.SignUpAsync();
        var plan = await person.Browser.SubmitAsync("/my/plan", [new("Contact", "None")], "/my/plan?handler=Contact");
        Assert.Equal(HttpStatusCode.Redirect, plan.Status);
        var urgent = await person.WriteAsync("I've written my note and put it in the drawer. I just wanted someone to know");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(urgent, "Reply", ("Reply", "We read this and we care."))).Status);

        Assert.Contains("We read this and we care.", (await person.Browser.GetAsync("/my/wall")).Text($"#item-{urgent} .moderator-reply"), StringComparison.Ordinal);
        await using var db = app.OpenDb();
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.SubjectType == "wall-item" && m.SubjectId == urgent));
    }

    [Fact]
    public async Task Two_moderators_acting_at_once_on_one_item_one_wins_and_the_other_sees_what_they_did()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("Some days are better than others.");
        using var first = await app.SignInAsStaffAsync(Roles.Moderator);
        using var second = await app.SignInAsStaffAsync(Roles.Moderator);
        var a = await first.Browser.GetAsync($"/moderate/{note}");
        var b = await second.Browser.GetAsync($"/moderate/{note}");
        var version = a.Document.QuerySelector("input[name=Version]")!.GetAttribute("value")!;

        var results = await Task.WhenAll(
            first.Browser.PostAsync($"/moderate/{note}", a.AntiforgeryToken(), [new("Action", "Approve"), new("Version", version)]),
            second.Browser.PostAsync($"/moderate/{note}", b.AntiforgeryToken(), [new("Action", "Reject"), new("Version", version), new("Reason", "Not for the wall.")]));

        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        var loser = Assert.Single(results, r => r.Status == HttpStatusCode.Conflict);
        await using var db = app.OpenDb();
        var item = await db.WallItems.SingleAsync(i => i.Id == note);
        Assert.Contains(WallModerationRules.Describe(item), loser.Text("#conflict-status"), StringComparison.Ordinal);
        Assert.Contains(item.DecidedByName!, loser.Text("#conflict"), StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.SubjectId == note.ToString() && e.Action == WallAuditActions.Decided));
        Assert.Equal(2, item.Version);
    }

    [Fact]
    public async Task Reports_from_three_different_readers_hide_a_published_note_until_a_moderator_looks_again()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("Tea and a long walk helped me today.");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        await moderator.DecideAsync(note, "Approve");

        using var anonymous = Browser.For(app);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await anonymous.SubmitAsync($"/wall/{note}/report", [new("Reason", "not sure")])).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await ReadAnonymouslyAsync($"/wall/{note}")).Response.StatusCode);

        using var r1 = await app.SignUpAsync();
        using var r2 = await app.SignUpAsync();
        await r1.Browser.SubmitAsync($"/wall/{note}/report", []);
        await r2.Browser.SubmitAsync($"/wall/{note}/report", []);
        Assert.Equal(HttpStatusCode.NotFound, (await ReadAnonymouslyAsync($"/wall/{note}")).Response.StatusCode);
        Assert.Contains("Hidden while a moderator looks at reports", (await person.Browser.GetAsync("/my/wall")).Text($"#item-{note} .status"), StringComparison.Ordinal);

        Assert.NotNull((await moderator.Browser.GetAsync("/moderate")).Document.QuerySelector($"#queue-{note}"));
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.DecideAsync(note, "ApproveWithWarning", ("Warning", "mentions self-harm"))).Status);
        var thread = await ReadAnonymouslyAsync($"/wall/{note}");
        Assert.Equal(HttpStatusCode.OK, thread.Response.StatusCode);
        var details = thread.Document.QuerySelector($"#post-{note} details")!;
        Assert.False(details.HasAttribute("open"));
        Assert.Contains("Content warning: mentions self-harm", details.TextContent, StringComparison.Ordinal);
        Assert.True((await ReadAnonymouslyAsync($"/wall/{note}?warnings=expand")).Document.QuerySelector($"#post-{note} details")!.HasAttribute("open"));
    }

    [Fact]
    public async Task You_re_not_alone_has_no_public_count_and_the_author_sees_theirs_privately()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("First week back at work. Nervous.");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        await moderator.DecideAsync(note, "Approve");
        using var reader = await app.SignUpAsync();
        var reacted = await reader.Browser.SubmitAsync($"/wall/{note}", [], $"/wall/{note}?handler=react");
        Assert.Equal(HttpStatusCode.Redirect, reacted.Status);
        await reader.Browser.SubmitAsync($"/wall/{note}", [], $"/wall/{note}?handler=react");

        var thread = await ReadAnonymouslyAsync($"/wall/{note}");
        Assert.DoesNotContain("1 person", thread.Markup, StringComparison.Ordinal);
        Assert.Equal(3, thread.Document.QuerySelectorAll("#signposts li").Length);
        Assert.Equal("1 person said \"You're not alone\".", (await person.Browser.GetAsync("/my/wall")).Text($"#item-{note} .reactions"));
    }

    [Fact]
    public async Task Muted_words_and_a_break_are_kept_in_the_address_only()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("Pancakes got me through today.");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        await moderator.DecideAsync(note, "Approve");

        Assert.NotNull((await ReadAnonymouslyAsync("/wall")).Document.QuerySelector($"#post-{note}"));
        Assert.Null((await ReadAnonymouslyAsync("/wall?mute=pancakes")).Document.QuerySelector($"#post-{note}"));
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var pause = await client.GetAsync(new Uri("/wall?break_for=1h", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, pause.StatusCode);
        Assert.False(pause.Headers.Contains("Set-Cookie"));
        var onBreak = await HtmlPage.GetAsync(client, pause.Headers.Location!.OriginalString);
        Assert.NotNull(onBreak.Document.QuerySelector("#on-break"));
        Assert.Null(onBreak.Document.QuerySelector($"#post-{note}"));
    }

    [Fact]
    public async Task A_thread_keeps_the_reader_s_break_and_muted_words_from_the_address()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("Scones and a long bath got me through today.");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        await moderator.DecideAsync(note, "Approve");

        // Links from a wall with muted words carry them, and the thread folds a note with a muted word.
        var muted = await ReadAnonymouslyAsync("/wall?mute=pancakes");
        var link = muted.Document.QuerySelector($"#post-{note} a[href^='/wall/{note}']")!.GetAttribute("href")!;
        Assert.Contains("mute=pancakes", link, StringComparison.Ordinal);
        Assert.NotNull((await ReadAnonymouslyAsync($"/wall/{note}?mute=scones")).Document.QuerySelector("#muted-note:not([open])"));
        Assert.Null((await ReadAnonymouslyAsync($"/wall/{note}")).Document.QuerySelector("#muted-note"));

        // A break in the address holds on a thread opened from a bookmark or a shared link.
        var until = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        var paused = await ReadAnonymouslyAsync($"/wall/{note}?mute=pancakes&break_until={until}");
        Assert.Equal(HttpStatusCode.OK, paused.Response.StatusCode);
        Assert.NotNull(paused.Document.QuerySelector("#on-break"));
        Assert.DoesNotContain("Scones", paused.Markup, StringComparison.Ordinal);
        Assert.Null(paused.Document.QuerySelector("#replies"));
        Assert.Equal($"/wall/{note}?mute=pancakes", paused.Document.QuerySelector("#end-break")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_signed_in_reader_s_saved_break_holds_on_a_thread_until_they_end_it_there()
    {
        using var person = await app.SignUpAsync();
        var note = await person.WriteAsync("Crumble with custard, and a good cry.");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        await moderator.DecideAsync(note, "Approve");
        using var reader = await app.SignUpAsync();
        var wall = await reader.Browser.GetAsync("/wall");
        Assert.Equal(HttpStatusCode.Redirect, (await reader.Browser.PostAsync("/wall?handler=break", wall.AntiforgeryToken("/wall?handler=break"), [new("break_for", "1d")])).Status);

        var thread = await reader.Browser.GetAsync($"/wall/{note}");
        Assert.NotNull(thread.Document.QuerySelector("#on-break"));
        Assert.DoesNotContain("Crumble", thread.Html, StringComparison.Ordinal);
        Assert.Null(thread.Document.QuerySelector("#replies"));

        var ended = await reader.Browser.PostAsync("/wall?handler=endbreak", thread.AntiforgeryToken("/wall?handler=endbreak"), [new("thread", note.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, ended.Status);
        Assert.Equal($"/wall/{note}", ended.RedirectPath);
        Assert.Contains("Crumble", (await reader.Browser.GetAsync($"/wall/{note}")).Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_reader_s_choices_follow_their_account_encrypted_in_the_download_and_erased_with_it()
    {
        using var author = await app.SignUpAsync();
        var word = "crumpet" + Guid.NewGuid().ToString("N")[..6];
        var secret = "privateword" + Guid.NewGuid().ToString("N")[..6];
        var muted = await author.WriteAsync($"A {word} and a cup of tea got me through.");
        var plain = await author.WriteAsync("A short walk helped today.");
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        await moderator.DecideAsync(muted, "Approve");
        await moderator.DecideAsync(plain, "Approve");
        using var reader = await app.SignUpAsync();

        var wall = await reader.Browser.GetAsync("/wall");
        var tooMany = await reader.Browser.PostAsync("/wall?handler=choices", wall.AntiforgeryToken("/wall?handler=choices"),
            [new("warnings", "expand"), new("Mute", string.Join(",", Enumerable.Range(1, 21).Select(n => $"w{n}")))]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.Status);
        Assert.Equal(["You can leave out up to 20 words. Take some out and save again"], tooMany.ErrorSummary());
        var saved = await reader.Browser.PostAsync("/wall?handler=choices", wall.AntiforgeryToken("/wall?handler=choices"),
            [new("warnings", "expand"), new("Mute", $"{word}, {secret}")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        // Another device: the same person signs in again, and their choices are there, not in any address.
        using var other = Browser.For(app);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync("/account/sign-in", [new("Input.Email", reader.Email), new("Input.Password", AccountsApp.GoodPassword)])).Status);
        var there = await other.GetAsync("/wall");
        Assert.Null(there.Document.QuerySelector($"#post-{muted}"));
        Assert.NotNull(there.Document.QuerySelector($"#post-{plain}"));
        Assert.NotNull(there.Document.QuerySelector("#warnings-expand[checked]"));
        Assert.Contains(secret, there.Document.QuerySelector("#Mute")!.GetAttribute("value"), StringComparison.Ordinal);
        Assert.DoesNotContain(there.Document.QuerySelectorAll("#topics a"), a => (a.GetAttribute("href") ?? "").Contains("mute", StringComparison.OrdinalIgnoreCase));

        // The address still works: without an account, and over the saved choices while it is there.
        Assert.NotNull((await ReadAnonymouslyAsync("/wall")).Document.QuerySelector($"#post-{muted}"));
        Assert.NotNull((await other.GetAsync("/wall?warnings=collapse")).Document.QuerySelector($"#post-{muted}"));

        // A break follows the account too, until they end it.
        var onBreak = await other.PostAsync("/wall?handler=break", there.AntiforgeryToken("/wall?handler=break"), [new("break_for", "1d")]);
        Assert.Equal(HttpStatusCode.Redirect, onBreak.Status);
        var paused = await reader.Browser.GetAsync("/wall");
        Assert.NotNull(paused.Document.QuerySelector("#on-break"));
        Assert.Null(paused.Document.QuerySelector($"#post-{plain}"));
        Assert.Equal(HttpStatusCode.Redirect, (await reader.Browser.PostAsync("/wall?handler=endbreak", paused.AntiforgeryToken("/wall?handler=endbreak"), [])).Status);
        Assert.NotNull((await reader.Browser.GetAsync("/wall")).Document.QuerySelector($"#post-{plain}"));

        await using (var db = app.OpenDb())
        {
            Assert.Empty(await DatabaseScan.FindAsync(db, [secret]));
        }
        var data = await reader.Browser.SubmitAsync("/my/data", []);
        using (var json = System.Text.Json.JsonDocument.Parse(data.Html))
        {
            var choices = json.RootElement.GetProperty("wall").GetProperty("reading_choices");
            Assert.Equal($"{word},{secret}", choices.GetProperty("muted_words").GetString());
            Assert.Equal("expand", choices.GetProperty("content_warnings").GetString());
        }

        Assert.Equal(HttpStatusCode.Redirect, (await reader.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")])).Status);
        await using (var db = app.OpenDb())
        {
            Assert.False(await db.WallMembers.AnyAsync(m => m.UserId == reader.UserId));
        }
    }

    [Fact]
    public async Task An_author_deletes_their_note_and_deleting_the_account_deletes_the_rest_after_it_is_in_the_download()
    {
        using var person = await app.SignUpAsync();
        var gone = await person.WriteAsync("Delete me later.");
        var kept = await person.WriteAsync("Download me.");
        var mine = await person.Browser.GetAsync("/my/wall");
        var deleted = await person.Browser.PostAsync("/my/wall?handler=delete", mine.AntiforgeryToken("/my/wall?handler=delete"), [new("itemId", gone.ToString())]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);

        var data = await person.Browser.SubmitAsync("/my/data", []);
        Assert.Contains("Download me.", data.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Delete me later.", data.Html, StringComparison.Ordinal);

        var erased = await person.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")]);
        await using var db = app.OpenDb();
        Assert.False(await db.WallItems.AnyAsync(i => i.Id == kept || i.Id == gone), $"delete answered {(int)erased.Status}");
    }

    [Fact]
    public async Task Moderators_need_an_authenticator_and_land_on_the_queue_and_people_cannot_open_it()
    {
        using var person = await app.SignUpAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await person.Browser.GetAsync("/moderate")).Status);
        var (passwordOnly, _) = await app.SignInWithPasswordOnlyAsync(Roles.Moderator);
        using (passwordOnly)
        {
            Assert.NotEqual(HttpStatusCode.OK, (await passwordOnly.GetAsync("/moderate")).Status);
        }
        using var moderator = await app.SignInAsStaffAsync(Roles.Moderator);
        Assert.Equal(HttpStatusCode.OK, (await moderator.Browser.GetAsync("/moderate")).Status);
        Assert.Equal("/moderate", Waymark.Web.Accounts.Landing.HomeFor([Roles.Moderator]));
    }
}
