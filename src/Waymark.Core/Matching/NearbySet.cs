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

    /// <summary>Working space for <see cref="Find"/>: the grid cells in range.</summary>
    public List<(int Start, int Count)> Ranges { get; } = [];

    /// <summary>Services with several locations in range, in the order first met, with the nearest so far; added to <see cref="Items"/> last.</summary>
    private readonly List<(int Index, double Km)> _several = [];

    /// <summary>
    /// Where each service of <see cref="_several"/> is in it: open addressing keyed by service, a slot in use only when
    /// its stamp is this search's. Emptying it is a new stamp (a dictionary's Clear zeroed all the room it had ever
    /// grown to, thousands of entries, on every search: 6 % of the matcher).
    /// </summary>
    private int[] _slotService = [];
    private int[] _slotAt = [];
    private int[] _slotStamp = [];
    private int _stamp;

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
        _several.Clear();
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_slotStamp);
            _stamp = 1;
        }
    }

    /// <summary>
    /// Services with an in-person location within <paramref name="km"/>, each with its nearest location's distance, into
    /// <paramref name="found"/>. With <paramref name="only"/>, only the services meeting those constraints: they are
    /// asked before a location's exact distance is worked out, which most services in range then do not need.
    /// </summary>
    public static NearbySet Find(MatchContext ctx, double km, NearbySet found, FlatConstraints? only = null)
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
        var ownersOnly = snapshot.LocationIsOwnersOnly;
        var items = found.Items;
        var filter = only.GetValueOrDefault();
        var filtered = only.HasValue;
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
                var service = owner[location];
                if (filtered && !filter.Meets(service))
                {
                    continue;
                }
                var d = Gazetteer.Gazetteer.DistanceKm(place.Latitude, place.Longitude, placeCosLat, lat[location], lon[location], cosLat[location]);
                if (d > km)
                {
                    continue;
                }
                // Most services have one location and go straight in; only those with several need de-duplicating.
                if (ownersOnly[location])
                {
                    items.Add((service, d));
                }
                else
                {
                    found.AddSeveral(service, d, ranges);
                }
            }
        }
        items.AddRange(found._several);
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

    /// <summary>A location of a service with several: the service is added the first time, and its distance lowered after.</summary>
    private void AddSeveral(int service, double d, List<(int Start, int Count)> ranges)
    {
        if (_slotService.Length == 0 || _several.Count * 2 >= _slotService.Length)
        {
            Grow(ranges);
        }
        var mask = _slotService.Length - 1;
        for (var slot = (int)((uint)service * 0x9E3779B1u) & mask; ; slot = (slot + 1) & mask)
        {
            if (_slotStamp[slot] != _stamp)
            {
                (_slotService[slot], _slotAt[slot], _slotStamp[slot]) = (service, _several.Count, _stamp);
                _several.Add((service, d));
                return;
            }
            if (_slotService[slot] == service)
            {
                var at = _slotAt[slot];
                if (d < _several[at].Km)
                {
                    _several[at] = (service, d);
                }
                return;
            }
        }
    }

    /// <summary>Room for twice as many services as there are locations in range (so never full), keeping those already met.</summary>
    private void Grow(List<(int Start, int Count)> ranges)
    {
        var locations = 0;
        foreach (var (_, count) in ranges)
        {
            locations += count;
        }
        var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(256, Math.Max(2 * locations, 4 * _several.Count)));
        (_slotService, _slotAt, _slotStamp) = (new int[size], new int[size], new int[size]);
        _stamp = 1;
        var mask = size - 1;
        for (var at = 0; at < _several.Count; at++)
        {
            var service = _several[at].Index;
            var slot = (int)((uint)service * 0x9E3779B1u) & mask;
            while (_slotStamp[slot] == _stamp)
            {
                slot = (slot + 1) & mask;
            }
            (_slotService[slot], _slotAt[slot], _slotStamp[slot]) = (service, at, _stamp);
        }
    }
}
