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

    public bool Consumes => Kind is ElementKind.Words or ElementKind.Number or ElementKind.Any or ElementKind.Capitalised;

    public bool Accepts(in Token token, string? fuzzy) => Kind switch
    {
        ElementKind.Words => Words!.Contains(token.Text)
            || (fuzzy is not null && FuzzyWords is not null && FuzzyWords.Contains(fuzzy))
            || (Prefixes is not null && StartsWithAny(token.Text, Prefixes)),
        ElementKind.Number => token.Number is { } n && n >= Count,
        ElementKind.Any => true,
        ElementKind.Capitalised => token.Capitalised && !token.SentenceInitial,
        _ => false,
    };

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
