using Waymark.Core.Gazetteer;

namespace Waymark.Core.Matching;

/// <summary>
/// The distinct area limits of a snapshot's services, each a sorted list of <see cref="LocalAuthority.Index"/>es.
/// Set 0 is "everyone"; any other set limits its services to people living in one of its authorities (an empty one,
/// made of names the table does not know, to nobody). Services keep only their set's number, so a search works out
/// once which sets its place lies in (<see cref="AreaFilter"/>) and then pays one array read per service.
/// </summary>
internal sealed class AreaSets
{
    public const int Everyone = 0;

    private readonly List<ushort[]> _sets = [[]];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    public int Count => _sets.Count;

    public ushort[] this[int set] => _sets[set];

    public int NumberOf(AreaLimit limit) =>
        limit.IsLimited ? NumberOf([.. limit.Authorities.Select(a => (ushort)a.Index).Order()]) : Everyone;

    /// <summary>The number of a set taken from a snapshot's table.</summary>
    public int NumberOf(ushort[][] sets, int set) => set == Everyone ? Everyone : NumberOf(sets[set]);

    public ushort[][] ToArray() => [.. _sets];

    /// <summary>What tells one set from another: its authorities in order.</summary>
    public static string KeyOf(ushort[] authorities) => string.Join(',', authorities);

    private int NumberOf(ushort[] authorities)
    {
        var key = KeyOf(authorities);
        if (!_numbers.TryGetValue(key, out var number))
        {
            number = _sets.Count;
            _sets.Add(authorities);
            _numbers[key] = number;
        }
        return number;
    }
}

/// <summary>
/// For one search: which of a snapshot's area sets the person's place lies in. A place lies in a set when one of its
/// authorities (a district that straddles a boundary has several) is in the set, or is a district of a county in it.
/// Without a place only set 0 (everyone) is allowed.
/// </summary>
internal sealed class AreaFilter
{
    private readonly bool[] _allowed;

    private AreaFilter(bool[] allowed) => _allowed = allowed;

    public bool[] Allowed => _allowed;

    public bool Allows(int set) => _allowed[set];

    public static AreaFilter For(ushort[][] sets, ResolvedPlace? place)
    {
        var allowed = new bool[sets.Length];
        allowed[AreaSets.Everyone] = true;
        var authorities = place?.Authorities ?? [];
        if (authorities.Count > 0)
        {
            var inside = new bool[LocalAuthorities.All.Count];
            foreach (var a in authorities)
            {
                inside[a.Index] = true;
                if (a.Parent is { } county)
                {
                    inside[county.Index] = true;
                }
            }
            for (var s = 1; s < sets.Length; s++)
            {
                foreach (var a in sets[s])
                {
                    if (inside[a])
                    {
                        allowed[s] = true;
                        break;
                    }
                }
            }
        }
        return new AreaFilter(allowed);
    }
}
