using Waymark.Core.Commissioning;

namespace Waymark.Tests.Core.Commissioning;

/// <summary>Small counts are hidden, and cannot be worked back out of the totals published beside them.</summary>
public sealed class SuppressionTests
{
    public static TheoryData<long[][]> Tables => new()
    {
        // One small cell in a row and a column.
        new long[][] { [12, 3, 40], [25, 30, 18], [9, 14, 22] },
        // Small cells sharing a row.
        new long[][] { [2, 5, 30, 11], [20, 19, 8, 9], [13, 40, 10, 21] },
        // A whole row small, so its total is small too.
        new long[][] { [1, 2, 1], [30, 25, 40], [9, 12, 15] },
        // Zeros beside small numbers.
        new long[][] { [0, 4, 0], [20, 0, 33], [8, 10, 0] },
        // A single row.
        new long[][] { [6, 14, 22, 9] },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_count_from_1_to_7_is_hidden_and_every_other_hidden_figure_is_marked_secondary(long[][] rows)
    {
        var cells = To2D(rows);
        var full = Suppression.WithTotals(cells);
        var hidden = Suppression.Apply(cells);

        for (var r = 0; r < full.GetLength(0); r++)
        {
            for (var c = 0; c < full.GetLength(1); c++)
            {
                var small = full[r, c] is >= 1 and <= 7;
                Assert.Equal(small, hidden[r, c] == Hidden.Small);
                Assert.Equal(small ? "fewer than 8" : hidden[r, c] == Hidden.Secondary ? "not shown" : full[r, c].ToString(System.Globalization.CultureInfo.InvariantCulture), Suppression.Show(full[r, c], hidden[r, c]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void No_hidden_figure_can_be_worked_out_from_the_published_ones(long[][] rows)
    {
        var cells = To2D(rows);
        var hidden = Suppression.Apply(cells);

        var recovered = Attack(Suppression.WithTotals(cells), hidden);

        Assert.Empty(recovered);
    }

    [Fact]
    public void The_attack_does_recover_a_small_cell_when_only_primary_suppression_is_applied()
    {
        // Shows the attack works: with only the 3 hidden, its row total gives it away.
        var cells = To2D([[12, 3, 40], [25, 30, 18], [9, 14, 22]]);
        var full = Suppression.WithTotals(cells);
        var primaryOnly = new Hidden[4, 4];
        primaryOnly[0, 1] = Hidden.Small;

        var recovered = Attack(full, primaryOnly);

        Assert.Contains(((0, 1), 3L), recovered);
    }

    /// <summary>
    /// What a reader can work out: every assignment of values to the hidden figures (a "fewer than 8" one is 1 to 7,
    /// any other 0 up to the grand total) that makes every row and column add up. A hidden figure that takes one value
    /// in every such assignment is recovered.
    /// </summary>
    private static List<((int R, int C) Cell, long Value)> Attack(long[,] full, Hidden[,] hidden)
    {
        int rows = full.GetLength(0), cols = full.GetLength(1);
        var unknown = new List<(int R, int C)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (hidden[r, c] != Hidden.Shown)
                {
                    unknown.Add((r, c));
                }
            }
        }
        var max = full.Cast<long>().Max();
        var seen = unknown.ToDictionary(u => u, _ => new HashSet<long>());
        var guess = (long[,])full.Clone();

        bool Consistent(bool complete)
        {
            for (var r = 0; r < rows; r++)
            {
                if (!LineOk(Enumerable.Range(0, cols).Select(c => (r, c)).ToList(), complete))
                {
                    return false;
                }
            }
            for (var c = 0; c < cols; c++)
            {
                if (!LineOk(Enumerable.Range(0, rows).Select(r => (r, c)).ToList(), complete))
                {
                    return false;
                }
            }
            return true;
        }

        bool LineOk(List<(int R, int C)> line, bool complete)
        {
            var open = line.Any(p => hidden[p.R, p.C] != Hidden.Shown && guess[p.R, p.C] < 0);
            if (open && !complete)
            {
                // Partial check: the known cells must not already exceed a known total.
                var total = line[^1];
                if (guess[total.R, total.C] < 0)
                {
                    return true;
                }
                return line.Take(line.Count - 1).Where(p => guess[p.R, p.C] >= 0).Sum(p => guess[p.R, p.C]) <= guess[total.R, total.C];
            }
            return line.Take(line.Count - 1).Sum(p => guess[p.R, p.C]) == guess[line[^1].R, line[^1].C];
        }

        foreach (var u in unknown)
        {
            guess[u.R, u.C] = -1;
        }

        long? Forced(int r, int c)
        {
            foreach (var line in new[] { Enumerable.Range(0, cols).Select(x => (R: r, C: x)).ToList(), Enumerable.Range(0, rows).Select(x => (R: x, C: c)).ToList() })
            {
                if (line.Where(p => p != (r, c)).All(p => guess[p.R, p.C] >= 0))
                {
                    var cellsSum = line.Take(line.Count - 1).Where(p => p != (r, c)).Sum(p => guess[p.R, p.C]);
                    var total = line[^1];
                    return total == (r, c) ? cellsSum : guess[total.R, total.C] - cellsSum;
                }
            }
            return null;
        }

        void Search(int i)
        {
            if (i == unknown.Count)
            {
                if (Consistent(complete: true))
                {
                    foreach (var u in unknown)
                    {
                        seen[u].Add(guess[u.R, u.C]);
                    }
                }
                return;
            }
            var (r, c) = unknown[i];
            var (from, to) = hidden[r, c] == Hidden.Small ? (1L, 7L) : (0L, max);
            // When every other figure in its row or column is known, the sum fixes it: try only that value.
            if (Forced(r, c) is { } forced)
            {
                (from, to) = forced >= from && forced <= to ? (forced, forced) : (1L, 0L);
            }
            for (var v = from; v <= to; v++)
            {
                guess[r, c] = v;
                if (Consistent(complete: false))
                {
                    Search(i + 1);
                }
            }
            guess[r, c] = -1;
        }

        Search(0);
        return [.. seen.Where(kv => kv.Value.Count == 1).Select(kv => (kv.Key, kv.Value.Single()))];
    }

    private static long[,] To2D(long[][] rows)
    {
        var cells = new long[rows.Length, rows[0].Length];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[0].Length; c++)
            {
                cells[r, c] = rows[r][c];
            }
        }
        return cells;
    }
}
