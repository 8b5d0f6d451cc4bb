using System.Globalization;
using System.Numerics;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Listings;
using Waymark.Core.Safety;
using Waymark.Core.Schedules;

namespace Waymark.Core.Matching;

/// <summary>
/// Person-centred matching (docs/contracts/matching.md §2): hard constraints are never broken in the results; what is left is ranked
/// by fit, with plain reasons and honest cautions. Works only on a <see cref="DirectorySnapshot"/>: no database here.
/// </summary>
public sealed class Matcher(IReferralWaits referralWaits)
{
    public const int LongWaitDays = 14;

    /// <summary>
    /// The weight, for "help now", of a service open now being limited to the person's own area: more than every
    /// preference met adds (0.35), so a local line open now comes before national lines that are otherwise alike.
    /// </summary>
    private const double LocalWeight = 0.4;
    private const int MaxNearestMisses = 3;
    private const int MaxWhileYouWait = 3;
    private const double MissSearchExtraKm = 50;

    [Flags]
    private enum Broken
    {
        None = 0,
        WithinKm = 1 << 0,
        Delivery = 1 << 1,
        Format = 1 << 2,
        When = 1 << 3,
        OpenNow = 1 << 4,
        Access = 1 << 5,
        Free = 1 << 6,
        Age = 1 << 7,
        Gender = 1 << 8,
        Circumstances = 1 << 9,
        Language = 1 << 10,
        Needs = 1 << 11,

        /// <summary>The service is only for people living in local authorities the person's place is not in.</summary>
        Near = 1 << 12,

        /// <summary>Cannot be reached at all with what the person said (e.g. in person only, and no <c>near</c>): never a near miss.</summary>
        Unreachable = (1 << 20) | (1 << 21),
    }

    private readonly record struct Candidate(int Index, Guid Id, double Score, double DistanceKm, bool Local);

    private sealed class Context
    {
        public required DirectorySnapshot Snapshot { get; init; }
        public required MatchQuery Query { get; init; }
        public required DateTimeOffset At { get; init; }
        public required DateOnly UkDate { get; init; }
        public required UkMoment Moment { get; init; }
        public required UInt128 Accepted { get; init; }
        public required ushort Language { get; init; }

        /// <summary>Listings last checked on or before this day number have expired (12 months unchecked).</summary>
        public required int ExpiredOnOrBeforeDay { get; init; }

        public required ScoreTable Table { get; init; }

        /// <summary>For "when" searches, each remote service's windows in the week asked about; else null.</summary>
        public required WhenWindows[]? RemoteWindows { get; init; }

        /// <summary>For "open now" searches, which remote services are open at <see cref="At"/> (bit per service index); else null.</summary>
        public required ulong[]? OpenRemote { get; init; }

        /// <summary>Typical wait per service (measured from referrals, else the provider's), -1 when unknown.</summary>
        public short[] WaitDays => Table.WaitDays;

        /// <summary>The closeness part (0..1) of a service reached without travelling: see <see cref="RemoteCloseness"/>.</summary>
        public required double RemoteCloseness { get; init; }

        /// <summary>The sum of the weights of the score's parts that apply to this search.</summary>
        public required double Weights { get; init; }

        /// <summary>Codes that rule a service out for this person (women-only for a man, students-only for a non-student...).</summary>
        public required UInt128 GenderExcluded { get; init; }
        public required UInt128 CircumstancesExcluded { get; init; }

        /// <summary>Whether the search has a constraint the flat columns cannot answer (times, language, open now).</summary>
        public required bool HasSlowConstraints { get; init; }

        /// <summary>Service areas and members-only services, for this person.</summary>
        public required PersonLimits Limits { get; init; }
    }

    /// <summary>
    /// What the score needs that is fixed for one snapshot and one set of measured waits: each service's wait, and
    /// for each block of <see cref="BlockSize"/> services of a remote run, the best any of them can do on each part
    /// of the score (shortest wait, latest check, all their codes), so a block that cannot reach a search's top
    /// results is only counted. Built on the first search of a snapshot, and again when measured waits change.
    /// </summary>
    private sealed class ScoreTable
    {
        public const int BlockSize = 64;

        public ScoreTable(DirectorySnapshot snapshot, IReadOnlyDictionary<Guid, int> measured)
        {
            Snapshot = snapshot;
            Measured = measured;
            var services = snapshot.Services;
            WaitDays = snapshot.FactWaitDays;
            if (measured.Count > 0)
            {
                WaitDays = (short[])WaitDays.Clone();
                WaitMeasured = new bool[services.Length];
                for (var i = 0; i < services.Length; i++)
                {
                    if (measured.TryGetValue(services[i].Id, out var m))
                    {
                        WaitDays[i] = (short)Math.Clamp(m, 0, short.MaxValue);
                        WaitMeasured[i] = true;
                    }
                }
            }
            var remoteCount = snapshot.RemoteServices.Length;
            RemoteMinimumAges = [.. snapshot.FactMinimumAge.AsSpan(0, remoteCount).ToArray().Distinct().Order()];
            RemoteMaximumAges = [.. snapshot.FactMaximumAge.AsSpan(0, remoteCount).ToArray().Distinct().Order()];
            var buckets = snapshot.RemoteBuckets;
            BucketFirstBlock = new int[buckets.Length + 1];
            var starts = new List<int>();
            var ends = new List<int>();
            for (var b = 0; b < buckets.Length; b++)
            {
                BucketFirstBlock[b] = starts.Count;
                for (var start = buckets[b].Start; start < buckets[b].End; start += BlockSize)
                {
                    starts.Add(start);
                    ends.Add(Math.Min(start + BlockSize, buckets[b].End));
                }
            }
            BucketFirstBlock[buckets.Length] = starts.Count;
            BlockStart = [.. starts];
            BlockEnd = [.. ends];
            BlockWaitPart = new double[starts.Count];
            BlockNowWaitPart = new double[starts.Count];
            BlockAssuredDay = new int[starts.Count];
            BlockCodes = new UInt128[starts.Count];
            BlockHasTimes = new bool[starts.Count];
            var areaSets = new List<int>();
            BlockAreaSetStart = new int[starts.Count + 1];
            for (var k = 0; k < starts.Count; k++)
            {
                BlockWaitPart[k] = double.NegativeInfinity;
                BlockNowWaitPart[k] = double.NegativeInfinity;
                BlockAssuredDay[k] = int.MinValue;
                for (var i = BlockStart[k]; i < BlockEnd[k]; i++)
                {
                    var codes = snapshot.FactCodes[i];
                    BlockWaitPart[k] = Math.Max(BlockWaitPart[k], WaitPart(WaitDays[i]));
                    BlockNowWaitPart[k] = Math.Max(BlockNowWaitPart[k], NowWaitPart(WaitDays[i], codes));
                    BlockAssuredDay[k] = Math.Max(BlockAssuredDay[k], snapshot.FactAssuredDay[i]);
                    BlockCodes[k] |= codes;
                    BlockHasTimes[k] |= (snapshot.FactFlags[i] & FactFlags.HasTimes) != 0;
                    var set = snapshot.FactAreaSet[i];
                    if (set != AreaSets.Everyone && (snapshot.FactFlags[i] & FactFlags.HasTimes) != 0 && areaSets.IndexOf(set, BlockAreaSetStart[k]) < 0)
                    {
                        areaSets.Add(set);
                    }
                }
                BlockAreaSetStart[k + 1] = areaSets.Count;
            }
            BlockAreaSets = [.. areaSets];
        }

        /// <summary>
        /// Whether a service of the block could be open now and local to the person (limited to an area their place is
        /// in), for the bound of a "help now" search: only the block's own area sets are looked at.
        /// </summary>
        public bool MayBeLocal(int block, PersonLimits limits)
        {
            for (var i = BlockAreaSetStart[block]; i < BlockAreaSetStart[block + 1]; i++)
            {
                if (limits.AreaAllowed[BlockAreaSets[i]])
                {
                    return true;
                }
            }
            return false;
        }

        public DirectorySnapshot Snapshot { get; }
        public IReadOnlyDictionary<Guid, int> Measured { get; }
        public short[] WaitDays { get; }

        /// <summary>How many remote services meet a search's hard constraints, by <see cref="RemoteCountKey"/>: see <see cref="RemoteCounts"/>.</summary>
        public RemoteCounts Counts { get; } = new();

        /// <summary>The remote services' distinct lower and upper age limits, sorted: ages between the same limits are one case.</summary>
        public float[] RemoteMinimumAges { get; } = [];
        public float[] RemoteMaximumAges { get; } = [];

        /// <summary>Which of <see cref="WaitDays"/> were measured from referrals; null when none were.</summary>
        public bool[]? WaitMeasured { get; }

        /// <summary>Blocks <c>BucketFirstBlock[b]</c> to <c>BucketFirstBlock[b + 1] - 1</c> make up remote run <c>b</c>.</summary>
        public int[] BucketFirstBlock { get; }
        public int[] BlockStart { get; }
        public int[] BlockEnd { get; }
        public double[] BlockWaitPart { get; }
        public double[] BlockNowWaitPart { get; }
        public int[] BlockAssuredDay { get; }
        public UInt128[] BlockCodes { get; }
        public bool[] BlockHasTimes { get; }

        /// <summary>
        /// The distinct area sets (other than "anyone") of the block's services that have times: those of block <c>k</c> are
        /// <c>BlockAreaSets[BlockAreaSetStart[k]]</c> to <c>BlockAreaSets[BlockAreaSetStart[k + 1] - 1]</c>.
        /// </summary>
        public int[] BlockAreaSetStart { get; }
        public int[] BlockAreaSets { get; }
    }

    private volatile ScoreTable? _table;

    /// <summary>Which remote services are open, for a snapshot and a minute: the answer is the same for any instant in a minute.</summary>
    private sealed record OpenInMinute(DirectorySnapshot Snapshot, long Minute, ulong[] Bits);

    private readonly OpenInMinute?[] _openInMinute = new OpenInMinute?[8];
    private int _openInMinuteWrites;

    /// <summary>
    /// "Open now" for every remote service, worked out once per minute and snapshot and shared by the searches in that
    /// minute (openings start and end on whole minutes), instead of each search reading tens of thousands of schedules.
    /// </summary>
    private sealed record WindowsInWeek(DirectorySnapshot Snapshot, int Monday, WhenWindows[] Windows);

    private readonly WindowsInWeek?[] _windowsInWeek = new WindowsInWeek?[4];
    private int _windowsInWeekWrites;

    /// <summary>Each remote service's <c>when</c> windows in the week of a UK date, worked out once per week and snapshot.</summary>
    private WhenWindows[] RemoteWindowsInWeekOf(DirectorySnapshot snapshot, DateOnly ukDate)
    {
        var monday = ukDate.DayNumber - WeeklyOpening.MondayIndex(ukDate.DayOfWeek);
        foreach (var cached in _windowsInWeek)
        {
            if (cached is not null && cached.Monday == monday && ReferenceEquals(cached.Snapshot, snapshot))
            {
                return cached.Windows;
            }
        }
        var windows = new WhenWindows[snapshot.RemoteServices.Length];
        for (var i = 0; i < windows.Length; i++)
        {
            windows[i] = (snapshot.FactFlags[i] & FactFlags.WindowsFixed) != 0 ? snapshot.FactWindows[i] : snapshot.HoursOf(snapshot.Services[i]).WindowsInWeekOf(ukDate);
        }
        _windowsInWeek[(int)((uint)Interlocked.Increment(ref _windowsInWeekWrites) % _windowsInWeek.Length)] = new WindowsInWeek(snapshot, monday, windows);
        return windows;
    }

    private ulong[] OpenRemoteAt(DirectorySnapshot snapshot, DateTimeOffset at, in UkMoment moment)
    {
        var minute = at.UtcTicks / TimeSpan.TicksPerMinute;
        foreach (var cached in _openInMinute)
        {
            if (cached is not null && cached.Minute == minute && ReferenceEquals(cached.Snapshot, snapshot))
            {
                return cached.Bits;
            }
        }
        var remote = snapshot.RemoteServices.Length;
        var bits = new ulong[(remote + 63) / 64];
        for (var i = 0; i < remote; i++)
        {
            if ((snapshot.FactFlags[i] & FactFlags.HasTimes) != 0 && snapshot.HoursOf(snapshot.Services[i]).IsOpenAt(at, moment))
            {
                bits[i >> 6] |= 1UL << i;
            }
        }
        // A few recent minutes are kept (searches may name an instant with "at"); the oldest written is replaced.
        _openInMinute[(int)((uint)Interlocked.Increment(ref _openInMinuteWrites) % _openInMinute.Length)] = new OpenInMinute(snapshot, minute, bits);
        return bits;
    }

    public MatchOutcome Match(DirectorySnapshot snapshot, MatchQuery query, DateTimeOffset now)
    {
        var ctx = NewContext(snapshot, query, now);
        var services = snapshot.Services;
        var limit = Math.Clamp(query.Limit, 1, MatchQuery.MaxLimit);
        var top = new Candidate[limit];
        var topCount = 0;
        var total = 0;

        var nearby = Nearby(ctx, query.WithinKm, t_nearby ??= new NearbySet());
        var urgentNow = query.Urgency == Urgency.Now;
        foreach (var (index, km) in nearby.Items)
        {
            ref readonly var s = ref services[index];
            if (Evaluate(ctx, index, s, km, 0, out var local) != Broken.None)
            {
                continue;
            }
            total++;
            var localKm = local ? km : double.NaN;
            // Once the top is full, a service that could not enter it even if open now is not scored in full (as in the remote pass).
            var floor = topCount == top.Length ? top[^1].Score : double.NegativeInfinity;
            // Nearby services are met in location order, so the score reads the entry Evaluate has just brought into the cache.
            if (urgentNow && topCount == top.Length && Score(ctx, index, s.Codes, s.AssuredDay, localKm, openNow: s.OpeningCount > 0) < floor)
            {
                continue;
            }
            var score = Score(ctx, index, s.Codes, s.AssuredDay, localKm);
            if (score >= floor)
            {
                Offer(top, ref topCount, new Candidate(index, s.Id, score, km, local));
            }
        }
        total += RemoteTotal(ctx, nearby, top, ref topCount);

        var results = new List<ServiceMatch>(topCount);
        for (var i = 0; i < topCount; i++)
        {
            results.Add(Describe(ctx, top[i]));
        }

        var misses = results.Count == 0 ? NearestMisses(ctx) : [];
        var whileYouWait = results.Count > 0 && NeedsSomethingMeanwhile(ctx, top[0]) ? SomethingMeanwhile(ctx, top.AsSpan(0, topCount), nearby) : [];
        return new MatchOutcome(results, misses, query.Place, CrisisContacts.CardContacts, whileYouWait, total);
    }

    /// <summary>
    /// The same search done the plain way: every service evaluated and scored, distances from every location, no grid,
    /// no columns, no runs, no pruning. The definition the fast paths must agree with (tests compare the two).
    /// </summary>
    internal MatchOutcome MatchByScanningEverything(DirectorySnapshot snapshot, MatchQuery query, DateTimeOffset now)
    {
        var ctx = NewContext(snapshot, query, now);
        var services = snapshot.Services;
        var km = NearestLocations(ctx, query.WithinKm);
        var matches = new List<Candidate>();
        for (var i = 0; i < services.Length; i++)
        {
            var reachable = !double.IsNaN(km[i]) || Codes.Any(services[i].Codes, ctx.Accepted & Codes.Remote);
            if (reachable && Evaluate(ctx, i, services[i], km[i], 0, out var local) == Broken.None)
            {
                matches.Add(new Candidate(i, services[i].Id, Score(ctx, i, local ? km[i] : double.NaN), km[i], local));
            }
        }
        matches.Sort(Order);
        var top = matches.Take(Math.Clamp(query.Limit, 1, MatchQuery.MaxLimit)).ToArray();
        var results = top.Select(c => Describe(ctx, c)).ToList();

        IReadOnlyList<NearestMiss> misses = [];
        if (results.Count == 0)
        {
            var missKm = NearestLocations(ctx, Math.Min(query.WithinKm + MissSearchExtraKm, MatchQuery.MaxWithinKm + MissSearchExtraKm));
            var found = new List<(Candidate Candidate, Broken Broken)>();
            for (var i = 0; i < services.Length; i++)
            {
                var near = !double.IsNaN(missKm[i]);
                if (!near && !Codes.Any(services[i].Codes, Codes.Remote))
                {
                    continue;
                }
                var broken = Evaluate(ctx, i, services[i], missKm[i], 1, out _);
                if (IsSingle(broken))
                {
                    found.Add((near
                        ? new Candidate(i, services[i].Id, Score(ctx, i, Math.Min(missKm[i], query.WithinKm)), missKm[i], true)
                        : new Candidate(i, services[i].Id, Score(ctx, i, double.NaN), double.NaN, false), broken));
                }
            }
            misses = ChooseMisses(ctx, found);
        }

        IReadOnlyList<WhileYouWait> whileYouWait = [];
        if (results.Count > 0 && NeedsSomethingMeanwhile(ctx, top[0]))
        {
            var shown = top.Select(c => c.Index).ToHashSet();
            var picked = new List<Candidate>();
            for (var i = 0; i < services.Length; i++)
            {
                ref readonly var s = ref services[i];
                var near = !double.IsNaN(km[i]);
                if ((!near && !Codes.Any(s.Codes, ctx.Accepted & Codes.Remote))
                    || !Codes.Any(s.Codes, NoWait) || !Codes.Any(s.Codes, Codes.SelfAccess) || shown.Contains(i) || WaitOf(ctx, i).Days is > 0)
                {
                    continue;
                }
                var d = near ? km[i] : double.NaN;
                if (Evaluate(ctx, i, s, d, 0, out var local, ignore: Broken.Format) == Broken.None)
                {
                    picked.Add(new Candidate(i, s.Id, Score(ctx, i, local ? d : double.NaN), d, local));
                }
            }
            picked.Sort(Order);
            whileYouWait = [.. picked.Take(MaxWhileYouWait).Select(c => MeanwhileOf(services[c.Index]))];
        }
        return new MatchOutcome(results, misses, query.Place, CrisisContacts.CardContacts, whileYouWait, matches.Count);
    }

    /// <summary>Each service's nearest location within <paramref name="km"/> (NaN when none), worked out location by location.</summary>
    private static double[] NearestLocations(Context ctx, double km)
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

    private Context NewContext(DirectorySnapshot snapshot, MatchQuery query, DateTimeOffset now)
    {
        var at = query.At ?? now;
        var weights = 0.25;
        if (query.Prefer != UInt128.Zero)
        {
            weights += 0.35;
        }
        if (query.Urgency == Urgency.Now)
        {
            weights += 0.4;
            weights += 0.3;
            weights += LocalWeight;
        }
        else
        {
            weights += query.Urgency == Urgency.Soon ? 0.2 : 0.1;
        }
        weights += 0.1;
        var moment = new UkMoment(at);
        return new Context
        {
            OpenRemote = query.OpenNow ? OpenRemoteAt(snapshot, at, moment) : null,
            RemoteWindows = query.When != WhenWindows.None ? RemoteWindowsInWeekOf(snapshot, UkTime.DateOf(at)) : null,
            Snapshot = snapshot,
            Query = query,
            At = at,
            UkDate = UkTime.DateOf(at),
            Moment = moment,
            Accepted = query.Delivery ?? Codes.AnyDelivery,
            Language = Languages.Pack(query.Language),
            ExpiredOnOrBeforeDay = UkTime.DateOf(now).AddMonths(-ListingFreshness.ExpiredAfterMonths).DayNumber,
            Table = TableFor(snapshot),
            RemoteCloseness = RemoteCloseness(query),
            Weights = weights,
            GenderExcluded = query.Gender switch
            {
                null => UInt128.Zero,
                Gender.Woman => Codes.MenOnly,
                Gender.Man => Codes.WomenOnly,
                _ => Codes.MenOnly | Codes.WomenOnly,
            },
            CircumstancesExcluded = (query.Student ? UInt128.Zero : Codes.StudentsOnly) | (query.Employee ? UInt128.Zero : Codes.EmployeesOnly),
            HasSlowConstraints = query.When != WhenWindows.None || query.OpenNow || query.Language is not null,
            Limits = PersonLimits.For(snapshot, query),
        };
    }

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
    private static double RemoteCloseness(MatchQuery q) =>
        q.Place is not null && q.Delivery is null && !Codes.Any(q.Prefer, Codes.AnyDelivery) ? 0.2 : 0.5;

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

    private static readonly Comparison<Candidate> Order = (a, b) => Before(a, b) ? -1 : Before(b, a) ? 1 : 0;

    private static readonly UInt128 NoWait = Codes.DropIn | Codes.PeerSupport | Codes.Helpline;

    /// <summary>
    /// Which remote services meet a search's hard constraints, area by area, does not depend on the place, the
    /// preferences or the urgency: only on the constraints, the day (expiry, <c>when</c>'s week) and, for "open now", the
    /// minute. The key holds exactly those, with the age reduced to where it falls among the remote services' age limits.
    /// </summary>
    private readonly record struct RemoteCountKey(
        UInt128 AcceptedRemote, UInt128 Format, bool HasFormat, UInt128 Excluded, UInt128 Needs, bool SelfAccessOnly, bool FreeOnly,
        int AgeFromBelow, int AgeFromAbove, WhenWindows When, int WhenDay, ushort Language, long OpenMinute, int ExpiredOnOrBeforeDay);

    /// <summary>
    /// The number of remote services meeting the hard constraints, per <see cref="RemoteCountKey"/> and by area set (a
    /// place's count is the sum over the sets it lies in), for one snapshot and set of measured waits (it lives in their
    /// <see cref="ScoreTable"/>, so a new snapshot starts empty). With the count known, a search only scores the remote
    /// blocks that can reach its top and skips the rest without counting them. Bounded: emptied when full.
    /// </summary>
    private sealed class RemoteCounts
    {
        public const int Capacity = 1024;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<RemoteCountKey, int[]> _counts = new();
        private long _hits;
        private long _misses;

        public long Hits => Interlocked.Read(ref _hits);
        public long Misses => Interlocked.Read(ref _misses);

        public bool TryGet(in RemoteCountKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out int[]? count)
        {
            var found = _counts.TryGetValue(key, out count);
            Interlocked.Increment(ref found ? ref _hits : ref _misses);
            return found;
        }

        public void Clear() => _counts.Clear();

        public void Add(in RemoteCountKey key, int[] count)
        {
            if (_counts.Count >= Capacity)
            {
                _counts.Clear();
            }
            _counts[key] = count;
        }
    }

    /// <summary>Drops the kept remote counts (for the benchmark, to measure without them).</summary>
    internal void ForgetRemoteCounts() => _table?.Counts.Clear();

    /// <summary>Remote-count cache hits and misses for the current snapshot (for the benchmark).</summary>
    internal (long Hits, long Misses) RemoteCountStatistics => _table is { } t ? (t.Counts.Hits, t.Counts.Misses) : (0, 0);

    private static RemoteCountKey CountKeyOf(Context ctx)
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
    private static int UpperBound(float[] values, float x)
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
    private static int LowerBound(float[] values, float x)
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
    private static int RemoteTotal(Context ctx, NearbySet nearby, Candidate[] top, ref int topCount)
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
        foreach (var index in nearby.Remote)
        {
            if (MeetsRemotely(ctx, index))
            {
                alsoNearby++;
            }
        }
        return all - alsoNearby;
    }

    /// <summary>Whether a remote service is one <see cref="RemoteMatches"/> counts (before leaving out those nearby).</summary>
    private static bool MeetsRemotely(Context ctx, int index)
    {
        var c = ctx.Snapshot.FactCodes[index];
        return Codes.Any(c, ctx.Accepted & Codes.Remote) && (ctx.Query.Format is not { } format || Codes.Any(c, format)) && MeetsConstraintsBesidesReach(ctx, index);
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
    private static int RemoteMatches(Context ctx, NearbySet nearby, Candidate[] top, ref int topCount, bool countAll, int[]? bySet, out int alsoNearby)
    {
        alsoNearby = 0;
        var q = ctx.Query;
        var snapshot = ctx.Snapshot;
        var codes = snapshot.FactCodes;
        var assured = snapshot.FactAssuredDay;
        var minimumAge = snapshot.FactMinimumAge;
        var maximumAge = snapshot.FactMaximumAge;
        var flags = snapshot.FactFlags;
        var excluded = ctx.GenderExcluded | ctx.CircumstancesExcluded | ctx.Limits.Excluded;
        var limits = ctx.Limits;
        var areaSets = snapshot.FactAreaSet;
        var areaAllowed = limits.AreaAllowed;
        var checksMembership = limits.ChecksMembership;
        var needs = q.Needs;
        var anyOf = q.SelfAccessOnly ? Codes.SelfAccess : ~UInt128.Zero;
        var requiredFlags = q.FreeOnly ? FactFlags.Free : FactFlags.None;
        var hasAge = q.Age is not null;
        var age = (float)(q.Age ?? 0);
        var expired = ctx.ExpiredOnOrBeforeDay;
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
                var scoring = topCount < top.Length || BlockBound(ctx, block) >= top[^1].Score;
                if (!scoring && !countAll)
                {
                    continue;
                }
                for (var index = table.BlockStart[block]; index < table.BlockEnd[block]; index++)
                {
                    var c = codes[index];
                    if ((c & excluded) != UInt128.Zero || (c & needs) != needs || (c & anyOf) == UInt128.Zero
                        || (assured[index] >= 0 && assured[index] <= expired)
                        || (flags[index] & requiredFlags) != requiredFlags
                        || (hasAge && (age < minimumAge[index] || age > maximumAge[index])))
                    {
                        continue;
                    }
                    var inArea = areaAllowed[areaSets[index]];
                    if ((!inArea && bySet is null) || (slow && !MeetsSlowConstraints(ctx, index)))
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
                    if (now && Score(ctx, index, double.NaN, openNow: (flags[index] & FactFlags.HasTimes) != 0) < floor)
                    {
                        continue;
                    }
                    var score = Score(ctx, index, double.NaN);
                    if (score >= floor)
                    {
                        Offer(top, ref topCount, new Candidate(index, snapshot.Services[index].Id, score, double.NaN, false));
                    }
                }
            }
        }
        return total;
    }

    /// <summary>The hard constraints other than reach and format, read from the flat columns: what <see cref="Evaluate"/> checks, for a run's inner loop.</summary>
    private static bool MeetsConstraintsBesidesReach(Context ctx, int index)
    {
        var q = ctx.Query;
        var snapshot = ctx.Snapshot;
        var c = snapshot.FactCodes[index];
        var assured = snapshot.FactAssuredDay[index];
        return (c & (ctx.GenderExcluded | ctx.CircumstancesExcluded | ctx.Limits.Excluded)) == UInt128.Zero
            && ctx.Limits.InArea(index) && ctx.Limits.MayJoin(index, c)
            && (c & q.Needs) == q.Needs
            && (!q.SelfAccessOnly || Codes.Any(c, Codes.SelfAccess))
            && !(assured >= 0 && assured <= ctx.ExpiredOnOrBeforeDay)
            && (!q.FreeOnly || (snapshot.FactFlags[index] & FactFlags.Free) != 0)
            && !(q.Age is { } age && (age < snapshot.FactMinimumAge[index] || age > snapshot.FactMaximumAge[index]))
            && (!ctx.HasSlowConstraints || MeetsSlowConstraints(ctx, index));
    }

    /// <summary>"when", "language" and "open now", which need the service's schedule or languages.</summary>
    private static bool MeetsSlowConstraints(Context ctx, int index)
    {
        var q = ctx.Query;
        var snapshot = ctx.Snapshot;
        if (q.When != WhenWindows.None)
        {
            var windows = index < snapshot.RemoteServices.Length ? ctx.RemoteWindows![index]
                : (snapshot.FactFlags[index] & FactFlags.WindowsFixed) != 0 ? snapshot.FactWindows[index] : snapshot.HoursOf(snapshot.Services[index]).WindowsInWeekOf(ctx.UkDate);
            if ((windows & q.When) == WhenWindows.None)
            {
                return false;
            }
        }
        if (ctx.Language != 0 && !SpeaksLanguage(ctx, snapshot.Services[index]))
        {
            return false;
        }
        return !q.OpenNow || (index < snapshot.RemoteServices.Length
            ? (ctx.OpenRemote![index >> 6] & (1UL << index)) != 0
            : snapshot.HoursOf(snapshot.Services[index]).IsOpenAt(ctx.At, ctx.Moment));
    }

    /// <summary>Keeps the best <c>limit</c> candidates in order without sorting everything: score first, then id.</summary>
    private static void Offer(Candidate[] top, ref int count, Candidate c)
    {
        if (count == top.Length && !Before(c, top[count - 1]))
        {
            return;
        }
        var i = count == top.Length ? count - 1 : count++;
        while (i > 0 && Before(c, top[i - 1]))
        {
            top[i] = top[i - 1];
            i--;
        }
        top[i] = c;
    }

    private static bool Before(Candidate a, Candidate b) => a.Score > b.Score || (a.Score == b.Score && a.Id.CompareTo(b.Id) < 0);

    /// <summary>Services with an in-person location in range, each once with its nearest location's distance.</summary>
    private sealed class NearbySet
    {
        public List<(int Index, double Km)> Items { get; } = [];

        /// <summary>Those of <see cref="Items"/> that also offer remote delivery, so the remote passes can skip them.</summary>
        public List<int> Remote { get; } = [];

        /// <summary><see cref="Remote"/> again, a bit per remote service index: a remote pass asks of every service it meets.</summary>
        private ulong[] _remoteBits = [];

        /// <summary>Working space for <see cref="Nearby"/>: the grid cells in range, and services with several locations in range.</summary>
        public List<(int Start, int Count)> Ranges { get; } = [];
        public Dictionary<int, double> Several { get; } = [];

        public bool Contains(int index) => index >> 6 < _remoteBits.Length && (_remoteBits[index >> 6] & (1UL << index)) != 0;

        public void AddRemote(int index, int remoteCount)
        {
            if (index >> 6 >= _remoteBits.Length)
            {
                Array.Resize(ref _remoteBits, (Math.Max(index + 1, remoteCount) + 63) / 64);
            }
            Remote.Add(index);
            _remoteBits[index >> 6] |= 1UL << index;
        }

        public void Clear()
        {
            foreach (var index in Remote)
            {
                _remoteBits[index >> 6] = 0;
            }
            Items.Clear();
            Remote.Clear();
            Ranges.Clear();
            Several.Clear();
        }
    }

    /// <summary>
    /// One <see cref="NearbySet"/> per thread for the main pass of <see cref="Match"/>, emptied and reused: its lists
    /// grow to hundreds or thousands of entries, and allocating them afresh for every search fed the garbage collector,
    /// whose pauses show in the server's p99. A search runs on one thread from start to end and never starts another.
    /// </summary>
    [ThreadStatic]
    private static NearbySet? t_nearby;

    /// <summary>Services with an in-person location within <paramref name="km"/>, each with its nearest location's distance, into <paramref name="found"/>.</summary>
    private static NearbySet Nearby(Context ctx, double km, NearbySet found)
    {
        found.Clear();
        if (ctx.Query.Place is not { } place || !Codes.Any(ctx.Accepted, Codes.Local))
        {
            return found;
        }
        var ranges = found.Ranges;
        var snapshot = ctx.Snapshot;
        snapshot.CellRangesNear(place.Latitude, place.Longitude, km, ranges);
        var lat = snapshot.Latitudes;
        var lon = snapshot.Longitudes;
        var cosLat = snapshot.LatitudeCosines;
        var owner = snapshot.LocationService;
        var only = snapshot.LocationIsOwnersOnly;
        var items = found.Items;
        // Most services have one location and go straight in; only those with several need de-duplicating.
        var several = found.Several;
        // A flat-earth distance is within a fraction of a percent at these ranges: use it to skip the trigonometry.
        var kmPerDegreeLon = 111.32 * Math.Cos(place.Latitude * Math.PI / 180);
        var roughLimit = (km * 1.02) * (km * 1.02);
        var placeCosLat = Gazetteer.Gazetteer.CosOfLatitude(place.Latitude);
        foreach (var (start, count) in ranges)
        {
            for (var location = start; location < start + count; location++)
            {
                var dy = (lat[location] - place.Latitude) * 110.574;
                var dx = (lon[location] - place.Longitude) * kmPerDegreeLon;
                if ((dx * dx) + (dy * dy) > roughLimit)
                {
                    continue;
                }
                var d = Gazetteer.Gazetteer.DistanceKm(place.Latitude, place.Longitude, placeCosLat, lat[location], lon[location], cosLat[location]);
                if (d > km)
                {
                    continue;
                }
                var service = owner[location];
                if (only[location])
                {
                    items.Add((service, d));
                }
                else if (!several.TryGetValue(service, out var best) || d < best)
                {
                    several[service] = d;
                }
            }
        }
        foreach (var (service, d) in several)
        {
            items.Add((service, d));
        }
        var codes = snapshot.FactCodes;
        var remoteCount = snapshot.RemoteServices.Length;
        foreach (var (service, _) in items)
        {
            if (Codes.Any(codes[service], Codes.Remote))
            {
                found.AddRemote(service, remoteCount);
            }
        }
        return found;
    }

    /// <summary>Which hard constraints a service breaks; stops counting once more than <paramref name="maxBroken"/> are broken.</summary>
    private static Broken Evaluate(Context ctx, int index, in ServiceEntry s, double km, int maxBroken, out bool local, Broken ignore = Broken.None)
    {
        var q = ctx.Query;
        var broken = Broken.None;
        var brokenCount = 0;
        local = false;

        // A listing nobody has checked for a year drops out of matching; its page stays reachable, marked.
        if (s.AssuredDay >= 0 && s.AssuredDay <= ctx.ExpiredOnOrBeforeDay)
        {
            return Broken.Unreachable;
        }

        bool Add(Broken b)
        {
            if ((ignore & b) != 0)
            {
                return false;
            }
            broken |= b;
            brokenCount += b == Broken.Unreachable ? 2 : 1;
            return brokenCount > maxBroken;
        }

        // Reach: an accepted remote delivery, or an accepted in-person/home-visit delivery within within_km.
        var offered = s.Codes & Codes.AnyDelivery;
        var localOffered = Codes.Any(offered & ctx.Accepted, Codes.Local);
        var remoteOk = Codes.Any(offered & ctx.Accepted, Codes.Remote);
        var hasDistance = q.Place is not null && !double.IsNaN(km);
        local = localOffered && hasDistance && km <= q.WithinKm;
        if (!local && !remoteOk)
        {
            var reachableOtherwise = Codes.Any(offered, Codes.Remote) || (Codes.Any(offered, Codes.Local) && hasDistance && km <= q.WithinKm);
            var b = localOffered && hasDistance ? Broken.WithinKm
                : q.Delivery is not null && reachableOtherwise ? Broken.Delivery
                : Broken.Unreachable;
            if (Add(b))
            {
                return broken;
            }
        }

        if (!ctx.Limits.InArea(index) && Add(Broken.Near))
        {
            return broken;
        }
        // Only for another organisation's people: nothing the person could change lets them in, so never a near miss.
        if (!ctx.Limits.MayJoin(index, s.Codes) && Add(Broken.Unreachable))
        {
            return broken;
        }
        if (q.Format is { } format && !Codes.Any(s.Codes, format) && Add(Broken.Format))
        {
            return broken;
        }
        if (q.SelfAccessOnly && !Codes.Any(s.Codes, Codes.SelfAccess) && Add(Broken.Access))
        {
            return broken;
        }
        if (q.FreeOnly && !s.Free && Add(Broken.Free))
        {
            return broken;
        }
        if (q.Age is { } age && ((!float.IsNaN(s.MinimumAge) && age < s.MinimumAge) || (!float.IsNaN(s.MaximumAge) && age > s.MaximumAge)) && Add(Broken.Age))
        {
            return broken;
        }
        if (q.Gender is { } gender)
        {
            var excluded = gender switch
            {
                Gender.Woman => Codes.MenOnly,
                Gender.Man => Codes.WomenOnly,
                _ => Codes.MenOnly | Codes.WomenOnly,
            };
            if (Codes.Any(s.Codes, excluded) && Add(Broken.Gender))
            {
                return broken;
            }
        }
        if (((Codes.Any(s.Codes, Codes.StudentsOnly) && !q.Student) || (Codes.Any(s.Codes, Codes.EmployeesOnly) && !q.Employee)) && Add(Broken.Circumstances))
        {
            return broken;
        }
        if (ctx.Language != 0 && !SpeaksLanguage(ctx, s) && Add(Broken.Language))
        {
            return broken;
        }
        if ((s.Codes & q.Needs) != q.Needs && Add(Broken.Needs))
        {
            return broken;
        }
        if (q.When != WhenWindows.None && (WindowsOf(ctx, s) & q.When) == WhenWindows.None && Add(Broken.When))
        {
            return broken;
        }
        if (q.OpenNow && !ctx.Snapshot.HoursOf(s).IsOpenAt(ctx.At, ctx.Moment) && Add(Broken.OpenNow))
        {
            return broken;
        }
        return broken;
    }

    private static bool SpeaksLanguage(Context ctx, in ServiceEntry s)
    {
        if (Codes.Any(s.Codes, Codes.Interpreter))
        {
            return true;
        }
        var languages = ctx.Snapshot.LanguagesOf(s);
        // A listing that names no language is taken to be in English.
        return languages.IsEmpty ? ctx.Language == Languages.Pack(Languages.English) : languages.Contains(ctx.Language);
    }

    private static WhenWindows WindowsOf(Context ctx, in ServiceEntry s) =>
        s.WindowsAreFixed ? s.FixedWindows : ctx.Snapshot.HoursOf(s).WindowsInWeekOf(ctx.UkDate);

    private static (int? Days, WaitSource Source) WaitOf(Context ctx, int index)
    {
        var days = ctx.WaitDays[index];
        return days < 0 ? (null, WaitSource.Unknown) : (days, ctx.Table.WaitMeasured?[index] == true ? WaitSource.Referrals : WaitSource.Provider);
    }

    /// <summary>
    /// Fit in 0..1: a weighted mean of the parts that apply to this search. <paramref name="openNow"/> overrides whether
    /// the service is open now (an upper bound for "now" searches without working the schedule out).
    /// </summary>
    private static double Score(Context ctx, int index, double localKm, bool? openNow = null) =>
        Score(ctx, index, ctx.Snapshot.FactCodes[index], ctx.Snapshot.FactAssuredDay[index], localKm, openNow);

    /// <summary>As <see cref="Score(Context, int, double, bool?)"/>, with the service's codes and assured day (the same in its entry and the flat columns) given.</summary>
    private static double Score(Context ctx, int index, UInt128 codes, int assuredDay, double localKm, bool? openNow = null)
    {
        var q = ctx.Query;

        // Closer is better; a service reached without travelling counts as RemoteCloseness.
        var sum = 0.25 * (double.IsNaN(localKm) ? ctx.RemoteCloseness : 1 - (0.8 * Math.Min(1, localKm / q.WithinKm)));

        if (q.Prefer != UInt128.Zero)
        {
            sum += 0.35 * ((double)Codes.Count(codes & q.Prefer) / Codes.Count(q.Prefer));
        }

        var wait = ctx.WaitDays[index];
        if (q.Urgency == Urgency.Now)
        {
            var open = openNow ?? ctx.Snapshot.HoursOf(ctx.Snapshot.Services[index]).IsOpenAt(ctx.At, ctx.Moment);
            sum += 0.4 * ((open ? 0.6 : 0) + (Codes.Any(codes, Codes.Crisis) ? 0.4 : 0));
            sum += 0.3 * NowWaitPart(wait, codes);
            // Help now: what is open for the person's own area (a line that knows the local crisis team) before national lines.
            sum += open && ctx.Limits.IsLocal(index) ? LocalWeight : 0;
        }
        else
        {
            sum += (q.Urgency == Urgency.Soon ? 0.2 : 0.1) * WaitPart(wait);
        }

        sum += 0.1 * AssuredPart(ctx, assuredDay);
        return sum / ctx.Weights;
    }

    /// <summary>
    /// The most any service of a remote block can score for this search: each part of <see cref="Score"/> worked out
    /// from the block's best figures, by the same arithmetic, so it is never below a member's own score.
    /// </summary>
    private static double BlockBound(Context ctx, int block)
    {
        var q = ctx.Query;
        var table = ctx.Table;
        var codes = table.BlockCodes[block];
        var sum = 0.25 * ctx.RemoteCloseness;
        if (q.Prefer != UInt128.Zero)
        {
            sum += 0.35 * ((double)Codes.Count(codes & q.Prefer) / Codes.Count(q.Prefer));
        }
        if (q.Urgency == Urgency.Now)
        {
            sum += 0.4 * ((table.BlockHasTimes[block] ? 0.6 : 0) + (Codes.Any(codes, Codes.Crisis) ? 0.4 : 0));
            sum += 0.3 * table.BlockNowWaitPart[block];
            sum += table.MayBeLocal(block, ctx.Limits) ? LocalWeight : 0;
        }
        else
        {
            sum += (q.Urgency == Urgency.Soon ? 0.2 : 0.1) * table.BlockWaitPart[block];
        }
        sum += 0.1 * AssuredPart(ctx, table.BlockAssuredDay[block]);
        return sum / ctx.Weights;
    }

    /// <summary>Shorter waits are better; an unknown wait counts as a two-week one.</summary>
    private static double WaitPart(short wait) => wait < 0 ? 0.5 : 1 / (1 + (wait / (double)LongWaitDays));

    /// <summary>Someone who needs help now is badly served by a waiting list.</summary>
    private static double NowWaitPart(short wait, UInt128 codes) =>
        wait < 0 ? (Codes.Any(codes, Codes.SelfAccess) ? 0.5 : 0.2) : wait == 0 ? 1 : wait <= 7 ? 0.4 : 0;

    /// <summary>Checked in the last six months is best; two years unchecked is worth nothing.</summary>
    private static double AssuredPart(Context ctx, int assuredDay) =>
        assuredDay < 0 ? 0 : Math.Clamp(1 - ((ctx.UkDate.DayNumber - assuredDay - 183) / (730.0 - 183)), 0, 1);

    private static ServiceMatch Describe(Context ctx, Candidate c)
    {
        var s = ctx.Snapshot.Services[c.Index];
        var q = ctx.Query;
        var hours = ctx.Snapshot.HoursOf(s);
        var openNow = hours.IsOpenAt(ctx.At, ctx.Moment);
        var (wait, source) = WaitOf(ctx, c.Index);
        var reasons = new List<string>();
        var cautions = new List<string>();

        if (openNow)
        {
            reasons.Add("Open now");
        }
        if (Codes.Any(s.Codes, Codes.Crisis) && q.Urgency == Urgency.Now)
        {
            reasons.Add("Crisis support");
        }
        var windows = WindowsOf(ctx, s) & q.When;
        if ((windows & WhenWindows.WeekdayDaytime) != 0)
        {
            reasons.Add("Weekday daytime sessions");
        }
        if ((windows & WhenWindows.WeekdayEvening) != 0)
        {
            reasons.Add("Evening sessions");
        }
        if ((windows & WhenWindows.Weekend) != 0)
        {
            reasons.Add("Weekend sessions");
        }
        if (c.Local)
        {
            reasons.Add(DistanceText(c.DistanceKm));
        }
        foreach (var term in Codes.Terms(s.Codes & (q.Delivery ?? UInt128.Zero) & Codes.Remote))
        {
            reasons.Add(term.Label);
        }
        if (Codes.Any(s.Codes, Codes.Peer))
        {
            reasons.Add("Run by people with lived experience");
        }
        foreach (var term in Codes.Terms(s.Codes & ((q.Format ?? UInt128.Zero) | q.Prefer) & Codes.AllFormats))
        {
            reasons.Add(term.Label);
        }
        foreach (var term in Codes.Terms(s.Codes & q.Prefer & ~Codes.AllFormats & ~Codes.Peer & ~q.Needs))
        {
            reasons.Add(PreferenceText(term));
        }
        foreach (var term in Codes.Terms(s.Codes & q.Needs))
        {
            reasons.Add(term.Label);
        }
        if (ctx.Language != 0 && q.Language != Languages.English)
        {
            reasons.Add(ctx.Snapshot.LanguagesOf(s).Contains(ctx.Language)
                ? $"In {Languages.NamesByCode.GetValueOrDefault(q.Language!, q.Language!)}"
                : "Interpreters available");
        }
        if (s.Free)
        {
            reasons.Add("Free");
        }
        var needsNoOne = Codes.Any(s.Codes, Codes.Of("access:no-referral") | Codes.Of("access:self-referral"));
        if (needsNoOne && Codes.Any(s.Codes, Codes.Helpline))
        {
            // A helpline's way in is its number: there is nothing to refer yourself to (issue 12, point 4).
            reasons.Add("Just call");
        }
        else if (Codes.Any(s.Codes, Codes.Of("access:no-referral")))
        {
            reasons.Add("Just call or turn up");
        }
        else if (needsNoOne)
        {
            reasons.Add("You can refer yourself");
        }
        if (wait == 0)
        {
            reasons.Add("No waiting list");
        }

        // Not a caution for someone who asked for (or would like) a group.
        if ((s.Codes & Codes.AllFormats) == Codes.Group && !Codes.Any((q.Format ?? UInt128.Zero) | q.Prefer, Codes.Group))
        {
            cautions.Add("Group sessions only");
        }
        if (wait is > 0)
        {
            cautions.Add(WaitWords.Caution(wait.Value));
        }
        if (!Codes.Any(s.Codes, Codes.SelfAccess))
        {
            if (Codes.Any(s.Codes, Codes.GpReferral))
            {
                cautions.Add("Needs a GP referral");
            }
            else if (Codes.Any(s.Codes, Codes.ProfessionalReferral))
            {
                cautions.Add("Needs a referral from a professional");
            }
        }
        if (!s.Free)
        {
            cautions.Add("Costs money");
        }
        if (s.AssuredDay < 0)
        {
            cautions.Add("Not known when this listing was last checked");
        }
        else if (ListingFreshness.MonthsSince(DateOnly.FromDayNumber(s.AssuredDay), ctx.UkDate) is var months and >= ListingFreshness.StaleAfterMonths)
        {
            cautions.Add($"Listing not checked for {months} months");
        }
        if (!hours.HasTimes)
        {
            cautions.Add("Contact for times");
        }

        var organization = s.Organization >= 0 ? ctx.Snapshot.Organizations[s.Organization] : (OrganizationEntry?)null;
        return new ServiceMatch(
            s.Id,
            s.Name,
            organization?.Id,
            organization?.Name,
            Math.Round(c.Score, 2),
            c.Local ? Math.Round(c.DistanceKm, 1) : null,
            Values(s.Codes, "delivery"),
            Values(s.Codes, "format"),
            Values(s.Codes, "delivered-by"),
            openNow,
            hours.NextOpen(ctx.At),
            wait,
            source,
            reasons,
            cautions)
        {
            OpenUntil = openNow ? hours.OpenUntil(ctx.At) : null,
        };
    }

    private static readonly Dictionary<string, UInt128> Families = new(StringComparer.Ordinal)
    {
        ["delivery"] = Codes.Family("delivery"),
        ["format"] = Codes.Family("format"),
        ["delivered-by"] = Codes.Family("delivered-by"),
    };

    private static List<string> Values(UInt128 codes, string family) =>
        [.. Codes.Terms(codes & Families[family]).Select(t => t.Value)];

    /// <summary>
    /// Services that break exactly one hard constraint. Only the best few of each kind can be chosen (see
    /// <see cref="ChooseMisses"/>), so each kind keeps its own top <see cref="MaxNearestMisses"/>; remote services are
    /// first counted against the flat columns, and one already breaking two constraints there is not evaluated further.
    /// </summary>
    private static List<NearestMiss> NearestMisses(Context ctx)
    {
        var q = ctx.Query;
        var snapshot = ctx.Snapshot;
        var services = snapshot.Services;
        var best = new Candidate[32][];
        var counts = new int[32];

        void Keep(Candidate c, Broken broken)
        {
            var kind = BitOperations.Log2((uint)broken);
            Offer(best[kind] ??= new Candidate[MaxNearestMisses], ref counts[kind], c);
        }

        double Floor(Broken broken)
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

        var nearby = Nearby(ctx, Math.Min(q.WithinKm + MissSearchExtraKm, MatchQuery.MaxWithinKm + MissSearchExtraKm), new NearbySet());
        foreach (var (index, km) in nearby.Items)
        {
            var broken = Evaluate(ctx, index, services[index], km, 1, out _);
            if (IsSingle(broken))
            {
                Keep(new Candidate(index, services[index].Id, Score(ctx, index, Math.Min(km, q.WithinKm)), km, true), broken);
            }
        }

        var codes = snapshot.FactCodes;
        var acceptedRemote = ctx.Accepted & Codes.Remote;
        var table = ctx.Table;
        for (var b = 0; b < snapshot.RemoteBuckets.Length; b++)
        {
            var bucket = snapshot.RemoteBuckets[b];
            var known = Broken.None;
            var brokenCount = 0;
            if (!Codes.Any(bucket.Codes, acceptedRemote))
            {
                known = Broken.Delivery;
                brokenCount++;
            }
            if (q.Format is { } format && !Codes.Any(bucket.Codes, format))
            {
                known = Broken.Format;
                brokenCount++;
            }
            if (brokenCount > 1)
            {
                continue;
            }
            for (var block = table.BucketFirstBlock[b]; block < table.BucketFirstBlock[b + 1]; block++)
            {
                // Nothing is counted here either: skip a block none of whose services could be chosen.
                var bound = BlockBound(ctx, block);
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

        void ConsiderRemote(int index, Broken known, int brokenCount)
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
                (kind, n) = (Broken.Gender, n + 1);
            }
            if ((c & ctx.CircumstancesExcluded) != UInt128.Zero)
            {
                (kind, n) = (Broken.Circumstances, n + 1);
            }
            if (!ctx.Limits.InArea(index))
            {
                (kind, n) = (Broken.Near, n + 1);
            }
            if (!ctx.Limits.MayJoin(index, c))
            {
                return;
            }
            if (q.SelfAccessOnly && !Codes.Any(c, Codes.SelfAccess))
            {
                (kind, n) = (Broken.Access, n + 1);
            }
            if (q.FreeOnly && (snapshot.FactFlags[index] & FactFlags.Free) == 0)
            {
                (kind, n) = (Broken.Free, n + 1);
            }
            if (q.Age is { } age && (age < snapshot.FactMinimumAge[index] || age > snapshot.FactMaximumAge[index]))
            {
                (kind, n) = (Broken.Age, n + 1);
            }
            if ((c & q.Needs) != q.Needs)
            {
                (kind, n) = (Broken.Needs, n + 1);
            }
            if (n > 1 || nearby.Contains(index))
            {
                return;
            }
            // With one constraint already broken, the kind is known: skip the full check when it could not be chosen.
            var score = Score(ctx, index, double.NaN);
            if (n == 1 && score < Floor(kind))
            {
                return;
            }
            var broken = Evaluate(ctx, index, services[index], double.NaN, 1, out _);
            if (IsSingle(broken))
            {
                Keep(new Candidate(index, services[index].Id, score, double.NaN, false), broken);
            }
        }

        var found = new List<(Candidate Candidate, Broken Broken)>();
        for (var kind = 0; kind < best.Length; kind++)
        {
            for (var i = 0; i < counts[kind]; i++)
            {
                found.Add((best[kind]![i], (Broken)(1 << kind)));
            }
        }
        return ChooseMisses(ctx, found);
    }

    /// <summary>The nearest misses to show, best first: one of each kind first, so the person sees the different things they could relax.</summary>
    private static List<NearestMiss> ChooseMisses(Context ctx, List<(Candidate Candidate, Broken Broken)> found)
    {
        var services = ctx.Snapshot.Services;
        found.Sort((a, b) => Order(a.Candidate, b.Candidate));
        var chosen = new List<(Candidate Candidate, Broken Broken)>();
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
        chosen.Sort((a, b) => Order(a.Candidate, b.Candidate));
        return [.. chosen.Select(c => new NearestMiss(
            services[c.Candidate.Index].Id,
            services[c.Candidate.Index].Name,
            ParameterOf(c.Broken),
            MissText(ctx, c.Candidate.Index, c.Broken, c.Candidate.DistanceKm),
            double.IsNaN(c.Candidate.DistanceKm) ? null : Math.Round(c.Candidate.DistanceKm, 1)))];
    }

    private static readonly Broken[] MissKinds =
    [
        Broken.WithinKm, Broken.Delivery, Broken.Format, Broken.When, Broken.OpenNow, Broken.Access,
        Broken.Free, Broken.Age, Broken.Gender, Broken.Circumstances, Broken.Language, Broken.Needs, Broken.Near,
    ];

    private static bool IsSingle(Broken broken) => broken != Broken.None && (broken & Broken.Unreachable) == 0 && ((int)broken & ((int)broken - 1)) == 0;

    private static string ParameterOf(Broken b) => b switch
    {
        Broken.WithinKm => "within_km",
        Broken.Delivery => "delivery",
        Broken.Format => "format",
        Broken.When => "when",
        Broken.OpenNow => "open_now",
        Broken.Access => "access",
        Broken.Free => "free",
        Broken.Age => "age",
        Broken.Gender => "gender",
        Broken.Circumstances => "circumstances",
        Broken.Language => "language",
        Broken.Needs => "needs",
        Broken.Near => "near",
        _ => throw new ArgumentOutOfRangeException(nameof(b), b, null),
    };

    private static string MissText(Context ctx, int index, Broken b, double km)
    {
        var q = ctx.Query;
        ref readonly var s = ref ctx.Snapshot.Services[index];
        return b switch
        {
            Broken.WithinKm => $"{Math.Round(km).ToString(CultureInfo.InvariantCulture)} km away — further than the {q.WithinKm.ToString("0.#", CultureInfo.InvariantCulture)} km you said",
            Broken.Delivery => $"Only {JoinLabels(s.Codes & Codes.AnyDelivery)} — not a way you chose",
            Broken.Format => $"Only {JoinLabels(s.Codes & Codes.AllFormats)} — not the kind of support you chose",
            Broken.When => "Not open at the times you chose",
            Broken.OpenNow => ctx.Snapshot.HoursOf(s).NextOpen(ctx.At) is { } next
                ? $"Closed now — opens {UkTime.ToLocal(next).ToString("dddd d MMMM 'at' HH:mm", CultureInfo.GetCultureInfo("en-GB"))}"
                : "Closed now — contact them for times",
            Broken.Access => "Needs a referral — you asked for services you can contact yourself",
            Broken.Free => "Costs money — you asked for free services",
            Broken.Age => AgeText(s, q.Age),
            Broken.Gender => Codes.Any(s.Codes, Codes.WomenOnly) ? "For women only" : "For men only",
            Broken.Circumstances => Codes.Any(s.Codes, Codes.StudentsOnly) ? "For students only" : "For people in work only",
            Broken.Language => $"Not available in {Languages.NamesByCode.GetValueOrDefault(q.Language ?? "", q.Language ?? "")}",
            Broken.Needs => $"Does not list {JoinLabels(q.Needs & ~s.Codes).ToLowerInvariant()}",
            Broken.Near => AreaLimit.OnlyFor(ctx.Snapshot.AreaOf(index)),
            _ => "",
        };
    }

    private static string AgeText(in ServiceEntry s, int? age)
    {
        var min = float.IsNaN(s.MinimumAge) ? null : s.MinimumAge.ToString("0.#", CultureInfo.InvariantCulture);
        var max = float.IsNaN(s.MaximumAge) ? null : s.MaximumAge.ToString("0.#", CultureInfo.InvariantCulture);
        var range = (min, max) switch
        {
            ({ } a, { } b) => $"For ages {a} to {b}",
            ({ } a, null) => $"For people aged {a} and over",
            (null, { } b) => $"For people aged up to {b}",
            _ => "Has an age limit",
        };
        return $"{range} — you said you are {age}";
    }

    private static string JoinLabels(UInt128 codes)
    {
        var labels = Codes.Terms(codes).Select(t => t.Label.ToLowerInvariant()).ToList();
        return labels.Count switch
        {
            0 => "other ways",
            1 => labels[0],
            _ => string.Join(", ", labels[..^1]) + " or " + labels[^1],
        };
    }

    private static bool NeedsSomethingMeanwhile(Context ctx, Candidate best)
    {
        var s = ctx.Snapshot.Services[best.Index];
        var (wait, _) = WaitOf(ctx, best.Index);
        return wait is > LongWaitDays || (wait is null && !Codes.Any(s.Codes, Codes.SelfAccess));
    }

    /// <summary>Drop-ins, peer groups and helplines with no wait that fit everything else the person said (any format).</summary>
    private static List<WhileYouWait> SomethingMeanwhile(Context ctx, ReadOnlySpan<Candidate> shown, NearbySet nearby)
    {
        var services = ctx.Snapshot.Services;
        var codes = ctx.Snapshot.FactCodes;
        var picked = new Candidate[MaxWhileYouWait];
        var count = 0;
        var waits = ctx.WaitDays;

        foreach (var (index, km) in nearby.Items)
        {
            ref readonly var s = ref services[index];
            if (!Codes.Any(s.Codes, NoWait) || !Codes.Any(s.Codes, Codes.SelfAccess) || waits[index] > 0 || IsShown(shown, index))
            {
                continue;
            }
            if (Evaluate(ctx, index, s, km, 0, out var local, ignore: Broken.Format) == Broken.None)
            {
                Offer(picked, ref count, new Candidate(index, s.Id, Score(ctx, index, s.Codes, s.AssuredDay, local ? km : double.NaN), km, local));
            }
        }
        var acceptedRemote = ctx.Accepted & Codes.Remote;
        var table = ctx.Table;
        for (var b = 0; b < ctx.Snapshot.RemoteBuckets.Length; b++)
        {
            if (!Codes.Any(ctx.Snapshot.RemoteBuckets[b].Codes, acceptedRemote))
            {
                continue;
            }
            for (var block = table.BucketFirstBlock[b]; block < table.BucketFirstBlock[b + 1]; block++)
            {
                // Nothing is counted here: a block that cannot beat the third suggestion is skipped whole.
                if (!Codes.Any(table.BlockCodes[block], NoWait) || (count == picked.Length && BlockBound(ctx, block) < picked[^1].Score))
                {
                    continue;
                }
                for (var index = table.BlockStart[block]; index < table.BlockEnd[block]; index++)
                {
                    // Reach is the run's; format is not asked of these.
                    if (!Codes.Any(codes[index], NoWait) || !Codes.Any(codes[index], Codes.SelfAccess) || waits[index] > 0 || !MeetsConstraintsBesidesReach(ctx, index)
                        || nearby.Contains(index) || IsShown(shown, index))
                    {
                        continue;
                    }
                    var score = Score(ctx, index, double.NaN);
                    if (count < picked.Length || score >= picked[^1].Score)
                    {
                        Offer(picked, ref count, new Candidate(index, services[index].Id, score, double.NaN, false));
                    }
                }
            }
        }
        var list = new List<WhileYouWait>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(MeanwhileOf(services[picked[i].Index]));
        }
        return list;
    }

    /// <summary>Whether a service is among the results shown (at most <see cref="MatchQuery.MaxLimit"/>, so a plain scan).</summary>
    private static bool IsShown(ReadOnlySpan<Candidate> shown, int index)
    {
        foreach (var c in shown)
        {
            if (c.Index == index)
            {
                return true;
            }
        }
        return false;
    }

    private static WhileYouWait MeanwhileOf(in ServiceEntry s)
    {
        var reason = Codes.Any(s.Codes, Codes.DropIn) ? "A drop-in: no appointment or waiting list"
            : Codes.Any(s.Codes, Codes.Helpline) ? "A helpline you can call while you wait"
            : "A peer support group with people who have been there";
        return new WhileYouWait(s.Id, s.Name, reason);
    }

    private static string PreferenceText(Vocabulary.Term term) => term.Family switch
    {
        "audience" => "Designed for " + LowerFirst(term.Label),
        "delivered-by" => "With " + LowerFirst(term.Label),
        "setting" => "At a " + LowerFirst(term.Label),
        _ => term.Label,
    };

    private static string LowerFirst(string s) =>
        s.Length > 1 && char.IsUpper(s[0]) && char.IsLower(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    public static string DistanceText(double km) =>
        km < 1 ? "Less than 1 km away" : $"{Math.Round(km).ToString(CultureInfo.InvariantCulture)} km away";

}
