using Waymark.Core.Gazetteer;

namespace Waymark.Core.Matching;

/// <summary>
/// <c>eligibility:members-only</c> services are only for their own organisation's students, staff or members, who
/// say so with <c>member_of</c> (docs/contracts/matching.md). This finds the organisations a person could name: those running a
/// members-only service they could use where they live.
/// </summary>
public static class MembersOnly
{
    /// <summary>"Only for people who study or work at Porter Brook University".</summary>
    public static string OnlyFor(string? organization) =>
        "Only for people who study or work at " + (string.IsNullOrWhiteSpace(organization) ? "the organisation that runs it" : organization);

    /// <summary>
    /// Organisations running a members-only service for people living at <paramref name="place"/>: its area covers the
    /// place, and it can be reached by phone, text or online, or in person within <paramref name="withinKm"/>. Without a
    /// place, only those with a members-only service open to people anywhere by phone, text or online. By name.
    /// </summary>
    public static IReadOnlyList<OrganizationEntry> OrganisationsFor(DirectorySnapshot snapshot, ResolvedPlace? place, double withinKm)
    {
        var areas = AreaFilter.For(snapshot.AreaSets, place);
        var found = new HashSet<int>();
        var members = snapshot.MembersOnlyServices;
        foreach (var index in members)
        {
            if (Codes.Any(snapshot.FactCodes[index], Codes.Remote) && areas.Allows(snapshot.FactAreaSet[index]))
            {
                found.Add(snapshot.Services[index].Organization);
            }
        }
        if (place is not null && members.Length > 0)
        {
            var ranges = new List<(int Start, int Count)>();
            snapshot.CellRangesNear(place.Latitude, place.Longitude, withinKm, ranges);
            foreach (var (start, count) in ranges)
            {
                for (var location = start; location < start + count; location++)
                {
                    var index = snapshot.LocationService[location];
                    if (Codes.Any(snapshot.FactCodes[index], Codes.MembersOnly) && areas.Allows(snapshot.FactAreaSet[index])
                        && Gazetteer.Gazetteer.DistanceKm(place.Latitude, place.Longitude, snapshot.Latitudes[location], snapshot.Longitudes[location]) <= withinKm)
                    {
                        found.Add(snapshot.Services[index].Organization);
                    }
                }
            }
        }
        return [.. found.Where(o => o >= 0).Select(o => snapshot.Organizations[o]).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id)];
    }

    /// <summary>Codes that mark a members-only service as one for students (a university's or college's own).</summary>
    public static readonly UInt128 ForStudents = Codes.StudentsOnly | Codes.Of("setting:university") | Codes.Of("setting:college") | Codes.Of("sector:education");

    /// <summary>Codes that mark a members-only service as one for staff (an employer's own).</summary>
    public static readonly UInt128 ForStaff = Codes.EmployeesOnly | Codes.Of("setting:workplace") | Codes.Of("sector:employer");

    /// <summary>
    /// Organisations running at least one active members-only service carrying any of <paramref name="kind"/>
    /// (<see cref="ForStudents"/> or <see cref="ForStaff"/>), wherever they are: the universities, colleges or employers
    /// a person could say they belong to. By name.
    /// </summary>
    public static IReadOnlyList<OrganizationEntry> Running(DirectorySnapshot snapshot, UInt128 kind)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var found = new HashSet<int>();
        foreach (var index in snapshot.MembersOnlyServices)
        {
            if (Codes.Any(snapshot.FactCodes[index], kind))
            {
                found.Add(snapshot.Services[index].Organization);
            }
        }
        return [.. found.Where(o => o >= 0).Select(o => snapshot.Organizations[o]).OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id)];
    }
}
