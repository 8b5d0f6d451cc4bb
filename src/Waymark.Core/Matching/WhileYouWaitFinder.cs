using Waymark.Core.Directory;

namespace Waymark.Core.Matching;

/// <summary>Something to lean on meanwhile, when the best result has a long wait or needs a referral.</summary>
internal static class WhileYouWaitFinder
{
    public const int MaxWhileYouWait = 3;

    public static readonly UInt128 NoWait = Codes.DropIn | Codes.PeerSupport | Codes.Helpline;

    public static bool IsNeeded(MatchContext ctx, Candidate best)
    {
        var s = ctx.Snapshot.Services[best.Index];
        var (wait, _) = Scoring.WaitOf(ctx, best.Index);
        return wait is > Matcher.LongWaitDays || (wait is null && !Codes.Any(s.Codes, Codes.SelfAccess));
    }

    /// <summary>Whether a service is the kind suggested meanwhile: a drop-in, peer group or helpline, open to self-referral, with no wait.</summary>
    public static bool IsCandidate(UInt128 codes, short waitDays) => Codes.Any(codes, NoWait) && Codes.Any(codes, Codes.SelfAccess) && waitDays <= 0;

    /// <summary>The members of a remote block that are drop-ins, peer groups or helplines open to self-referral with no wait, and that the search's codes leave in.</summary>
    private static ulong MembersOfKind(ScoreTable table, in FlatConstraints flat, int block) =>
        table.BlockMeanwhileMembers[block] & flat.MembersLeftIn(table, block);

    /// <summary>
    /// Drop-ins, peer groups and helplines with no wait that fit everything else the person said (any format).
    /// <paramref name="nearbyBest"/> are the best such services in range in <see cref="Candidate"/> order, as many as
    /// <see cref="MaxWhileYouWait"/> more than <paramref name="shown"/> (the main pass gathers them as it checks each
    /// service in range, so they are not walked again here).
    /// </summary>
    public static List<WhileYouWait> Find(MatchContext ctx, ReadOnlySpan<Candidate> shown, ReadOnlySpan<Candidate> nearbyBest, NearbySet nearby)
    {
        var services = ctx.Snapshot.Services;
        var codes = ctx.Snapshot.FactCodes;
        var picked = new Candidate[MaxWhileYouWait];
        var count = 0;
        var waits = ctx.WaitDays;

        foreach (var candidate in nearbyBest)
        {
            if (!Candidate.IsShown(shown, candidate.Index))
            {
                Candidate.Offer(picked, ref count, candidate);
            }
        }
        // Remote blocks holding such a service, from the highest bound down (as RemotePass does for the results): the
        // pass stops at the first block that cannot beat the third suggestion, instead of bounding its way through all.
        var acceptedRemote = ctx.Accepted & Codes.Remote;
        var table = ctx.Table;
        var queue = RemotePass.QueueOfThread();
        queue.Clear(table.BlockFirstId);
        var prefers = ctx.Query.Prefer != UInt128.Zero;
        var flat = new FlatConstraints(ctx);
        for (var b = 0; b < ctx.Snapshot.RemoteBuckets.Length; b++)
        {
            if (!Codes.Any(ctx.Snapshot.RemoteBuckets[b].Codes, acceptedRemote))
            {
                continue;
            }
            for (var block = table.BucketFirstBlock[b]; block < table.BucketFirstBlock[b + 1]; block++)
            {
                // Blocks with no service of the kind are passed over unbounded; then the cheaper bound (as RemotePass).
                if (table.BlockMeanwhileMembers[block] == 0)
                {
                    continue;
                }
                var bound = Scoring.BlockBound(ctx, block, byOneService: false);
                if (RemotePass.CannotEnter(bound, block, table, picked, count))
                {
                    continue;
                }
                // Only members of the kind that the search's codes leave in count towards the bound.
                var members = MembersOfKind(table, flat, block);
                if (members == 0)
                {
                    continue;
                }
                if (prefers)
                {
                    bound = Scoring.BlockBound(ctx, block, among: members);
                }
                if (!RemotePass.CannotEnter(bound, block, table, picked, count))
                {
                    queue.Add(bound, block);
                }
            }
        }
        queue.Order();
        while (queue.Count > 0)
        {
            var (bound, block) = queue.Best;
            if (RemotePass.CannotEnter(bound, block, table, picked, count))
            {
                break;
            }
            queue.RemoveBest();
            var start = table.BlockStart[block];
            for (var members = MembersOfKind(table, flat, block); members != 0; members &= members - 1)
            {
                var index = start + System.Numerics.BitOperations.TrailingZeroCount(members);
                // Reach is the run's; format is not asked of these.
                if (!IsCandidate(codes[index], waits[index]) || !Constraints.MeetsBesidesReach(ctx, flat, index)
                    || nearby.Contains(index) || Candidate.IsShown(shown, index))
                {
                    continue;
                }
                var score = Scoring.Score(ctx, index, double.NaN);
                if (count < picked.Length || score >= picked[^1].Score)
                {
                    Candidate.Offer(picked, ref count, new Candidate(index, services[index].Id, score, double.NaN, false));
                }
            }
        }
        var list = new List<WhileYouWait>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(Explanation.MeanwhileOf(services[picked[i].Index]));
        }
        return list;
    }
}
