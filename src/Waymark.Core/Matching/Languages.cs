using System.Collections.Frozen;

namespace Waymark.Core.Matching;

/// <summary>ISO 639-1 language codes (data/iso-639-1.csv, embedded), with English names for reasons.</summary>
public static class Languages
{
    public static FrozenDictionary<string, string> NamesByCode { get; } = Load();

    public const string English = "en";

    public static bool IsIso6391(string code) => NamesByCode.ContainsKey(code);

    /// <summary>Two lower-case letters packed into 16 bits; 0 when the text does not start with a language code.</summary>
    public static ushort Pack(string? code)
    {
        if (code is null || code.Length < 2 || !char.IsAsciiLetter(code[0]) || !char.IsAsciiLetter(code[1])
            || (code.Length > 2 && code[2] is not ('-' or '_')))
        {
            return 0;
        }
        return (ushort)((char.ToLowerInvariant(code[0]) << 8) | char.ToLowerInvariant(code[1]));
    }

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(Languages).Assembly.GetManifestResourceStream("Waymark.Core.iso-639-1.csv")
            ?? throw new InvalidOperationException("iso-639-1.csv is not embedded in Waymark.Core");
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            names[line[..comma]] = line[(comma + 1)..];
        }
        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
