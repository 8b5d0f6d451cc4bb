using System.Runtime.CompilerServices;
using Waymark.Core.Directory;

namespace Waymark.Core.Matching;

/// <summary>
/// The hard constraints the snapshot's flat columns answer alone (who the service is for, needs met, self-access,
/// checked within a year, free, age): what <see cref="Constraints.Evaluate"/> checks of an entry, for a run's inner loop.
/// Made once per search; reach, format, area, membership and the schedule are checked apart.
/// </summary>
internal readonly struct FlatConstraints
{
    private readonly UInt128[] _codes;
    private readonly int[] _assuredDay;
    private readonly FactFlags[] _flags;
    private readonly float[] _minimumAge;
    private readonly float[] _maximumAge;
    private readonly UInt128 _excluded;
    private readonly UInt128 _needs;
    private readonly UInt128 _anyOf;
    private readonly FactFlags _requiredFlags;
    private readonly bool _hasAge;
    private readonly float _age;
    private readonly int _expiredOnOrBeforeDay;

    public FlatConstraints(MatchContext ctx)
    {
        var q = ctx.Query;
        var snapshot = ctx.Snapshot;
        _codes = snapshot.FactCodes;
        _assuredDay = snapshot.FactAssuredDay;
        _flags = snapshot.FactFlags;
        _minimumAge = snapshot.FactMinimumAge;
        _maximumAge = snapshot.FactMaximumAge;
        _excluded = ctx.GenderExcluded | ctx.CircumstancesExcluded | ctx.Limits.Excluded;
        _needs = q.Needs;
        _anyOf = q.SelfAccessOnly ? Codes.SelfAccess : ~UInt128.Zero;
        _requiredFlags = q.FreeOnly ? FactFlags.Free : FactFlags.None;
        _hasAge = q.Age is not null;
        _age = q.Age ?? 0;
        _expiredOnOrBeforeDay = ctx.ExpiredOnOrBeforeDay;
    }

    /// <summary>The members of a remote block that the code constraints (who it is for, needs, self-access) leave in: a superset of those meeting all of them.</summary>
    public ulong MembersLeftIn(ScoreTable table, int block) => table.MembersWith(block, _needs, _anyOf, _excluded);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Meets(int index) => MeetsCodes(_codes[index]) && MeetsBesidesCodes(index);

    /// <summary>The part of <see cref="Meets"/> that the service's codes answer: who it is for, needs, self-access.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MeetsCodes(UInt128 c) => (c & _excluded) == UInt128.Zero && (c & _needs) == _needs && (c & _anyOf) != UInt128.Zero;

    /// <summary>The rest of <see cref="Meets"/>: checked within a year, free, age.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MeetsBesidesCodes(int index)
    {
        var assured = _assuredDay[index];
        return !(assured >= 0 && assured <= _expiredOnOrBeforeDay)
            && (_flags[index] & _requiredFlags) == _requiredFlags
            && !(_hasAge && (_age < _minimumAge[index] || _age > _maximumAge[index]));
    }
}
