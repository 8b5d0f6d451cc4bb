using System.Globalization;
using System.Text;

namespace Waymark.Core.Gazetteer;

/// <summary>
/// Every named place in England (data/gazetteer/places.csv, from OS Open Names) and how a typed name becomes one of
/// them. Names repeat (36 places are called Newton), so a name may give one place, several to choose from, or none
/// (then the closest names instead). See docs/adr for why a bare name that is also a city or a town means that one.
/// </summary>
public sealed class PlaceIndex
{
    private sealed record Row(string Name, string Key, double Lat, double Lon, string La, PlaceKind Kind);

    /// <summary>How many closest names an unknown name gets.</summary>
    public const int MaxSuggestions = 5;

    // Plain dictionaries: a FrozenDictionary reads a little faster but took longer to build than the reads it saves.
    private readonly Dictionary<string, GazetteerPlace[]> _byKey;
    private readonly Dictionary<string, GazetteerPlace> _byLabel;

    // Distinct keys with their best place's name and kind, for suggestions; one flat array, scanned in a few ms.
    private readonly (string Key, string Name, PlaceKind Kind)[] _names;

    public PlaceIndex(IEnumerable<(string Name, double Latitude, double Longitude, string LocalAuthority, PlaceKind Kind)> rows)
    {
        var byKey = new Dictionary<string, List<Row>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var key = Key(r.Name);
            if (!byKey.TryGetValue(key, out var list))
            {
                byKey[key] = list = [];
            }
            list.Add(new Row(r.Name, key, r.Latitude, r.Longitude, r.LocalAuthority, r.Kind));
        }

        var towns = byKey.Values.SelectMany(v => v).Where(p => p.Kind >= PlaceKind.Town).ToArray();
        var places = new Dictionary<string, GazetteerPlace[]>(byKey.Count, StringComparer.Ordinal);
        var labels = new Dictionary<string, GazetteerPlace>(StringComparer.Ordinal);
        var nearest = new Dictionary<Row, Row>(ReferenceEqualityComparer.Instance);
        Row TownNear(Row p) => nearest.TryGetValue(p, out var t) ? t : nearest[p] = NearestTown(towns, p);
        foreach (var (key, list) in byKey)
        {
            if (list.Count == 1)
            {
                var only = list[0];
                var single = new GazetteerPlace(only.Name, only.Lat, only.Lon, only.La, only.Kind, only.Name);
                labels[key] = single;
                places[key] = [single];
                continue;
            }
            var built = new List<GazetteerPlace>(list.Count);
            var ordered = list.OrderByDescending(p => p.Kind).ThenBy(p => p.La, StringComparer.Ordinal).ToList();
            var words = ordered.Select(p => Qualifier(p, list, TownNear)).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var p = ordered[i];
                var label = words[i] is { } w ? $"{p.Name}, {w}" : p.Name;
                // Still the same words for two places (none in the shipped data): the bigger one keeps them.
                if (labels.ContainsKey(Key(label)))
                {
                    continue;
                }
                var place = new GazetteerPlace(p.Name, p.Lat, p.Lon, p.La, p.Kind, label);
                labels[Key(label)] = place;
                built.Add(place);
            }
            places[key] = [.. built];
        }
        _byKey = places;
        _byLabel = labels;
        _names = [.. _byKey.Select(kv => (kv.Key, kv.Value[0].Name, kv.Value[0].Kind)).OrderBy(n => n.Key, StringComparer.Ordinal)];
    }

    public static PlaceIndex England { get; } = new(Read("Waymark.Core.gazetteer.places.csv"));

    public int Count => _byLabel.Count;

    public IEnumerable<GazetteerPlace> All() => _byLabel.Values;

    /// <summary>
    /// A place name, perhaps qualified ("Newton, Ryedale", "Preston (East Riding)", "Newton, near Chester, Cheshire
    /// West and Chester"), to one place, the places it could be, or the closest names.
    /// </summary>
    public PlaceLookup Find(string text)
    {
        var key = Key(text);
        if (key.Length == 0)
        {
            return new PlaceLookup(null, [], []);
        }
        if (_byLabel.TryGetValue(key, out var exact))
        {
            return PlaceLookup.Found(exact);
        }
        if (_byKey.TryGetValue(key, out var all))
        {
            return Choose(all);
        }
        if (Qualified(text) is { } q)
        {
            return q;
        }
        return new PlaceLookup(null, [], Suggest(key));
    }

    /// <summary>
    /// One of several places with the same name, when one plainly stands out: the only city, or (with no city) the
    /// only town. "Leeds" is the city, not the village in Kent; two Newtons that are both villages are asked about.
    /// </summary>
    private static PlaceLookup Choose(GazetteerPlace[] places)
    {
        if (places.Length == 1)
        {
            return PlaceLookup.Found(places[0]);
        }
        var biggest = places[0].Kind;
        if (biggest >= PlaceKind.Town && places[1].Kind < biggest)
        {
            return PlaceLookup.Found(places[0]);
        }
        return new PlaceLookup(null, places, []);
    }

    /// <summary>
    /// "Name, Qualifier" or "Name (Qualifier)" where the qualifier names an authority (by name, code or alias, as
    /// <see cref="LocalAuthorities"/> reads them); a county names its districts.
    /// </summary>
    private PlaceLookup? Qualified(string text)
    {
        var trimmed = text.Trim();
        var splits = new List<(string Name, string Qualifier)>();
        if (trimmed.EndsWith(')') && trimmed.LastIndexOf('(') is > 0 and var open)
        {
            splits.Add((trimmed[..open], trimmed[(open + 1)..^1]));
        }
        // Authority names can hold a comma ("Bournemouth, Christchurch and Poole"): try each comma.
        for (var i = trimmed.IndexOf(','); i > 0; i = trimmed.IndexOf(',', i + 1))
        {
            splits.Add((trimmed[..i], trimmed[(i + 1)..]));
        }
        foreach (var (name, qualifier) in splits)
        {
            if (LocalAuthorities.Find(qualifier) is not { } authority || !_byKey.TryGetValue(Key(name), out var all))
            {
                continue;
            }
            var inside = all.Where(p => LocalAuthorities.Find(p.LocalAuthority) is { } own && authority.Covers(own)).ToArray();
            return inside.Length switch
            {
                1 => PlaceLookup.Found(inside[0]),
                0 => all.Length == 1 ? new PlaceLookup(null, [], [all[0].Label]) : new PlaceLookup(null, all, []),
                _ => Choose(inside),
            };
        }
        return null;
    }

    /// <summary>The closest known names: a few letters different, or the start of a longer name; bigger places first.</summary>
    public IReadOnlyList<string> Suggest(string key)
    {
        if (key.Length < 3)
        {
            return [];
        }
        var allowed = key.Length <= 4 ? 1 : key.Length <= 8 ? 2 : 3;
        var found = new List<(int Distance, PlaceKind Kind, string Name)>();
        foreach (var (candidate, name, kind) in _names)
        {
            if (key.Length >= 4 && candidate.Length > key.Length && candidate.StartsWith(key, StringComparison.Ordinal))
            {
                found.Add((1, kind, name));
                continue;
            }
            // People seldom get the first letter wrong: a name that starts differently may be one edit away, no more.
            // That also keeps the scan to a few milliseconds.
            var limit = candidate[0] == key[0] ? allowed : 1;
            if (Math.Abs(candidate.Length - key.Length) > limit)
            {
                continue;
            }
            var d = Distance(key, candidate, limit);
            if (d <= limit)
            {
                found.Add((d, kind, name));
            }
        }
        return [.. found
            .OrderBy(f => f.Distance)
            .ThenByDescending(f => f.Kind)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.Name)
            .Take(MaxSuggestions)];
    }

    /// <summary>
    /// Edit distance with adjacent swaps (optimal string alignment), giving up past <paramref name="limit"/>:
    /// "Kettlewel", "Ketlewell" and "Kettelwell" are each one edit from "Kettlewell".
    /// </summary>
    public static int Distance(string a, string b, int limit)
    {
        var n = b.Length;
        Span<int> before = stackalloc int[n + 1];
        Span<int> previous = stackalloc int[n + 1];
        Span<int> current = stackalloc int[n + 1];
        for (var j = 0; j <= n; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = i;
            for (var j = 1; j <= n; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowBest = Math.Min(rowBest, d);
            }
            if (rowBest > limit)
            {
                return limit + 1;
            }
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return previous[n];
    }

    /// <summary>
    /// How names are compared: case, hyphens, full stops, apostrophes and extra spaces aside, and "&amp;" as "and"
    /// ("stockton on tees" is "Stockton-on-Tees", "St Ives" is "St. Ives", "Kings Lynn" is "King's Lynn").
    /// </summary>
    public static string Key(string name)
    {
        var s = new StringBuilder(name.Length);
        var space = true;
        foreach (var c in name)
        {
            if (c is '\'' or '\u2019' or '.')
            {
                continue;
            }
            if (c == '&')
            {
                if (!space)
                {
                    s.Append(' ');
                }
                s.Append("and ");
                space = true;
                continue;
            }
            if (char.IsWhiteSpace(c) || c == '-')
            {
                if (!space)
                {
                    s.Append(' ');
                    space = true;
                }
                continue;
            }
            s.Append(char.ToLowerInvariant(c));
            space = false;
        }
        if (s.Length > 0 && s[^1] == ' ')
        {
            s.Length--;
        }
        return s.ToString();
    }

    /// <summary>
    /// What tells a place apart from others of its name, or null when it has the name to itself: its council;
    /// then the nearest town; then which way from that town; then how far.
    /// </summary>
    private static string? Qualifier(Row p, List<Row> sameName, Func<Row, Row> townNear)
    {
        if (sameName.Count == 1)
        {
            return null;
        }
        var sameCouncil = sameName.Where(o => o.La == p.La).ToList();
        if (sameCouncil.Count == 1)
        {
            return p.La;
        }
        var town = townNear(p);
        var sameTown = sameCouncil.Where(o => townNear(o) == town).ToList();
        if (sameTown.Count == 1)
        {
            return $"near {town.Name}, {p.La}";
        }
        var way = Compass(town, p.Lat, p.Lon);
        if (sameTown.Count(o => Compass(town, o.Lat, o.Lon) == way) == 1)
        {
            return $"{way} of {town.Name}, {p.La}";
        }
        var km = Math.Max(1, (int)Math.Round(Gazetteer.DistanceKm(town.Lat, town.Lon, p.Lat, p.Lon)));
        return string.Create(CultureInfo.InvariantCulture, $"{km} km {way} of {town.Name}, {p.La}");
    }

    private static Row NearestTown(Row[] towns, Row p)
    {
        var (lat, lon) = (p.Lat, p.Lon);
        // Flat-earth distance is plenty to pick the nearest town; the cosine squeezes longitude at England's latitude.
        var cos = Math.Cos(double.DegreesToRadians(lat));
        var best = towns[0];
        var bestD = double.MaxValue;
        foreach (var t in towns)
        {
            var dLat = t.Lat - lat;
            var dLon = (t.Lon - lon) * cos;
            var d = (dLat * dLat) + (dLon * dLon);
            if (d < bestD && t.Key != p.Key)
            {
                best = t;
                bestD = d;
            }
        }
        return best;
    }

    private static string Compass(Row from, double lat, double lon)
    {
        var east = (lon - from.Lon) * Math.Cos(double.DegreesToRadians(lat));
        var bearing = (double.RadiansToDegrees(Math.Atan2(east, lat - from.Lat)) + 360) % 360;
        return ((int)((bearing + 22.5) / 45) % 8) switch
        {
            0 => "north",
            1 => "north-east",
            2 => "east",
            3 => "south-east",
            4 => "south",
            5 => "south-west",
            6 => "west",
            _ => "north-west",
        };
    }

    private static IEnumerable<(string Name, double Latitude, double Longitude, string LocalAuthority, PlaceKind Kind)> Read(string resource)
    {
        using var stream = typeof(PlaceIndex).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in Waymark.Core");
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var f = OnspdImporter.SplitCsv(line);
            yield return (
                f[0],
                double.Parse(f[1], CultureInfo.InvariantCulture),
                double.Parse(f[2], CultureInfo.InvariantCulture),
                f[3],
                f[4] switch
                {
                    "city" => PlaceKind.City,
                    "town" => PlaceKind.Town,
                    "village" => PlaceKind.Village,
                    "suburb" => PlaceKind.Suburb,
                    "hamlet" => PlaceKind.Hamlet,
                    "settlement" => PlaceKind.Settlement,
                    _ => throw new InvalidDataException($"{resource}: unknown kind '{f[4]}' for {f[0]}"),
                });
        }
    }
}
