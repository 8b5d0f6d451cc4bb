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

    /// <summary>
    /// Files every pattern under the numbers of its second words, and notes the steps it needs (<see cref="RequiredSteps"/>);
    /// call once the lexicon has numbered its words.
    /// </summary>
    public void Freeze(RequiredSteps required)
    {
        foreach (var list in _byWord.Values)
        {
            list.Freeze(required);
        }
        foreach (var list in _byFirstLetter.Values)
        {
            list.Freeze(required);
        }
        _numberFirst.Freeze(required);
        _capitalFirst.Freeze(required);
        _everywhere.Freeze(required);
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

    // Per entry, the numbers of the steps it cannot match without (RequiredSteps).
    private int[][] _needs = [];

    public int Count => _entries.Count;

    public (ScreeningGroup Group, PatternElement[] Pattern) this[int i] => _entries[i];

    public void Add((ScreeningGroup Group, PatternElement[] Pattern) entry) => _entries.Add(entry);

    public void Freeze(RequiredSteps required)
    {
        _needs = [.. _entries.Select(e => required.Needs(e.Pattern))];
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
    /// in filing order, into <paramref name="into"/> (cleared first). With <paramref name="present"/> (the steps some word
    /// of the post can take, <see cref="RequiredSteps.Present"/>), an entry that needs a step no word can take is left out.
    /// </summary>
    public void Select(int nextId, int nextFuzzyId, ulong[]? present, List<int> into)
    {
        into.Clear();
        var a = _always;
        var b = nextId >= 0 && _byNext.TryGetValue(nextId, out var byId) ? byId : [];
        var c = nextFuzzyId >= 0 && _byNextFuzzy.TryGetValue(nextFuzzyId, out var byFuzzy) ? byFuzzy : [];
        int i = 0, j = 0, k = 0;
        while (i < a.Length || j < b.Length || k < c.Length)
        {
            var next = Math.Min(i < a.Length ? a[i] : int.MaxValue, Math.Min(j < b.Length ? b[j] : int.MaxValue, k < c.Length ? c[k] : int.MaxValue));
            if (present is null || RequiredSteps.AllPresent(_needs[next], present))
            {
                into.Add(next);
            }
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

/// <summary>
/// The fixed-word steps that patterns cannot match without, numbered by the words they take (two steps with the same words
/// share a number), so that each post says once which of them some word of it could take (<see cref="Present"/>) and a
/// pattern needing a step no word of the post can take is never walked. It holds for any lexicon: a word step without
/// prefixes takes a word only when the word's number, or its spelling fix's, is one of the step's, and a pattern is a
/// sequence, so every step that is not optional must take some word of the post. Masking and sentence bounds only
/// narrow what a step may take, so a step judged absent from the whole post cannot match anywhere in it.
/// </summary>
internal sealed class RequiredSteps
{
    private readonly Dictionary<string, int> _byWords = new(StringComparer.Ordinal);
    private readonly List<int[]> _words = [];
    private int[][] _stepsOfWord = [];

    /// <summary>How many different steps are numbered.</summary>
    public int Count => _words.Count;

    /// <summary>The numbers of the steps this pattern cannot match without: each word step that is not optional and has no prefix.</summary>
    public int[] Needs(PatternElement[] pattern)
    {
        var needs = new List<int>();
        foreach (var e in pattern)
        {
            if (e.Kind != ElementKind.Words || e.Optional || e.Prefixes is not null || e.Words is null || e.WordIds.Length < e.Words.Count)
            {
                continue;
            }
            var ids = e.WordIds.Concat(e.FuzzyWordIds).Distinct().Order().ToArray();
            if (ids.Length == 0)
            {
                continue;
            }
            var name = string.Join(',', ids);
            if (!_byWords.TryGetValue(name, out var step))
            {
                _byWords[name] = step = _words.Count;
                _words.Add(ids);
            }
            if (!needs.Contains(step))
            {
                needs.Add(step);
            }
        }
        return [.. needs];
    }

    /// <summary>Files each numbered step under its words; call after every pattern has said what it needs.</summary>
    public void Freeze()
    {
        var max = _words.Count == 0 ? -1 : _words.Max(w => w[^1]);
        var byWord = new List<int>?[max + 1];
        for (var step = 0; step < _words.Count; step++)
        {
            foreach (var id in _words[step])
            {
                (byWord[id] ??= []).Add(step);
            }
        }
        _stepsOfWord = [.. byWord.Select(l => l is null ? [] : l.ToArray())];
    }

    /// <summary>The steps some word of a post can take, as bits, from its words' numbers and their spelling fixes' (-1 for none).</summary>
    public ulong[] Present(int[] ids, int[] fuzzyIds)
    {
        var present = new ulong[(Count + 63) >> 6];
        Mark(ids, present);
        Mark(fuzzyIds, present);
        return present;
    }

    private void Mark(int[] ids, ulong[] present)
    {
        foreach (var id in ids)
        {
            if ((uint)id < (uint)_stepsOfWord.Length)
            {
                foreach (var step in _stepsOfWord[id])
                {
                    present[step >> 6] |= 1UL << step;
                }
            }
        }
    }

    public static bool AllPresent(int[] needs, ulong[] present)
    {
        foreach (var step in needs)
        {
            if ((present[step >> 6] & (1UL << step)) == 0)
            {
                return false;
            }
        }
        return true;
    }
}
