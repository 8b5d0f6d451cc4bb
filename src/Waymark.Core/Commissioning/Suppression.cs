namespace Waymark.Core.Commissioning;

/// <summary>Why a count is not shown.</summary>
public enum Hidden : byte
{
    Shown = 0,

    /// <summary>1 to 7: shown as "fewer than 8" (NHS England's disclosure control for sub-national counts).</summary>
    Small = 1,

    /// <summary>Not small, but hidden so that a small one cannot be worked out from the totals.</summary>
    Secondary = 2,
}

/// <summary>
/// Disclosure control for a table of counts published with its row and column totals. Counts of 1 to 7 are hidden
/// (primary suppression). Then, while any row or column, read as "cells add up to the total", has exactly one
/// hidden figure, the smallest other non-zero figure in it is hidden too (secondary suppression), so no hidden figure
/// is the only unknown in a sum. Totals count as figures: a total of 1 to 7 is hidden like any other.
/// </summary>
public static class Suppression
{
    public const int Threshold = 8;

    public static bool IsSmall(long count) => count is > 0 and < Threshold;

    /// <summary>Hides the figures of <paramref name="cells"/> and its totals: the answer is (rows + 1) × (columns + 1), totals last.</summary>
    public static Hidden[,] Apply(long[,] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        int rows = cells.GetLength(0), cols = cells.GetLength(1);
        var full = WithTotals(cells);
        int Index(int r, int c) => (r * (cols + 1)) + c;
        var figures = new long[(rows + 1) * (cols + 1)];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= cols; c++)
            {
                figures[Index(r, c)] = full[r, c];
            }
        }
        // Each row (its cells and its total) and each column (its cells and its total) is one equation.
        var sums = Enumerable.Range(0, rows + 1).Select(r => Enumerable.Range(0, cols + 1).Select(c => Index(r, c)).ToArray())
            .Concat(Enumerable.Range(0, cols + 1).Select(c => Enumerable.Range(0, rows + 1).Select(r => Index(r, c)).ToArray()))
            .ToList();
        var flat = Apply(figures, sums);
        var hidden = new Hidden[rows + 1, cols + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= cols; c++)
            {
                hidden[r, c] = flat[Index(r, c)];
            }
        }
        return hidden;
    }

    /// <summary>
    /// The same rule over any published figures and the sums that hold between them, for figures that are not one
    /// two-way table (nested totals, one service in several areas): each sum lists its parts, then its total, by index
    /// into <paramref name="figures"/>. Figures 1 to 7 are hidden; then, going through the sums in order again and
    /// again until a whole pass changes nothing, any sum with exactly one hidden figure has the smallest other
    /// non-zero one hidden too.
    /// </summary>
    /// <remarks>
    /// Worked out without walking every sum on every pass (issue 16 item 9: a million services): each sum keeps a count
    /// of its hidden figures, updated when one is hidden, and only sums whose count has just become one are visited, in
    /// the order the passes would reach them. Hidden figures are only ever added, so a sum is acted on at most once and
    /// the work is proportional to the size of the sums. The figures hidden are exactly those of the passes.
    /// </remarks>
    public static Hidden[] Apply(IReadOnlyList<long> figures, IReadOnlyList<int[]> sums)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(sums);
        var hidden = new Hidden[figures.Count];
        for (var i = 0; i < hidden.Length; i++)
        {
            hidden[i] = IsSmall(figures[i]) ? Hidden.Small : Hidden.Shown;
        }
        // The sums each figure is in (once for each time it appears in one), as one array indexed by figure.
        var start = new int[figures.Count + 1];
        foreach (var sum in sums)
        {
            foreach (var p in sum)
            {
                start[p + 1]++;
            }
        }
        for (var i = 0; i < figures.Count; i++)
        {
            start[i + 1] += start[i];
        }
        var memberOf = new int[start[^1]];
        var fill = (int[])start.Clone();
        var hiddenIn = new int[sums.Count];
        var due = new SortedSet<int>();
        for (var s = 0; s < sums.Count; s++)
        {
            foreach (var p in sums[s])
            {
                memberOf[fill[p]++] = s;
                hiddenIn[s] += hidden[p] != Hidden.Shown ? 1 : 0;
            }
            if (hiddenIn[s] == 1)
            {
                due.Add(s);
            }
        }
        // One pass visits the due sums from the first; a sum that becomes due behind the pass waits for the next one.
        var nextPass = new SortedSet<int>();
        while (due.Count > 0)
        {
            while (due.Count > 0)
            {
                var s = due.Min;
                due.Remove(s);
                if (hiddenIn[s] != 1)
                {
                    continue;
                }
                var pick = Pick(figures, hidden, sums[s]);
                hidden[pick] = Hidden.Secondary;
                for (var k = start[pick]; k < start[pick + 1]; k++)
                {
                    var t = memberOf[k];
                    if (++hiddenIn[t] == 1)
                    {
                        (t > s ? due : nextPass).Add(t);
                    }
                }
            }
            (due, nextPass) = (nextPass, due);
        }
        return hidden;
    }

    /// <summary>The table with a total column, a total row and the grand total.</summary>
    public static long[,] WithTotals(long[,] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        int rows = cells.GetLength(0), cols = cells.GetLength(1);
        var full = new long[rows + 1, cols + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                full[r, c] = cells[r, c];
                full[r, cols] += cells[r, c];
                full[rows, c] += cells[r, c];
                full[rows, cols] += cells[r, c];
            }
        }
        return full;
    }

    /// <summary>What to print for a figure.</summary>
    public static string Show(long count, Hidden hidden) => hidden switch
    {
        Hidden.Small => "fewer than 8",
        Hidden.Secondary => "not shown",
        _ => count.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A single count with no totals beside it: only the primary rule applies.</summary>
    public static string Show(long count) => Show(count, IsSmall(count) ? Hidden.Small : Hidden.Shown);

    /// <summary>
    /// The figure to hide in a sum with one hidden: the smallest other, preferring a cell to a total, so the least is
    /// lost. Never a zero while there is anything else: hidden figures that must add up to nothing are all zero, and
    /// give the rest away. Ties go to the one listed first.
    /// </summary>
    private static int Pick(IReadOnlyList<long> figures, Hidden[] hidden, int[] line)
    {
        var total = line[^1];
        var pick = -1;
        (bool Zero, bool Total, long Value) best = default;
        foreach (var p in line)
        {
            if (hidden[p] != Hidden.Shown)
            {
                continue;
            }
            var key = (figures[p] == 0, p == total, figures[p]);
            if (pick < 0 || Before(key, best))
            {
                (pick, best) = (p, key);
            }
        }
        return pick >= 0 ? pick : throw new InvalidOperationException("a sum with one figure and that one hidden");
    }

    private static bool Before((bool Zero, bool Total, long Value) a, (bool Zero, bool Total, long Value) b) =>
        a.Zero != b.Zero ? !a.Zero : a.Total != b.Total ? !a.Total : a.Value < b.Value;
}
