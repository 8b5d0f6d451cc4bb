using Waymark.Core.Directory;

namespace Waymark.Core.Matching;

/// <summary>How well a service fits what the person would like: the score results are ranked by.</summary>
internal static class Scoring
{
    public static (int? Days, WaitSource Source) WaitOf(MatchContext ctx, int index)
    {
        var days = ctx.WaitDays[index];
        return days < 0 ? (null, WaitSource.Unknown) : (days, ctx.Table.WaitMeasured?[index] == true ? WaitSource.Referrals : WaitSource.Provider);
    }

    /// <summary>
    /// Fit in 0..1: a weighted mean of the parts that apply to this search. <paramref name="openNow"/> overrides whether
    /// the service is open now (an upper bound for "now" searches without working the schedule out).
    /// </summary>
    public static double Score(MatchContext ctx, int index, double localKm, bool? openNow = null) =>
        Score(ctx, index, ctx.Snapshot.FactCodes[index], ctx.Snapshot.FactAssuredDay[index], localKm, openNow);

    /// <summary>As <see cref="Score(MatchContext, int, double, bool?)"/>, with the service's codes and assured day (the same in its entry and the flat columns) given.</summary>
    public static double Score(MatchContext ctx, int index, UInt128 codes, int assuredDay, double localKm, bool? openNow = null)
    {
        var q = ctx.Query;
        // Closer is better; a service reached without travelling counts as RemoteCloseness.
        var closeness = double.IsNaN(localKm) ? ctx.RemoteCloseness : 1 - (0.8 * Math.Min(1, localKm / q.WithinKm));
        var wait = ctx.WaitDays[index];
        if (q.Urgency == Urgency.Now)
        {
            var open = openNow ?? ctx.Snapshot.HoursOf(ctx.Snapshot.Services[index]).IsOpenAt(ctx.At, ctx.Moment);
            // Help now: what is open for the person's own area (a line that knows the local crisis team) before national lines.
            return Combine(ctx, closeness, codes, open, NowWaitPart(wait, codes), open && ctx.Limits.IsLocal(index), 0, assuredDay);
        }
        return Combine(ctx, closeness, codes, false, 0, false, WaitPart(wait), assuredDay);
    }

    /// <summary>
    /// The most any service of a remote block can score for this search: each part of <see cref="Score(MatchContext, int, double, bool?)"/>
    /// worked out from the block's best figures, by the same arithmetic, so it is never below a member's own score.
    /// </summary>
    /// <remarks>
    /// With <paramref name="byOneService"/> false, a looser bound that costs less: every preference met by one or another
    /// of the block's services. Never below the tight one (the score only rises with preferences met), so a block it
    /// rules out the tight one rules out too. <paramref name="among"/> limits the preferences counted to those members
    /// (the ones a search's codes leave in): the other parts stay the block's best, so it is still a bound.
    /// </remarks>
    public static double BlockBound(MatchContext ctx, int block, bool byOneService = true, ulong among = ~0UL)
    {
        var table = ctx.Table;
        var codes = table.BlockCodes[block];
        // The most preferences any one service of the block meets (not all those met by one or another of them), and
        // being local, which counts only for "help now" searches: the block's area sets are only looked at for those.
        var preferred = ctx.Query.Prefer == UInt128.Zero ? 0
            : byOneService ? table.MostPreferred(block, ctx.Query.Prefer, codes, among) : Codes.Count(ctx.Query.Prefer & codes);
        return Combine(ctx, ctx.RemoteCloseness, codes, preferred, table.BlockHasTimes[block], table.BlockNowWaitPart[block],
            ctx.Query.Urgency == Urgency.Now && table.MayBeLocal(block, ctx.Limits), table.BlockWaitPart[block], table.BlockAssuredDay[block]);
    }

    /// <summary>
    /// The weighted mean of the parts, added in one order so a service's score and its block's bound agree to the bit.
    /// <paramref name="open"/>, <paramref name="nowWaitPart"/> and <paramref name="local"/> count for "help now" searches,
    /// <paramref name="waitPart"/> for the others.
    /// </summary>
    public static double Combine(MatchContext ctx, double closeness, UInt128 codes, bool open, double nowWaitPart, bool local, double waitPart, int assuredDay) =>
        Combine(ctx, closeness, codes, Codes.Count(codes & ctx.Query.Prefer), open, nowWaitPart, local, waitPart, assuredDay);

    /// <summary>As above, with the number of the search's preferences met given (<paramref name="codes"/> then only counts for "crisis").</summary>
    public static double Combine(MatchContext ctx, double closeness, UInt128 codes, int preferred, bool open, double nowWaitPart, bool local, double waitPart, int assuredDay)
    {
        var q = ctx.Query;
        var sum = ScoreWeights.Closeness * closeness;
        if (q.Prefer != UInt128.Zero)
        {
            sum += ScoreWeights.Preferences * ((double)preferred / Codes.Count(q.Prefer));
        }
        if (q.Urgency == Urgency.Now)
        {
            sum += ScoreWeights.OpenAndCrisis * ((open ? 0.6 : 0) + (Codes.Any(codes, Codes.Crisis) ? 0.4 : 0));
            sum += ScoreWeights.NowWait * nowWaitPart;
            sum += local ? ScoreWeights.Local : 0;
        }
        else
        {
            sum += ScoreWeights.Wait(q.Urgency) * waitPart;
        }
        sum += ScoreWeights.Assured * AssuredPart(ctx, assuredDay);
        return sum / ctx.Weights;
    }

    /// <summary>Shorter waits are better; an unknown wait counts as a two-week one.</summary>
    public static double WaitPart(short wait) => wait < 0 ? 0.5 : 1 / (1 + (wait / (double)Matcher.LongWaitDays));

    /// <summary>Someone who needs help now is badly served by a waiting list.</summary>
    public static double NowWaitPart(short wait, UInt128 codes) =>
        wait < 0 ? (Codes.Any(codes, Codes.SelfAccess) ? 0.5 : 0.2) : wait == 0 ? 1 : wait <= 7 ? 0.4 : 0;

    /// <summary>Checked in the last six months is best; two years unchecked is worth nothing.</summary>
    public static double AssuredPart(MatchContext ctx, int assuredDay) => AssuredPart(ctx.UkDate.DayNumber, assuredDay);

    /// <summary>As <see cref="AssuredPart(MatchContext, int)"/>, on UK day number <paramref name="day"/>.</summary>
    public static double AssuredPart(int day, int assuredDay) =>
        assuredDay < 0 ? 0 : Math.Clamp(1 - ((day - assuredDay - 183) / (730.0 - 183)), 0, 1);

    /// <summary>
    /// How close a service reached by phone, online or text counts as, against 1 (on the doorstep) down to 0.2 (at the
    /// edge of <c>within_km</c>) for a service with an address. A person who names the ways they accept or prefer
    /// (<c>delivery</c>, or a delivery code in <c>prefer</c>) has said how they feel about a phone line: it sits in the
    /// middle (0.5) and their words do the rest. A person who gives a place and says nothing about how has asked first
    /// for what is near them: a remote service then counts as if it were at the edge of their range (0.2), so every
    /// in-person service in range gets at least as much for closeness, and a phone line still comes first when it is
    /// better on everything else (a shorter wait, a fresher listing, a preference met). Without this, the best of tens
    /// of thousands of national phone lines always buried the few services near the person.
    /// </summary>
    public static double RemoteCloseness(MatchQuery q) =>
        q.Place is not null && q.Delivery is null && !Codes.Any(q.Prefer, Codes.AnyDelivery) ? 0.2 : 0.5;
}
