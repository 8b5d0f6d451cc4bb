namespace Waymark.Core.Screening;

internal enum ElementKind
{
    /// <summary>One word from a set: exact words, misspellings within one edit of a <c>~word</c>, or a <c>prefix*</c>.</summary>
    Words,

    /// <summary><c>#</c> or <c>#5+</c>: a number, in digits or words, at least the minimum.</summary>
    Number,

    /// <summary><c>_</c>: any one word.</summary>
    Any,

    /// <summary><c>^_</c>: any one word written with a capital letter, not at the start of a sentence.</summary>
    Capitalised,

    /// <summary><c>..N</c>: up to N words of anything, inside the sentence.</summary>
    Gap,

    /// <summary><c>!a|b</c>: the next word is not one of these (the end of a clause passes). Takes no word.</summary>
    NotNext,

    /// <summary><c>$</c>: the clause or text ends here. Takes no word.</summary>
    ClauseEnd,
}

/// <summary>One step of a compiled word pattern; see the header of screening-lexicon.json for the syntax.</summary>
internal sealed class PatternElement
{
    public required ElementKind Kind { get; init; }
    public HashSet<string>? Words { get; init; }
    public HashSet<string>? FuzzyWords { get; init; }
    public string[]? Prefixes { get; init; }
    public int Count { get; init; }
    public bool Optional { get; init; }

    // The numbers of Words and FuzzyWords (ScreeningLexicon.IdOf): a step with few words keeps them in an array, which
    // is quicker to scan than a set is to hash.
    private int[]? _ids;
    private HashSet<int>? _idSet;
    private int[]? _fuzzyIds;

    /// <summary>The numbers of this step's words (its exact words and <c>~words</c>), once numbered.</summary>
    public int[] WordIds { get; private set; } = [];

    /// <summary>The numbers of this step's <c>~words</c>, matched by a word's spelling fix.</summary>
    public int[] FuzzyWordIds => _fuzzyIds ?? [];

    internal void NumberWords(IReadOnlyDictionary<string, int> ids)
    {
        if (Words is null)
        {
            return;
        }
        var numbers = Words.Select(w => ids[w]).ToArray();
        WordIds = numbers;
        if (numbers.Length <= 8)
        {
            _ids = numbers;
        }
        else
        {
            _idSet = [.. numbers];
        }
        _fuzzyIds = FuzzyWords?.Select(w => ids[w]).ToArray();
    }

    public bool Consumes => Kind is ElementKind.Words or ElementKind.Number or ElementKind.Any or ElementKind.Capitalised;

    /// <summary>Whether this step takes the word; <paramref name="id"/> and <paramref name="fuzzyId"/> are the numbers of the word and its spelling fix (-1 for none).</summary>
    public bool Accepts(in Token token, int id, int fuzzyId) => Kind switch
    {
        ElementKind.Words => (id >= 0 && HasId(id))
            || (fuzzyId >= 0 && _fuzzyIds is not null && Array.IndexOf(_fuzzyIds, fuzzyId) >= 0)
            || (Prefixes is not null && StartsWithAny(token.Text, Prefixes)),
        ElementKind.Number => token.Number is { } n && n >= Count,
        ElementKind.Any => true,
        ElementKind.Capitalised => token.Capitalised && !token.SentenceInitial,
        _ => false,
    };

    private bool HasId(int id) => _idSet is not null ? _idSet.Contains(id) : Array.IndexOf(_ids!, id) >= 0;

    private static bool StartsWithAny(string text, string[] prefixes)
    {
        foreach (var p in prefixes)
        {
            if (text.StartsWith(p, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A one-word element made of several one-word elements (a class whose members are all single words).</summary>
    public static PatternElement Merge(IEnumerable<PatternElement> words, bool optional)
    {
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var fuzzy = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        foreach (var w in words)
        {
            exact.UnionWith(w.Words!);
            if (w.FuzzyWords is not null)
            {
                fuzzy.UnionWith(w.FuzzyWords);
            }
            if (w.Prefixes is not null)
            {
                prefixes.AddRange(w.Prefixes);
            }
        }
        return new PatternElement
        {
            Kind = ElementKind.Words,
            Words = exact,
            FuzzyWords = fuzzy.Count > 0 ? fuzzy : null,
            Prefixes = prefixes.Count > 0 ? [.. prefixes] : null,
            Optional = optional,
        };
    }
}
