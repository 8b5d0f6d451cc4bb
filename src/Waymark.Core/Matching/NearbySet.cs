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
    /// asked before a location's exact distance is worked out, which most services in range then do not need. With
    /// <paramref name="reachedAndRest"/> too, only those the search can reach (an accepted delivery of any kind) that also
    /// meet <see cref="Constraints.MeetsRest"/>: every hard constraint but format, all that the main pass keeps.
    /// </summary>
    /// <remarks>
    /// Leaving out services that fail reach or the rest changes nothing a remote pass asks of <see cref="Contains"/>:
    /// those passes only ask about services meeting the flat constraints and the rest, in runs with an accepted remote
    /// delivery. Two thirds of the services meeting the flat constraints fail the rest (area, membership, schedule,
    /// language), and now cost no exact distance (two sines, a square root and an arcsine).
    /// </remarks>
    public static NearbySet Find(MatchContext ctx, double km, NearbySet found, FlatConstraints? only = null, bool reachedAndRest = false)
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
        var locationCodes = snapshot.LocationCodes;
        var items = found.Items;
        var filter = only.GetValueOrDefault();
        var filtered = only.HasValue;
        // A flat-earth distance is within a fraction of a percent at these ranges: use it to skip the trigonometry.
        var kmPerDegreeLon = 111.32 * Math.Cos(place.Latitude * Math.PI / 180);
        var roughLimit = (km * 1.02) * (km * 1.02);
        var placeCosLat = Gazetteer.Gazetteer.CosOfLatitude(place.Latitude);
        var reached = ctx.Accepted & Codes.AnyDelivery;
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
                // The codes first, read in location order: most services in range fail them.
                if (filtered && !filter.MeetsCodes(locationCodes[location]))
                {
                    continue;
                }
                var service = owner[location];
                if (filtered && !filter.MeetsBesidesCodes(service))
                {
                    continue;
                }
                // Most services have one location and go straight in; only those with several need de-duplicating
                // (and are asked about reach and the rest once, not once a location).
                if (ownersOnly[location])
                {
                    if (reachedAndRest && !Reached(ctx, service, locationCodes[location], reached))
                    {
                        continue;
                    }
                    var d = Gazetteer.Gazetteer.DistanceKm(place.Latitude, place.Longitude, placeCosLat, lat[location], lon[location], cosLat[location]);
                    if (d <= km)
                    {
                        items.Add((service, d));
                    }
                }
                else
                {
                    found.AddSeveral(ctx, service, location, km, placeCosLat, reachedAndRest ? reached : null, locationsInRange);
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

    /// <summary>Whether the search reaches a service (its <paramref name="codes"/>) by any accepted delivery and it meets <see cref="Constraints.MeetsRest"/>.</summary>
    private static bool Reached(MatchContext ctx, int service, UInt128 codes, UInt128 reached) =>
        Codes.Any(codes, reached) && Constraints.MeetsRest(ctx, service, codes);

    /// <summary>What a slot says of its service: where it is in <see cref="Items"/> (0 or more), or one of these.</summary>
    private const int Fails = -1, NotYetInRange = -2;

    /// <summary>
    /// A location of a service with several: the service is asked about reach and the rest (when <paramref name="reached"/>
    /// is given) the first time it is met, added the first time a location is in range, and its distance lowered after.
    /// </summary>
    private void AddSeveral(MatchContext ctx, int service, int location, double km, double placeCosLat, UInt128? reached, int locationsInRange)
    {
        if (_several == 0 && _slotService.Length < 2 * locationsInRange)
        {
            // Room for twice as many services as there are locations in range: the table is never more than half full.
            var size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(256, 2 * locationsInRange));
            (_slotService, _slotAt, _slotStamp, _stamp) = (new int[size], new int[size], new int[size], 1);
        }
        var mask = _slotService.Length - 1;
        var slot = (int)((uint)service * 0x9E3779B1u) & mask;
        while (_slotStamp[slot] == _stamp && _slotService[slot] != service)
        {
            slot = (slot + 1) & mask;
        }
        int at;
        if (_slotStamp[slot] != _stamp)
        {
            at = reached is { } r && !Reached(ctx, service, ctx.Snapshot.LocationCodes[location], r) ? Fails : NotYetInRange;
            (_slotService[slot], _slotAt[slot], _slotStamp[slot]) = (service, at, _stamp);
            _several++;
        }
        else
        {
            at = _slotAt[slot];
        }
        if (at == Fails)
        {
            return;
        }
        var snapshot = ctx.Snapshot;
        var place = ctx.Query.Place!;
        var d = Gazetteer.Gazetteer.DistanceKm(place.Latitude, place.Longitude, placeCosLat,
            snapshot.Latitudes[location], snapshot.Longitudes[location], snapshot.LatitudeCosines[location]);
        if (d > km)
        {
            return;
        }
        if (at == NotYetInRange)
        {
            _slotAt[slot] = Items.Count;
            Items.Add((service, d));
        }
        else if (d < Items[at].Km)
        {
            Items[at] = (service, d);
        }
    }
}
