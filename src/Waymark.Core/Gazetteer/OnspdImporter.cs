using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Gazetteer;

public sealed record OnspdResult(int Imported, int Skipped);

/// <summary>
/// Loads the ONS Postcode Directory (or any CSV with its <c>pcds</c>, <c>lat</c> and <c>long</c> columns, found
/// by name) into the gazetteer, in one transaction. Terminated postcodes (a <c>doterm</c> date) and postcodes
/// without a grid reference (ONSPD writes latitude 99.999999) are skipped. Each postcode's local authority district
/// comes from <c>oslaua</c> (ONSPD), <c>laua</c> (NSPL) or a <c>ladNNcd</c> column (newer releases), when there is one.
/// A value there that is not a GSS code refuses the whole file, naming each line.
/// </summary>
public sealed class OnspdImporter(WaymarkDbContext db)
{
    public async Task<OnspdResult> ImportAsync(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            throw new FormatException($"no such file: {path}");
        }
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        var header = await reader.ReadLineAsync(ct) ?? throw new FormatException($"{path} is empty");
        var names = SplitCsv(header).Select(h => h.Trim().ToLowerInvariant()).ToList();
        int Column(string name) => names.IndexOf(name);
        var (pcds, lat, lon, doterm) = (Column("pcds"), Column("lat"), Column("long"), Column("doterm"));
        var authority = AuthorityColumn(names);
        var missing = new[] { ("pcds", pcds), ("lat", lat), ("long", lon) }.Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"{path}: the header has no {string.Join(", ", missing)} column (found: {string.Join(",", names.Take(12))})");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = new HashSet<string>(await db.GazetteerPostcodes.Select(p => p.Postcode).ToListAsync(ct), StringComparer.Ordinal);
        var writer = new BulkWriter(db);
        var inserts = new List<GazetteerPostcode>();
        var updates = new List<GazetteerPostcode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var bad = new List<string>(); // the first 20, named
        int imported = 0, skipped = 0, badCount = 0, line = 1;
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }
            var fields = SplitCsv(text);
            var postcode = fields.Count > pcds ? Normalise(fields[pcds]) : null;
            var terminated = doterm >= 0 && fields.Count > doterm && !string.IsNullOrWhiteSpace(fields[doterm]);
            if (postcode is null || terminated
                || fields.Count <= Math.Max(lat, lon)
                || !double.TryParse(fields[lat], NumberStyles.Float, CultureInfo.InvariantCulture, out var latitude)
                || !double.TryParse(fields[lon], NumberStyles.Float, CultureInfo.InvariantCulture, out var longitude)
                || latitude is > 90 or < -90 || longitude is > 180 or < -180
                || !seen.Add(postcode))
            {
                skipped++;
                continue;
            }
            if (!TryAuthorityCode(fields, authority, out var code))
            {
                if (++badCount <= 20)
                {
                    bad.Add($"line {line}: {names[authority]} '{fields[authority].Trim()}' is not a GSS code (a letter and 8 digits)");
                }
                continue;
            }
            if (badCount > 0)
            {
                continue; // nothing will be written: only look for more bad lines
            }
            var row = new GazetteerPostcode { Postcode = postcode, Latitude = latitude, Longitude = longitude, LocalAuthorityCode = code };
            (existing.Contains(postcode) ? updates : inserts).Add(row);
            imported++;
            if (inserts.Count + updates.Count >= 5000)
            {
                await FlushAsync();
            }
        }
        // A wrong authority would put people outside the services meant for them: a file with one is refused whole.
        if (badCount > 0)
        {
            var more = badCount > bad.Count ? $"; and {badCount - bad.Count} more" : "";
            throw new FormatException($"{path}: nothing imported, {badCount} postcodes have a bad local authority code: {string.Join("; ", bad)}{more}");
        }
        await FlushAsync();
        await tx.CommitAsync(ct);
        return new OnspdResult(imported, skipped);

        async Task FlushAsync()
        {
            await writer.InsertAsync(inserts, ct);
            await writer.UpdateAsync(updates, ct);
            inserts.Clear();
            updates.Clear();
        }
    }

    private static int AuthorityColumn(List<string> names)
    {
        foreach (var name in (string[])["oslaua", "laua"])
        {
            if (names.IndexOf(name) is var i and >= 0)
            {
                return i;
            }
        }
        // Newer releases name the column after the boundaries' year: lad23cd, lad24cd, lad25cd...
        return names.FindIndex(n => n.Length == 7 && n.StartsWith("lad", StringComparison.Ordinal) && n.EndsWith("cd", StringComparison.Ordinal)
            && char.IsAsciiDigit(n[3]) && char.IsAsciiDigit(n[4]));
    }

    /// <summary>
    /// The postcode's GSS code (a letter and 8 digits), null when the file has no authority column or leaves it empty or
    /// writes a pseudo-code for "none" (<c>E99999999</c>); false when it holds anything else.
    /// </summary>
    private static bool TryAuthorityCode(List<string> fields, int column, out string? code)
    {
        code = null;
        if (column < 0 || column >= fields.Count || fields[column].Trim() is not { Length: > 0 } text)
        {
            return true;
        }
        var upper = text.ToUpperInvariant();
        if (upper.Length != 9 || !char.IsAsciiLetter(upper[0]) || !upper.Skip(1).All(char.IsAsciiDigit))
        {
            return false;
        }
        code = upper.EndsWith("99999999", StringComparison.Ordinal) ? null : upper;
        return true;
    }

    /// <summary>"s12he", "S1  2HE" → "S1 2HE"; null when it cannot be a UK postcode.</summary>
    public static string? Normalise(string raw)
    {
        var compact = new string([.. raw.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
        if (compact.Length is < 5 or > 7 || !char.IsDigit(compact[^3]))
        {
            return null;
        }
        return $"{compact[..^3]} {compact[^3..]}";
    }

    /// <summary>One CSV line: commas, fields optionally in double quotes with "" for a quote.</summary>
    internal static List<string> SplitCsv(string line)
    {
        if (!line.Contains('"', StringComparison.Ordinal))
        {
            return [.. line.Split(',')];
        }
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
