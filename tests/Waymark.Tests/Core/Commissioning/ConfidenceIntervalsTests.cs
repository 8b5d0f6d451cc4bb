using Waymark.Core.Commissioning;

namespace Waymark.Tests.Core.Commissioning;

/// <summary>The 95% intervals, against published values and a second, plain computation.</summary>
public sealed class ConfidenceIntervalsTests
{
    [Theory]
    // Wilson score intervals (method 3) as published by Newcombe (1998, Statistics in Medicine 17:857, table I), to 4 places.
    [InlineData(8, 20, 0.2188, 0.6134)]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_matches_published_values(int k, int n, double lower, double upper)
    {
        var ci = ConfidenceIntervals.Wilson(k, n);

        Assert.Equal(lower, ci.Lower, 4);
        Assert.Equal(upper, ci.Upper, 4);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, 0)]
    public void Wilson_refuses_what_is_not_a_proportion(int k, int n) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceIntervals.Wilson(k, n));

    [Theory]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(60)]
    [InlineData(250)]
    public void Byar_agrees_with_the_exact_Poisson_interval_worked_out_by_bisection(int observed)
    {
        var byar = ConfidenceIntervals.Byar(observed);
        var (lower, upper) = ExactPoisson(observed);

        // Byar is an approximation: within 1% of the exact bounds from 3 upwards.
        Assert.Equal(lower, byar.Lower, (lower * 0.01) + 0.01);
        Assert.Equal(upper, byar.Upper, upper * 0.01);
    }

    [Fact]
    public void Zero_has_a_lower_bound_of_zero_and_an_upper_of_about_3_7() =>
        Assert.Equal((0.0, 3.689), (ConfidenceIntervals.Byar(0).Lower, Math.Round(ExactPoisson(0).Upper, 3)));

    [Fact]
    public void A_rate_scales_the_count_and_its_interval_by_the_population()
    {
        var (rate, ci) = ConfidenceIntervals.Rate(10, 200_000);

        Assert.Equal(5.0, rate, 10);
        Assert.Equal(ConfidenceIntervals.Byar(10).Lower / 2, ci.Lower, 10);
        Assert.Equal(ConfidenceIntervals.Byar(10).Upper / 2, ci.Upper, 10);
    }

    /// <summary>The exact (Garwood) interval: the means at which P(X ≥ k) = 2.5% and P(X ≤ k) = 2.5%, by bisection.</summary>
    private static (double Lower, double Upper) ExactPoisson(int k)
    {
        double Cdf(double mean, int upTo)
        {
            double term = Math.Exp(-mean), sum = term;
            for (var i = 1; i <= upTo; i++)
            {
                term *= mean / i;
                sum += term;
            }
            return sum;
        }

        double Solve(Func<double, double> f)
        {
            double lo = 0, hi = (k * 3) + 20;
            for (var i = 0; i < 200; i++)
            {
                var mid = (lo + hi) / 2;
                if (f(mid) > 0)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }
            return (lo + hi) / 2;
        }

        var lower = k == 0 ? 0 : Solve(m => 0.025 - (1 - Cdf(m, k - 1)));
        var upper = Solve(m => Cdf(m, k) - 0.025);
        return (lower, upper);
    }
}
