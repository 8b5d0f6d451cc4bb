namespace Waymark.Core.Screening;

/// <summary>One thing the learned rules look at: a word, two words in a row, or a few letters of a word.</summary>
internal readonly record struct LearnedFeature(ulong Hash, int FirstToken, int LastToken, FeatureKind Kind, int Offset, int Length);

internal enum FeatureKind
{
    Word,
    Pair,
    Letters,
    Negated,
    Joint,
}

/// <summary>Which features beyond words, pairs and letter runs a model reads (ADR 0028); the model file names them.</summary>
[Flags]
public enum FeatureOptions
{
    None = 0,

    /// <summary>A word a denial governs ("dont" or "never" up to three words before, in its clause) also counts as "n word".</summary>
    Negation = 1,

    /// <summary>Where two words meet, the last three letters of the first and the first three of the next ("x ill mys").</summary>
    Joints = 2,
}

/// <summary>
/// Turns the screener's normalised words into the features the learned rules weigh: each word (numbers as "#"),
/// each pair of words in a row inside a sentence, and runs of 3 and 4 letters inside a word with its edges marked
/// ("_sui", "icid", "de_") so a misspelling still shares most of its letters with the word. A feature is named by
/// its text ("w kill", "b end it", "c _sui") and looked up by a 64-bit hash of that text, so scoring a post
/// allocates no strings; the text is rebuilt only to explain a result.
/// </summary>
internal static class LearnedFeatures
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;
    private static readonly int[] RunLengths = [3, 4];

    private const int NegationScope = 3;

    /// <summary>The denials that scope the next few words of a clause (the tokeniser drops apostrophes: "don't" is "dont").</summary>
    private static readonly HashSet<string> Denials = new(StringComparer.Ordinal)
    {
        "not", "never", "no", "dont", "didnt", "doesnt", "havent", "hasnt", "wont", "isnt", "arent", "wasnt", "wouldnt",
        "shouldnt", "cant", "cannot", "couldnt", "nt", "nothing", "nobody", "without",
    };

    public static void Enumerate(List<Token> tokens, List<LearnedFeature> into) => Enumerate(tokens, into, FeatureOptions.None);

    public static void Enumerate(List<Token> tokens, List<LearnedFeature> into, FeatureOptions options)
    {
        into.Clear();
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = WordOf(tokens[i]);
            into.Add(new LearnedFeature(WordHash(word), i, i, FeatureKind.Word, 0, 0));
            if ((options & FeatureOptions.Negation) != 0 && Denied(tokens, i))
            {
                into.Add(new LearnedFeature(NegatedHash(word), i, i, FeatureKind.Negated, 0, 0));
            }
            if (i + 1 < tokens.Count && tokens[i + 1].Sentence == tokens[i].Sentence)
            {
                var next = WordOf(tokens[i + 1]);
                into.Add(new LearnedFeature(PairHash(word, next), i, i + 1, FeatureKind.Pair, 0, 0));
                if ((options & FeatureOptions.Joints) != 0)
                {
                    into.Add(new LearnedFeature(JointHash(word, next), i, i + 1, FeatureKind.Joint, 0, 0));
                }
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
    }

    public static ulong WordHash(string word) => Mix(Mix(Offset, "w "), word);

    public static ulong PairHash(string first, string second) => Mix(Mix(Mix(Mix(Offset, "b "), first), ' '), second);

    public static ulong NegatedHash(string word) => Mix(Mix(Offset, "n "), word);

    public static ulong JointHash(string first, string second)
    {
        var h = Mix(Offset, "x ");
        for (var k = Math.Max(0, first.Length - 3); k < first.Length; k++)
        {
            h = Mix(h, first[k]);
        }
        h = Mix(h, ' ');
        for (var k = 0; k < Math.Min(3, second.Length); k++)
        {
            h = Mix(h, second[k]);
        }
        return h;
    }

    /// <summary>Whether a denial up to three words before governs this word, in the same clause ("i dont want to be here").</summary>
    public static bool Denied(List<Token> tokens, int at)
    {
        if (Denials.Contains(tokens[at].Text))
        {
            return false;
        }
        for (var k = at - 1; k >= Math.Max(0, at - NegationScope); k--)
        {
            if (tokens[k].Clause != tokens[at].Clause)
            {
                return false;
            }
            if (Denials.Contains(tokens[k].Text))
            {
                return true;
            }
        }
        return false;
    }

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
        FeatureKind.Negated => "n " + WordOf(tokens[f.FirstToken]),
        FeatureKind.Joint => JointText(WordOf(tokens[f.FirstToken]), WordOf(tokens[f.LastToken])),
        _ => string.Concat("c ", ("_" + WordOf(tokens[f.FirstToken]) + "_").AsSpan(f.Offset, f.Length)),
    };

    private static string JointText(string first, string second) =>
        "x " + first[Math.Max(0, first.Length - 3)..] + " " + second[..Math.Min(3, second.Length)];

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
    public static IEnumerable<string> Names(List<Token> tokens, FeatureOptions options = FeatureOptions.None)
    {
        var features = new List<LearnedFeature>();
        Enumerate(tokens, features, options);
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
