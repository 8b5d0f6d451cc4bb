using Waymark.Core.Commissioning;

namespace Waymark.Tests.Core.Commissioning;

/// <summary>
/// What a reader can work out from published figures and the sums they know hold between them: every assignment of
/// values to the hidden figures (a "fewer than 8" one is 1 to 7, a "not shown" one 0 up to <c>max</c>) that makes every
/// sum add up. A hidden figure that takes one value in every such assignment is recovered.
/// </summary>
public static class SuppressionAttack
{
    public static List<(int Figure, long Value)> Recover(IReadOnlyList<long> figures, IReadOnlyList<Hidden> hidden, IReadOnlyList<int[]> sums, long max)
    {
        var unknown = Enumerable.Range(0, figures.Count).Where(i => hidden[i] != Hidden.Shown).ToList();
        var value = figures.Select((f, i) => hidden[i] == Hidden.Shown ? f : -1).ToArray();
        var seen = unknown.ToDictionary(u => u, _ => new HashSet<long>());
        Solve(unknown, value, hidden, sums, max, seen);
        Assert.True(seen.Values.All(s => s.Count > 0), "the published figures have no consistent assignment: the attack is wrong");
        return [.. seen.Where(kv => kv.Value.Count == 1).Select(kv => (kv.Key, kv.Value.Single()))];
    }

    private static bool Consistent(long[] value, IReadOnlyList<int[]> sums, long max)
    {
        foreach (var sum in sums)
        {
            var parts = sum[..^1];
            var total = value[sum[^1]];
            var known = parts.Where(p => value[p] >= 0).Sum(p => value[p]);
            var open = parts.Count(p => value[p] < 0);
            if (total >= 0 && (known > total || (open == 0 && known != total)))
            {
                return false;
            }
            if (total < 0 && open == 0 && known > max)
            {
                return false;
            }
        }
        return true;
    }

    private static void Solve(List<int> unknown, long[] value, IReadOnlyList<Hidden> hidden, IReadOnlyList<int[]> sums, long max, Dictionary<int, HashSet<long>> seen)
    {
        if (!Consistent(value, sums, max))
        {
            return;
        }
        // Every hidden figure already seen with two values: nothing more can be learned.
        if (seen.Values.All(s => s.Count >= 2))
        {
            return;
        }
        var next = unknown.FirstOrDefault(u => value[u] < 0, -1);
        if (next < 0)
        {
            foreach (var u in unknown)
            {
                seen[u].Add(value[u]);
            }
            return;
        }
        var (from, to) = hidden[next] == Hidden.Small ? (1L, 7L) : (0L, max);
        // A sum with one figure still open and its total known fixes that figure: try only that value.
        foreach (var sum in sums)
        {
            var open = sum.Where(p => value[p] < 0).ToList();
            if (open.Count == 1)
            {
                next = open[0];
                var parts = sum[..^1].Where(p => p != next).Sum(p => value[p]);
                var forced = next == sum[^1] ? parts : value[sum[^1]] - parts;
                var (lo, hi) = hidden[next] == Hidden.Small ? (1L, 7L) : (0L, max);
                (from, to) = forced >= lo && forced <= hi ? (forced, forced) : (1L, 0L);
                break;
            }
        }
        for (var v = from; v <= to; v++)
        {
            value[next] = v;
            Solve(unknown, value, hidden, sums, max, seen);
        }
        value[next] = -1;
    }
}

/// <summary>The general form of <see cref="Suppression"/>: figures joined by more than one two-way table's sums.</summary>
public sealed class NestedSuppressionTests
{
    // Two services in one authority and one in another, each row "accepted + declined = referrals", and each
    // authority's figure the sum of its services': the shape of the waits report.
    private static (long[] Figures, List<int[]> Sums) Nested()
    {
        // Rows: S1, S2 (authority A), S3 (authority B), A, B, all. Columns: accepted, declined, referrals.
        long[][] rows = [[20, 3, 23], [15, 12, 27], [9, 30, 39], [35, 15, 50], [9, 30, 39], [44, 45, 89]];
        var figures = rows.SelectMany(r => r).ToArray();
        int I(int row, int col) => (row * 3) + col;
        var sums = new List<int[]>();
        for (var r = 0; r < 6; r++)
        {
            sums.Add([I(r, 0), I(r, 1), I(r, 2)]);
        }
        for (var c = 0; c < 3; c++)
        {
            sums.Add([I(0, c), I(1, c), I(3, c)]);
            sums.Add([I(2, c), I(4, c)]);
            sums.Add([I(0, c), I(1, c), I(2, c), I(5, c)]);
        }
        return (figures, sums);
    }

    [Fact]
    public void The_attack_recovers_a_small_figure_when_only_primary_suppression_is_applied()
    {
        var (figures, sums) = Nested();
        var primaryOnly = figures.Select(f => Suppression.IsSmall(f) ? Hidden.Small : Hidden.Shown).ToArray();

        Assert.Contains((1, 3L), SuppressionAttack.Recover(figures, primaryOnly, sums, 89));
    }

    [Fact]
    public void No_hidden_figure_can_be_worked_out_when_services_add_up_to_their_authority()
    {
        var (figures, sums) = Nested();

        var hidden = Suppression.Apply(figures, sums);

        Assert.Equal(Hidden.Small, hidden[1]);
        Assert.Empty(SuppressionAttack.Recover(figures, hidden, sums, 89));
    }
}
