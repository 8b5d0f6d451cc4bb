using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Safety;
using Waymark.Core.Screening;

namespace Waymark.Core.Wall;

/// <summary>
/// Writing on the wall and reading it. Everything written is screened and, unless the settings allow otherwise,
/// held for a moderator (ADR 0014); readers see only approved, unhidden items, and reading writes nothing.
/// </summary>
public sealed class WallService(WaymarkDbContext db, PostScreener screener, WallOptions options, WallText words, TimeProvider time)
{
    public const int MaxPostLength = 1000;
    public const int MaxNameLength = 40;
    public const string Unnamed = "A Waymark member";
    public const string DeletedAuthor = "Its author";
    public const string ScreenerName = "screener";

    private readonly ModeratedHours _hours = new(options);

    public ModeratedHours Hours => _hours;

    /// <summary>The author's display name as others see it (approved), else null, and the one waiting, if any.</summary>
    public async Task<(string? Approved, WallItem? Latest)> DisplayNameAsync(Guid userId, CancellationToken ct = default)
    {
        var approved = await db.WallMembers.Where(m => m.UserId == userId).Select(m => m.DisplayName).SingleOrDefaultAsync(ct);
        var latest = await db.WallItems.Where(i => i.AuthorId == userId && i.Kind == WallItemKind.DisplayName)
            .OrderByDescending(i => i.CreatedAt).FirstOrDefaultAsync(ct);
        return (approved, latest);
    }

    /// <summary>Whether the author has a display name chosen that is not turned down: approved, or waiting for a moderator.</summary>
    public async Task<bool> HasDisplayNameAsync(Guid userId, CancellationToken ct = default)
    {
        var (approved, latest) = await DisplayNameAsync(userId, ct);
        return approved is not null || latest is { Status: WallItemStatus.Pending or WallItemStatus.Escalated };
    }

    /// <summary>A chosen display name: never the email address, screened like a post and always seen by a moderator.</summary>
    public async Task<WallSubmission> ChooseDisplayNameAsync(Actor author, string? email, string? name, CancellationToken ct = default)
    {
        var userId = author.UserId ?? throw new InvalidOperationException("Only a signed-in person chooses a display name.");
        if (NameProblem(email, name) is { } problem)
        {
            throw problem;
        }
        var text = name!.Trim();
        var result = screener.Screen(text, ScreenedKind.DisplayName);
        var item = NewItem(userId, WallItemKind.DisplayName, null, null, text, result);
        item.Status = WallItemStatus.Pending;
        db.WallItems.Add(item);
        db.Audit(time, author, WallAuditActions.Written, "wall-item", item.Id.ToString(), "display-name");
        await db.SaveChangesAsync(ct);
        return new WallSubmission(item, result, "Thank you. A moderator will check your display name before others see it. Until then your notes show as \"" + Unnamed + "\".");
    }

    /// <summary>What is wrong with a display name someone chose, or null: never the email address, and screened like a post.</summary>
    public WallInputException? NameProblem(string? email, string? name)
    {
        var text = name?.Trim() ?? "";
        if (text.Length == 0)
        {
            return new WallInputException("DisplayName", "Choose a display name that others will see");
        }
        var local = email?.Split('@')[0];
        if (text.Contains('@', StringComparison.Ordinal)
            || (email is not null && (string.Equals(text, email, StringComparison.OrdinalIgnoreCase) || string.Equals(text, local, StringComparison.OrdinalIgnoreCase))))
        {
            return new WallInputException("DisplayName", "Choose a display name that is not your email address");
        }
        if (text.Length > MaxNameLength)
        {
            return new WallInputException("DisplayName", $"Your display name must be {MaxNameLength} characters or fewer");
        }
        var result = screener.Screen(text, ScreenedKind.DisplayName);
        return result.Outcome == ScreeningOutcome.Reject
            ? new WallInputException("DisplayName", "Choose a different display name. " + (result.AuthorMessage ?? AuthorMessages.Rejected))
            : null;
    }

    /// <summary>
    /// Everything wrong with what the write form sent, in the form's order (display name when one is being chosen,
    /// topic, text), so the author can put it all right at once. Empty when it can be sent.
    /// </summary>
    public async Task<IReadOnlyList<WallInputException>> ProblemsAsync(string? email, bool choosingName, string? name, string? topic, Guid? threadId, string? text, CancellationToken ct = default)
    {
        var problems = new List<WallInputException>();
        if (choosingName && NameProblem(email, name) is { } nameProblem)
        {
            problems.Add(nameProblem);
        }
        var (_, postProblems) = await PostProblemsAsync(topic, threadId, text, ct);
        problems.AddRange(postProblems);
        return problems;
    }

    private async Task<(WallItem? Thread, List<WallInputException> Problems)> PostProblemsAsync(string? topic, Guid? threadId, string? text, CancellationToken ct)
    {
        var problems = new List<WallInputException>();
        var body = text?.Trim() ?? "";
        WallItem? thread = null;
        if (threadId is { } tid)
        {
            thread = await db.WallItems.SingleOrDefaultAsync(i => i.Id == tid && i.Kind == WallItemKind.Post, ct);
            if (thread is null || !thread.IsReadable)
            {
                problems.Add(new WallInputException("Text", "You can only reply to a note that is on the wall"));
                return (null, problems);
            }
        }
        else if (WallTopics.Find(topic) is null)
        {
            problems.Add(new WallInputException("Topic", "Choose a topic for your note"));
        }
        if (body.Length == 0)
        {
            problems.Add(new WallInputException("Text", thread is null ? "Write your note" : "Write your reply"));
        }
        else if (body.Length > MaxPostLength)
        {
            problems.Add(new WallInputException("Text", $"Your {(thread is null ? "note" : "reply")} must be {MaxPostLength:N0} characters or fewer. It is {body.Length.ToString("N0", CultureInfo.InvariantCulture)}"));
        }
        return (thread, problems);
    }

    /// <summary>
    /// A new post in a topic, or a reply to a readable post. An author who <paramref name="asksForPerson"/> is answered as
    /// an urgent post is, whatever the screener found: they know better than any screener that they need someone now.
    /// </summary>
    public async Task<WallSubmission> WriteAsync(Actor author, string? topic, Guid? threadId, string? text, bool asksForPerson = false, CancellationToken ct = default)
    {
        var userId = author.UserId ?? throw new InvalidOperationException("Only a signed-in person writes on the wall.");
        var (thread, problems) = await PostProblemsAsync(topic, threadId, text, ct);
        if (problems.Count > 0)
        {
            throw problems[0];
        }
        topic = thread?.Topic ?? topic;
        var body = text!.Trim();
        if (!await HasDisplayNameAsync(userId, ct))
        {
            throw new WallInputException("DisplayName", "Choose a display name that others will see");
        }

        var now = time.GetUtcNow();
        var result = screener.Screen(body, thread is null ? ScreenedKind.Post : ScreenedKind.Reply);
        var item = NewItem(userId, thread is null ? WallItemKind.Post : WallItemKind.Reply, topic, thread?.Id, body, result);
        item.AskedForPersonAt = asksForPerson ? item.CreatedAt : null;
        string message;
        // An author who asked for a person is answered as an urgent post is: never rejected or published by the screener.
        switch (item.IsUrgent ? ScreeningOutcome.Urgent : item.ScreenedOutcome)
        {
            case ScreeningOutcome.Reject:
                item.Status = WallItemStatus.Rejected;
                item.Reason = result.AuthorMessage ?? AuthorMessages.Rejected;
                item.DecidedAt = now;
                item.DecidedByName = ScreenerName;
                message = item.Reason;
                break;
            case ScreeningOutcome.Urgent:
                item.Status = WallItemStatus.Pending;
                message = UrgentWords(now);
                break;
            default:
                if (await MayPublishWithoutReviewAsync(userId, result, now, ct))
                {
                    item.Status = WallItemStatus.Approved;
                    item.ContentWarning = result.Outcome == ScreeningOutcome.Warn ? WallModerationRules.DefaultWarning : null;
                    item.DecidedAt = now;
                    item.DecidedByName = ScreenerName;
                    message = "Thank you. Your " + (thread is null ? "note" : "reply") + " is on the wall.";
                }
                else
                {
                    item.Status = WallItemStatus.Pending;
                    message = HeldWords(now);
                }
                break;
        }
        db.WallItems.Add(item);
        db.Audit(time, author, WallAuditActions.Written, "wall-item", item.Id.ToString(), item.Kind == WallItemKind.Post ? "post" : "reply");
        await db.SaveChangesAsync(ct);
        return new WallSubmission(item, result, message);
    }

    private async Task<bool> MayPublishWithoutReviewAsync(Guid userId, ScreeningResult result, DateTimeOffset now, CancellationToken ct)
    {
        if (!options.PublishWithoutReview || !result.IsPublic || !_hours.IsOpen(now))
        {
            return false;
        }
        var approvedBefore = await db.WallItems.CountAsync(i => i.AuthorId == userId && i.Kind != WallItemKind.DisplayName && i.Status == WallItemStatus.Approved && i.DecidedByName != ScreenerName, ct);
        return approvedBefore >= options.FirstPostsHeld;
    }

    /// <summary>For a held post: when a person will read it.</summary>
    public string HeldWords(DateTimeOffset now) => _hours.IsOpen(now)
        ? "Thank you. A moderator will read it before anyone else can see it. We will show it on the wall once they have. You can see where it is on your wall page."
        : $"Thank you. A moderator will read it before anyone else can see it. Moderators are not on right now: they are next on {_hours.NextOnWords(now)}.";

    /// <summary>When a person would reply to an urgent post written now: "within 15 minutes", or when moderators are next on.</summary>
    public string ReplyTimeWords(DateTimeOffset now) => _hours.IsOpen(now)
        ? $"within {options.UrgentTargetMinutes} minutes"
        : $"when moderators are next on, {_hours.NextOnWords(now)}";

    /// <summary>For an urgent post: a person will reply, and when; outside moderated hours, who to contact now.</summary>
    public string UrgentWords(DateTimeOffset now)
    {
        var contacts = string.Join(" ", CrisisContacts.CardContacts.Skip(1).Select(c => $"{c.Name}: {c.Action.TrimEnd('.')}."));
        return _hours.IsOpen(now)
            ? $"Thank you for telling us. What you wrote will not go on the wall. A person from our moderation team will read it and reply to you privately {ReplyTimeWords(now)}. You will see their reply on your wall page. If you need to talk to someone now: {contacts} If your life is at risk now, call 999 or go to A&E."
            : $"Thank you for telling us. What you wrote will not go on the wall. Our moderators are not on right now: they are next on {_hours.NextOnWords(now)}, and a person will read it and reply to you privately then. Please do not wait if you need to talk to someone now: {contacts} If your life is at risk now, call 999 or go to A&E.";
    }

    private WallItem NewItem(Guid userId, WallItemKind kind, string? topic, Guid? threadId, string text, ScreeningResult result)
    {
        var now = time.GetUtcNow();
        return new WallItem
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            AuthorId = userId,
            Topic = topic,
            ThreadId = threadId,
            ProtectedText = words.Protect(text),
            ScreenedOutcome = result.Outcome,
            ProtectedMatches = words.Protect(WallMatches.ToJson(result)),
            CreatedAt = now,
            Version = 1,
        };
    }

    /// <summary>Published posts, newest first: only what a moderator approved (or the settings let through) and readers have not hidden.</summary>
    public async Task<IReadOnlyList<WallPostView>> ReadAsync(string? topic, int take = 50, CancellationToken ct = default)
    {
        var query = db.WallItems.AsNoTracking().Where(i => i.Kind == WallItemKind.Post
            && ((i.Status == WallItemStatus.Approved && !i.Hidden)
                || (i.Status == WallItemStatus.Deleted && db.WallItems.Any(r => r.ThreadId == i.Id && r.Status == WallItemStatus.Approved && !r.Hidden))));
        if (topic is not null)
        {
            query = query.Where(i => i.Topic == topic);
        }
        var posts = await query.OrderByDescending(i => i.CreatedAt).Take(take).ToListAsync(ct);
        return await ViewsAsync(posts, ct);
    }

    /// <summary>A readable post and its readable replies, oldest reply first; null when the post is not readable.</summary>
    public async Task<(WallPostView Post, IReadOnlyList<WallPostView> Replies)?> ThreadAsync(Guid id, CancellationToken ct = default)
    {
        var post = await db.WallItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.Kind == WallItemKind.Post, ct);
        if (post is null || !(post.IsReadable || post.Status == WallItemStatus.Deleted))
        {
            return null;
        }
        var replies = await db.WallItems.AsNoTracking()
            .Where(i => i.ThreadId == id && i.Kind == WallItemKind.Reply && i.Status == WallItemStatus.Approved && !i.Hidden)
            .OrderBy(i => i.CreatedAt).ToListAsync(ct);
        if (post.Status == WallItemStatus.Deleted && replies.Count == 0)
        {
            return null;
        }
        var views = await ViewsAsync([post, .. replies], ct);
        return (views[0], views.Skip(1).ToList());
    }

    private async Task<List<WallPostView>> ViewsAsync(List<WallItem> items, CancellationToken ct)
    {
        var authors = items.Where(i => i.AuthorId is not null).Select(i => i.AuthorId!.Value).Distinct().ToList();
        var names = await db.WallMembers.Where(m => authors.Contains(m.UserId) && m.DisplayName != null)
            .ToDictionaryAsync(m => m.UserId, m => m.DisplayName!, ct);
        return [.. items.Select(i => i.Status == WallItemStatus.Deleted
            ? new WallPostView(i.Id, i.Topic, DeletedAuthor, "", null, i.CreatedAt, DeletedByAuthor: true)
            : new WallPostView(i.Id, i.Topic, (i.AuthorId is { } a ? names.GetValueOrDefault(a, Unnamed) : Unnamed), words.Unprotect(i.ProtectedText), i.ContentWarning, i.CreatedAt))];
    }

    /// <summary>"You're not alone", once per reader; an author cannot react to their own item. Answers whether the item was readable.</summary>
    public async Task<bool> ReactAsync(Actor reader, Guid itemId, CancellationToken ct = default)
    {
        var userId = reader.UserId ?? throw new InvalidOperationException("Only a signed-in person reacts.");
        var item = await db.WallItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null || !item.IsReadable || item.Kind == WallItemKind.DisplayName)
        {
            return false;
        }
        if (item.AuthorId == userId || await db.WallReactions.AnyAsync(r => r.ItemId == itemId && r.UserId == userId, ct))
        {
            return true;
        }
        db.WallReactions.Add(new WallReaction { Id = Guid.CreateVersion7(), ItemId = itemId, UserId = userId, CreatedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The same reader's second tap at the same moment: one reaction is kept.
            db.ChangeTracker.Clear();
        }
        return true;
    }

    /// <summary>
    /// A reader's report. Reports from <see cref="WallOptions.ReportsToHide"/> different readers hide the item until a
    /// moderator looks again. Answers whether the item exists and is readable.
    /// </summary>
    public async Task<bool> ReportAsync(Guid itemId, string reporterKey, string? reason, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(reporterKey);
        var item = await db.WallItems.SingleOrDefaultAsync(i => i.Id == itemId && i.Kind != WallItemKind.DisplayName, ct);
        if (item is null || !item.IsReadable)
        {
            return false;
        }
        if (!await db.WallFlags.AnyAsync(f => f.ItemId == itemId && f.ReporterKey == reporterKey, ct))
        {
            db.WallFlags.Add(new WallFlag
            {
                Id = Guid.CreateVersion7(),
                ItemId = itemId,
                ReporterKey = reporterKey,
                Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 500)],
                CreatedAt = time.GetUtcNow(),
            });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
            {
                db.ChangeTracker.Clear();
                return true;
            }
        }
        var reporters = await db.WallFlags.Where(f => f.ItemId == itemId).Select(f => f.ReporterKey).Distinct().CountAsync(ct);
        if (reporters >= options.ReportsToHide)
        {
            // One statement, so a report at the same moment as a moderator's decision never undoes it.
            await db.WallItems.Where(i => i.Id == itemId && i.Status == WallItemStatus.Approved && !i.Hidden)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Hidden, true).SetProperty(i => i.Version, i => i.Version + 1), ct);
        }
        return true;
    }

    /// <summary>Everything the author wrote on the wall, newest first, with the private count of "You're not alone".</summary>
    public async Task<IReadOnlyList<MyWallItem>> MineAsync(Guid userId, CancellationToken ct = default)
    {
        var items = await db.WallItems.AsNoTracking().Where(i => i.AuthorId == userId && i.Status != WallItemStatus.Deleted).OrderByDescending(i => i.CreatedAt).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var reactions = await db.WallReactions.Where(r => ids.Contains(r.ItemId)).GroupBy(r => r.ItemId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. items.Select(i => new MyWallItem(i, reactions.GetValueOrDefault(i.Id), words.Unprotect(i.ProtectedText), words.UnprotectReply(i.ProtectedPrivateReply)))];
    }

    /// <summary>
    /// The author takes down their own post or reply, and their own replies under it. Other people's replies stay where
    /// they wrote them: the post's words go, and readers see that its author deleted it. An urgent one stays until a
    /// moderator has replied.
    /// </summary>
    public async Task<bool> DeleteAsync(Actor author, Guid itemId, CancellationToken ct = default)
    {
        var item = await db.WallItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.AuthorId == author.UserId && i.Kind != WallItemKind.DisplayName && i.Status != WallItemStatus.Deleted, ct);
        if (item is null)
        {
            return false;
        }
        if (item.IsUrgent && item.Status != WallItemStatus.Answered)
        {
            throw new WallInputException("Delete", "A moderator is going to reply to this one, so we keep it until they have. It will never be shown on the wall.");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await WallRemoval.RemoveAsync(db, item.AuthorId!.Value, [itemId], ct);
        db.Audit(time, author, WallAuditActions.DeletedByAuthor, "wall-item", item.Id.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// The author of a note still waiting for a moderator asks for a person to reply: it becomes urgent, as if they had
    /// ticked the box when writing it (the screener misses some notes that needed it). Answers false when there is nothing
    /// to change: not theirs, already urgent, or already decided.
    /// </summary>
    public async Task<bool> AskForPersonAsync(Actor author, Guid itemId, CancellationToken ct = default)
    {
        var item = await db.WallItems.SingleOrDefaultAsync(i => i.Id == itemId && i.AuthorId == author.UserId && i.Kind != WallItemKind.DisplayName, ct);
        if (item is null || item.IsUrgent || item.Status != WallItemStatus.Pending)
        {
            return false;
        }
        item.AskedForPersonAt = time.GetUtcNow();
        // A moderator holding the old version is told it changed, and sees it is now urgent.
        item.Version++;
        db.Audit(time, author, WallAuditActions.AskedForPerson, "wall-item", item.Id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A moderator decided it at this moment: their decision stands, and the author sees it.
            db.ChangeTracker.Clear();
            return false;
        }
        return true;
    }

    /// <summary>
    /// The author asks for a decision to be looked at again — not publishing it, or publishing it with details taken out
    /// (which stays up meanwhile): it goes back to the queue.
    /// </summary>
    public async Task<bool> AskAgainAsync(Actor author, Guid itemId, CancellationToken ct = default)
    {
        var item = await db.WallItems.SingleOrDefaultAsync(i => i.Id == itemId && i.AuthorId == author.UserId, ct);
        if (item is null || item.ReviewRequested || !(item.Status == WallItemStatus.Rejected || (item.Status == WallItemStatus.Approved && item.EditedOut is not null)))
        {
            return false;
        }
        item.ReviewRequested = true;
        item.Version++;
        db.Audit(time, author, WallAuditActions.ReviewRequested, "wall-item", item.Id.ToString());
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>
/// A post or reply as readers see it: the author's approved display name, never their account. A post its author
/// deleted under other people's replies keeps neither words nor name (<see cref="DeletedByAuthor"/>).
/// </summary>
public sealed record WallPostView(Guid Id, string? Topic, string AuthorName, string Text, string? ContentWarning, DateTimeOffset WrittenAt, bool DeletedByAuthor = false);

/// <summary>One of the author's own items, with how many people said "You're not alone" (shown to them only), its words and a moderator's private reply.</summary>
public sealed record MyWallItem(WallItem Item, int Reactions, string Text, string? PrivateReply);

public static class WallAuditActions
{
    public const string Written = "wall-written";
    public const string DeletedByAuthor = "wall-deleted-by-author";
    public const string ReviewRequested = "wall-review-requested";
    public const string AskedForPerson = "wall-asked-for-person";
    public const string Decided = "wall-decided";

    /// <summary>A moderator opened an item and so read its words (<see cref="WallModeration.ReadWordsAsync"/>).</summary>
    public const string Read = "wall-read";
    public const string Conflict = "wall-decision-conflict";
    public const string BreakTaken = "wall-break-taken";
}
