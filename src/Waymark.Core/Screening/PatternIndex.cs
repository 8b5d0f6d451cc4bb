namespace Waymark.Core.Screening;

/// <summary>
/// Patterns filed under every word that can start a match, so a word is tried only against the patterns that could
/// begin there. A pattern starting with optional words is filed under those and under what follows them; one starting
/// with a prefix (<c>jump*</c>) under the prefix's first letter; a number or a capitalised word under those. Only a
/// pattern that starts with any word at all is tried everywhere.
/// </summary>
internal sealed class PatternIndex
{
    /// <summary>The most candidate lists one word can have: its text, its spelling fix, its first letter, a number, a capital, anywhere.</summary>
    public const int MaxLists = 6;

    private readonly Dictionary<string, List<(ScreeningGroup Group, PatternElement[] Pattern)>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<char, List<(ScreeningGroup Group, PatternElement[] Pattern)>> _byFirstLetter = [];
    private readonly List<(ScreeningGroup Group, PatternElement[] Pattern)> _numberFirst = [];
    private readonly List<(ScreeningGroup Group, PatternElement[] Pattern)> _capitalFirst = [];
    private readonly List<(ScreeningGroup Group, PatternElement[] Pattern)> _everywhere = [];

    public bool IsEmpty { get; private set; } = true;

    public void Add(ScreeningGroup group, PatternElement[] pattern)
    {
        IsEmpty = false;
        if (!FileByStart((group, pattern)))
        {
            _everywhere.Add((group, pattern));
        }
    }

    // Files the pattern under each word, first letter, number or capital its first words can be; false when one of them
    // could be any word.
    private bool FileByStart((ScreeningGroup Group, PatternElement[] Pattern) entry)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var letters = new HashSet<char>();
        bool number = false, capital = false, required = false;
        foreach (var e in entry.Pattern)
        {
            switch (e.Kind)
            {
                case ElementKind.Number:
                    number = true;
                    break;
                case ElementKind.Capitalised:
                    capital = true;
                    break;
                case ElementKind.ClauseEnd:
                    // "$" first anchors the pattern at the start of a clause and takes no word: file it under what follows.
                    continue;
                case ElementKind.Words when e.Prefixes is null || e.Prefixes.All(p => p.Length > 0):
                    words.UnionWith(e.Words!);
                    words.UnionWith(e.FuzzyWords ?? []);
                    letters.UnionWith(e.Prefixes?.Select(p => p[0]) ?? []);
                    break;
                default:
                    return false;
            }
            if (!e.Optional)
            {
                required = true;
                break;
            }
        }
        if (!required)
        {
            return false;
        }
        foreach (var w in words)
        {
            File(_byWord, w, entry);
        }
        foreach (var c in letters)
        {
            File(_byFirstLetter, c, entry);
        }
        if (number)
        {
            _numberFirst.Add(entry);
        }
        if (capital)
        {
            _capitalFirst.Add(entry);
        }
        return true;
    }

    /// <summary>Fills <paramref name="into"/> with the lists of patterns that could start at this word; returns how many.</summary>
    public int Candidates(in Token token, string? fuzzy, Span<List<(ScreeningGroup Group, PatternElement[] Pattern)>?> into)
    {
        var n = 0;
        if (_byWord.TryGetValue(token.Text, out var byText))
        {
            into[n++] = byText;
        }
        if (fuzzy is not null && _byWord.TryGetValue(fuzzy, out var byFuzzy))
        {
            into[n++] = byFuzzy;
        }
        if (token.Text.Length > 0 && _byFirstLetter.TryGetValue(token.Text[0], out var byLetter))
        {
            into[n++] = byLetter;
        }
        if (token.Number is not null && _numberFirst.Count > 0)
        {
            into[n++] = _numberFirst;
        }
        if (token.Capitalised && _capitalFirst.Count > 0)
        {
            into[n++] = _capitalFirst;
        }
        if (_everywhere.Count > 0)
        {
            into[n++] = _everywhere;
        }
        return n;
    }

    private static void File<TKey>(Dictionary<TKey, List<(ScreeningGroup, PatternElement[])>> index, TKey key, (ScreeningGroup, PatternElement[]) entry)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(entry);
    }
}
