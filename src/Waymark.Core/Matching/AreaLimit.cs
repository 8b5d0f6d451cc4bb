using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;

namespace Waymark.Core.Matching;

/// <summary>
/// Who a service is for by where they live (docs/contracts/matching.md): everyone, or only people whose place lies in one of
/// the local authorities its <c>service_areas</c> name (<c>extent_type</c> <c>local_authority</c>, the authority's
/// name, GSS code or alias in <c>service_area</c>, else in <c>name</c>). A national area (<c>extent_type</c>
/// <c>national</c>, or a country such as England) opens it to everyone; other extent types (geojson, text) limit nothing.
/// </summary>
public sealed record AreaLimit(IReadOnlyList<LocalAuthority> Authorities, IReadOnlyList<string> UnknownNames)
{
    public static AreaLimit Everyone { get; } = new([], []);

    // Authorities said with "the": "the East Riding of Yorkshire".
    private static readonly string[] WithThe = ["East Riding", "Isle of", "Isles of", "Vale of", "Forest of", "City of London", "Wirral", "Fylde", "Wrekin", "Wolds"];

    /// <summary>True when only people living in <see cref="Authorities"/> may use the service (nobody, if every name was unknown).</summary>
    public bool IsLimited => Authorities.Count > 0 || UnknownNames.Count > 0;

    /// <summary>"people who live in Kingston upon Hull or the East Riding of Yorkshire".</summary>
    public string PeopleWhoLiveIn() => PeopleWhoLiveIn([.. Authorities.Select(a => a.Name), .. UnknownNames]);

    public static string PeopleWhoLiveIn(IReadOnlyList<string> names)
    {
        var said = names.Select(n => WithThe.Any(w => n.StartsWith(w, StringComparison.OrdinalIgnoreCase)) ? "the " + n : n).ToList();
        return "people who live in " + (said.Count switch
        {
            0 => "the area it covers",
            1 => said[0],
            _ => string.Join(", ", said.Take(said.Count - 1)) + " or " + said[^1],
        });
    }

    /// <summary>A nearest miss's reason: "Only for people who live in Wakefield".</summary>
    public static string OnlyFor(IReadOnlyList<LocalAuthority> authorities) => "Only for " + PeopleWhoLiveIn([.. authorities.Select(a => a.Name)]);

    public static bool IsLocalAuthority(string? extentType) =>
        string.Equals(extentType?.Trim(), "local_authority", StringComparison.OrdinalIgnoreCase);

    public static bool IsNational(string? extentType) =>
        extentType?.Trim() is { } t && (t.Equals("national", StringComparison.OrdinalIgnoreCase) || t.Equals("country", StringComparison.OrdinalIgnoreCase));

    /// <summary>The authority a local-authority area names: its <c>service_area</c>, else its <c>name</c>; null when neither is known.</summary>
    public static LocalAuthority? AuthorityOf(string? serviceArea, string? name) => LocalAuthorities.Find(serviceArea) ?? LocalAuthorities.Find(name);

    /// <summary>
    /// A listing's areas as a limit. Names the table does not know (listings imported before areas were checked) still
    /// limit the service, to nobody through them: showing a service to people it is not for is the harm this prevents.
    /// </summary>
    public static AreaLimit Of(IEnumerable<ServiceArea> areas)
    {
        List<LocalAuthority>? known = null;
        List<string>? unknown = null;
        foreach (var area in areas)
        {
            if (IsNational(area.ExtentType))
            {
                return Everyone;
            }
            if (!IsLocalAuthority(area.ExtentType))
            {
                continue;
            }
            if (AuthorityOf(area.Description, area.Name) is { } authority)
            {
                known ??= [];
                if (!known.Contains(authority))
                {
                    known.Add(authority);
                }
            }
            else
            {
                (unknown ??= []).Add((area.Description ?? area.Name ?? "").Trim());
            }
        }
        // In the table's order, whatever order the rows were stored in, so the words never change between two reads.
        return known is null && unknown is null ? Everyone : new AreaLimit([.. (known ?? []).OrderBy(a => a.Index)], [.. (unknown ?? []).Order(StringComparer.Ordinal)]);
    }
}
