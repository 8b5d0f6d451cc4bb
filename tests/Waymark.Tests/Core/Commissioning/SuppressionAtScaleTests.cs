using Waymark.Core.Commissioning;

namespace Waymark.Tests.Core.Commissioning;

/// <summary>Secondary suppression worked out by counting (issue 16 item 9) hides exactly what the plain passes hide.</summary>
public sealed class SuppressionAtScaleTests
{
    [Fact]
    public void Counting_hidden_figures_per_sum_hides_what_walking_every_sum_again_hides()
    {
        var random = new Random(9);
        var secondary = 0;
        for (var round = 0; round < 400; round++)
        {
            // Rows of cells that add up to a row total, and each column adding up over some rows to a total: nested,
            // overlapping sums as the waits report makes them, with many small counts and zeros.
            var rows = random.Next(1, 12);
            var cols = random.Next(2, 6);
            var figures = new List<long>();
            var sums = new List<int[]>();
            var cells = new int[rows, cols];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    cells[r, c] = figures.Count;
                    figures.Add(random.Next(4) == 0 ? 0 : random.Next(1, 30));
                }
                figures.Add(Enumerable.Range(0, cols).Sum(c => figures[cells[r, c]]));
                sums.Add([.. Enumerable.Range(0, cols).Select(c => cells[r, c]), figures.Count - 1]);
            }
            for (var group = 0; group < 3; group++)
            {
                var members = Enumerable.Range(0, rows).Where(_ => random.Next(2) == 0).ToList();
                if (members.Count == 0)
                {
                    continue;
                }
                for (var c = 0; c < cols; c++)
                {
                    figures.Add(members.Sum(r => figures[cells[r, c]]));
                    sums.Add([.. members.Select(r => cells[r, c]), figures.Count - 1]);
                }
            }
            sums = [.. sums.OrderBy(_ => random.Next())];
            var plain = StraightforwardWaits.Apply(figures, sums);
            Assert.Equal(plain, Suppression.Apply(figures, sums));
            secondary += plain.Count(h => h == Hidden.Secondary);
        }
        Assert.True(secondary > 100, "the cases tried must call for secondary suppression");
    }
}
