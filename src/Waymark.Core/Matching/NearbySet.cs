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

    /// <summary>
    /// Where each service with several locations met so far is in <see cref="Items"/>, so a nearer location lowers its
    /// distance: open addressing keyed by service, a slot in use only when its stamp is this search's. Emptying it is a
    /// new stamp (a dictionary's Clear zeroed all the room it had ever grown to, thousands of entries, on every search:
    /// 6 % of the matcher). <see cref="_several"/> counts them.
    /// </summary>
    private int[] _slotService = [];
    private int[] _slotAt = [];
    private int[] _slotStamp = [];
    private int _stamp;
    private int _several;

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
        _several = 0;
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
        var locationsInRange = 0;
        foreach (var (_, count) in ranges)
        {
            locationsInRange += count;
        }
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
                    found.AddSeveral(service, d, locationsInRange);
                }
            }
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

    /// <summary>A location of a service with several: the service is added the first time, and its distance lowered after.</summary>
    private void AddSeveral(int service, double d, int locationsInRange)
    {
        if (_several == 0 && _slotService.Length < 2 * locationsInRange)
        {
            // Room for twice as many services as there are locations in range: the table is never more than half full.
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(256, 2 * locationsInRange));
            (_slotService, _slotAt, _slotStamp, _stamp) = (new int[size], new int[size], new int[size], 1);
        }
        var mask = _slotService.Length - 1;
        for (var slot = (int)((uint)service * 0x9E3779B1u) & mask; ; slot = (slot + 1) & mask)
        {
            if (_slotStamp[slot] != _stamp)
            {
                (_slotService[slot], _slotAt[slot], _slotStamp[slot]) = (service, Items.Count, _stamp);
                Items.Add((service, d));
                _several++;
                return;
            }
            if (_slotService[slot] == service)
            {
                var at = _slotAt[slot];
                if (d < Items[at].Km)
                {
                    Items[at] = (service, d);
                }
                return;
            }
        }
    }
}
