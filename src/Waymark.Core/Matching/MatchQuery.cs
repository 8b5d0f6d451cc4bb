using Waymark.Core.Gazetteer;
using Waymark.Core.Schedules;

namespace Waymark.Core.Matching;

public enum Gender
{
    Woman,
    Man,
    NonBinary,
}

public enum Urgency
{
    Routine,
    Soon,
    Now,
}

/// <summary>A search, already checked and understood (docs/contracts/matching.md §2). Codes are vocabulary bit sets; "not given" is null or zero.</summary>
public sealed record MatchQuery
{
    public const double DefaultWithinKm = 15;
    public const double MaxWithinKm = 200;
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;

    public ResolvedPlace? Place { get; init; }
    public double WithinKm { get; init; } = DefaultWithinKm;

    /// <summary>Delivery codes the person accepts; null = any.</summary>
    public UInt128? Delivery { get; init; }

    /// <summary>Format codes the person accepts; null = any.</summary>
    public UInt128? Format { get; init; }
    public WhenWindows When { get; init; }
    public bool OpenNow { get; init; }

    /// <summary>The instant to judge "now" by; null = the clock's now.</summary>
    public DateTimeOffset? At { get; init; }
    public bool SelfAccessOnly { get; init; }
    public bool FreeOnly { get; init; }
    public int? Age { get; init; }
    public Gender? Gender { get; init; }
    public bool Student { get; init; }
    public bool Employee { get; init; }

    /// <summary>Organisations the person studies or works at (or belongs to): lets their <c>eligibility:members-only</c> services in.</summary>
    public IReadOnlyList<Guid> MemberOf { get; init; } = [];

    /// <summary>ISO 639-1 code, lower case.</summary>
    public string? Language { get; init; }

    /// <summary>Access-needs codes, all required.</summary>
    public UInt128 Needs { get; init; }
    public UInt128 Prefer { get; init; }
    public Urgency Urgency { get; init; } = Urgency.Routine;
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>The names of the parameters the person gave, for the anonymous unmet-need count.</summary>
    public IReadOnlyList<string> GivenParameters { get; init; } = [];
}
