namespace Waymark.Core.Screening;

/// <summary>
/// Patterns filed under every word that can start a match, so a word is tried only against the patterns that could
/// begin there. A pattern starting with optional words is filed under those and under what follows them; one starting
/// with a prefix (<c>jump*</c>) under the prefix's first letter; a number or a capitalised word under those. Only a
/// pattern that starts with any word at all is tried everywhere. Each list is a two-level trie (<see cref="PatternList"/>):
/// a pattern whose first two steps are fixed words is also filed under the numbers of its second words, so a common
/// first word ("going", ~1,200 patterns) is tried only against the patterns its next word can continue.
/// </summary>
internal sealed class PatternIndex
{
    /// <summary>The most candidate lists one word can have: its text, its spelling fix, its first letter, a number, a capital, anywhere.</summary>
    public const int MaxLists = 6;

    private readonly Dictionary<string, PatternList> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<char, PatternList> _byFirstLetter = [];
    private readonly PatternList _numberFirst = new();
    private readonly PatternList _capitalFirst = new();
    private readonly PatternList _everywhere = new();

    /// <summary>Files every pattern under the numbers of its second words; call once the lexicon has numbered its words.</summary>
    public void Freeze()
    {
        foreach (var list in _byWord.Values)
        {
            list.Freeze();
        }
        foreach (var list in _byFirstLetter.Values)
        {
            list.Freeze();
        }
        _numberFirst.Freeze();
        _capitalFirst.Freeze();
        _everywhere.Freeze();
    }

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
    public int Candidates(in Token token, string? fuzzy, Span<PatternList?> into)
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

    private static void File<TKey>(Dictionary<TKey, PatternList> index, TKey key, (ScreeningGroup, PatternElement[]) entry)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new PatternList();
        }
        list.Add(entry);
    }
}

/// <summary>
/// The patterns that can start at one word, in the order they were filed (which pattern of a list wins at a place depends
/// on it), with a second level: a pattern that takes this word with a fixed first step and must take the next word with a
/// fixed second step (no prefix, not optional) is filed under each of that step's word numbers, so only the patterns the
/// next word can continue are tried. The rest are always tried.
/// </summary>
internal sealed class PatternList
{
    private readonly List<(ScreeningGroup Group, PatternElement[] Pattern)> _entries = [];
    private int[] _always = [];
    private readonly Dictionary<int, int[]> _byNext = [];
    private readonly Dictionary<int, int[]> _byNextFuzzy = [];

    public int Count => _entries.Count;

    public (ScreeningGroup Group, PatternElement[] Pattern) this[int i] => _entries[i];

    public void Add((ScreeningGroup Group, PatternElement[] Pattern) entry) => _entries.Add(entry);

    public void Freeze()
    {
        var always = new List<int>();
        var byNext = new Dictionary<int, List<int>>();
        var byNextFuzzy = new Dictionary<int, List<int>>();
        for (var i = 0; i < _entries.Count; i++)
        {
            if (SecondStep(_entries[i].Pattern) is not { } second)
            {
                always.Add(i);
                continue;
            }
            foreach (var id in second.WordIds)
            {
                Append(byNext, id, i);
            }
            foreach (var id in second.FuzzyWordIds)
            {
                Append(byNextFuzzy, id, i);
            }
        }
        _always = [.. always];
        _byNext.Clear();
        _byNextFuzzy.Clear();
        foreach (var (id, list) in byNext)
        {
            _byNext[id] = [.. list];
        }
        foreach (var (id, list) in byNextFuzzy)
        {
            _byNextFuzzy[id] = [.. list];
        }
    }

    private static void Append(Dictionary<int, List<int>> index, int id, int entry)
    {
        if (!index.TryGetValue(id, out var list))
        {
            index[id] = list = [];
        }
        if (list.Count == 0 || list[^1] != entry)
        {
            list.Add(entry);
        }
    }

    // The step that must take the word after the first, when the first step must take this word: both fixed words.
    private static PatternElement? SecondStep(PatternElement[] pattern)
    {
        var k = 0;
        while (k < pattern.Length && pattern[k].Kind == ElementKind.ClauseEnd)
        {
            k++;
        }
        if (k + 1 >= pattern.Length)
        {
            return null;
        }
        var (first, second) = (pattern[k], pattern[k + 1]);
        var fixedFirst = first.Kind == ElementKind.Words && !first.Optional;
        var fixedSecond = second.Kind == ElementKind.Words && !second.Optional && second.Prefixes is null && second.Words is not null;
        return fixedFirst && fixedSecond ? second : null;
    }

    /// <summary>
    /// The entries that can match at a word whose next word in the sentence (unmasked) has these numbers (-1 for none),
    /// in filing order, into <paramref name="into"/> (cleared first).
    /// </summary>
    public void Select(int nextId, int nextFuzzyId, List<int> into)
    {
        into.Clear();
        var a = _always;
        var b = nextId >= 0 && _byNext.TryGetValue(nextId, out var byId) ? byId : [];
        var c = nextFuzzyId >= 0 && _byNextFuzzy.TryGetValue(nextFuzzyId, out var byFuzzy) ? byFuzzy : [];
        int i = 0, j = 0, k = 0;
        while (i < a.Length || j < b.Length || k < c.Length)
        {
            var next = Math.Min(i < a.Length ? a[i] : int.MaxValue, Math.Min(j < b.Length ? b[j] : int.MaxValue, k < c.Length ? c[k] : int.MaxValue));
            into.Add(next);
            if (i < a.Length && a[i] == next)
            {
                i++;
            }
            if (j < b.Length && b[j] == next)
            {
                j++;
            }
            if (k < c.Length && c[k] == next)
            {
                k++;
            }
        }
    }
}
