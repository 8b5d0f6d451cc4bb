namespace Waymark.Core.Matching;

/// <summary>The hard constraints a service breaks for a search (docs/contracts/matching.md §2), as flags.</summary>
[Flags]
internal enum BrokenConstraint
{
    None = 0,
    WithinKm = 1 << 0,
    Delivery = 1 << 1,
    Format = 1 << 2,
    When = 1 << 3,
    OpenNow = 1 << 4,
    Access = 1 << 5,
    Free = 1 << 6,
    Age = 1 << 7,
    Gender = 1 << 8,
    Circumstances = 1 << 9,
    Language = 1 << 10,
    Needs = 1 << 11,

    /// <summary>The service is only for people living in local authorities the person's place is not in.</summary>
    Near = 1 << 12,

    /// <summary>Cannot be reached at all with what the person said (e.g. in person only, and no <c>near</c>): never a near miss.</summary>
    Unreachable = (1 << 20) | (1 << 21),
}
