namespace Waymark.Core.Matching;

/// <summary>
/// The weight of each part of a service's fit (docs/contracts/matching.md §2). A search's score is the weighted mean of
/// the parts that apply to it: <see cref="Total"/> adds up those weights, <see cref="Scoring"/> uses them.
/// </summary>
internal static class ScoreWeights
{
    /// <summary>How close the service is (or <see cref="Scoring.RemoteCloseness"/> when reached without travelling).</summary>
    public const double Closeness = 0.25;

    /// <summary>How many of the person's preferences the service meets; only when they gave some.</summary>
    public const double Preferences = 0.35;

    /// <summary>"Help now": open now, and crisis support.</summary>
    public const double OpenAndCrisis = 0.4;

    /// <summary>"Help now": no waiting list.</summary>
    public const double NowWait = 0.3;

    /// <summary>
    /// The weight, for "help now", of a service open now being limited to the person's own area: more than every
    /// preference met adds (0.35), so a local line open now comes before national lines that are otherwise alike.
    /// </summary>
    public const double Local = 0.4;

    /// <summary>A short wait, for someone who needs help soon.</summary>
    public const double SoonWait = 0.2;

    /// <summary>A short wait, for someone who can wait.</summary>
    public const double LaterWait = 0.1;

    /// <summary>How recently the listing was checked.</summary>
    public const double Assured = 0.1;

    /// <summary>The weight of a wait for this urgency (other than "now", which has its own parts).</summary>
    public static double Wait(Urgency urgency) => urgency == Urgency.Soon ? SoonWait : LaterWait;

    /// <summary>The sum of the weights of the parts that apply to this search (added in this order, so the sum never changes).</summary>
    public static double Total(MatchQuery query)
    {
        var weights = Closeness;
        if (query.Prefer != UInt128.Zero)
        {
            weights += Preferences;
        }
        if (query.Urgency == Urgency.Now)
        {
            weights += OpenAndCrisis;
            weights += NowWait;
            weights += Local;
        }
        else
        {
            weights += Wait(query.Urgency);
        }
        weights += Assured;
        return weights;
    }
}
