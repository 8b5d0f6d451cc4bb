using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Gazetteer;

public enum PlacePrecision
{
    Postcode,
    District,
    Place,
    Coordinates,
}

/// <summary>
/// Where a person said they are, as Waymark understood it. <see cref="LocalAuthority"/> is the one authority the place
/// is counted in (where most of a straddling district's people live); <see cref="Authorities"/> is every authority it
/// lies in, which service areas are judged by (docs/contracts/matching.md).
/// </summary>
public sealed record ResolvedPlace(string Name, double Latitude, double Longitude, PlacePrecision Precision, string? LocalAuthority)
{
    public IReadOnlyList<LocalAuthority> Authorities { get; init; } = LocalAuthorities.Find(LocalAuthority) is { } a ? [a] : [];
}

/// <summary>
/// Turns <c>near</c> into a point: a full postcode (from ONSPD, when loaded), a postcode district, a place name or
/// "lat,lon" (docs/contracts/matching.md §2). Districts and places ship with the app (data/gazetteer, embedded); full postcodes
/// live in the database and are cached once looked up.
/// </summary>
public sealed partial class Gazetteer
{
    private const int MaxCachedPostcodes = 100_000;

    private readonly IDbContextFactory<WaymarkDbContext>? _databases;
    private readonly ConcurrentDictionary<string, PostcodePoint?> _postcodes = new(StringComparer.Ordinal);

    /// <summary>A loaded postcode: its point, and its local authority's GSS code when ONSPD gave one.</summary>
    private sealed record PostcodePoint(double Lat, double Lon, string? AuthorityCode);

    public Gazetteer(IDbContextFactory<WaymarkDbContext>? databases = null)
    {
        _databases = databases;
    }

    public sealed record Entry(string Name, double Latitude, double Longitude, string LocalAuthority)
    {
        /// <summary>Every authority the row names (a district that straddles a boundary names several); <see cref="LocalAuthority"/> is the first.</summary>
        public IReadOnlyList<string> LocalAuthorityNames { get; init; } = [LocalAuthority];
    }

    public static FrozenDictionary<string, Entry> Districts { get; } = LoadCsv("Waymark.Core.gazetteer.outcodes.csv", StringComparer.Ordinal);

    /// <summary>Every named place in England (places.csv).</summary>
    public static PlaceIndex Places => PlaceIndex.England;

    /// <summary>Null when nothing matches, or a place name could be several places: the caller says "unknown place".</summary>
    public async Task<ResolvedPlace?> ResolveAsync(string near, CancellationToken ct = default) =>
        (await LookUpAsync(near, ct)).Place;

    /// <summary>As <see cref="ResolveAsync"/>, and for a place name that did not settle on one place, why not.</summary>
    public async Task<NearLookup> LookUpAsync(string near, CancellationToken ct = default)
    {
        var text = near.Trim();
        if (text.Length == 0 || text.Length > 100)
        {
            return NearLookup.Nowhere;
        }
        if (TryParseCoordinates(text, out var lat, out var lon))
        {
            var nearest = NearestDistrict(lat, lon);
            return NearLookup.Of(new ResolvedPlace(
                string.Create(CultureInfo.InvariantCulture, $"{lat:0.####},{lon:0.####}"), lat, lon, PlacePrecision.Coordinates, nearest?.LocalAuthority)
            {
                Authorities = AuthoritiesOf(nearest),
            });
        }
        if (LooksLikeCoordinates(text))
        {
            return NearLookup.Nowhere;
        }
        var compact = Postcodes.Compact(text);
        if (Postcodes.TryNormalise(compact, out var postcode))
        {
            var outward = compact[..^3];
            Districts.TryGetValue(outward, out var district);
            if (await FindPostcodeAsync(postcode, ct) is { } p)
            {
                // ONSPD names the postcode's own authority; without it, the district's (each, if it straddles).
                var around = district ?? NearestDistrict(p.Lat, p.Lon);
                return NearLookup.Of(LocalAuthorities.Find(p.AuthorityCode) is { } own
                    ? new ResolvedPlace(postcode, p.Lat, p.Lon, PlacePrecision.Postcode, own.Name) { Authorities = [own] }
                    : new ResolvedPlace(postcode, p.Lat, p.Lon, PlacePrecision.Postcode, around?.LocalAuthority) { Authorities = AuthoritiesOf(around) });
            }
            return NearLookup.Of(district is null ? null : FromDistrict(district));
        }
        if (Districts.TryGetValue(compact, out var d))
        {
            return NearLookup.Of(FromDistrict(d));
        }
        var found = Places.Find(text);
        if (found.Place is not { } place)
        {
            return new NearLookup(null, found.Candidates, found.Suggestions);
        }
        // The shortest words that lead back to this place: "Leeds" for the city, "Preston, East Riding of Yorkshire".
        var name = Places.Find(place.Name).Place == place ? place.Name : place.Label;
        return NearLookup.Of(new ResolvedPlace(name, place.Latitude, place.Longitude, PlacePrecision.Place, place.LocalAuthority));
    }

    /// <summary>Great-circle distance in kilometres.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2) =>
        DistanceKm(lat1, lon1, CosOfLatitude(lat1), lat2, lon2, CosOfLatitude(lat2));

    /// <summary>The cosine of a latitude in degrees, as <see cref="DistanceKm(double, double, double, double, double, double)"/> takes it.</summary>
    public static double CosOfLatitude(double latitude) => Math.Cos(double.DegreesToRadians(latitude));

    /// <summary>
    /// As <see cref="DistanceKm(double, double, double, double)"/>, with each latitude's cosine worked out by
    /// <see cref="CosOfLatitude"/> beforehand: the matcher keeps one per location, so a search in range pays for two
    /// sines, a square root and an arcsine per location instead of four trigonometric calls. The same arithmetic in
    /// the same order, so the result is bit-for-bit the same.
    /// </summary>
    public static double DistanceKm(double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2)
    {
        const double EarthRadiusKm = 6371.0088;
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        // Each sine once: the matcher calls this for every location in range.
        var sinHalfLat = Math.Sin(dLat / 2);
        var sinHalfLon = Math.Sin(dLon / 2);
        var a = (sinHalfLat * sinHalfLat) + (cosLat1 * cosLat2 * sinHalfLon * sinHalfLon);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static bool TryParseCoordinates(string text, out double lat, out double lon)
    {
        lat = lon = 0;
        var parts = text.Split(',');
        return parts.Length == 2
            && double.TryParse(parts[0].Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out lat)
            && double.TryParse(parts[1].Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out lon)
            && lat is >= -90 and <= 90
            && lon is >= -180 and <= 180;
    }

    /// <summary>True for a full UK postcode or a postcode district ("S1 2HE", "s12he", "S1").</summary>
    public static bool IsPostcodeShaped(string text) => Postcodes.TryNormalise(text, out _) || Postcodes.IsDistrict(text);

    /// <summary>"lat,lon" that failed to parse or is out of range is not a place name either.</summary>
    public static bool LooksLikeCoordinates(string text) => CoordinatesShape().IsMatch(text);

    public static Entry? NearestDistrict(double lat, double lon, double withinKm = 20)
    {
        Entry? best = null;
        var bestKm = withinKm;
        foreach (var d in Districts.Values)
        {
            var km = DistanceKm(lat, lon, d.Latitude, d.Longitude);
            if (km <= bestKm)
            {
                best = d;
                bestKm = km;
            }
        }
        return best;
    }

    private static ResolvedPlace FromDistrict(Entry d) =>
        new(d.Name, d.Latitude, d.Longitude, PlacePrecision.District, d.LocalAuthority) { Authorities = AuthoritiesOf(d) };

    private static IReadOnlyList<LocalAuthority> AuthoritiesOf(Entry? e) => e is null ? [] : LocalAuthorities.FindAll(e.LocalAuthorityNames);

    private async Task<PostcodePoint?> FindPostcodeAsync(string postcode, CancellationToken ct)
    {
        if (_databases is null)
        {
            return null;
        }
        if (_postcodes.TryGetValue(postcode, out var cached))
        {
            return cached;
        }
        await using var db = await _databases.CreateDbContextAsync(ct);
        var row = await db.GazetteerPostcodes.AsNoTracking()
            .Where(p => p.Postcode == postcode)
            .Select(p => new { p.Latitude, p.Longitude, p.LocalAuthorityCode })
            .FirstOrDefaultAsync(ct);
        var found = row is null ? null : new PostcodePoint(row.Latitude, row.Longitude, row.LocalAuthorityCode);
        if (_postcodes.Count >= MaxCachedPostcodes)
        {
            _postcodes.Clear();
        }
        _postcodes[postcode] = found;
        return found;
    }

    /// <summary>Forgets cached postcodes, e.g. after <c>waymark import onspd</c> loads new ones.</summary>
    public void ClearPostcodeCache() => _postcodes.Clear();

    private static FrozenDictionary<string, Entry> LoadCsv(string resource, StringComparer comparer)
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in Waymark.Core");
        using var reader = new StreamReader(stream);
        var entries = new Dictionary<string, Entry>(comparer);
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            var f = OnspdImporter.SplitCsv(line);
            var authorities = f[3].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            entries[f[0]] = new Entry(
                f[0],
                double.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture),
                authorities[0])
            {
                LocalAuthorityNames = authorities,
            };
        }
        return entries.ToFrozenDictionary(comparer);
    }

    [GeneratedRegex(@"^\s*[-+]?[0-9.]+\s*,\s*[-+]?[0-9.]+\s*$")]
    private static partial Regex CoordinatesShape();
}
