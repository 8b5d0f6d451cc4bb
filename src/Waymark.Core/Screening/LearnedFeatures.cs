namespace Waymark.Core.Screening;

/// <summary>One thing the learned rules look at: a word, two words in a row, or a few letters of a word.</summary>
internal readonly record struct LearnedFeature(ulong Hash, int FirstToken, int LastToken, FeatureKind Kind, int Offset, int Length);

internal enum FeatureKind
{
    Word,
    Pair,
    Letters,
    Class,
    ClassPair,
}

/// <summary>
/// Turns the screener's normalised words into the features the learned rules weigh: each word (numbers as "#"),
/// each pair of words in a row inside a sentence, runs of 3 and 4 letters inside a word with its edges marked
/// ("_sui", "icid", "de_") so a misspelling still shares most of its letters with the word, and (ADR 0029) the word
/// lists' class of each word ("k day" for "sunday", "k possessions" for "guitar") with each two classes found anywhere in
/// the text ("q day want"), so a time, a plan, a goodbye or things given away weigh the same in any writer's words. A feature is named by
/// its text ("w kill", "b end it", "c _sui") and looked up by a 64-bit hash of that text, so scoring a post
/// allocates no strings; the text is rebuilt only to explain a result.
/// </summary>
internal static class LearnedFeatures
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private static readonly int[] RunLengths = [3, 4];

    /// <summary>The word classes of the lists (screening-lexicon.json "classes") each single word belongs to, in a fixed order.</summary>
    internal static IReadOnlyList<string> ClassNames => ScreeningLexicon.Embedded.ClassNames;

    internal static int[] ClassesOf(string word) => ScreeningLexicon.Embedded.ClassesOf(word);

    public static void Enumerate(List<Token> tokens, List<LearnedFeature> into)
    {
        into.Clear();
        var firstOfClass = new Dictionary<int, int>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = WordOf(tokens[i]);
            into.Add(new LearnedFeature(WordHash(word), i, i, FeatureKind.Word, 0, 0));
            foreach (var c in ClassesOf(word))
            {
                into.Add(new LearnedFeature(ClassHash(c), i, i, FeatureKind.Class, c, 0));
                firstOfClass.TryAdd(c, i);
            }
            if (i + 1 < tokens.Count && tokens[i + 1].Sentence == tokens[i].Sentence)
            {
                var next = WordOf(tokens[i + 1]);
                into.Add(new LearnedFeature(PairHash(word, next), i, i + 1, FeatureKind.Pair, 0, 0));
            }
            if (tokens[i].Number is not null)
            {
                continue;
            }
            foreach (var (hash, offset, length) in LetterRuns(word))
            {
                into.Add(new LearnedFeature(hash, i, i, FeatureKind.Letters, offset, length));
            }
        }
        AddClassPairs(firstOfClass, into);
    }

    /// <summary>
    /// Each two classes found anywhere in the text ("q day want"): a plan and a time need not be next to each other.
    /// Placed at the first word of each, the earlier first.
    /// </summary>
    internal static void AddClassPairs(Dictionary<int, int> firstOfClass, List<LearnedFeature> into)
    {
        if (firstOfClass.Count < 2)
        {
            return;
        }
        var classes = firstOfClass.Keys.Order().ToArray();
        for (var a = 0; a < classes.Length; a++)
        {
            for (var b = a + 1; b < classes.Length; b++)
            {
                var (x, y) = (firstOfClass[classes[a]], firstOfClass[classes[b]]);
                into.Add(new LearnedFeature(ClassPairHash(classes[a], classes[b]), Math.Min(x, y), Math.Max(x, y), FeatureKind.ClassPair, classes[a], classes[b]));
            }
        }
    }

    public static ulong ClassHash(int c) => Mix(Mix(Offset, "k "), ClassNames[c]);

    public static ulong ClassPairHash(int a, int b) => Mix(Mix(Mix(Mix(Offset, "q "), ClassNames[a]), ' '), ClassNames[b]);

    public static ulong WordHash(string word) => Mix(Mix(Offset, "w "), word);

    public static ulong PairHash(string first, string second) => PairHash(PairPrefix(first), second);

    /// <summary>The hash of "b first " — a pair's hash goes on from it with the second word.</summary>
    public static ulong PairPrefix(string first) => Mix(Mix(Mix(Offset, "b "), first), ' ');

    public static ulong PairHash(ulong prefix, string second) => Mix(prefix, second);

    /// <summary>The runs of 3 and 4 letters of "_word_" (the underscores mark where the word starts and ends), each with its hash.</summary>
    public static IEnumerable<(ulong Hash, int Offset, int Length)> LetterRuns(string word)
    {
        var padded = word.Length + 2;
        foreach (var n in RunLengths)
        {
            for (var at = 0; at + n <= padded; at++)
            {
                var h = Mix(Offset, "c ");
                for (var k = at; k < at + n; k++)
                {
                    h = Mix(h, k == 0 || k == padded - 1 ? '_' : word[k - 1]);
                }
                yield return (h, at, n);
            }
        }
    }

    /// <summary>The feature's name, as the model file writes it; its hash is <see cref="HashOf"/> of this.</summary>
    public static string TextOf(List<Token> tokens, LearnedFeature f) => f.Kind switch
    {
        FeatureKind.Word => "w " + WordOf(tokens[f.FirstToken]),
        FeatureKind.Pair => "b " + WordOf(tokens[f.FirstToken]) + " " + WordOf(tokens[f.LastToken]),
        FeatureKind.Class => "k " + ClassNames[f.Offset],
        FeatureKind.ClassPair => "q " + ClassNames[f.Offset] + " " + ClassNames[f.Length],
        _ => string.Concat("c ", ("_" + WordOf(tokens[f.FirstToken]) + "_").AsSpan(f.Offset, f.Length)),
    };

    public static ulong HashOf(string featureText) => Mix(Offset, featureText);

    public static string WordOf(Token t) => t.Number is not null && char.IsAsciiDigit(t.Text[0]) ? "#" : t.Text;

    private static ulong Mix(ulong h, string s)
    {
        foreach (var c in s)
        {
            h = Mix(h, c);
        }
        return h;
    }

    private static ulong Mix(ulong h, char c) => (h ^ c) * Prime;

    /// <summary>Distinct feature names of a text, for training.</summary>
    public static IEnumerable<string> Names(List<Token> tokens)
    {
        var features = new List<LearnedFeature>();
        Enumerate(tokens, features);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in features)
        {
            var name = TextOf(tokens, f);
            if (seen.Add(name))
            {
                yield return name;
            }
        }
    }
}
