namespace Waymark.Core.Commissioning;

/// <summary>
/// The 95% intervals Fingertips (OHID) uses: Wilson's score interval for a proportion, and Byar's approximation to
/// the exact Poisson interval for a count (and so for a rate: the count's interval over the population).
/// </summary>
public static class ConfidenceIntervals
{
    /// <summary>Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    public static Interval Wilson(int successes, int trials)
    {
        if (trials <= 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), $"{successes} out of {trials} is not a proportion.");
        }
        const double z = Interval.Z95;
        double n = trials, p = successes / n;
        var denominator = 1 + (z * z / n);
        var centre = (p + (z * z / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4 * n * n))) / denominator;
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Byar's interval for an observed Poisson count.</summary>
    public static Interval Byar(int observed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(observed);
        const double z = Interval.Z95;
        var lower = observed == 0 ? 0 : observed * Math.Pow(1 - (1.0 / (9 * observed)) - (z / (3 * Math.Sqrt(observed))), 3);
        double next = observed + 1;
        var upper = next * Math.Pow(1 - (1 / (9 * next)) + (z / (3 * Math.Sqrt(next))), 3);
        return new Interval(lower, upper);
    }

    /// <summary>A rate per <paramref name="per"/> people with its Byar interval.</summary>
    public static (double Rate, Interval Interval) Rate(int count, double population, double per = 100_000)
    {
        if (population <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(population), "A rate needs a population above 0.");
        }
        var factor = per / population;
        return (count * factor, Byar(count).Scale(factor));
    }
}
