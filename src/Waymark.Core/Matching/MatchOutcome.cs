using Waymark.Core.Gazetteer;
using Waymark.Core.Safety;

namespace Waymark.Core.Matching;

public enum WaitSource
{
    Unknown,
    Provider,
    Referrals,
}

public sealed record ServiceMatch(
    Guid Id,
    string Name,
    Guid? OrganizationId,
    string? OrganizationName,
    double Score,
    double? DistanceKm,
    IReadOnlyList<string> Delivery,
    IReadOnlyList<string> Format,
    IReadOnlyList<string> DeliveredBy,
    bool OpenNow,
    DateTimeOffset? NextOpen,
    int? TypicalWaitDays,
    WaitSource WaitSource,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Cautions)
{
    /// <summary>When the current opening ends, for "open now until 8pm"; null when not open now.</summary>
    public DateTimeOffset? OpenUntil { get; init; }
}

/// <summary>A service that breaks exactly one of the person's hard constraints, and which one.</summary>
public sealed record NearestMiss(Guid Id, string Name, string Breaks, string Reason, double? DistanceKm);

/// <summary>Something to hold on to while waiting for the best results: a drop-in, a peer group or a helpline.</summary>
public sealed record WhileYouWait(Guid Id, string Name, string Reason);

public sealed record MatchOutcome(
    IReadOnlyList<ServiceMatch> Results,
    IReadOnlyList<NearestMiss> NearestMisses,
    ResolvedPlace? Place,
    IReadOnlyList<CrisisContact> Crisis,
    IReadOnlyList<WhileYouWait> WhileYouWait,
    int TotalMatches);
