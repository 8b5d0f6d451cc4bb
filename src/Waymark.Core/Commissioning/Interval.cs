namespace Waymark.Core.Commissioning;

/// <summary>A 95% confidence interval.</summary>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>1.96: the standard normal quantile for a two-sided 95% interval, to the precision Fingertips uses.</summary>
    public const double Z95 = 1.959963984540054;

    public Interval Scale(double factor) => new(Lower * factor, Upper * factor);
}
