using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.PeerSupport;

namespace Waymark.Core.Wall;

/// <summary>Which items the queue lists.</summary>
public enum QueueView
{
    Waiting,
    Approved,
    Rejected,
    Escalated,
}

/// <summary>
/// An item in the queue: urgent ones carry the time a moderator should have replied by, and what the screener matched.
/// Not its words: a page gets those only from <see cref="WallModeration.ReadWordsAsync"/>, which logs the read.
/// </summary>
public sealed record QueueEntry(WallItem Item, DateTimeOffset? Target, int Reports, IReadOnlyList<WallMatch> Matches);

/// <summary>How long a moderator has been at it since their last break, and whether to prompt one.</summary>
public sealed record ModeratorStretch(DateTimeOffset? Since, int Items, int Urgent, bool BreakDue);

/// <summary>
/// The moderators' side: the queue (urgent first, then reported, then oldest), decisions with a version check so
/// two moderators never act on one item at once, the author told through the outbox, and each moderator's exposure.
/// </summary>
public sealed class WallModeration(WaymarkDbContext db, WallOptions options, WallNotifier notifier, HardMoments hardMoments, WallText words, TimeProvider time)
{
    private static readonly Expression<Func<WallItem, bool>> Waiting = i =>
        i.Status == WallItemStatus.Pending || i.Status == WallItemStatus.Escalated
        || (i.Status == WallItemStatus.Approved && (i.Hidden || i.ReviewRequested))
        || (i.Status == WallItemStatus.Rejected && i.ReviewRequested);

    private readonly ModeratedHours _hours = new(options);

    public async Task<IReadOnlyList<QueueEntry>> QueueAsync(QueueView view, CancellationToken ct = default)
    {
        var query = view switch
        {
            QueueView.Approved => db.WallItems.Where(i => i.Status == WallItemStatus.Approved),
            QueueView.Rejected => db.WallItems.Where(i => i.Status == WallItemStatus.Rejected),
            QueueView.Escalated => db.WallItems.Where(i => i.Status == WallItemStatus.Escalated),
            _ => db.WallItems.Where(Waiting),
        };
        var items = await query.AsNoTracking()
            .OrderByDescending(i => i.ScreenedOutcome == Screening.ScreeningOutcome.Urgent || i.AskedForPersonAt != null)
            .ThenByDescending(i => i.Hidden)
            // Urgent since: so urgent items come in the order of their reply targets (see TargetFor).
            .ThenBy(i => i.AskedForPersonAt ?? i.CreatedAt)
            .Take(200)
            .ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var reports = await db.WallFlags.Where(f => ids.Contains(f.ItemId)).GroupBy(f => f.ItemId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. items.Select(i => new QueueEntry(i, i.IsUrgent ? TargetFor(i) : null, reports.GetValueOrDefault(i.Id), words.Matches(i)))];
    }

    /// <summary>
    /// When a moderator should have replied to an urgent item: the target after it became urgent (when written, or when
    /// its author asked for a person afterwards), counted from when moderators are next on. An author can only ask
    /// afterwards about a note the screener did not find urgent, so the ask, when there is one, is when it became urgent.
    /// </summary>
    public DateTimeOffset TargetFor(WallItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _hours.NextOpening(item.AskedForPersonAt ?? item.CreatedAt).AddMinutes(options.UrgentTargetMinutes);
    }

    public async Task<QueueEntry?> ItemAsync(Guid id, CancellationToken ct = default)
    {
        var item = await db.WallItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return null;
        }
        var reports = await db.WallFlags.CountAsync(f => f.ItemId == id, ct);
        return new QueueEntry(item, item.IsUrgent ? TargetFor(item) : null, reports, words.Matches(item));
    }

    /// <summary>
    /// An item's words in plain, for a moderator about to be shown them, and the record that they were. A note can
    /// disclose risk or identify its author, so every read by staff is logged, as reads of a story or a referral are; the
    /// item's history then shows who has looked. The one way a page gets the words, so none is shown unlogged.
    /// </summary>
    public async Task<WallWords> ReadWordsAsync(WallItem item, Actor moderator, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        db.Audit(time, moderator, WallAuditActions.Read, "wall-item", item.Id.ToString());
        await db.SaveChangesAsync(ct);
        return words.Read(item);
    }

    /// <summary>
    /// Makes the decision if nobody has changed the item since the moderator saw it at <see cref="WallDecision.Version"/>;
    /// otherwise throws <see cref="WallConflictException"/> with what the item is now. The decision, its audit row and
    /// any message to the author are saved together or not at all.
    /// </summary>
    public async Task<WallItem?> DecideAsync(Guid id, WallDecision decision, Actor moderator, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var item = await db.WallItems.SingleOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return null;
        }
        if (item.Version != decision.Version)
        {
            throw new WallConflictException(item);
        }
        var wasUrgent = item.IsUrgent;
        var wasEscalated = item.Status == WallItemStatus.Escalated;
        var text = words.Unprotect(item.ProtectedText);
        WallWordsWritten written;
        try
        {
            written = WallModerationRules.Apply(item, text, decision, moderator, time.GetUtcNow());
        }
        catch (WallDecisionException)
        {
            // The page goes on to record the moderator's read in this same context: nothing of a refused decision may ride along.
            db.ChangeTracker.Clear();
            throw;
        }
        if (written.Text is not null)
        {
            text = written.Text;
            item.ProtectedText = words.Protect(text);
        }
        if (written.Reply is not null)
        {
            item.ProtectedPrivateReply = words.Protect(written.Reply);
        }
        // The approved name is public, so the member's copy of it is kept plain.
        if (item.Kind == WallItemKind.DisplayName && item.Status == WallItemStatus.Approved && item.AuthorId is { } authorId)
        {
            var member = await db.WallMembers.SingleOrDefaultAsync(m => m.UserId == authorId, ct);
            if (member is null)
            {
                db.WallMembers.Add(new WallMember { UserId = authorId, DisplayName = text, CreatedAt = time.GetUtcNow() });
            }
            else
            {
                member.DisplayName = text;
            }
        }
        db.Audit(time, moderator, WallAuditActions.Decided, "wall-item", item.Id.ToString(),
            $"{ActionKey(decision.Action)}{(wasUrgent ? " urgent" : "")}");
        if (decision.Action == WallAction.Reply)
        {
            await notifier.RepliedAsync(item, ct);
        }
        else if (decision.Action is WallAction.Reject or WallAction.EditAndApprove)
        {
            await notifier.DecidedAsync(item, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.WallItems.AsNoTracking().SingleAsync(i => i.Id == id, ct);
            throw new WallConflictException(current);
        }
        if (decision.Action == WallAction.Reply && (wasUrgent || wasEscalated))
        {
            // A peer supporter who has just answered someone at risk is offered a debrief (issue 15).
            await hardMoments.AfterUrgentWallReplyAsync(moderator.UserId, ct);
        }
        return item;
    }

    public static string ActionKey(WallAction action) => action switch
    {
        WallAction.Approve => "approved",
        WallAction.ApproveWithWarning => "approved-with-warning",
        WallAction.EditAndApprove => "edited-and-approved",
        WallAction.Reject => "rejected",
        WallAction.Escalate => "escalated",
        WallAction.Reply => "replied",
        _ => action.ToString(),
    };

    /// <summary>What a decision did, in words for another moderator ("escalated it to a senior moderator").</summary>
    public static string Did(string? detail) => (detail ?? "").Replace(" urgent", "", StringComparison.Ordinal) switch
    {
        "approved" => "approved it",
        "approved-with-warning" => "approved it behind a content warning",
        "edited-and-approved" => "took out identifying details and approved it",
        "rejected" => "rejected it",
        "escalated" => "escalated it to a senior moderator",
        "replied" => "replied to its author privately",
        _ => "changed it",
    };

    /// <summary>
    /// What happened to an item last, for a moderator whose decision lost the version check: who did what, and when,
    /// from the item's history. An author is never named to moderators.
    /// </summary>
    public async Task<string> WhatHappenedAsync(WallItem current, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        var key = current.Id.ToString();
        var last = await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == "wall-item" && e.SubjectId == key
                && (e.Action == WallAuditActions.Decided || e.Action == WallAuditActions.ReviewRequested || e.Action == WallAuditActions.DeletedByAuthor))
            .OrderByDescending(e => e.OccurredAt).FirstOrDefaultAsync(ct);
        if (current.Hidden && (last is null || last.Action != WallAuditActions.Decided))
        {
            return "Readers' reports hid it while you were looking.";
        }
        if (last is null)
        {
            return "It changed while you were looking.";
        }
        var at = Schedules.UkTime.ToLocal(last.OccurredAt).ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return last.Action switch
        {
            WallAuditActions.ReviewRequested => $"Its author asked for it to be looked at again at {at}.",
            WallAuditActions.DeletedByAuthor => $"Its author deleted it at {at}.",
            _ => $"{last.ActorEmail} {Did(last.Detail)} at {at}.",
        };
    }

    /// <summary>
    /// The moderator's stretch since their last break (within the last 12 hours, a staff session's longest): how many
    /// items they have handled, how many urgent, and whether it is time to prompt a break.
    /// </summary>
    public async Task<ModeratorStretch> StretchAsync(Actor moderator, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var from = now.AddHours(-12);
        var lastBreak = await db.AuditEvents
            .Where(e => e.ActorId == moderator.UserId && e.Action == WallAuditActions.BreakTaken && e.OccurredAt >= from)
            .OrderByDescending(e => e.OccurredAt).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(ct);
        var since = lastBreak ?? from;
        var handled = await db.AuditEvents
            .Where(e => e.ActorId == moderator.UserId && e.Action == WallAuditActions.Decided && e.OccurredAt > since)
            .Select(e => new { e.OccurredAt, e.Detail }).ToListAsync(ct);
        if (handled.Count == 0)
        {
            return new ModeratorStretch(null, 0, 0, false);
        }
        var start = handled.Min(h => h.OccurredAt);
        var urgent = handled.Count(h => h.Detail != null && h.Detail.EndsWith(" urgent", StringComparison.Ordinal));
        var due = handled.Count >= options.BreakAfterItems || now - start >= TimeSpan.FromMinutes(options.BreakAfterMinutes);
        return new ModeratorStretch(start, handled.Count, urgent, due);
    }

    public async Task TakeBreakAsync(Actor moderator, CancellationToken ct = default)
    {
        db.Audit(time, moderator, WallAuditActions.BreakTaken);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Who handled what: every decision on an item, oldest first.</summary>
    public async Task<IReadOnlyList<AuditEvent>> HistoryAsync(Guid id, CancellationToken ct = default)
    {
        var key = id.ToString();
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.SubjectType == "wall-item" && e.SubjectId == key)
            .OrderBy(e => e.OccurredAt).ToListAsync(ct);
    }
}
