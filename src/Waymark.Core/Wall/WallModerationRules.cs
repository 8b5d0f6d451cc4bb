using System.Globalization;
using Waymark.Core.Accounts;
using Waymark.Core.Schedules;

namespace Waymark.Core.Wall;

/// <summary>
/// The one place that says what a moderator may do to an item, and does it. Urgent items are never published and
/// close only with a private reply; nothing is ever deleted by a moderator.
/// </summary>
public static class WallModerationRules
{
    public const int MaxReasonLength = 1000;
    public const string DefaultWarning = "mentions self-harm";

    public static IReadOnlyList<WallAction> Allowed(WallItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!item.NeedsModerator)
        {
            return [];
        }
        if (item.IsUrgent)
        {
            return item.Status == WallItemStatus.Pending ? [WallAction.Reply, WallAction.Escalate] : [WallAction.Reply];
        }
        List<WallAction> actions = [WallAction.Approve];
        if (item.Kind != WallItemKind.DisplayName)
        {
            actions.Add(WallAction.ApproveWithWarning);
        }
        actions.AddRange([WallAction.EditAndApprove, WallAction.Reject]);
        if (item.Status == WallItemStatus.Pending)
        {
            actions.Add(WallAction.Escalate);
        }
        actions.Add(WallAction.Reply);
        return actions;
    }

    /// <summary>
    /// Applies <paramref name="decision"/> to an item whose words are <paramref name="text"/> (in plain: the item holds
    /// them encrypted), or throws a <see cref="WallDecisionException"/> naming what is wrong. Answers the words the
    /// decision wrote, in plain, for the caller to store encrypted.
    /// </summary>
    public static WallWordsWritten Apply(WallItem item, string text, WallDecision decision, Actor moderator, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(moderator);
        if (!Allowed(item).Contains(decision.Action))
        {
            throw new WallDecisionException("Action", NotAllowed(item, decision.Action));
        }
        var written = new WallWordsWritten(null, null);
        switch (decision.Action)
        {
            case WallAction.Approve:
                Publish(item, warning: null);
                break;
            case WallAction.ApproveWithWarning:
                Publish(item, Required(decision.Warning, "Warning", "Say what the content warning is about", 120));
                break;
            case WallAction.EditAndApprove:
                var edited = Required(decision.EditedText, "EditedText", "Enter the text with the identifying details taken out",
                    item.Kind == WallItemKind.DisplayName ? WallService.MaxNameLength : WallService.MaxPostLength);
                if (edited == text.Trim())
                {
                    throw new WallDecisionException("EditedText", "Change the text to take out the identifying details, or approve it as it is");
                }
                if (WallEdits.Read(decision.EditedOut) is not { Count: > 0 } kinds)
                {
                    throw new WallDecisionException("EditedOut", "Tick what kind of detail you took out: the author is told");
                }
                written = written with { Text = edited };
                item.EditedOut = string.Join(",", kinds);
                Publish(item, warning: item.ContentWarning);
                break;
            case WallAction.Reject:
                item.Reason = Required(decision.Reason, "Reason", "Give a reason: the author will see it", MaxReasonLength);
                item.Status = WallItemStatus.Rejected;
                item.Hidden = false;
                break;
            case WallAction.Escalate:
                item.Status = WallItemStatus.Escalated;
                break;
            case WallAction.Reply:
                written = written with { Reply = Required(decision.Reply, "Reply", "Write your reply to the person", MaxReasonLength * 2) };
                item.RepliedAt = now;
                if (item.IsUrgent)
                {
                    item.Status = WallItemStatus.Answered;
                }
                break;
            default:
                throw new WallDecisionException("Action", "Choose what to do");
        }
        if (decision.Action != WallAction.Reply || item.IsUrgent)
        {
            item.ReviewRequested = false;
            item.DecidedAt = now;
            item.DecidedById = moderator.UserId;
            item.DecidedByName = moderator.Name;
        }
        item.Version++;
        return written;
    }

    /// <summary>Why the action cannot be taken, saying what already happened: an escalated item was not "dealt with".</summary>
    private static string NotAllowed(WallItem item, WallAction action)
    {
        if (action == WallAction.Escalate && item.Status == WallItemStatus.Escalated)
        {
            var when = item.DecidedAt is { } at ? " at " + UkTime.ToLocal(at).ToString("HH:mm", CultureInfo.InvariantCulture) : "";
            return $"{item.DecidedByName ?? "Another moderator"} already escalated this to a senior moderator{when}. " + (item.IsUrgent
                ? "If you are the senior moderator, reply to the person privately. If not, leave it for them."
                : "If you are the senior moderator, approve it, reject it or reply to its author. If not, leave it for them.");
        }
        if (!item.NeedsModerator)
        {
            return $"This item has already been dealt with. It is now: {Describe(item)}.";
        }
        return item.IsUrgent
            ? "An urgent post is never published. Reply to the person privately" + (item.Status == WallItemStatus.Pending ? ", or escalate it." : ".")
            : "This item has already been dealt with.";
    }

    private static void Publish(WallItem item, string? warning)
    {
        item.Status = WallItemStatus.Approved;
        item.ContentWarning = warning;
        item.Reason = null;
        item.Hidden = false;
    }

    private static string Required(string? value, string field, string message, int max)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new WallDecisionException(field, message);
        }
        if (trimmed.Length > max)
        {
            throw new WallDecisionException(field, $"Keep it to {max:N0} characters or fewer");
        }
        return trimmed;
    }

    /// <summary>The item's state in words, for the author and moderators.</summary>
    public static string Describe(WallItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Status switch
        {
            WallItemStatus.Pending when item.IsUrgent => "Waiting for a reply from a moderator",
            WallItemStatus.Pending => "Waiting for a moderator",
            WallItemStatus.Escalated => "Being looked at by a senior moderator",
            WallItemStatus.Approved when item.Hidden => "Hidden while a moderator looks at reports",
            WallItemStatus.Approved when item.ReviewRequested => "On the wall: you asked for it to be looked at again",
            WallItemStatus.Approved when item.ContentWarning is not null => "On the wall, behind a content warning",
            WallItemStatus.Approved => "On the wall",
            WallItemStatus.Rejected when item.ReviewRequested => "Not on the wall: you asked for it to be looked at again",
            WallItemStatus.Rejected => "Not on the wall",
            WallItemStatus.Answered => "A moderator replied",
            WallItemStatus.Deleted => "Deleted",
            _ => item.Status.ToString(),
        };
    }
}

/// <summary>What a decision wrote, in plain: the text a moderator left after taking details out, and their private reply; null where it wrote none.</summary>
public sealed record WallWordsWritten(string? Text, string? Reply);
