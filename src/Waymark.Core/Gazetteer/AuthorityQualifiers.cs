using System.Collections.Frozen;

namespace Waymark.Core.Gazetteer;

/// <summary>
/// Which lower-tier authorities a qualifier such as "Ryedale", "East Riding" or "Nottinghamshire" names, so that
/// "Newton, Ryedale" or "Preston (East Riding)" can pick one place. Read from local-authorities.csv: a row's name,
/// code or any alias names it; a county names its districts. Only the names place resolution needs — the
/// authority table itself (service areas) is read elsewhere.
/// </summary>
public sealed class AuthorityQualifiers
{
    private readonly FrozenDictionary<string, string[]> _covered;

    private AuthorityQualifiers(FrozenDictionary<string, string[]> covered) => _covered = covered;

    public static AuthorityQualifiers England { get; } = Load();

    /// <summary>The lower-tier authority names the qualifier covers, or null when it names no authority.</summary>
    public IReadOnlyList<string>? Covered(string qualifier) =>
        _covered.TryGetValue(qualifier.Trim(), out var names) ? names : null;

    private static AuthorityQualifiers Load()
    {
        const string Resource = "Waymark.Core.gazetteer.local-authorities.csv";
        using var stream = typeof(AuthorityQualifiers).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded in Waymark.Core");
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine();
        var rows = new List<(string Code, string Name, string Tier, string Parent, string[] Aliases)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var f = OnspdImporter.SplitCsv(line);
            rows.Add((f[0], f[1], f[2], f[3], f[5].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        }
        var covered = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            string[] names = row.Tier == "county"
                ? [.. rows.Where(r => r.Parent == row.Code).Select(r => r.Name)]
                : [row.Name];
            foreach (var key in row.Aliases.Append(row.Name).Append(row.Code))
            {
                covered[key] = names;
            }
        }
        return new AuthorityQualifiers(covered.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase));
    }
}
