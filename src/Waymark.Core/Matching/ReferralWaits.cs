namespace Waymark.Core.Matching;

/// <summary>
/// Typical waits measured from real referrals (docs/contracts/matching.md §2 <c>wait_source: referrals</c>): a figure only when at
/// least 5 referrals in the last 180 days back it. The referrals feature supplies the real implementation.
/// </summary>
public interface IReferralWaits
{
    /// <summary>The measured typical wait in days, or null when there are not enough referrals to say.</summary>
    int? TypicalWaitDays(Guid serviceId);

    /// <summary>
    /// Every measured wait, as one object that is replaced whole (never changed in place) when the figures change:
    /// the matcher keeps a per-snapshot table of waits and rebuilds it when this object is a different one.
    /// </summary>
    IReadOnlyDictionary<Guid, int> Measured { get; }
}

/// <summary>Used until referrals are recorded: no service has a measured wait, so waits come from providers or are unknown.</summary>
public sealed class NoReferralWaits : IReferralWaits
{
    public int? TypicalWaitDays(Guid serviceId) => null;

    public IReadOnlyDictionary<Guid, int> Measured { get; } = System.Collections.Frozen.FrozenDictionary<Guid, int>.Empty;
}
