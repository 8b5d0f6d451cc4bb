using Waymark.Core.Schedules;

namespace Waymark.Core.Matching;

/// <summary>Everything one search needs, worked out once before the passes over the snapshot.</summary>
internal sealed class MatchContext
{
    public required DirectorySnapshot Snapshot { get; init; }
    public required MatchQuery Query { get; init; }
    public required DateTimeOffset At { get; init; }
    public required DateOnly UkDate { get; init; }
    public required UkMoment Moment { get; init; }
    public required UInt128 Accepted { get; init; }
    public required ushort Language { get; init; }

    /// <summary>Listings last checked on or before this day number have expired (12 months unchecked).</summary>
    public required int ExpiredOnOrBeforeDay { get; init; }

    public required ScoreTable Table { get; init; }

    /// <summary>For "when" searches, each remote service's windows in the week asked about; else null.</summary>
    public required WhenWindows[]? RemoteWindows { get; init; }

    /// <summary>For "open now" searches, which remote services are open at <see cref="At"/> (bit per service index); else null.</summary>
    public required ulong[]? OpenRemote { get; init; }

    /// <summary>Typical wait per service (measured from referrals, else the provider's), -1 when unknown.</summary>
    public short[] WaitDays => Table.WaitDays;

    /// <summary>The closeness part (0..1) of a service reached without travelling: see <see cref="RemoteCloseness"/>.</summary>
    public required double RemoteCloseness { get; init; }

    /// <summary>The sum of the weights of the score's parts that apply to this search.</summary>
    public required double Weights { get; init; }

    /// <summary>Codes that rule a service out for this person (women-only for a man, students-only for a non-student...).</summary>
    public required UInt128 GenderExcluded { get; init; }
    public required UInt128 CircumstancesExcluded { get; init; }

    /// <summary>Whether the search has a constraint the flat columns cannot answer (times, language, open now).</summary>
    public required bool HasSlowConstraints { get; init; }

    /// <summary>Service areas and members-only services, for this person.</summary>
    public required PersonLimits Limits { get; init; }
}
