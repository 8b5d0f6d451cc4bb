namespace Waymark.Core.Gazetteer;

public enum AuthorityTier
{
    Unitary,
    District,
    MetropolitanDistrict,
    LondonBorough,
    County,
}

/// <summary>
/// One local authority of <c>data/gazetteer/local-authorities.csv</c>. <see cref="Index"/> is its place in
/// <see cref="LocalAuthorities.All"/>: a small number the search snapshot keeps instead of names.
/// </summary>
public sealed record LocalAuthority(int Index, string Code, string Name, AuthorityTier Tier, string? ParentCode, string Region, IReadOnlyList<string> Aliases)
{
    /// <summary>The county a district lies in; null for every other tier.</summary>
    public LocalAuthority? Parent { get; internal set; }

    /// <summary>Whether a person living in <paramref name="place"/> (a lower-tier authority) lives in this one: the same authority, or its county.</summary>
    public bool Covers(LocalAuthority place) => ReferenceEquals(this, place) || ReferenceEquals(this, place.Parent);

    public override string ToString() => Name;
}
