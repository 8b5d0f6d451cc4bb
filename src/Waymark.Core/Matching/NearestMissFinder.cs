using System.Numerics;
using Waymark.Core.Directory;

namespace Waymark.Core.Matching;

/// <summary>When nothing fits: the services that break just one constraint, so the person can see what to relax.</summary>
internal static class NearestMissFinder
{
    public const int MaxNearestMisses = 3;
    public const double MissSearchExtraKm = 50;

    /// <summary>
    /// Services that break exactly one hard constraint. Only the best few of each kind can be chosen (see
    /// <see cref="ChooseMisses"/>), so each kind keeps its own top <see cref="MaxNearestMisses"/>; remote services are
    /// first counted against the flat columns, and one already breaking two constraints there is not evaluated further.
    /// </summary>
    public static List<NearestMiss> Find(MatchContext ctx)
    {
        var q = ctx.Query;
        var snapshot = ctx.Snapshot;
        var services = snapshot.Services;
        var best = new Candidate[32][];
        var counts = new int[32];

        void Keep(Candidate c, BrokenConstraint broken)
        {
            var kind = BitOperations.Log2((uint)broken);
            Candidate.Offer(best[kind] ??= new Candidate[MaxNearestMisses], ref counts[kind], c);
        }

        double Floor(BrokenConstraint broken)
        {
            var kind = BitOperations.Log2((uint)broken);
            return counts[kind] == MaxNearestMisses ? best[kind]![MaxNearestMisses - 1].Score : double.NegativeInfinity;
        }

        double LowestFloor()
        {
            var lowest = double.PositiveInfinity;
            foreach (var kind in MissKinds)
            {
                lowest = Math.Min(lowest, Floor(kind));
            }
            return lowest;
        }

        var nearby = NearbySet.Find(ctx, Math.Min(q.WithinKm + MissSearchExtraKm, MatchQuery.MaxWithinKm + MissSearchExtraKm), new NearbySet());
        foreach (var (index, km) in nearby.Items)
        {
            var broken = Constraints.Evaluate(ctx, index, services[index], km, 1, out _);
            if (Constraints.IsSingle(broken))
            {
                Keep(new Candidate(index, services[index].Id, Scoring.Score(ctx, index, Math.Min(km, q.WithinKm)), km, true), broken);
            }
        }

        var codes = snapshot.FactCodes;
        var acceptedRemote = ctx.Accepted & Codes.Remote;
        var table = ctx.Table;
        for (var b = 0; b < snapshot.RemoteBuckets.Length; b++)
        {
            var bucket = snapshot.RemoteBuckets[b];
            var known = BrokenConstraint.None;
            var brokenCount = 0;
            if (!Codes.Any(bucket.Codes, acceptedRemote))
            {
                known = BrokenConstraint.Delivery;
                brokenCount++;
            }
            if (q.Format is { } format && !Codes.Any(bucket.Codes, format))
            {
                known = BrokenConstraint.Format;
                brokenCount++;
            }
            if (brokenCount > 1)
            {
                continue;
            }
            for (var block = table.BucketFirstBlock[b]; block < table.BucketFirstBlock[b + 1]; block++)
            {
                // Nothing is counted here either: skip a block none of whose services could be chosen.
                var bound = Scoring.BlockBound(ctx, block);
                if (brokenCount == 1 ? bound < Floor(known) : bound < LowestFloor())
                {
                    continue;
                }
                for (var index = table.BlockStart[block]; index < table.BlockEnd[block]; index++)
                {
                    ConsiderRemote(index, known, brokenCount);
                }
            }
        }

        void ConsiderRemote(int index, BrokenConstraint known, int brokenCount)
        {
            var (kind, n) = (known, brokenCount);
            var c = codes[index];
            var assured = snapshot.FactAssuredDay[index];
            if (assured >= 0 && assured <= ctx.ExpiredOnOrBeforeDay)
            {
                return;
            }
            if ((c & ctx.GenderExcluded) != UInt128.Zero)
            {
                (kind, n) = (BrokenConstraint.Gender, n + 1);
            }
            if ((c & ctx.CircumstancesExcluded) != UInt128.Zero)
            {
                (kind, n) = (BrokenConstraint.Circumstances, n + 1);
            }
            if (!ctx.Limits.InArea(index))
            {
                (kind, n) = (BrokenConstraint.Near, n + 1);
            }
            if (!ctx.Limits.MayJoin(index, c))
            {
                return;
            }
            if (q.SelfAccessOnly && !Codes.Any(c, Codes.SelfAccess))
            {
                (kind, n) = (BrokenConstraint.Access, n + 1);
            }
            if (q.FreeOnly && (snapshot.FactFlags[index] & FactFlags.Free) == 0)
            {
                (kind, n) = (BrokenConstraint.Free, n + 1);
            }
            if (q.Age is { } age && (age < snapshot.FactMinimumAge[index] || age > snapshot.FactMaximumAge[index]))
            {
                (kind, n) = (BrokenConstraint.Age, n + 1);
            }
            if ((c & q.Needs) != q.Needs)
            {
                (kind, n) = (BrokenConstraint.Needs, n + 1);
            }
            if (n > 1 || nearby.Contains(index))
            {
                return;
            }
            // With one constraint already broken, the kind is known: skip the full check when it could not be chosen.
            var score = Scoring.Score(ctx, index, double.NaN);
            if (n == 1 && score < Floor(kind))
            {
                return;
            }
            var broken = Constraints.Evaluate(ctx, index, services[index], double.NaN, 1, out _);
            if (Constraints.IsSingle(broken))
            {
                Keep(new Candidate(index, services[index].Id, score, double.NaN, false), broken);
            }
        }

        var found = new List<(Candidate Candidate, BrokenConstraint Broken)>();
        for (var kind = 0; kind < best.Length; kind++)
        {
            for (var i = 0; i < counts[kind]; i++)
            {
                found.Add((best[kind]![i], (BrokenConstraint)(1 << kind)));
            }
        }
        return Choose(ctx, found);
    }

    /// <summary>The nearest misses to show, best first: one of each kind first, so the person sees the different things they could relax.</summary>
    public static List<NearestMiss> Choose(MatchContext ctx, List<(Candidate Candidate, BrokenConstraint Broken)> found)
    {
        var services = ctx.Snapshot.Services;
        found.Sort((a, b) => Candidate.Order(a.Candidate, b.Candidate));
        var chosen = new List<(Candidate Candidate, BrokenConstraint Broken)>();
        foreach (var f in found)
        {
            if (chosen.Count < MaxNearestMisses && !chosen.Exists(c => c.Broken == f.Broken))
            {
                chosen.Add(f);
            }
        }
        foreach (var f in found)
        {
            if (chosen.Count < MaxNearestMisses && !chosen.Contains(f))
            {
                chosen.Add(f);
            }
        }
        chosen.Sort((a, b) => Candidate.Order(a.Candidate, b.Candidate));
        return [.. chosen.Select(c => new NearestMiss(
            services[c.Candidate.Index].Id,
            services[c.Candidate.Index].Name,
            ParameterOf(c.Broken),
            Explanation.MissText(ctx, c.Candidate.Index, c.Broken, c.Candidate.DistanceKm),
            double.IsNaN(c.Candidate.DistanceKm) ? null : Math.Round(c.Candidate.DistanceKm, 1)))];
    }

    public static readonly BrokenConstraint[] MissKinds =
    [
        BrokenConstraint.WithinKm, BrokenConstraint.Delivery, BrokenConstraint.Format, BrokenConstraint.When, BrokenConstraint.OpenNow, BrokenConstraint.Access,
        BrokenConstraint.Free, BrokenConstraint.Age, BrokenConstraint.Gender, BrokenConstraint.Circumstances, BrokenConstraint.Language, BrokenConstraint.Needs, BrokenConstraint.Near,
    ];

    public static string ParameterOf(BrokenConstraint b) => b switch
    {
        BrokenConstraint.WithinKm => "within_km",
        BrokenConstraint.Delivery => "delivery",
        BrokenConstraint.Format => "format",
        BrokenConstraint.When => "when",
        BrokenConstraint.OpenNow => "open_now",
        BrokenConstraint.Access => "access",
        BrokenConstraint.Free => "free",
        BrokenConstraint.Age => "age",
        BrokenConstraint.Gender => "gender",
        BrokenConstraint.Circumstances => "circumstances",
        BrokenConstraint.Language => "language",
        BrokenConstraint.Needs => "needs",
        BrokenConstraint.Near => "near",
        _ => throw new ArgumentOutOfRangeException(nameof(b), b, null),
    };
}
