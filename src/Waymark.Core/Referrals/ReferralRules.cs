using System.Collections.Frozen;

namespace Waymark.Core.Referrals;

/// <summary>The referral state machine: which moves are allowed, who may make them, and which need a reason.</summary>
public static class ReferralRules
{
    private static readonly FrozenDictionary<ReferralStatus, ReferralStatus[]> Moves = new Dictionary<ReferralStatus, ReferralStatus[]>
    {
        [ReferralStatus.Sent] = [ReferralStatus.Opened, ReferralStatus.Declined, ReferralStatus.Withdrawn, ReferralStatus.Closed],
        [ReferralStatus.Opened] = [ReferralStatus.Accepted, ReferralStatus.Declined, ReferralStatus.Withdrawn, ReferralStatus.Closed],
        // A service with no waiting list offers a place straight away.
        [ReferralStatus.Accepted] = [ReferralStatus.OnWaitingList, ReferralStatus.Offered, ReferralStatus.Withdrawn, ReferralStatus.Closed],
        [ReferralStatus.OnWaitingList] = [ReferralStatus.Offered, ReferralStatus.RemovedFromWaitingList, ReferralStatus.Withdrawn, ReferralStatus.Closed],
        [ReferralStatus.Offered] = [ReferralStatus.Started, ReferralStatus.Withdrawn, ReferralStatus.Closed],
        [ReferralStatus.Started] = [ReferralStatus.Completed, ReferralStatus.Withdrawn, ReferralStatus.Closed],
    }.ToFrozenDictionary();

    public static bool IsAllowed(ReferralStatus from, ReferralStatus to) => Moves.TryGetValue(from, out var next) && next.Contains(to);

    public static IReadOnlyList<ReferralStatus> NextFrom(ReferralStatus from) => Moves.TryGetValue(from, out var next) ? next : [];

    public static bool IsFinished(ReferralStatus status) => !Moves.ContainsKey(status);

    public static bool NeedsReason(ReferralStatus to) => to is ReferralStatus.Declined or ReferralStatus.RemovedFromWaitingList or ReferralStatus.Closed;

    /// <summary>Only the person withdraws; every other move is the receiving organisation's.</summary>
    public static ReferralParty PartyFor(ReferralStatus to) => to == ReferralStatus.Withdrawn ? ReferralParty.Person : ReferralParty.Organisation;

    /// <summary>What staff are told when someone else moved the referral between their reading it and acting on it.</summary>
    public static string ChangedMeanwhile(ReferralStatus now) =>
        $"This referral is already {Describe(now)}: someone changed it just now. Check its history before you do anything else.";

    public static string Describe(ReferralStatus status) => status switch
    {
        ReferralStatus.Sent => "sent",
        ReferralStatus.Opened => "opened",
        ReferralStatus.Accepted => "accepted",
        ReferralStatus.OnWaitingList => "on the waiting list",
        ReferralStatus.Offered => "offered a place",
        ReferralStatus.Started => "started",
        ReferralStatus.Completed => "completed",
        ReferralStatus.Declined => "declined",
        ReferralStatus.Withdrawn => "withdrawn",
        ReferralStatus.RemovedFromWaitingList => "removed from the waiting list",
        ReferralStatus.Closed => "closed",
        _ => status.ToString(),
    };

    /// <summary>The status as a heading: "On the waiting list".</summary>
    public static string Title(ReferralStatus status)
    {
        var d = Describe(status);
        return char.ToUpperInvariant(d[0]) + d[1..];
    }
}
