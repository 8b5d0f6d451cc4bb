using System.Text.Json;

namespace Waymark.Core.Screening;

/// <summary>
/// The screener's word lists, read from screening-lexicon.json (embedded in this assembly) and compiled into token
/// patterns, with an index from each pattern's first word and a one-edit spelling index for the <c>~words</c>.
/// </summary>
internal sealed class ScreeningLexicon
{
    private const int MaxExpansions = 20_000;
    private const int MinFuzzyLength = 5;

    private int MaxFuzzyLength { get; set; }

    private readonly Dictionary<string, List<PatternElement>> _classCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _classes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _deletions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _fuzzyWords = new(StringComparer.Ordinal);

    public List<ScreeningGroup> Groups { get; } = [];
    public HashSet<string> AllWords { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Negators { get; private set; } = [];
    public HashSet<string> FirstPerson { get; private set; } = [];

    /// <summary>Words that deny what follows them ("not", "dont"), for lists whose denial counts only when nothing turns it round.</summary>
    public HashSet<string> Denials { get; private set; } = [];

    /// <summary>
    /// Phrases that turn a denial round ("but", "though", "anymore", "not sure"): "i'm not suicidal, but friday is my last
    /// day" (ADR 0032).
    /// </summary>
    public PatternIndex Contrasts { get; } = new();

    /// <summary>Phrases that mark a sentence as a joke ("lol", "only joking") (ADR 0032).</summary>
    public PatternIndex JokeMarkers { get; } = new();

    /// <summary>A thing or task a joke's words are aimed at ("this essay", "this traffic"): "kms this essay lol" (ADR 0032).</summary>
    public PatternIndex JokeTargets { get; } = new();

    /// <summary>
    /// A time, plan, means, goodbye, giving-away or place word: anywhere in a post, it keeps a denial or a joke from
    /// lowering intent (ADR 0032).
    /// </summary>
    public PatternIndex RiskContext { get; } = new();

    /// <summary>Phrases that, anywhere in a post, say it is meant ("not lol", "i mean it"): a joke marker then cancels nothing.</summary>
    public PatternIndex Earnest { get; } = new();
    public HashSet<string> FirstNames { get; private set; } = [];
    public HashSet<string> AmbiguousFirstNames { get; private set; } = [];
    public HashSet<string> NameTitles { get; private set; } = [];
    public Dictionary<string, string[]> Compounds { get; } = new(StringComparer.Ordinal);

    /// <summary>Text-speak and dialect spellings read as the word they stand for ("tmrw" → tomorrow, "shud" → should).</summary>
    public Dictionary<string, string> Respellings { get; } = new(StringComparer.Ordinal);

    private Dictionary<string, int> WordIds { get; } = new(StringComparer.Ordinal);
    private readonly List<PatternElement> _wordElements = [];

    /// <summary>The word steps patterns cannot match without, for skipping patterns a post cannot match (<see cref="RequiredSteps"/>).</summary>
    public RequiredSteps Required { get; } = new();

    /// <summary>Patterns by phase, filed under the words they can start at.</summary>
    public PatternIndex[] ByStart { get; } = [new(), new(), new()];

    public static ScreeningLexicon Embedded { get; } = LoadEmbedded();

    /// <summary>The names of the word classes, in file order, for the learned rules' class features (ADR 0029).</summary>
    public List<string> ClassNames { get; } = [];

    private readonly Dictionary<string, int[]> _classesOfWord = new(StringComparer.Ordinal);

    /// <summary>The classes a single word belongs to (by its one-word members, "~" dropped), as indexes into <see cref="ClassNames"/>.</summary>
    public int[] ClassesOf(string word) => _classesOfWord.TryGetValue(word, out var classes) ? classes : [];

    private void IndexClassWords()
    {
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var (name, words) in _classes)
        {
            var c = ClassNames.Count;
            ClassNames.Add(name);
            foreach (var entry in words)
            {
                if (entry.Contains(' ', StringComparison.Ordinal) || entry.Contains('@', StringComparison.Ordinal) || entry.Contains('(', StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (var alt in entry.Split('|'))
                {
                    var w = alt.TrimStart('~');
                    if (w.Length == 0 || w.EndsWith('*') || w.EndsWith('?') || w.StartsWith('!'))
                    {
                        continue;
                    }
                    if (!byWord.TryGetValue(w, out var list))
                    {
                        byWord[w] = list = [];
                    }
                    if (!list.Contains(c))
                    {
                        list.Add(c);
                    }
                }
            }
        }
        foreach (var (w, list) in byWord)
        {
            _classesOfWord[w] = [.. list];
        }
    }

    private static ScreeningLexicon LoadEmbedded()
    {
        using var stream = typeof(ScreeningLexicon).Assembly.GetManifestResourceStream("Waymark.Core.screening-lexicon.json")
            ?? throw new InvalidOperationException("screening-lexicon.json is not embedded in Waymark.Core");
        return Load(stream);
    }

    public static ScreeningLexicon Load(Stream json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = doc.RootElement;
        var lexicon = new ScreeningLexicon();
        foreach (var c in root.GetProperty("classes").EnumerateObject())
        {
            lexicon._classes[c.Name] = Strings(c.Value.GetProperty("words"));
        }
        lexicon.IndexClassWords();
        lexicon.Negators = Set(root.GetProperty("negators"));
        lexicon.FirstPerson = Set(root.GetProperty("first_person"));
        lexicon.Denials = root.TryGetProperty("denials", out var denials) ? Set(denials) : [];
        lexicon.FirstNames = Set(root.GetProperty("first_names").GetProperty("words"));
        lexicon.AmbiguousFirstNames = Set(root.GetProperty("first_names").GetProperty("also_words"));
        lexicon.FirstNames.UnionWith(lexicon.AmbiguousFirstNames);
        lexicon.NameTitles = Set(root.GetProperty("name_titles"));
        foreach (var c in root.GetProperty("display_name_compounds").GetProperty("words").EnumerateObject())
        {
            lexicon.Compounds[c.Name] = c.Value.GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        foreach (var c in root.GetProperty("respellings").GetProperty("words").EnumerateObject())
        {
            lexicon.Respellings[c.Name] = c.Value.GetString()!;
        }
        lexicon.Phrases(root, "earnest", lexicon.Earnest);
        lexicon.Phrases(root, "contrasts", lexicon.Contrasts);
        lexicon.Phrases(root, "joke_markers", lexicon.JokeMarkers);
        lexicon.Phrases(root, "joke_targets", lexicon.JokeTargets);
        lexicon.Phrases(root, "risk_context", lexicon.RiskContext);
        foreach (var g in root.GetProperty("groups").EnumerateArray())
        {
            var group = lexicon.CompileGroup(g);
            lexicon.Groups.Add(group);
            foreach (var pattern in group.Patterns)
            {
                lexicon.ByStart[(int)group.Phase].Add(group, pattern);
            }
        }
        lexicon.BuildSpellingIndex();
        lexicon.NumberWords();
        foreach (var index in lexicon.ByStart)
        {
            index.Freeze(lexicon.Required);
        }
        foreach (var group in lexicon.Groups)
        {
            group.UnlessInText.Freeze(lexicon.Required);
            group.UnlessInSentence.Freeze(lexicon.Required);
            group.UnlessInSentenceBefore.Freeze(lexicon.Required);
            group.NeedsInText.Freeze(lexicon.Required);
        }
        foreach (var phrases in (PatternIndex[])[lexicon.Earnest, lexicon.Contrasts, lexicon.JokeMarkers, lexicon.JokeTargets, lexicon.RiskContext])
        {
            phrases.Freeze(lexicon.Required);
        }
        lexicon.Required.Freeze();
        return lexicon;
    }

    // The owner of the phrase lists that belong to no rule (earnest, contrasts, jokes, risk context) in their indexes.
    private static readonly ScreeningGroup PhraseGroup = new() { Id = "phrases", Rules = [], Reason = "", Why = "", Phase = GroupPhase.Plain, UnlessAfter = [], Patterns = [] };

    // A top-level list of phrases ({"why", "words"}) compiled into its index; absent, the index stays empty.
    private void Phrases(JsonElement root, string name, PatternIndex into)
    {
        if (!root.TryGetProperty(name, out var list))
        {
            return;
        }
        foreach (var phrase in Strings(list.GetProperty("words")).SelectMany(p => Compile(p, name)))
        {
            into.Add(PhraseGroup, phrase);
        }
    }

    private ScreeningGroup CompileGroup(JsonElement g)
    {
        var id = g.GetProperty("id").GetString()!;
        var rules = g.TryGetProperty("rules", out var r) ? Strings(r).Select(Enum.Parse<SafeMessagingRule>).ToArray() : [];
        var masks = g.TryGetProperty("masks", out var m) && m.GetBoolean();
        var needsHarm = g.TryGetProperty("needs_harm", out var n) && n.GetBoolean();
        var patterns = Strings(g.GetProperty("patterns")).SelectMany(p => Compile(p, id)).ToList();
        var unless = g.TryGetProperty("unless_after", out var u) ? [.. Strings(u).SelectMany(p => Compile(p, id))] : new List<PatternElement[]>();
        var unlessInText = g.TryGetProperty("unless_in_text", out var ut) ? [.. Strings(ut).SelectMany(p => Compile(p, id))] : new List<PatternElement[]>();
        var unlessInSentence = g.TryGetProperty("unless_in_sentence", out var us) ? [.. Strings(us).SelectMany(p => Compile(p, id))] : new List<PatternElement[]>();
        var unlessBefore = g.TryGetProperty("unless_in_sentence_before", out var ub) ? [.. Strings(ub).SelectMany(p => Compile(p, id))] : new List<PatternElement[]>();
        var needsInText = g.TryGetProperty("needs_in_text", out var nt) ? [.. Strings(nt).SelectMany(p => Compile(p, id))] : new List<PatternElement[]>();
        if (patterns.Any(p => !p.Any(e => e.Consumes)))
        {
            throw new InvalidOperationException($"screening-lexicon.json: group {id} has a pattern that matches no word");
        }
        // What a moderator reads beside a match: every list that stands for a rule must say it, in its own words, apart from
        // the developers' "why". A list with no rule (masks, context) never makes a match, so it has none.
        var reason = g.TryGetProperty("reason", out var given) && given.ValueKind == JsonValueKind.String ? given.GetString() : null;
        if (rules.Length > 0 && string.IsNullOrWhiteSpace(reason))
        {
            throw new InvalidOperationException($"screening-lexicon.json: group {id} has no \"reason\" (the plain words a moderator reads beside its matches)");
        }
        var group = new ScreeningGroup
        {
            Id = id,
            Rules = rules,
            Reason = rules.Length > 0 ? reason! : "",
            Why = g.GetProperty("why").GetString()!,
            Outcome = g.TryGetProperty("outcome", out var o) ? Enum.Parse<ScreeningOutcome>(o.GetString()!, ignoreCase: true) : null,
            Phase = masks ? GroupPhase.Mask : needsHarm ? GroupPhase.NeedsHarm : GroupPhase.Plain,
            GivesHarm = g.TryGetProperty("gives_harm", out var h) && h.GetBoolean(),
            DropWhenNegated = g.TryGetProperty("negation", out var neg) && neg.GetString() is "drop" or "drop-inside",
            DropWhenNegatedInside = g.TryGetProperty("negation", out var inside) && inside.GetString() == "drop-inside",
            DropWhenDeniedAlone = g.TryGetProperty("negation", out var alone) && alone.GetString() == "drop-unless-turned",
            JokeAtTask = g.TryGetProperty("joke_at_task", out var joke) && joke.GetBoolean(),
            FirstPerson = g.TryGetProperty("first_person", out var fp) && fp.GetBoolean(),
            SaysReturn = g.TryGetProperty("says_return", out var sr) && sr.GetBoolean(),
            NamesOnly = g.TryGetProperty("names_only", out var no) && no.GetBoolean(),
            UnlessAfter = unless,
            MinHits = g.TryGetProperty("min_hits", out var mh) ? mh.GetInt32() : 1,
            Patterns = patterns,
        };
        foreach (var phrase in unlessInText)
        {
            group.UnlessInText.Add(group, phrase);
        }
        foreach (var phrase in unlessInSentence)
        {
            group.UnlessInSentence.Add(group, phrase);
        }
        foreach (var phrase in unlessBefore)
        {
            group.UnlessInSentenceBefore.Add(group, phrase);
        }
        foreach (var phrase in needsInText)
        {
            group.NeedsInText.Add(group, phrase);
        }
        return group;
    }

    /// <summary>Compiles one pattern line into one or more element sequences (a class of phrases multiplies them).</summary>
    private List<PatternElement[]> Compile(string pattern, string group)
    {
        if (BareAlternativesSideBySide(pattern) is { } pair)
        {
            throw new InvalidOperationException(
                $"screening-lexicon.json: group {group}: '{pattern}' has two unbracketed alternative steps side by side ('{pair}'), " +
                "which read as word steps, not phrases; bracket them: '(a|b c|d)' for phrases, '(a|b) (c|d)' for steps");
        }
        List<List<PatternElement>> sequences = [[]];
        foreach (var item in Items(pattern))
        {
            var choices = CompileItem(item, group);
            var next = new List<List<PatternElement>>(sequences.Count * choices.Count);
            foreach (var s in sequences)
            {
                foreach (var c in choices)
                {
                    next.Add([.. s, .. c]);
                }
            }
            if (next.Count > MaxExpansions)
            {
                throw new InvalidOperationException($"screening-lexicon.json: group {group}: '{pattern}' expands to too many patterns");
            }
            sequences = next;
        }
        return [.. sequences.Select(s => s.ToArray())];
    }

    /// <summary>
    /// The first two neighbouring steps that are both unbracketed alternatives ("half term|off" in "holiday|half term|off
    /// work"), or null. Such a pair cannot be read safely: "a|b c|d" is two steps ("a c", "b d"...), never the phrases
    /// "a", "b c" and "d" a writer of a list of phrases meant, and it fails silently (the pattern just never matches). One
    /// bare step beside plain words ("the weekend|week|month") is unambiguous and allowed; "!a|b" takes no word and is not
    /// an alternative step.
    /// </summary>
    public static string? BareAlternativesSideBySide(string pattern)
    {
        static bool Bare(string item) => item.Contains('|', StringComparison.Ordinal) && item[0] is not '(' and not '!';
        var items = Items(pattern);
        for (var i = 1; i < items.Count; i++)
        {
            if (Bare(items[i - 1]) && Bare(items[i]))
            {
                return $"{items[i - 1]} {items[i]}";
            }
        }
        return null;
    }

    // Steps are separated by spaces, except inside brackets: "(no one|nobody) will" is two steps.
    private static List<string> Items(string pattern)
    {
        var items = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= pattern.Length; i++)
        {
            if (i == pattern.Length || (pattern[i] == ' ' && depth == 0))
            {
                if (i > start)
                {
                    items.Add(pattern[start..i]);
                }
                start = i + 1;
            }
            else if (pattern[i] == '(')
            {
                depth++;
            }
            else if (pattern[i] == ')')
            {
                depth--;
            }
        }
        return items;
    }

    private List<List<PatternElement>> CompileItem(string item, string group)
    {
        var optional = item.Length > 1 && item.EndsWith('?');
        if (optional)
        {
            item = item[..^1];
        }
        string[]? phrases = null;
        if (item.StartsWith('(') && item.EndsWith(')'))
        {
            phrases = item[1..^1].Split('|');
        }
        else if (item.StartsWith('@') && !_classes.TryGetValue(item[1..], out phrases))
        {
            throw new InvalidOperationException($"screening-lexicon.json: group {group} uses unknown class {item}");
        }
        if (phrases is not null)
        {
            var alternatives = phrases.SelectMany(p => Compile(p, group)).ToList();
            static bool OneWord(PatternElement[] a) => a.Length == 1 && a[0].Kind == ElementKind.Words && !a[0].Optional;
            if (alternatives.All(OneWord))
            {
                return [[Registered(PatternElement.Merge(alternatives.Select(a => a[0]), optional))]];
            }
            // The one-word alternatives as one step and each longer phrase on its own: a class of 20 words and 30 phrases
            // multiplies a pattern by 31, not 50 (every copy is tried wherever its first word appears).
            var oneWord = alternatives.Where(OneWord).ToList();
            var choices = alternatives.Where(a => !OneWord(a)).Select(a => a.ToList()).ToList();
            if (oneWord.Count > 0)
            {
                choices.Insert(0, [Registered(PatternElement.Merge(oneWord.Select(a => a[0]), false))]);
            }
            if (optional)
            {
                choices.Add([]);
            }
            return choices;
        }
        return [[CompileWord(item, optional)]];
    }

    private PatternElement CompileWord(string item, bool optional)
    {
        if (item.StartsWith("..", StringComparison.Ordinal))
        {
            return new PatternElement { Kind = ElementKind.Gap, Count = int.Parse(item[2..], System.Globalization.CultureInfo.InvariantCulture) };
        }
        switch (item)
        {
            case "_":
                return new PatternElement { Kind = ElementKind.Any, Optional = optional };
            case "^_":
                return new PatternElement { Kind = ElementKind.Capitalised, Optional = optional };
            case "$":
                return new PatternElement { Kind = ElementKind.ClauseEnd };
        }
        if (item.StartsWith('#'))
        {
            var min = item.Length > 1 ? int.Parse(item[1..].TrimEnd('+'), System.Globalization.CultureInfo.InvariantCulture) : 0;
            return new PatternElement { Kind = ElementKind.Number, Count = min, Optional = optional };
        }
        if (item.StartsWith('!'))
        {
            return new PatternElement { Kind = ElementKind.NotNext, Words = [.. item[1..].Split('|')] };
        }
        var exact = new HashSet<string>(StringComparer.Ordinal);
        var fuzzy = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        foreach (var alt in item.Split('|'))
        {
            if (alt.EndsWith('*'))
            {
                prefixes.Add(alt[..^1]);
            }
            else if (alt.StartsWith('~'))
            {
                exact.Add(alt[1..]);
                fuzzy.Add(alt[1..]);
                _fuzzyWords.Add(alt[1..]);
            }
            else
            {
                exact.Add(alt);
            }
        }
        AllWords.UnionWith(exact);
        return Registered(new PatternElement
        {
            Kind = ElementKind.Words,
            Words = exact,
            FuzzyWords = fuzzy.Count > 0 ? fuzzy : null,
            Prefixes = prefixes.Count > 0 ? [.. prefixes] : null,
            Optional = optional,
        });
    }

    private PatternElement Registered(PatternElement element)
    {
        _wordElements.Add(element);
        return element;
    }

    // Every word the lists use gets a number, and every step its words' numbers: matching then compares numbers found
    // once per word of the text, instead of hashing the word again for each of the thousands of steps tried on it.
    private void NumberWords()
    {
        foreach (var word in AllWords.Order(StringComparer.Ordinal))
        {
            WordIds.TryAdd(word, WordIds.Count);
        }
        foreach (var element in _wordElements)
        {
            element.NumberWords(WordIds);
        }
    }

    /// <summary>The number of a word the lists use, or -1.</summary>
    public int IdOf(string? word) => word is not null && WordIds.TryGetValue(word, out var id) ? id : -1;

    private void BuildSpellingIndex()
    {
        MaxFuzzyLength = _fuzzyWords.Count == 0 ? 0 : _fuzzyWords.Max(w => w.Length);
        foreach (var word in _fuzzyWords.Where(w => w.Length >= MinFuzzyLength))
        {
            AddDeletion(word, word);
            for (var i = 0; i < word.Length; i++)
            {
                AddDeletion(string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1)), word);
            }
        }
    }

    private void AddDeletion(string key, string word)
    {
        if (!_deletions.TryGetValue(key, out var list))
        {
            _deletions[key] = list = [];
        }
        if (!list.Contains(word))
        {
            list.Add(word);
        }
    }

    /// <summary>
    /// The <c>~word</c> a token is one edit (a letter missing, added, changed or two swapped) away from: "sucide" →
    /// "suicide". A word the lexicon knows as itself is never corrected into another.
    /// </summary>
    public string? Misspelt(string token)
    {
        if (token.Length < MinFuzzyLength - 1 || token.Length > MaxFuzzyLength + 1 || AllWords.Contains(token))
        {
            return null;
        }
        var lookup = _deletions.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(token, out var longer) && FirstWithinOneEdit(token, longer) is { } found)
        {
            return found;
        }
        // The token with each letter left out in turn, built in one buffer rather than a new string per letter.
        Span<char> shorter = stackalloc char[token.Length - 1];
        for (var i = 0; i < token.Length; i++)
        {
            token.AsSpan(0, i).CopyTo(shorter);
            token.AsSpan(i + 1).CopyTo(shorter[i..]);
            if (lookup.TryGetValue(shorter, out var candidates) && FirstWithinOneEdit(token, candidates) is { } w)
            {
                return w;
            }
        }
        return null;
    }

    private static string? FirstWithinOneEdit(string token, List<string> words)
    {
        foreach (var w in words)
        {
            if (WithinOneEdit(token, w))
            {
                return w;
            }
        }
        return null;
    }

    /// <summary>
    /// The word a text-speak or dialect spelling stands for: from the list, or a dropped final g ("goin", "comin",
    /// "mornin") when the word with its g is one the lists use and the spelling itself is not.
    /// </summary>
    public string? Respelt(string token)
    {
        if (Respellings.TryGetValue(token, out var word))
        {
            return word;
        }
        if (token.Length >= 4 && token.EndsWith("in", StringComparison.Ordinal) && !AllWords.Contains(token))
        {
            var withG = token + "g";
            return AllWords.Contains(withG) ? withG : null;
        }
        return null;
    }

    /// <summary>A word the lexicon knows that a disguised token ("s*icide", "k*ll") stands for, * being any one letter.</summary>
    public string? Unstarred(string token)
    {
        foreach (var w in AllWords)
        {
            if (w.Length != token.Length)
            {
                continue;
            }
            var same = true;
            for (var i = 0; i < w.Length && same; i++)
            {
                same = token[i] == '*' || token[i] == w[i];
            }
            if (same)
            {
                return w;
            }
        }
        return null;
    }

    /// <summary>Restricted Damerau–Levenshtein distance of at most one.</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }
        if (i == a.Length && i == b.Length)
        {
            return true;
        }
        if (a.Length == b.Length)
        {
            if (a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1)))
            {
                return true;
            }
            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
        }
        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    /// <summary>For display names: the words a run-together compound stands for ("wanttodie" → want to die), if any.</summary>
    public IReadOnlyList<string>? SplitCompound(string word)
    {
        if (AllWords.Contains(word) || word.Length < 4)
        {
            return null;
        }
        foreach (var (compound, parts) in Compounds)
        {
            var at = word.IndexOf(compound, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            var result = new List<string>();
            if (at > 0)
            {
                result.AddRange(SplitCompound(word[..at]) ?? [word[..at]]);
            }
            result.AddRange(parts);
            var rest = word[(at + compound.Length)..];
            if (rest.Length > 0)
            {
                result.AddRange(SplitCompound(rest) ?? [rest]);
            }
            return result;
        }
        return null;
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static HashSet<string> Set(JsonElement array) => new(Strings(array), StringComparer.Ordinal);
}
