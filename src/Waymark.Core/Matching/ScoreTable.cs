using Waymark.Core.Directory;

namespace Waymark.Core.Matching;

/// <summary>
/// What the score needs that is fixed for one snapshot and one set of measured waits: each service's wait, and
/// for each block of <see cref="BlockSize"/> services of a remote run, the best any of them can do on each part
/// of the score (shortest wait, latest check, all their codes), so a block that cannot reach a search's top
/// results is only counted. Built on the first search of a snapshot, and again when measured waits change.
/// </summary>
internal sealed class ScoreTable
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
        var runs = new List<int>();
        var ends = new List<int>();
        for (var b = 0; b < buckets.Length; b++)
        {
            BucketFirstBlock[b] = starts.Count;
            for (var start = buckets[b].Start; start < buckets[b].End; start += BlockSize)
            {
                starts.Add(start);
                ends.Add(Math.Min(start + BlockSize, buckets[b].End));
                runs.Add(b);
            }
        }
        BucketFirstBlock[buckets.Length] = starts.Count;
        BlockStart = [.. starts];
        BlockEnd = [.. ends];
        BlockBucket = [.. runs];
        BlockWaitPart = new double[starts.Count];
        BlockNowWaitPart = new double[starts.Count];
        BlockAssuredDay = new int[starts.Count];
        BlockCodes = new UInt128[starts.Count];
        BlockHasTimes = new bool[starts.Count];
        BlockFirstId = new Guid[starts.Count];
        BlockMembersWithCode = new ulong[starts.Count * 128];
        BlockMeanwhileMembers = new ulong[starts.Count];
        var areaSets = new List<int>();
        BlockAreaSetStart = new int[starts.Count + 1];
        for (var k = 0; k < starts.Count; k++)
        {
            BlockWaitPart[k] = double.NegativeInfinity;
            BlockNowWaitPart[k] = double.NegativeInfinity;
            BlockAssuredDay[k] = int.MinValue;
            BlockFirstId[k] = services[BlockStart[k]].Id;
            for (var i = BlockStart[k]; i < BlockEnd[k]; i++)
            {
                var codes = snapshot.FactCodes[i];
                BlockWaitPart[k] = Math.Max(BlockWaitPart[k], Scoring.WaitPart(WaitDays[i]));
                BlockNowWaitPart[k] = Math.Max(BlockNowWaitPart[k], Scoring.NowWaitPart(WaitDays[i], codes));
                BlockAssuredDay[k] = Math.Max(BlockAssuredDay[k], snapshot.FactAssuredDay[i]);
                BlockCodes[k] |= codes;
                BlockHasTimes[k] |= (snapshot.FactFlags[i] & FactFlags.HasTimes) != 0;
                if (WhileYouWaitFinder.IsCandidate(codes, WaitDays[i]))
                {
                    BlockMeanwhileMembers[k] |= 1UL << (i - BlockStart[k]);
                }
                for (var bits = codes; bits != UInt128.Zero; bits &= bits - 1)
                {
                    BlockMembersWithCode[(k * 128) + (int)UInt128.TrailingZeroCount(bits)] |= 1UL << (i - BlockStart[k]);
                }
                if (services[i].Id.CompareTo(BlockFirstId[k]) < 0)
                {
                    BlockFirstId[k] = services[i].Id;
                }
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
    /// Every block, from the highest <see cref="BlockOrder.Ceilings"/> for searches of this urgency (soon or routine) on this UK day down:
    /// kept per urgency and day (a few a day), so a search whose remote count is known can stop looking at blocks at the
    /// first whose ceiling cannot reach its top, instead of bounding them all. Shared: never written to once made.
    /// </summary>
    public BlockOrder OrderFor(Urgency urgency, int day)
    {
        var key = (urgency, day);
        if (!_orders.TryGetValue(key, out var order))
        {
            if (_orders.Count >= 64)
            {
                _orders.Clear();
            }
            order = new BlockOrder(this, urgency, day);
            _orders[key] = order;
        }
        return order;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Urgency, int), BlockOrder> _orders = new();

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

    /// <summary>
    /// The most of the codes in <paramref name="prefer"/> that any one service of the block has: the members having each
    /// code (<see cref="BlockMembersWithCode"/>) are added up bit-sliced, 64 services at once, and the highest count any
    /// member reaches is read off. With more than 15 codes asked for, the codes any member has (<paramref name="blockCodes"/>).
    /// </summary>
    public int MostPreferred(int block, UInt128 prefer, UInt128 blockCodes) => MostPreferred(block, prefer, blockCodes, ~0UL);

    /// <summary>As <see cref="MostPreferred(int, UInt128, UInt128)"/>, of the members in <paramref name="among"/> only.</summary>
    public int MostPreferred(int block, UInt128 prefer, UInt128 blockCodes, ulong among)
    {
        var asked = Codes.Count(prefer & blockCodes);
        if (asked > 15)
        {
            return asked;
        }
        ulong s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (var bits = prefer & blockCodes; bits != UInt128.Zero; bits &= bits - 1)
        {
            var members = BlockMembersWithCode[(block * 128) + (int)UInt128.TrailingZeroCount(bits)];
            var carry0 = s0 & members;
            s0 ^= members;
            var carry1 = s1 & carry0;
            s1 ^= carry0;
            var carry2 = s2 & carry1;
            s2 ^= carry1;
            s3 ^= carry2;
        }
        for (var count = asked; count > 0; count--)
        {
            var having = ((count & 1) != 0 ? s0 : ~s0) & ((count & 2) != 0 ? s1 : ~s1) & ((count & 4) != 0 ? s2 : ~s2) & ((count & 8) != 0 ? s3 : ~s3);
            if ((having & among) != 0)
            {
                return count;
            }
        }
        return 0;
    }

    /// <summary>
    /// The members of a block (bit <c>i</c> for its <c>i</c>-th service) having every code of <paramref name="all"/>, one
    /// of <paramref name="anyOf"/> (unless it is every code) and none of <paramref name="none"/>: read off
    /// <see cref="BlockMembersWithCode"/> a code at a time, so a search skips the services its codes rule out unread.
    /// </summary>
    public ulong MembersWith(int block, UInt128 all, UInt128 anyOf, UInt128 none)
    {
        var size = BlockEnd[block] - BlockStart[block];
        var members = size == BlockSize ? ~0UL : (1UL << size) - 1;
        var row = block * 128;
        for (var bits = all; bits != UInt128.Zero && members != 0; bits &= bits - 1)
        {
            members &= BlockMembersWithCode[row + (int)UInt128.TrailingZeroCount(bits)];
        }
        if (anyOf != ~UInt128.Zero)
        {
            var some = 0UL;
            for (var bits = anyOf & BlockCodes[block]; bits != UInt128.Zero; bits &= bits - 1)
            {
                some |= BlockMembersWithCode[row + (int)UInt128.TrailingZeroCount(bits)];
            }
            members &= some;
        }
        for (var bits = none & BlockCodes[block]; bits != UInt128.Zero && members != 0; bits &= bits - 1)
        {
            members &= ~BlockMembersWithCode[row + (int)UInt128.TrailingZeroCount(bits)];
        }
        return members;
    }

    public DirectorySnapshot Snapshot { get; }
    public IReadOnlyDictionary<Guid, int> Measured { get; }
    public short[] WaitDays { get; }

    /// <summary>How many remote services meet a search's hard constraints, by <see cref="RemoteCountKey"/>: see <see cref="RemoteCounts"/>.</summary>
    public RemoteCounts Counts { get; } = new();

    /// <summary>
    /// <see cref="AreaFilter.Allowed"/> for a place, kept by the place's authorities (up to four, packed into a key):
    /// working it out reads every area set, and searches from the same district ask the same. Shared: never written to.
    /// </summary>
    public bool[] AreaAllowedFor(Gazetteer.ResolvedPlace? place)
    {
        var authorities = place?.Authorities ?? [];
        if (authorities.Count > 4)
        {
            return AreaFilter.For(Snapshot.AreaSets, place).Allowed;
        }
        var key = 0UL;
        foreach (var a in authorities)
        {
            key = (key << 16) | (ushort)(a.Index + 1);
        }
        if (!_areaAllowed.TryGetValue(key, out var allowed))
        {
            allowed = AreaFilter.For(Snapshot.AreaSets, place).Allowed;
            _areaAllowed[key] = allowed;
        }
        return allowed;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, bool[]> _areaAllowed = new();

    /// <summary>The remote services' distinct lower and upper age limits, sorted: ages between the same limits are one case.</summary>
    public float[] RemoteMinimumAges { get; } = [];
    public float[] RemoteMaximumAges { get; } = [];

    /// <summary>Which of <see cref="WaitDays"/> were measured from referrals; null when none were.</summary>
    public bool[]? WaitMeasured { get; }

    /// <summary>Which remote run (<see cref="DirectorySnapshot.RemoteBuckets"/>) each block is in.</summary>
    public int[] BlockBucket { get; }

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
    /// The first id of each block in <see cref="Candidate"/> order: of services scoring the same, the one with the lower
    /// id ranks first, so a block whose bound only equals the top's last score can enter it only with an id before that one's.
    /// </summary>
    public Guid[] BlockFirstId { get; }

    /// <summary>For block <c>k</c> and code bit <c>b</c>, at <c>k * 128 + b</c>: which of its services (bit <c>i</c> for its <c>i</c>-th) have the code.</summary>
    public ulong[] BlockMembersWithCode { get; }

    /// <summary>Which of each block's services are the kind suggested "while you wait" (<see cref="WhileYouWaitFinder.IsCandidate"/>), as above.</summary>
    public ulong[] BlockMeanwhileMembers { get; }

    /// <summary>
    /// The distinct area sets (other than "anyone") of the block's services that have times: those of block <c>k</c> are
    /// <c>BlockAreaSets[BlockAreaSetStart[k]]</c> to <c>BlockAreaSets[BlockAreaSetStart[k + 1] - 1]</c>.
    /// </summary>
    public int[] BlockAreaSetStart { get; }
    public int[] BlockAreaSets { get; }
}
