using Waymark.Core.Directory;

namespace Waymark.Core.Matching;

/// <summary>Services with an in-person location in range, each once with its nearest location's distance.</summary>
internal sealed class NearbySet
{
    public List<(int Index, double Km)> Items { get; } = [];

    /// <summary>Those of <see cref="Items"/> that also offer remote delivery, so the remote passes can skip them.</summary>
    public List<int> Remote { get; } = [];

    /// <summary><see cref="Remote"/> again, a bit per remote service index: a remote pass asks of every service it meets.</summary>
    private ulong[] _remoteBits = [];

    /// <summary>Working space for <see cref="Nearby"/>: the grid cells in range, and services with several locations in range.</summary>
    public List<(int Start, int Count)> Ranges { get; } = [];
    public Dictionary<int, double> Several { get; } = [];

    public bool Contains(int index) => index >> 6 < _remoteBits.Length && (_remoteBits[index >> 6] & (1UL << index)) != 0;

    public void AddRemote(int index, int remoteCount)
    {
        if (index >> 6 >= _remoteBits.Length)
        {
            Array.Resize(ref _remoteBits, (Math.Max(index + 1, remoteCount) + 63) / 64);
        }
        Remote.Add(index);
        _remoteBits[index >> 6] |= 1UL << index;
    }

    public void Clear()
    {
        foreach (var index in Remote)
        {
            _remoteBits[index >> 6] = 0;
        }
        Items.Clear();
        Remote.Clear();
        Ranges.Clear();
        Several.Clear();
    }

    /// <summary>Services with an in-person location within <paramref name="km"/>, each with its nearest location's distance, into <paramref name="found"/>.</summary>
    public static NearbySet Find(MatchContext ctx, double km, NearbySet found)
    {
        found.Clear();
        if (ctx.Query.Place is not { } place || !Codes.Any(ctx.Accepted, Codes.Local))
        {
            return found;
        }
        var ranges = found.Ranges;
        var snapshot = ctx.Snapshot;
        snapshot.CellRangesNear(place.Latitude, place.Longitude, km, ranges);
        var lat = snapshot.Latitudes;
        var lon = snapshot.Longitudes;
        var cosLat = snapshot.LatitudeCosines;
        var owner = snapshot.LocationService;
        var only = snapshot.LocationIsOwnersOnly;
        var items = found.Items;
        // Most services have one location and go straight in; only those with several need de-duplicating.
        var several = found.Several;
        // A flat-earth distance is within a fraction of a percent at these ranges: use it to skip the trigonometry.
        var kmPerDegreeLon = 111.32 * Math.Cos(place.Latitude * Math.PI / 180);
        var roughLimit = (km * 1.02) * (km * 1.02);
        var placeCosLat = Gazetteer.Gazetteer.CosOfLatitude(place.Latitude);
        foreach (var (start, count) in ranges)
        {
            for (var location = start; location < start + count; location++)
            {
                var dy = (lat[location] - place.Latitude) * 110.574;
                var dx = (lon[location] - place.Longitude) * kmPerDegreeLon;
                if ((dx * dx) + (dy * dy) > roughLimit)
                {
                    continue;
                }
                var d = Gazetteer.Gazetteer.DistanceKm(place.Latitude, place.Longitude, placeCosLat, lat[location], lon[location], cosLat[location]);
                if (d > km)
                {
                    continue;
                }
                var service = owner[location];
                if (only[location])
                {
                    items.Add((service, d));
                }
                else if (!several.TryGetValue(service, out var best) || d < best)
                {
                    several[service] = d;
                }
            }
        }
        foreach (var (service, d) in several)
        {
            items.Add((service, d));
        }
        var codes = snapshot.FactCodes;
        var remoteCount = snapshot.RemoteServices.Length;
        foreach (var (service, _) in items)
        {
            if (Codes.Any(codes[service], Codes.Remote))
            {
                found.AddRemote(service, remoteCount);
            }
        }
        return found;
    }
}
