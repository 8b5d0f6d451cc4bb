using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.Safety;
using Waymark.Core.Schedules;

namespace Waymark.Core.Matching;

/// <summary>
/// Person-centred matching (docs/contracts/matching.md §2): hard constraints are never broken in the results; what is left is ranked
/// by fit, with plain reasons and honest cautions. Works only on a <see cref="DirectorySnapshot"/>: no database here.
/// </summary>
/// <remarks>
/// The parts: <see cref="Constraints"/> (what rules a service out), <see cref="Scoring"/> with <see cref="ScoreWeights"/>
/// (the order of what is left), <see cref="NearbySet"/> (services near the place, from the snapshot's grid),
/// <see cref="RemotePass"/> (phone, online and text services), <see cref="NearestMissFinder"/>,
/// <see cref="WhileYouWaitFinder"/>, <see cref="Explanation"/> (the words) and <see cref="ReferenceScan"/> (the plain
/// definition the fast path is tested against). This class holds what is kept between searches.
/// </remarks>
public sealed class Matcher(IReferralWaits referralWaits)
{
    public const int LongWaitDays = 14;

    private volatile ScoreTable? _table;

    private readonly RemoteSchedules _remoteSchedules = new();

    public MatchOutcome Match(DirectorySnapshot snapshot, MatchQuery query, DateTimeOffset now)
    {
        var ctx = NewContext(snapshot, query, now);
        var services = snapshot.Services;
        var limit = Math.Clamp(query.Limit, 1, MatchQuery.MaxLimit);
        var top = new Candidate[limit];
        var topCount = 0;
        var total = 0;

        var flat = new FlatConstraints(ctx);
        // Only services meeting every hard constraint but format are gathered: most in range fail one, and need no exact distance.
        var nearby = NearbySet.Find(ctx, query.WithinKm, t_nearby ??= new NearbySet(), flat, reachedAndRest: true);
        var urgentNow = query.Urgency == Urgency.Now;
        var acceptedRemote = ctx.Accepted & Codes.Remote;
        // The nearby services the remote pass would also count (reached by an accepted remote delivery): taken off a kept remote count.
        var alsoRemote = 0;
        var codes = snapshot.FactCodes;
        var format = query.Format;
        var waits = ctx.WaitDays;
        // The best nearby services for "while you wait" (format aside), as many more as the results may take from them.
        var meanwhile = new Candidate[WhileYouWaitFinder.MaxWhileYouWait + limit];
        var meanwhileCount = 0;
        foreach (var (index, km) in nearby.Items)
        {
            // NearbySet.Find asked what Constraints.Evaluate asks of a service in range but format: the flat constraints,
            // reach (an accepted delivery of any kind; in person counts, being in range) and the rest.
            var c = codes[index];
            var local = Codes.Any(c & ctx.Accepted, Codes.Local);
            var localKm = local ? km : double.NaN;
            var score = double.NaN;
            if (WhileYouWaitFinder.IsCandidate(c, waits[index]))
            {
                score = Scoring.Score(ctx, index, localKm);
                if (meanwhileCount < meanwhile.Length || score >= meanwhile[^1].Score)
                {
                    Candidate.Offer(meanwhile, ref meanwhileCount, new Candidate(index, services[index].Id, score, km, local));
                }
            }
            if (format is { } f && !Codes.Any(c, f))
            {
                continue;
            }
            total++;
            if (Codes.Any(c, acceptedRemote))
            {
                alsoRemote++;
            }
            // Once the top is full, a service that could not enter it even if open now is not scored in full (as in the remote pass).
            var floor = topCount == top.Length ? top[^1].Score : double.NegativeInfinity;
            if (double.IsNaN(score))
            {
                if (urgentNow && topCount == top.Length && Scoring.Score(ctx, index, localKm, openNow: (snapshot.FactFlags[index] & FactFlags.HasTimes) != 0) < floor)
                {
                    continue;
                }
                score = Scoring.Score(ctx, index, localKm);
            }
            if (score >= floor)
            {
                Candidate.Offer(top, ref topCount, new Candidate(index, services[index].Id, score, km, local));
            }
        }
        total += RemotePass.RemoteTotal(ctx, nearby, alsoRemote, top, ref topCount);

        var results = new List<ServiceMatch>(topCount);
        for (var i = 0; i < topCount; i++)
        {
            results.Add(Explanation.Describe(ctx, top[i]));
        }

        var misses = results.Count == 0 ? NearestMissFinder.Find(ctx) : [];
        var whileYouWait = results.Count > 0 && WhileYouWaitFinder.IsNeeded(ctx, top[0]) ? WhileYouWaitFinder.Find(ctx, top.AsSpan(0, topCount), meanwhile.AsSpan(0, meanwhileCount), nearby) : [];
        return new MatchOutcome(results, misses, query.Place, CrisisContacts.CardContacts, whileYouWait, total);
    }

    /// <summary>The same search done the plain way (<see cref="ReferenceScan"/>): what the fast path is tested against.</summary>
    internal MatchOutcome MatchByScanningEverything(DirectorySnapshot snapshot, MatchQuery query, DateTimeOffset now) =>
        ReferenceScan.Match(NewContext(snapshot, query, now));

    /// <summary>A search's context as <see cref="Match"/> makes it (for tests of the parts that take one).</summary>
    internal MatchContext ContextOf(DirectorySnapshot snapshot, MatchQuery query, DateTimeOffset now) => NewContext(snapshot, query, now);

    private MatchContext NewContext(DirectorySnapshot snapshot, MatchQuery query, DateTimeOffset now)
    {
        var at = query.At ?? now;
        var moment = new UkMoment(at);
        var table = TableFor(snapshot);
        return new MatchContext
        {
            OpenRemote = query.OpenNow ? _remoteSchedules.OpenAt(snapshot, at, moment) : null,
            RemoteWindows = query.When != WhenWindows.None ? _remoteSchedules.WindowsInWeekOf(snapshot, UkTime.DateOf(at)) : null,
            Snapshot = snapshot,
            Query = query,
            At = at,
            UkDate = UkTime.DateOf(at),
            Moment = moment,
            Accepted = query.Delivery ?? Codes.AnyDelivery,
            Language = Languages.Pack(query.Language),
            ExpiredOnOrBeforeDay = UkTime.DateOf(now).AddMonths(-ListingFreshness.ExpiredAfterMonths).DayNumber,
            Table = table,
            RemoteCloseness = Scoring.RemoteCloseness(query),
            Weights = ScoreWeights.Total(query),
            GenderExcluded = query.Gender switch
            {
                null => UInt128.Zero,
                Gender.Woman => Codes.MenOnly,
                Gender.Man => Codes.WomenOnly,
                _ => Codes.MenOnly | Codes.WomenOnly,
            },
            CircumstancesExcluded = (query.Student ? UInt128.Zero : Codes.StudentsOnly) | (query.Employee ? UInt128.Zero : Codes.EmployeesOnly),
            HasSlowConstraints = query.When != WhenWindows.None || query.OpenNow || query.Language is not null,
            Limits = PersonLimits.For(table, query),
        };
    }

    private ScoreTable TableFor(DirectorySnapshot snapshot)
    {
        var measured = referralWaits.Measured;
        var table = _table;
        if (table is null || !ReferenceEquals(table.Snapshot, snapshot) || !ReferenceEquals(table.Measured, measured))
        {
            table = new ScoreTable(snapshot, measured);
            _table = table;
        }
        return table;
    }

    /// <summary>Drops the kept remote counts (for the benchmark, to measure without them).</summary>
    internal void ForgetRemoteCounts() => _table?.Counts.Clear();

    /// <summary>Remote-count cache hits and misses for the current snapshot (for the benchmark).</summary>
    internal (long Hits, long Misses) RemoteCountStatistics => _table is { } t ? (t.Counts.Hits, t.Counts.Misses) : (0, 0);

    /// <summary>
    /// One <see cref="NearbySet"/> per thread for the main pass of <see cref="Match"/>, emptied and reused: its lists
    /// grow to hundreds or thousands of entries, and allocating them afresh for every search fed the garbage collector,
    /// whose pauses show in the server's p99. A search runs on one thread from start to end and never starts another.
    /// </summary>
    [ThreadStatic]
    private static NearbySet? t_nearby;
}
