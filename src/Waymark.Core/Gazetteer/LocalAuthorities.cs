using System.Collections.Frozen;
using System.Globalization;

namespace Waymark.Core.Gazetteer;

/// <summary>
/// The local authority table (<c>data/gazetteer/local-authorities.csv</c>, embedded): an authority by its GSS code,
/// its name or any alias (old codes, the ONS name, short names), case-insensitively; and which county a district lies in.
/// </summary>
public static class LocalAuthorities
{
    public const string Resource = "Waymark.Core.gazetteer.local-authorities.csv";

    private static readonly Table Loaded = LoadEmbedded();

    public static IReadOnlyList<LocalAuthority> All => Loaded.All;

    /// <summary>The authority a code, name or alias stands for; null when none does.</summary>
    public static LocalAuthority? Find(string? nameCodeOrAlias) =>
        nameCodeOrAlias is { } text && Loaded.ByKey.TryGetValue(text.Trim(), out var found) ? found : null;

    /// <summary>The authorities these names stand for, in order, each once; names the table does not know are left out.</summary>
    public static IReadOnlyList<LocalAuthority> FindAll(IEnumerable<string> names)
    {
        var found = new List<LocalAuthority>();
        foreach (var name in names)
        {
            if (Find(name) is { } a && !found.Contains(a))
            {
                found.Add(a);
            }
        }
        return found;
    }

    /// <summary>Reads a table in the agreed format, or throws a <see cref="FormatException"/> naming the line at fault.</summary>
    public static IReadOnlyList<LocalAuthority> Parse(TextReader reader) => Read(reader).All;

    private static Table LoadEmbedded()
    {
        using var stream = typeof(LocalAuthorities).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded in Waymark.Core");
        using var reader = new StreamReader(stream);
        return Read(reader);
    }

    private sealed record Table(IReadOnlyList<LocalAuthority> All, FrozenDictionary<string, LocalAuthority> ByKey);

    private static Table Read(TextReader reader)
    {
        const string Header = "code,name,tier,parent_code,region,aliases";
        if (reader.ReadLine()?.Trim() != Header)
        {
            throw new FormatException($"local authorities: the first line must be '{Header}'");
        }
        var all = new List<LocalAuthority>();
        var byKey = new Dictionary<string, LocalAuthority>(StringComparer.OrdinalIgnoreCase);
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var f = OnspdImporter.SplitCsv(text);
            if (f.Count != 6)
            {
                throw new FormatException($"local authorities line {line}: expected 6 fields, found {f.Count}");
            }
            var tier = f[2].Trim() switch
            {
                "unitary" => AuthorityTier.Unitary,
                "district" => AuthorityTier.District,
                "metropolitan-district" => AuthorityTier.MetropolitanDistrict,
                "london-borough" => AuthorityTier.LondonBorough,
                "county" => AuthorityTier.County,
                var other => throw new FormatException($"local authorities line {line}: unknown tier '{other}'"),
            };
            var parent = f[3].Trim();
            if ((tier == AuthorityTier.District) != (parent.Length > 0))
            {
                throw new FormatException($"local authorities line {line}: a district, and only a district, has a parent_code");
            }
            var aliases = f[5].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var authority = new LocalAuthority(all.Count, f[0].Trim(), f[1].Trim(), tier, parent.Length > 0 ? parent : null, f[4].Trim(), aliases);
            foreach (var key in aliases.Prepend(authority.Name).Prepend(authority.Code))
            {
                if (!byKey.TryAdd(key, authority) && !ReferenceEquals(byKey[key], authority))
                {
                    throw new FormatException($"local authorities line {line}: '{key}' already stands for {byKey[key].Name}");
                }
            }
            all.Add(authority);
        }
        foreach (var a in all.Where(a => a.ParentCode is not null))
        {
            a.Parent = all.FirstOrDefault(p => p.Code == a.ParentCode && p.Tier == AuthorityTier.County)
                ?? throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"local authorities: {a.Name}'s parent_code {a.ParentCode} is not a county in the table"));
        }
        return new Table(all, byKey.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }
}
