namespace Waymark.Core.Listings;

/// <summary>
/// One change to one field of a directory record, as ORUK 3.0's <c>metadata</c> object describes it.
/// Kept for every change made through the listing editor, and shown as the listing's history.
/// </summary>
public sealed class MetadataEntry
{
    public Guid Id { get; set; }
    public Guid ResourceId { get; set; }
    public required string ResourceType { get; set; }
    public DateTimeOffset LastActionDate { get; set; }
    public required string LastActionType { get; set; }
    public required string FieldName { get; set; }
    public required string PreviousValue { get; set; }
    public required string ReplacementValue { get; set; }
    public required string UpdatedBy { get; set; }
}

public static class MetadataActions
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Verify = "verify";
}

/// <summary>"This listing is wrong", from anyone, with no account needed.</summary>
public sealed class ListingReport
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public required string Message { get; set; }
    public string? Email { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}

/// <summary>
/// A dated notice a provider puts on a service: temporarily closed (which also sets the ORUK status) or
/// not taking referrals (a Waymark flag: the service still shows, but people are told).
/// </summary>
public sealed class ServiceNotice
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public required string Kind { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }
    public required string SetBy { get; set; }
    public DateTimeOffset SetAt { get; set; }
}

public static class ServiceNoticeKinds
{
    public const string TemporarilyClosed = "temporarily-closed";
    public const string NotTakingReferrals = "not-taking-referrals";

    public static readonly IReadOnlyList<string> All = [TemporarilyClosed, NotTakingReferrals];
}
