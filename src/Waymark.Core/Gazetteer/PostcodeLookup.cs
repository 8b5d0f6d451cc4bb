using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Gazetteer;

/// <summary>Where a postcode was placed, and how precisely: <c>postcode</c> (a full postcode) or <c>district</c> (its outward code).</summary>
public sealed record PostcodePlace(string Name, double Latitude, double Longitude, string Precision);

/// <summary>
/// A small postcode geocoder for the ORUK API: a full postcode from the <c>gazetteer_postcode</c> table,
/// otherwise its district from <c>data/gazetteer/outcodes.csv</c> (CONTRACTS.md §2: a full postcode not in the
/// gazetteer falls back to its district). Kept deliberately small so it can be folded into a fuller gazetteer.
/// </summary>
public sealed partial class PostcodeLookup
{
    public const string DefaultFile = "gazetteer/outcodes.csv";

    private readonly FrozenDictionary<string, (double Lat, double Lon)> _districts;

    public PostcodeLookup(string outcodesCsv)
    {
        var districts = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(outcodesCsv).Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length >= 3
                && double.TryParse(cells[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                districts[cells[0].Trim().ToUpperInvariant()] = (lat, lon);
            }
        }
        _districts = districts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The outward codes file that ships next to the assembly.</summary>
    public static PostcodeLookup FromShippedFile() => new(Path.Combine(AppContext.BaseDirectory, DefaultFile));

    /// <summary>True when the text has the shape of a UK postcode or postcode district.</summary>
    public static bool IsPostcodeShaped(string text) => Normalise(text) is not null;

    /// <summary>"s12he" → ("S1", "2HE"); "S1" → ("S1", null); anything else → null.</summary>
    public static (string Outward, string? Inward)? Normalise(string text)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var full = FullPostcode().Match(compact);
        if (full.Success)
        {
            return (full.Groups[1].Value, full.Groups[2].Value);
        }
        return Outward().IsMatch(compact) ? (compact, null) : null;
    }

    public async Task<PostcodePlace?> FindAsync(WaymarkDbContext db, string text, CancellationToken ct = default)
    {
        if (Normalise(text) is not var (outward, inward))
        {
            return null;
        }
        if (inward is not null)
        {
            var postcode = $"{outward} {inward}";
            var exact = await db.GazetteerPostcodes.AsNoTracking().Where(p => p.Postcode == postcode).FirstOrDefaultAsync(ct);
            if (exact is not null)
            {
                return new PostcodePlace(postcode, exact.Latitude, exact.Longitude, "postcode");
            }
        }
        return _districts.TryGetValue(outward, out var d) ? new PostcodePlace(outward, d.Lat, d.Lon, "district") : null;
    }

    [GeneratedRegex("^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")]
    private static partial Regex FullPostcode();

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?$")]
    private static partial Regex Outward();
}

public static class GeoDistance
{
    private const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Great-circle distance in metres (haversine), plenty for "within N km" in England.</summary>
    public static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusMetres * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
