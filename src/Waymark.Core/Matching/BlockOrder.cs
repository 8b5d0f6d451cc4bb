namespace Waymark.Core.Matching;

/// <summary>
/// The remote blocks of a <see cref="ScoreTable"/> in descending order of their ceiling for one urgency (soon or routine) and UK day: the
/// parts of <see cref="Scoring.BlockBound"/> that do not depend on anything else a search asks, each at the block's best.
/// A search adds its own closeness and, if it prefers anything, every preference met; what that gives is never below
/// the block's bound (<see cref="CeilingOf"/>), so a search can stop at the first block in this order whose ceiling
/// cannot enter its top: every later one is no higher.
/// </summary>
internal sealed class BlockOrder
{
    /// <summary>
    /// What <see cref="CeilingOf"/> adds so that summing the parts in another order than <see cref="Scoring.Combine(MatchContext, double, UInt128, int, bool, double, bool, double, int)"/>
    /// (a few units in the last place of numbers near 1) can never leave it below a bound.
    /// </summary>
    private const double Slack = 1e-9;

    /// <remarks>
    /// Not for "help now": there a block's ceiling would count being open, crisis support and being local (for the place
    /// the search is from, unknown here) for most blocks, and stop a search no earlier than bounding them all.
    /// </remarks>
    public BlockOrder(ScoreTable table, Urgency urgency, int day)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(urgency, Urgency.Now);
        var count = table.BlockStart.Length;
        Blocks = new int[count];
        var keys = new double[count];
        for (var k = 0; k < count; k++)
        {
            Blocks[k] = k;
            keys[k] = (ScoreWeights.Wait(urgency) * table.BlockWaitPart[k]) + (ScoreWeights.Assured * Scoring.AssuredPart(day, table.BlockAssuredDay[k]));
        }
        // Highest first (the order of equal ceilings does not matter: each block is still checked against the top).
        var negated = Array.ConvertAll(keys, key => -key);
        Array.Sort(negated, Blocks);
        Ceilings = Array.ConvertAll(negated, key => -key);
    }

    /// <summary>Every block, highest <see cref="Ceilings"/> first.</summary>
    public int[] Blocks { get; }

    /// <summary>The ceiling's part fixed by urgency and day, of <c>Blocks[i]</c> at <c>i</c>: never rising along the order.</summary>
    public double[] Ceilings { get; }

    /// <summary>
    /// The part of a search's ceilings that is its own (the same for every block): closeness for a service reached without
    /// travelling, and every preference met.
    /// </summary>
    public static double OwnPartOf(MatchContext ctx) =>
        (ScoreWeights.Closeness * ctx.RemoteCloseness) + (ctx.Query.Prefer != UInt128.Zero ? ScoreWeights.Preferences : 0);

    /// <summary>The most a block at <paramref name="position"/> in this order can score for a search with <paramref name="ownPart"/> (<see cref="OwnPartOf"/>).</summary>
    public double CeilingOf(int position, double ownPart, double weights) => ((ownPart + Ceilings[position]) / weights) + Slack;
}
