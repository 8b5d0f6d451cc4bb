using System.Numerics;
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
    /// known, only the blocks that can reach the top are scored, best bound first, and <paramref name="alsoNearby"/> (the
    /// nearby services meeting every hard constraint with an accepted remote delivery, counted by the nearby pass) is
    /// taken off it.
    /// </summary>
    public static int RemoteTotal(MatchContext ctx, NearbySet nearby, int alsoNearby, Candidate[] top, ref int topCount)
    {
        if (!Codes.Any(ctx.Accepted, Codes.Remote))
        {
            return 0;
        }
        // Counts are kept per area set, so searches from any place share them; a search naming organisations is counted afresh.
        if (ctx.Limits.ChecksMembership)
        {
            return RemoteMatches(ctx, nearby, top, ref topCount, null);
        }
        var key = CountKeyOf(ctx);
        var counts = ctx.Table.Counts;
        if (!counts.TryGet(key, out var bySet))
        {
            var fresh = new int[ctx.Snapshot.AreaSets.Length];
            var found = RemoteMatches(ctx, nearby, top, ref topCount, fresh);
            counts.Add(key, fresh);
            return found;
        }
        if (ctx.Query.Urgency == Urgency.Now)
        {
            ScoreBestBlocksOfEveryRun(ctx, nearby, top, ref topCount);
        }
        else
        {
            ScoreBestBlocksFirst(ctx, nearby, top, ref topCount);
        }
        return ctx.Limits.CountInArea(bySet) - alsoNearby;
    }

    /// <summary>
    /// For a search whose remote count is known (other than "help now"): offers to <paramref name="top"/> the remote services (not nearby) meeting
    /// every hard constraint, visiting the blocks from the highest <see cref="Scoring.BlockBound"/> down, so the top fills
    /// with strong services early and the pass stops at the first block whose bound is below the top's last score. The
    /// top is the best services by score and id whatever the order they are offered in, so the answer is the same as
    /// scanning in run order. Of blocks with the same bound, the one with the lowest id goes first, and the pass stops
    /// at a block whose bound only equals the top's last score when its first id comes after that one's: thousands of
    /// remote services can share the best score, and only the first few by id can be shown. Blocks whose services
    /// together lack a need or self-access asked for are not visited, and blocks that cannot enter the top are not queued.
    /// </summary>
    /// <remarks>
    /// Blocks are bounded only as far as they might matter: they are looked at in the order kept for the search's urgency
    /// and day (<see cref="BlockOrder"/>, highest ceiling first), each one only once the best block queued so far has a
    /// bound below its ceiling has been scored, and none at all once a ceiling cannot enter the top (every block after it
    /// is no higher). Most searches arrive with the top filled by the nearby pass and stop after a few dozen blocks,
    /// where bounding every block of the runs they visit took hundreds.
    /// </remarks>
    private static void ScoreBestBlocksFirst(MatchContext ctx, NearbySet nearby, Candidate[] top, ref int topCount)
    {
        var table = ctx.Table;
        var queue = QueueOfThread();
        queue.Clear(table.BlockFirstId);
        var flat = new FlatConstraints(ctx);
        var prefers = ctx.Query.Prefer != UInt128.Zero;
        var visited = VisitedRuns(ctx);
        var order = table.OrderFor(ctx.Query.Urgency, ctx.UkDate.DayNumber);
        var blocks = order.Blocks;
        var ownPart = BlockOrder.OwnPartOf(ctx);
        var weights = ctx.Weights;
        var next = 0;
        while (true)
        {
            // Bring in the blocks whose ceiling is not below the best queued bound: one of them might come before it.
            for (; next < blocks.Length; next++)
            {
                var ceiling = order.CeilingOf(next, ownPart, weights);
                if (topCount == top.Length && ceiling < top[^1].Score)
                {
                    // Neither this block nor any after it can enter the top.
                    next = blocks.Length;
                    break;
                }
                if (queue.Count > 0 && ceiling < queue.Best.Bound)
                {
                    break;
                }
                var block = blocks[next];
                if (visited[table.BlockBucket[block]] && QueueingBound(ctx, flat, prefers, block, top, topCount) is { } bound)
                {
                    queue.Push(bound, block);
                }
            }
            if (queue.Count == 0)
            {
                return;
            }
            var (best, bestBlock) = queue.Best;
            // Every block queued has a lower bound, or the same and a later first id; every block not looked at has a
            // ceiling below this bound: none can enter the top.
            if (CannotEnter(best, bestBlock, table, top, topCount))
            {
                return;
            }
            queue.RemoveBest();
            ScoreBlock(ctx, flat, nearby, bestBlock, top, ref topCount);
        }
    }

    /// <summary>
    /// As <see cref="ScoreBestBlocksFirst"/>, for "help now": every block of the runs the search looks into is bounded, in
    /// run order, then the queued ones are taken best first. For these searches a block's ceiling counts being open,
    /// crisis support and being local for most blocks, so the kept order stops no earlier and only adds the blocks of
    /// runs not looked into (about 1,250 blocks looked at a search against 850 bounded here, at 100k services).
    /// </summary>
    private static void ScoreBestBlocksOfEveryRun(MatchContext ctx, NearbySet nearby, Candidate[] top, ref int topCount)
    {
        var table = ctx.Table;
        var queue = QueueOfThread();
        queue.Clear(table.BlockFirstId);
        var flat = new FlatConstraints(ctx);
        var prefers = ctx.Query.Prefer != UInt128.Zero;
        for (var b = 0; b < ctx.Snapshot.RemoteBuckets.Length; b++)
        {
            if (!IsVisited(ctx, b))
            {
                continue;
            }
            for (var block = table.BucketFirstBlock[b]; block < table.BucketFirstBlock[b + 1]; block++)
            {
                if (QueueingBound(ctx, flat, prefers, block, top, topCount) is { } bound)
                {
                    queue.Add(bound, block);
                }
            }
        }
        queue.Order();
        while (queue.Count > 0)
        {
            var (bound, block) = queue.Best;
            // Every block left has a lower bound, or the same bound and a later first id: none can enter the top.
            if (CannotEnter(bound, block, table, top, topCount))
            {
                break;
            }
            queue.RemoveBest();
            ScoreBlock(ctx, flat, nearby, block, top, ref topCount);
        }
    }

    /// <summary>
    /// The bound a block is queued with, or null when it cannot enter the top as it stands (the top only rises, so it
    /// never will) or the search's codes leave none of its members in. The cheaper bound first (with preferences, the
    /// looser one), which most blocks already fail; then, with preferences, only the members left in count towards it.
    /// </summary>
    private static double? QueueingBound(MatchContext ctx, in FlatConstraints flat, bool prefers, int block, Candidate[] top, int topCount)
    {
        var table = ctx.Table;
        if (!HasEveryNeed(ctx, block))
        {
            return null;
        }
        var bound = Scoring.BlockBound(ctx, block, byOneService: false);
        if (CannotEnter(bound, block, table, top, topCount))
        {
            return null;
        }
        var members = flat.MembersLeftIn(table, block);
        if (members == 0)
        {
            return null;
        }
        if (prefers)
        {
            bound = Scoring.BlockBound(ctx, block, among: members);
            if (CannotEnter(bound, block, table, top, topCount))
            {
                return null;
            }
        }
        return bound;
    }

    /// <summary>Which remote runs a search looks into (<see cref="IsVisited"/>), by run: this thread's array, filled afresh.</summary>
    private static bool[] VisitedRuns(MatchContext ctx)
    {
        var runs = ctx.Snapshot.RemoteBuckets.Length;
        var visited = t_visited is { } kept && kept.Length >= runs ? kept : t_visited = new bool[runs];
        for (var b = 0; b < runs; b++)
        {
            visited[b] = IsVisited(ctx, b);
        }
        return visited;
    }

    [ThreadStatic]
    private static bool[]? t_visited;

    /// <summary>Whether a search looks into remote run <paramref name="bucket"/> at all: it has an accepted remote delivery (and a format asked for).</summary>
    private static bool IsVisited(MatchContext ctx, int bucket)
    {
        var runCodes = ctx.Snapshot.RemoteBuckets[bucket].Codes;
        return Codes.Any(runCodes, ctx.Accepted & Codes.Remote) && (ctx.Query.Format is not { } format || Codes.Any(runCodes, format));
    }

    /// <summary>Whether a block's services together have every need and self-access asked for.</summary>
    private static bool HasEveryNeed(MatchContext ctx, int block)
    {
        var q = ctx.Query;
        var codes = ctx.Table.BlockCodes[block];
        return (codes & q.Needs) == q.Needs && (!q.SelfAccessOnly || Codes.Any(codes, Codes.SelfAccess));
    }

    /// <summary>Offers to <paramref name="top"/> the services of one block (not nearby) meeting every hard constraint.</summary>
    private static void ScoreBlock(MatchContext ctx, in FlatConstraints flat, NearbySet nearby, int block, Candidate[] top, ref int topCount)
    {
        var table = ctx.Table;
        var codesOf = ctx.Snapshot.FactCodes;
        var now = ctx.Query.Urgency == Urgency.Now;
        var start = table.BlockStart[block];
        // Only the members the search's codes leave in: the others fail the flat constraints.
        for (var members = flat.MembersLeftIn(table, block); members != 0; members &= members - 1)
        {
            var index = start + BitOperations.TrailingZeroCount(members);
            if (!flat.Meets(index) || !Constraints.MeetsRest(ctx, index, codesOf[index]) || nearby.Contains(index))
            {
                continue;
            }
            Offer(ctx, index, now, top, ref topCount);
        }
    }

    /// <summary>
    /// Offers a remote service that meets every hard constraint to <paramref name="top"/>, scored with no distance. For
    /// "help now", a service that could not reach the top even if it were open now (an upper bound, with no schedule
    /// worked out) is left there.
    /// </summary>
    private static void Offer(MatchContext ctx, int index, bool now, Candidate[] top, ref int topCount)
    {
        var floor = topCount == top.Length ? top[^1].Score : double.NegativeInfinity;
        if (now && Scoring.Score(ctx, index, double.NaN, openNow: (ctx.Snapshot.FactFlags[index] & FactFlags.HasTimes) != 0) < floor)
        {
            return;
        }
        var score = Scoring.Score(ctx, index, double.NaN);
        if (score >= floor)
        {
            Candidate.Offer(top, ref topCount, new Candidate(index, ctx.Snapshot.Services[index].Id, score, double.NaN, false));
        }
    }

    /// <summary>
    /// Whether no service of a block with this bound can enter a full top: the bound is below the top's last score, or
    /// equal to it with the block's first id after that one's (a member scoring the bound loses the tie on id).
    /// </summary>
    internal static bool CannotEnter(double bound, int block, ScoreTable table, Candidate[] top, int topCount) =>
        topCount == top.Length && (bound < top[^1].Score || (bound == top[^1].Score && table.BlockFirstId[block].CompareTo(top[^1].Id) > 0));

    /// <summary>One per thread, emptied and reused (as <see cref="Matcher"/>'s nearby set): a search runs on one thread.</summary>
    [ThreadStatic]
    private static BlockQueue? t_blocks;

    /// <summary>This thread's block queue, for a pass that runs after this one is done with it (<see cref="WhileYouWaitFinder"/>).</summary>
    internal static BlockQueue QueueOfThread() => t_blocks ??= new BlockQueue();

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
    public static int RemoteMatches(MatchContext ctx, NearbySet nearby, Candidate[] top, ref int topCount, int[]? bySet)
    {
        var q = ctx.Query;
        var snapshot = ctx.Snapshot;
        var codes = snapshot.FactCodes;
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
                for (var index = table.BlockStart[block]; index < table.BlockEnd[block]; index++)
                {
                    if (!flat.Meets(index))
                    {
                        continue;
                    }
                    // Constraints.MeetsRest, split: the count by area set needs every constraint but the area itself.
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
                        continue;
                    }
                    total++;
                    if (!scoring)
                    {
                        continue;
                    }
                    Offer(ctx, index, now, top, ref topCount);
                }
            }
        }
        return total;
    }
}
