namespace Waymark.Core.Matching;

/// <summary>
/// For one search, the hard limits that depend on where the person lives and which organisations they belong to
/// (docs/contracts/matching.md): a service limited to some local authorities is only for people whose place lies in one of them
/// (none without <c>near</c>); an <c>eligibility:members-only</c> service is only for people who name its organisation
/// in <c>member_of</c>. Worked out once per search, so each service costs an array read and, rarely, a short scan.
/// </summary>
internal sealed class PersonLimits
{
    private readonly DirectorySnapshot _snapshot;
    private readonly bool[] _areaAllowed;
    private readonly int[] _members;

    private PersonLimits(DirectorySnapshot snapshot, bool[] areaAllowed, int[] members, bool namesMembership)
    {
        _snapshot = snapshot;
        _areaAllowed = areaAllowed;
        _members = members;
        ChecksMembership = namesMembership;
        Excluded = namesMembership ? UInt128.Zero : Codes.MembersOnly;
    }

    /// <summary>For each of the snapshot's area sets, whether the person's place lies in it (for loops that read it directly).</summary>
    public bool[] AreaAllowed => _areaAllowed;

    /// <summary>Codes that rule a service out without looking further: members-only, when the search names no organisation.</summary>
    public UInt128 Excluded { get; }

    /// <summary>Whether the search named organisations, so a members-only service's organisation must be checked.</summary>
    public bool ChecksMembership { get; }

    /// <summary>The limits of a search on the snapshot of <paramref name="table"/>, whose kept area filters it reads.</summary>
    public static PersonLimits For(ScoreTable table, MatchQuery query)
    {
        var snapshot = table.Snapshot;
        var members = query.MemberOf.Count == 0 ? [] : query.MemberOf
            // An organisation with no active service has no members-only service to let in.
            .Select(snapshot.OrganizationNumberOf).Where(number => number >= 0).ToArray();
        return new PersonLimits(snapshot, table.AreaAllowedFor(query.Place), members, query.MemberOf.Count > 0);
    }

    /// <summary>Of counts of services by area set, the sum over the sets the person lives in.</summary>
    public int CountInArea(int[] bySet)
    {
        var sum = 0;
        for (var set = 0; set < bySet.Length; set++)
        {
            sum += _areaAllowed[set] ? bySet[set] : 0;
        }
        return sum;
    }

    /// <summary>Whether the person lives where the service is for (always, for a service that is for anyone).</summary>
    public bool InArea(int index) => _areaAllowed[_snapshot.FactAreaSet[index]];

    /// <summary>A service limited to local authorities the person's place lies in: local to them, not national.</summary>
    public bool IsLocal(int index) => _snapshot.FactAreaSet[index] != AreaSets.Everyone && _areaAllowed[_snapshot.FactAreaSet[index]];

    /// <summary>Whether the person may use the service as far as membership goes.</summary>
    public bool MayJoin(int index, UInt128 codes) =>
        !Codes.Any(codes, Codes.MembersOnly) || (ChecksMembership && IsMember(_snapshot.Services[index].Organization));

    private bool IsMember(int organization)
    {
        foreach (var m in _members)
        {
            if (m == organization)
            {
                return true;
            }
        }
        return false;
    }
}
