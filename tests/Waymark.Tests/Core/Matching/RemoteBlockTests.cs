using System.Collections.Frozen;
using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;
using Waymark.Core.Oruk;

namespace Waymark.Tests.Core.Matching;

/// <summary>
/// The remote pass's block structures, against plain counts over the block's services: the most preferences one service
/// of a block meets (the block's score bound), and the order blocks are taken in for a search whose remote count is known.
/// </summary>
public sealed class RemoteBlockTests : MatcherTestBase
{
    private static readonly DirectorySnapshot Snapshot = DirectorySnapshot.From(new SyntheticDirectory(11).Generate(3000).ToList(), Noon);

    [Fact]
    public void The_most_preferences_of_a_block_are_the_most_any_one_of_its_services_meets()
    {
        var table = new ScoreTable(Snapshot, FrozenDictionary<Guid, int>.Empty);
        var present = Snapshot.FactCodes.Aggregate(UInt128.Zero, (all, c) => all | c);
        var bits = Enumerable.Range(0, 128).Where(b => ((present >> b) & UInt128.One) != UInt128.Zero).ToArray();
#pragma warning disable CA5394 // not for security: the same masks every run
        var random = new Random(20);
        var (tighter, compared) = (0, 0);
        for (var n = 0; n < 400; n++)
        {
            var prefer = UInt128.Zero;
            for (var k = random.Next(1, n % 40 == 0 ? 20 : 7); k > 0; k--)
            {
                prefer |= UInt128.One << bits[random.Next(bits.Length)];
            }
            var block = random.Next(table.BlockStart.Length);
            if (n % 2 == 0)
            {
                // Most of one member's own codes, so that counts run up to the top of the bit-sliced counter.
                var own = Snapshot.FactCodes[random.Next(table.BlockStart[block], table.BlockEnd[block])];
                for (var b = 0; b < 128 && Codes.Count(prefer) < 15; b++)
                {
                    prefer |= own & (UInt128.One << b);
                }
            }
            var plain = 0;
            for (var i = table.BlockStart[block]; i < table.BlockEnd[block]; i++)
            {
                plain = Math.Max(plain, Codes.Count(Snapshot.FactCodes[i] & prefer));
            }
            var orOfBlock = Codes.Count(table.BlockCodes[block] & prefer);
            Assert.True(plain == table.MostPreferred(block, prefer, table.BlockCodes[block]), $"block {block}, mask {prefer:X}: {table.MostPreferred(block, prefer, table.BlockCodes[block])}, expected {plain}");
            tighter += plain < orOfBlock ? 1 : 0;
            compared++;
        }
#pragma warning restore CA5394
        // The masks must exercise blocks where no one service has every code its services have between them.
        Assert.True(tighter > compared / 4, $"only {tighter} of {compared} masks gave a tighter count than the block's codes");
    }

    [Fact]
    public void The_members_a_search_leaves_in_are_those_whose_own_codes_pass()
    {
        var table = new ScoreTable(Snapshot, FrozenDictionary<Guid, int>.Empty);
        var present = Snapshot.FactCodes.Aggregate(UInt128.Zero, (all, c) => all | c);
        var bits = Enumerable.Range(0, 128).Where(b => ((present >> b) & UInt128.One) != UInt128.Zero).ToArray();
#pragma warning disable CA5394 // not for security: the same masks every run
        var random = new Random(21);
        var (partial, compared) = (0, 0);
        UInt128 Some(int most)
        {
            var mask = UInt128.Zero;
            for (var k = random.Next(0, most + 1); k > 0; k--)
            {
                mask |= UInt128.One << bits[random.Next(bits.Length)];
            }
            return mask;
        }
        for (var n = 0; n < 600; n++)
        {
            var block = random.Next(table.BlockStart.Length);
            var (all, anyOf, none, prefer) = (Some(2), n % 3 == 0 ? ~UInt128.Zero : Some(3) | Codes.SelfAccess, Some(4), Some(6));
            var plain = 0UL;
            var mostPreferred = 0;
            for (var i = table.BlockStart[block]; i < table.BlockEnd[block]; i++)
            {
                var c = Snapshot.FactCodes[i];
                if ((c & all) == all && (c & anyOf) != UInt128.Zero && (c & none) == UInt128.Zero)
                {
                    plain |= 1UL << (i - table.BlockStart[block]);
                    mostPreferred = Math.Max(mostPreferred, Codes.Count(c & prefer));
                }
            }
            var members = table.MembersWith(block, all, anyOf, none);
            Assert.True(plain == members, $"block {block}, all {all:X}, any {anyOf:X}, none {none:X}: {members:X}, expected {plain:X}");
            Assert.Equal(mostPreferred, table.MostPreferred(block, prefer, table.BlockCodes[block], members));
            partial += members != 0 && members != table.MembersWith(block, UInt128.Zero, ~UInt128.Zero, UInt128.Zero) ? 1 : 0;
            compared++;
        }
#pragma warning restore CA5394
        // The masks must leave some blocks partly in, not only all or nothing.
        Assert.True(partial > compared / 10, $"only {partial} of {compared} masks left a block partly in");
    }

    [Fact]
    public void Blocks_are_taken_highest_bound_first_then_lowest_first_id()
    {
        var table = new ScoreTable(Snapshot, FrozenDictionary<Guid, int>.Empty);
        var blocks = table.BlockStart.Length;
        Assert.True(blocks > 20, $"only {blocks} remote blocks");
        for (var block = 0; block < blocks; block++)
        {
            Assert.Equal(Enumerable.Range(table.BlockStart[block], table.BlockEnd[block] - table.BlockStart[block]).Min(i => Snapshot.Services[i].Id), table.BlockFirstId[block]);
        }
#pragma warning disable CA5394 // not for security: the same bounds every run
        var random = new Random(3);
        var queue = new BlockQueue();
        for (var round = 0; round < 20; round++)
        {
            queue.Clear(table.BlockFirstId);
            // Few distinct bounds, so most blocks tie on theirs and the first id decides.
            var bounds = Enumerable.Range(0, blocks).Select(_ => random.Next(4) / 4.0).ToArray();
            foreach (var block in Enumerable.Range(0, blocks).Where(_ => random.Next(5) != 0))
            {
                queue.Add(bounds[block], block);
            }
            var taken = new List<int>();
            var added = queue.Count;
            queue.Order();
            while (queue.Count > 0)
            {
                taken.Add(queue.Best.Block);
                Assert.Equal(bounds[queue.Best.Block], queue.Best.Bound);
                queue.RemoveBest();
            }
            Assert.Equal(added, taken.Count);
            var sorted = taken.OrderByDescending(b => bounds[b]).ThenBy(b => table.BlockFirstId[b]).ToList();
            Assert.Equal(sorted, taken);
        }
#pragma warning restore CA5394
    }

    [Fact]
    public void A_block_orders_ceilings_fall_and_are_never_below_the_bound_of_the_block_at_their_place()
    {
        var matcher = new Matcher(new NoReferralWaits());
        string[] prefers = ["delivered-by:peer", "format:one-to-one", "audience:young-adults", "audience:women", "support:crisis", "delivery:phone"];
        // Days either side of the assured part's clamps (listings checked up to two years before), and today.
        DateTimeOffset[] instants = [Noon, Noon.AddDays(-400), Noon.AddDays(200), Noon.AddDays(900)];
#pragma warning disable CA5394 // not for security: the same searches every run
        var random = new Random(22);
        var (close, looked) = (0, 0);
        for (var n = 0; n < 60; n++)
        {
            var prefer = UInt128.Zero;
            for (var k = random.Next(0, 4); k > 0; k--)
            {
                prefer |= Codes.Of(prefers[random.Next(prefers.Length)]);
            }
            var query = new MatchQuery
            {
                Place = random.Next(3) == 0 ? null : Home,
                Delivery = random.Next(4) == 0 ? Set("delivery:phone") : null,
                Urgency = n % 2 == 0 ? Urgency.Routine : Urgency.Soon,
                Prefer = prefer,
                At = instants[random.Next(instants.Length)],
            };
            var ctx = matcher.ContextOf(Snapshot, query, Noon);
            var order = ctx.Table.OrderFor(query.Urgency, ctx.UkDate.DayNumber);
            Assert.Equal(Enumerable.Range(0, ctx.Table.BlockStart.Length), order.Blocks.Order());
            var ownPart = BlockOrder.OwnPartOf(ctx);
            var above = double.PositiveInfinity;
            for (var i = 0; i < order.Blocks.Length; i++)
            {
                var ceiling = order.CeilingOf(i, ownPart, ctx.Weights);
                var bound = Scoring.BlockBound(ctx, order.Blocks[i], byOneService: false);
                Assert.True(ceiling <= above, $"search {n}: the ceiling at {i} ({ceiling}) is above the one before it ({above})");
                Assert.True(bound <= ceiling, $"search {n}: block {order.Blocks[i]}'s bound {bound} is above its ceiling {ceiling}");
                above = ceiling;
                // Without preferences the ceiling is the bound itself but for the slack.
                close += ceiling - bound < 1e-8 ? 1 : 0;
                looked++;
            }
        }
#pragma warning restore CA5394
        Assert.True(close > looked / 5, $"only {close} of {looked} ceilings were as low as their block's bound");
    }

    [Fact]
    public void A_kept_area_filter_is_the_one_worked_out_for_the_same_authorities()
    {
        var table = new ScoreTable(Snapshot, FrozenDictionary<Guid, int>.Empty);
        var sets = Snapshot.AreaSets;
        // Authorities that some area set names, alone and in pairs (a district that straddles a boundary has several).
        var named = sets.Skip(1).SelectMany(set => set).Distinct().Take(12).Select(index => LocalAuthorities.All[index]).ToList();
        Assert.True(named.Count >= 6, $"only {named.Count} authorities named by the area sets");
        var places = new List<ResolvedPlace?> { null, new ResolvedPlace("nowhere", 52, -1, PlacePrecision.Coordinates, null) };
        places.AddRange(named.Select(a => (ResolvedPlace?)new ResolvedPlace(a.Name, 52, -1, PlacePrecision.Coordinates, null) { Authorities = [a] }));
        places.AddRange(named.Zip(named.Skip(1)).Select(p => (ResolvedPlace?)new ResolvedPlace("both", 52, -1, PlacePrecision.Coordinates, null) { Authorities = [p.First, p.Second] }));
        // Twice over, so the second round reads what the first kept: each must be what a fresh filter works out.
        for (var round = 0; round < 2; round++)
        {
            foreach (var place in places)
            {
                Assert.Equal(AreaFilter.For(sets, place).Allowed, table.AreaAllowedFor(place));
            }
        }
    }
}
