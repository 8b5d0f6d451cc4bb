using Waymark.Core.Directory;
using Waymark.Core.Safety;

namespace Waymark.Core.Matching;

/// <summary>
/// The same search done the plain way: every service evaluated and scored, distances from every location, no grid,
/// no columns, no runs, no pruning. The definition the fast paths must agree with (tests compare the two).
/// </summary>
internal static class ReferenceScan
{
    public static MatchOutcome Match(MatchContext ctx)
    {
        var query = ctx.Query;
        var services = ctx.Snapshot.Services;
        var km = NearestLocations(ctx, query.WithinKm);
        var matches = new List<Candidate>();
        for (var i = 0; i < services.Length; i++)
        {
            var reachable = !double.IsNaN(km[i]) || Codes.Any(services[i].Codes, ctx.Accepted & Codes.Remote);
            if (reachable && Constraints.Evaluate(ctx, i, services[i], km[i], 0, out var local) == BrokenConstraint.None)
            {
                matches.Add(new Candidate(i, services[i].Id, Scoring.Score(ctx, i, local ? km[i] : double.NaN), km[i], local));
            }
        }
        matches.Sort(Candidate.Order);
        var top = matches.Take(Math.Clamp(query.Limit, 1, MatchQuery.MaxLimit)).ToArray();
        var results = top.Select(c => Explanation.Describe(ctx, c)).ToList();

        IReadOnlyList<NearestMiss> misses = [];
        if (results.Count == 0)
        {
            var missKm = NearestLocations(ctx, Math.Min(query.WithinKm + NearestMissFinder.MissSearchExtraKm, MatchQuery.MaxWithinKm + NearestMissFinder.MissSearchExtraKm));
            var found = new List<(Candidate Candidate, BrokenConstraint Broken)>();
            for (var i = 0; i < services.Length; i++)
            {
                var near = !double.IsNaN(missKm[i]);
                if (!near && !Codes.Any(services[i].Codes, Codes.Remote))
                {
                    continue;
                }
                var broken = Constraints.Evaluate(ctx, i, services[i], missKm[i], 1, out _);
                if (Constraints.IsSingle(broken))
                {
                    found.Add((near
                        ? new Candidate(i, services[i].Id, Scoring.Score(ctx, i, Math.Min(missKm[i], query.WithinKm)), missKm[i], true)
                        : new Candidate(i, services[i].Id, Scoring.Score(ctx, i, double.NaN), double.NaN, false), broken));
                }
            }
            misses = NearestMissFinder.Choose(ctx, found);
        }

        IReadOnlyList<WhileYouWait> whileYouWait = [];
        if (results.Count > 0 && WhileYouWaitFinder.IsNeeded(ctx, top[0]))
        {
            var shown = top.Select(c => c.Index).ToHashSet();
            var picked = new List<Candidate>();
            for (var i = 0; i < services.Length; i++)
            {
                ref readonly var s = ref services[i];
                var near = !double.IsNaN(km[i]);
                if ((!near && !Codes.Any(s.Codes, ctx.Accepted & Codes.Remote))
                    || !Codes.Any(s.Codes, WhileYouWaitFinder.NoWait) || !Codes.Any(s.Codes, Codes.SelfAccess) || shown.Contains(i) || Scoring.WaitOf(ctx, i).Days is > 0)
                {
                    continue;
                }
                var d = near ? km[i] : double.NaN;
                if (Constraints.Evaluate(ctx, i, s, d, 0, out var local, ignore: BrokenConstraint.Format) == BrokenConstraint.None)
                {
                    picked.Add(new Candidate(i, s.Id, Scoring.Score(ctx, i, local ? d : double.NaN), d, local));
                }
            }
            picked.Sort(Candidate.Order);
            whileYouWait = [.. picked.Take(WhileYouWaitFinder.MaxWhileYouWait).Select(c => Explanation.MeanwhileOf(services[c.Index]))];
        }
        return new MatchOutcome(results, misses, query.Place, CrisisContacts.CardContacts, whileYouWait, matches.Count);
    }

    /// <summary>Each service's nearest location within <paramref name="km"/> (NaN when none), worked out location by location.</summary>
    public static double[] NearestLocations(MatchContext ctx, double km)
    {
        var snapshot = ctx.Snapshot;
        var nearest = new double[snapshot.Services.Length];
        Array.Fill(nearest, double.NaN);
        if (ctx.Query.Place is not { } place || !Codes.Any(ctx.Accepted, Codes.Local))
        {
            return nearest;
        }
        for (var l = 0; l < snapshot.Latitudes.Length; l++)
        {
            var d = Gazetteer.Gazetteer.DistanceKm(place.Latitude, place.Longitude, snapshot.Latitudes[l], snapshot.Longitudes[l]);
            var owner = snapshot.LocationService[l];
            if (d <= km && !(d >= nearest[owner]))
            {
                nearest[owner] = d;
            }
        }
        return nearest;
    }
}
