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
    /// into <paramref name="figures"/>. Figures 1 to 7 are hidden; then, while any sum has exactly one hidden figure,
    /// the smallest other non-zero one in it is hidden too.
    /// </summary>
    public static Hidden[] Apply(IReadOnlyList<long> figures, IReadOnlyList<int[]> sums)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(sums);
        var hidden = figures.Select(f => IsSmall(f) ? Hidden.Small : Hidden.Shown).ToArray();
        bool changed;
        do
        {
            changed = false;
            foreach (var sum in sums)
            {
                changed |= Protect(figures, hidden, sum);
            }
        }
        while (changed);
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

    private static bool Protect(IReadOnlyList<long> figures, Hidden[] hidden, int[] line)
    {
        var hiddenCount = line.Count(p => hidden[p] != Hidden.Shown);
        if (hiddenCount != 1)
        {
            return false;
        }
        // Hide the smallest other figure, preferring a cell to a total, so the least is lost. Never a zero while
        // there is anything else: hidden figures that must add up to nothing are all zero, and give the rest away.
        var total = line[^1];
        var pick = line.Where(p => hidden[p] == Hidden.Shown)
            .OrderBy(p => figures[p] == 0)
            .ThenBy(p => p == total)
            .ThenBy(p => figures[p])
            .First();
        hidden[pick] = Hidden.Secondary;
        return true;
    }
}
