using Waymark.Core.Directory;
using Waymark.Core.Schedules;

namespace Waymark.Core.Matching;

/// <summary>The remote services (reached by phone, online or text) a search can match, taken run by run from the snapshot's flat columns.</summary>
internal static class RemotePass
{
    public static RemoteCountKey CountKeyOf(MatchContext ctx)
    {
        var q = ctx.Query;
        var table = ctx.Table;
        var (ageFromBelow, ageFromAbove) = (-1, -1);
        if (q.Age is { } age)
        {
            // A service takes the age when its minimum is at most the age and its maximum at least the age.
            var a = (float)age;
            (ageFromBelow, ageFromAbove) = (UpperBound(table.RemoteMinimumAges, a), LowerBound(table.RemoteMaximumAges, a));
        }
        return new RemoteCountKey(
            ctx.Accepted & Codes.Remote, q.Format ?? UInt128.Zero, q.Format is not null, ctx.GenderExcluded | ctx.CircumstancesExcluded | ctx.Limits.Excluded, q.Needs,
            q.SelfAccessOnly, q.FreeOnly, ageFromBelow, ageFromAbove, q.When, q.When != WhenWindows.None ? ctx.UkDate.DayNumber : 0, ctx.Language,
            q.OpenNow ? ctx.At.UtcTicks / TimeSpan.TicksPerMinute : 0, ctx.ExpiredOnOrBeforeDay);
    }

    /// <summary>How many of the sorted <paramref name="values"/> are at most <paramref name="x"/>.</summary>
    public static int UpperBound(float[] values, float x)
    {
        var (lo, hi) = (0, values.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = values[mid] <= x ? (mid + 1, hi) : (lo, mid);
        }
        return lo;
    }

    /// <summary>How many of the sorted <paramref name="values"/> are below <paramref name="x"/>.</summary>
    public static int LowerBound(float[] values, float x)
    {
        var (lo, hi) = (0, values.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            (lo, hi) = values[mid] < x ? (mid + 1, hi) : (lo, mid);
        }
        return lo;
    }

    /// <summary>
    /// The remote services (not already counted as nearby) meeting every hard constraint, offered to <paramref name="top"/>
    /// and counted. The count of all remote services meeting them is kept per <see cref="RemoteCountKey"/>; when it is
    /// known, blocks that cannot reach the top are skipped, and those of the nearby services that would have been
    /// counted twice are taken off.
    /// </summary>
    public static int RemoteTotal(MatchContext ctx, NearbySet nearby, Candidate[] top, ref int topCount)
    {
        if (!Codes.Any(ctx.Accepted, Codes.Remote))
        {
            return 0;
        }
        // Counts are kept per area set, so searches from any place share them; a search naming organisations is counted afresh.
        var keyed = !ctx.Limits.ChecksMembership;
        var key = CountKeyOf(ctx);
        var counts = ctx.Table.Counts;
        int[]? bySet = null;
        var known = keyed && counts.TryGet(key, out bySet);
        var fresh = keyed && !known ? new int[ctx.Snapshot.AreaSets.Length] : null;
        var found = RemoteMatches(ctx, nearby, top, ref topCount, countAll: !known, fresh, out var alsoNearby);
        if (!known)
        {
            if (fresh is not null)
            {
                counts.Add(key, fresh);
            }
            return found;
        }
        var all = ctx.Limits.CountInArea(bySet!);
        alsoNearby = 0;
        var flat = new FlatConstraints(ctx);
        foreach (var index in nearby.Remote)
        {
            if (MeetsRemotely(ctx, flat, index))
            {
                alsoNearby++;
            }
        }
        return all - alsoNearby;
    }

    /// <summary>Whether a remote service is one <see cref="RemoteMatches"/> counts (before leaving out those nearby).</summary>
    public static bool MeetsRemotely(MatchContext ctx, in FlatConstraints flat, int index)
    {
        var c = ctx.Snapshot.FactCodes[index];
        return Codes.Any(c, ctx.Accepted & Codes.Remote) && (ctx.Query.Format is not { } format || Codes.Any(c, format)) && Constraints.MeetsBesidesReach(ctx, flat, index);
    }

    /// <summary>
    /// Counts the remote services (not already counted as nearby) that meet every hard constraint, and offers them to
    /// <paramref name="top"/>. Runs whose deliveries or formats rule them out are skipped whole; within a run, the
    /// hard constraints are read from the snapshot's flat columns, and a service is only scored in full when it could
    /// still enter the top (for "now" searches, "open now" is worked out only when being open could lift it in).
    /// </summary>
    /// <remarks>
    /// With <paramref name="bySet"/>, also counts every remote service meeting the hard constraints other than the area,
    /// nearby or not, by its area set: what a later search with the same constraints from any place can add up.
    /// </remarks>
    public static int RemoteMatches(MatchContext ctx, NearbySet nearby, Candidate[] top, ref int topCount, bool countAll, int[]? bySet, out int alsoNearby)
    {
        alsoNearby = 0;
        var q = ctx.Query;
        var snapshot = ctx.Snapshot;
        var codes = snapshot.FactCodes;
        var flags = snapshot.FactFlags;
        var flat = new FlatConstraints(ctx);
        var limits = ctx.Limits;
        var areaSets = snapshot.FactAreaSet;
        var areaAllowed = limits.AreaAllowed;
        var checksMembership = limits.ChecksMembership;
        var slow = ctx.HasSlowConstraints;
        var now = q.Urgency == Urgency.Now;
        var acceptedRemote = ctx.Accepted & Codes.Remote;
        var total = 0;
        var table = ctx.Table;
        for (var b = 0; b < snapshot.RemoteBuckets.Length; b++)
        {
            // Remote-only reach needs an accepted remote delivery, and a format asked for: a run without either cannot match.
            var bucket = snapshot.RemoteBuckets[b];
            if (!Codes.Any(bucket.Codes, acceptedRemote) || (q.Format is { } format && !Codes.Any(bucket.Codes, format)))
            {
                continue;
            }
            for (var block = table.BucketFirstBlock[b]; block < table.BucketFirstBlock[b + 1]; block++)
            {
                var scoring = topCount < top.Length || Scoring.BlockBound(ctx, block) >= top[^1].Score;
                if (!scoring && !countAll)
                {
                    continue;
                }
                for (var index = table.BlockStart[block]; index < table.BlockEnd[block]; index++)
                {
                    if (!flat.Meets(index))
                    {
                        continue;
                    }
                    var c = codes[index];
                    var inArea = areaAllowed[areaSets[index]];
                    if ((!inArea && bySet is null) || (slow && !Constraints.MeetsSlow(ctx, index)))
                    {
                        continue;
                    }
                    if (bySet is not null)
                    {
                        bySet[areaSets[index]]++;
                    }
                    // Without member_of, members-only services were left out by the code mask already.
                    if (!inArea || (checksMembership && !limits.MayJoin(index, c)))
                    {
                        continue;
                    }
                    if (nearby.Contains(index))
                    {
                        alsoNearby++;
                        continue;
                    }
                    total++;
                    if (!scoring)
                    {
                        continue;
                    }
                    var floor = topCount == top.Length ? top[^1].Score : double.NegativeInfinity;
                    if (now && Scoring.Score(ctx, index, double.NaN, openNow: (flags[index] & FactFlags.HasTimes) != 0) < floor)
                    {
                        continue;
                    }
                    var score = Scoring.Score(ctx, index, double.NaN);
                    if (score >= floor)
                    {
                        Candidate.Offer(top, ref topCount, new Candidate(index, snapshot.Services[index].Id, score, double.NaN, false));
                    }
                }
            }
        }
        return total;
    }
}
