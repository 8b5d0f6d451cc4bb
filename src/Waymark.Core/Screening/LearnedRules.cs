using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Waymark.Core.Screening;

/// <summary>
/// A small linear model per rule (R1, R3, R4, R5, R9) that works beside the word lists, so the screener can catch
/// phrasings no list names (ADR 0021). Each rule adds up the weights of the features a text has
/// (<see cref="LearnedFeatures"/>) and matches when the sum reaches that rule's threshold. It explains itself as
/// the word lists do: the words whose features weighed most toward the rule are the match's spans. The weights are
/// data (screening-model.txt, embedded), made by <see cref="LearnedRulesTrainer"/> from the labelled sets with
/// <c>waymark screen-train</c>; nothing is learned while running, and nothing about the author goes in.
/// </summary>
public sealed class LearnedRules
{
    internal const string GroupPrefix = "learned-";
    private const int MaxSpans = 5;

    /// <summary>The rules that have a model, in the order the model file lists their weights.</summary>
    public static readonly SafeMessagingRule[] Modelled = [SafeMessagingRule.R1, SafeMessagingRule.R3, SafeMessagingRule.R4, SafeMessagingRule.R5, SafeMessagingRule.R9];

    // What a moderator reads beside a learned match, by rule. Behind the words: each rule's model was trained on the
    // labelled sets (screening-model.txt, ADR 0021) and matches where its sum reaches the rule's threshold; a learned R4
    // match is held rather than rejected because it is less certain than a list's; a learned R9 match is urgent; the words
    // shown are the features that weighed most toward the rule (Spans).
    private static readonly Dictionary<SafeMessagingRule, string> Reasons = new()
    {
        [SafeMessagingRule.R1] = "Reads like posts that name a method, an implement, a substance or a place — found by a learned model, not a word list; the words shown weighed most.",
        [SafeMessagingRule.R3] = "Reads like posts that give numbers about harm — found by a learned model, not a word list; the words shown weighed most.",
        [SafeMessagingRule.R4] = "Reads like posts that encourage or instruct harm — found by a learned model, not a word list, so held for a person rather than rejected; the words shown weighed most.",
        [SafeMessagingRule.R5] = "Reads like posts that frame self-harm or suicide as a solution — found by a learned model, not a word list; the words shown weighed most.",
        [SafeMessagingRule.R9] = "Reads like posts where the author means to die or has a plan — found by a learned model, not a word list; a person should read it now; the words shown weighed most.",
    };

    /// <summary>Every reason a learned match can give a moderator: each rule's, and the one for a sentence read on its own.</summary>
    internal static IEnumerable<string> AllReasons => [.. Reasons.Values, SentenceReason];

    private readonly Dictionary<ulong, float[]> _weights;
    private readonly float[] _thresholds;

    internal LearnedRules(Dictionary<ulong, float[]> weights, IReadOnlyList<string> names, float[] bias, float[] thresholds, float? urgentIfHeld = null, float? r9WithoutReturn = null, float? r9Sentence = null)
    {
        R9WithoutReturn = r9WithoutReturn;
        R9Sentence = r9Sentence;
        _weights = weights;
        Names = names;
        Bias = bias;
        _thresholds = thresholds;
        UrgentIfHeld = urgentIfHeld;
    }

    /// <summary>
    /// The urgent route (ADR 0028): a post already kept off the wall for another rule goes to the top of the queue as
    /// urgent when its R9 sum reaches this lower bar. It costs no published post, only a moderator's minutes. Off when null.
    /// </summary>
    public float? UrgentIfHeld { get; }

    /// <summary>
    /// The learned R9 rule's bar when the text says no return or occasion (no "says_return" list matched): lower than its
    /// threshold, because what kept that threshold up was everyday absences with a return ("won't be around this weekend,
    /// back on monday"). Off when null.
    /// </summary>
    public float? R9WithoutReturn { get; }

    /// <summary>
    /// The bar for one sentence, or two in a row, read on its own by the learned R9 rule (ADR 0037): a long post
    /// dilutes a risky last sentence ("anyway thanks for everything. i won't be here after tonight") with the weights of
    /// everything else it says, so each sentence is also scored as if it were the whole post. Off when null.
    /// </summary>
    public float? R9Sentence { get; }

    /// <summary>The same weights and thresholds with another sentence bar: for estimating bars without refitting.</summary>
    internal LearnedRules WithR9Sentence(float? bar) => new(_weights, Names, Bias, _thresholds, UrgentIfHeld, R9WithoutReturn, bar);

    internal const int R9 = 4;

    /// <summary>The model shipped in this assembly (screening-model.txt).</summary>
    public static LearnedRules Embedded { get; } = LoadEmbedded();

    internal IReadOnlyList<string> Names { get; }

    public int FeatureCount => Names.Count;

    internal float[] Bias { get; }

    /// <summary>Each rule's threshold, in <see cref="Modelled"/> order.</summary>
    public IReadOnlyList<float> Thresholds => _thresholds;

    internal float[]? WeightsOf(string featureName) => _weights.GetValueOrDefault(LearnedFeatures.HashOf(featureName));

    /// <summary>The rules this text reads like, each with the words that weighed most; none when no rule reaches its threshold.</summary>
    internal List<RuleMatch> Match(string text, List<Token> tokens, ICollection<SafeMessagingRule> alreadyMatched) =>
        Match(text, tokens, alreadyMatched, saysReturn: true, out _);

    /// <summary>Each rule's sum for these words (bias included), in <see cref="Modelled"/> order: for estimating, never shown.</summary>
    internal float[] Sums(List<Token> tokens)
    {
        Match("", tokens, Modelled, saysReturn: true, out var sums);
        return sums;
    }

    /// <summary>A learned R9 match made by the urgent route, with the words that weighed most toward R9.</summary>
    internal static RuleMatch UrgentRoute(string text, List<Token> tokens, string reason)
    {
        var scratch = t_scratch!;
        return new RuleMatch(SafeMessagingRule.R9, ScreeningOutcome.Urgent, GroupPrefix + "r9-route", reason, Spans(text, tokens, scratch.Present, R9), false);
    }

    // The strictest sentence, or two in a row, read on its own by the learned R9 rule reached the sentence bar (ADR 0037):
    // the rest of a long post had diluted it below the R9 threshold. The words shown are in that sentence and weighed most.
    internal const string SentenceReason = "A sentence or two of this post, taken alone, reads like posts where the author means to die or has a plan — found by a learned model, not a word list; the words shown weighed most.";

    /// <summary>
    /// The strictest sentence, or two sentences in a row, by the learned R9 sum, when it reaches <see cref="R9Sentence"/>:
    /// an urgent match whose spans are words of that sentence; else null. A post of one sentence is already the whole post.
    /// </summary>
    internal RuleMatch? StrictestSentence(string text, List<Token> tokens)
    {
        if (R9Sentence is not { } bar || tokens.Count == 0 || tokens[0].Sentence == tokens[^1].Sentence)
        {
            return null;
        }
        var starts = new List<int> { 0 };
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Sentence != tokens[i - 1].Sentence)
            {
                starts.Add(i);
            }
        }
        starts.Add(tokens.Count);
        var best = (Sum: float.NegativeInfinity, From: 0, To: 0);
        for (var s = 0; s + 1 < starts.Count; s++)
        {
            for (var width = 1; width <= 2 && s + width < starts.Count; width++)
            {
                var (from, to) = (starts[s], starts[s + width]);
                if (from == 0 && to == tokens.Count)
                {
                    continue;
                }
                var sum = Sums(tokens.GetRange(from, to - from))[R9];
                if (sum > best.Sum)
                {
                    best = (sum, from, to);
                }
            }
        }
        if (best.Sum < bar)
        {
            return null;
        }
        var strictest = tokens.GetRange(best.From, best.To - best.From);
        Sums(strictest);
        return new RuleMatch(SafeMessagingRule.R9, ScreeningOutcome.Urgent, GroupPrefix + "r9-sentence", SentenceReason, Spans(text, strictest, t_scratch!.Present, R9), false);
    }

    internal List<RuleMatch> Match(string text, List<Token> tokens, ICollection<SafeMessagingRule> alreadyMatched, bool saysReturn, out float[] ruleSums)
    {
        var matches = new List<RuleMatch>();
        ruleSums = (float[])Bias.Clone();
        var scratch = t_scratch ??= new Scratch();
        if (tokens.Count == 0)
        {
            scratch.Present.Clear();
            return matches;
        }
        // One set of buffers per thread, reused: a long post has ~2,500 features, and allocating and growing these for
        // every post was a good part of what the learned rules cost.
        var seen = scratch.Seen;
        seen.Clear();
        var present = scratch.Present;
        present.Clear();
        Span<float> sums = stackalloc float[Bias.Length];
        Bias.CopyTo(sums);
        var words = scratch.Words;
        words.Clear();
        var firstOfClass = scratch.FirstOfClass;
        firstOfClass.Clear();
        for (var i = 0; i < tokens.Count; i++)
        {
            words.Add(WordFeatures(LearnedFeatures.WordOf(tokens[i])));
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = words[i];
            if (word.Weights is { } ww)
            {
                Weighed(new LearnedFeature(word.Hash, i, i, FeatureKind.Word, 0, 0), ww, sums);
            }
            foreach (var c in word.Classes)
            {
                Add(new LearnedFeature(LearnedFeatures.ClassHash(c), i, i, FeatureKind.Class, c, 0), sums);
                firstOfClass.TryAdd(c, i);
            }
            if (i + 1 < tokens.Count && tokens[i + 1].Sentence == tokens[i].Sentence)
            {
                Add(new LearnedFeature(LearnedFeatures.PairHash(word.PairPrefix, words[i + 1].Text), i, i + 1, FeatureKind.Pair, 0, 0), sums);
            }
            if (tokens[i].Number is not null)
            {
                continue;
            }
            foreach (var (hash, offset, length, weights) in word.Letters)
            {
                Weighed(new LearnedFeature(hash, i, i, FeatureKind.Letters, offset, length), weights, sums);
            }
        }

        var pairs = scratch.ClassPairs;
        pairs.Clear();
        LearnedFeatures.AddClassPairs(firstOfClass, pairs);
        foreach (var f in pairs)
        {
            Add(f, sums);
        }

        void Add(LearnedFeature f, Span<float> sums)
        {
            // Most features have no weight: look the weight up first, so only the few that count are remembered.
            if (_weights.TryGetValue(f.Hash, out var w))
            {
                Weighed(f, w, sums);
            }
        }

        void Weighed(LearnedFeature f, float[] w, Span<float> sums)
        {
            if (seen.Add(f.Hash))
            {
                present.Add((f, w));
                for (var r = 0; r < sums.Length; r++)
                {
                    sums[r] += w[r];
                }
            }
        }

        sums.CopyTo(ruleSums);
        for (var r = 0; r < Modelled.Length; r++)
        {
            var rule = Modelled[r];
            var threshold = r == R9 && !saysReturn && R9WithoutReturn is { } lower ? Math.Min(lower, _thresholds[r]) : _thresholds[r];
            if (sums[r] < threshold || alreadyMatched.Contains(rule))
            {
                continue;
            }
            var outcome = rule == SafeMessagingRule.R9 ? ScreeningOutcome.Urgent : ScreeningOutcome.Hold;
            matches.Add(new RuleMatch(rule, outcome, GroupPrefix + rule.ToString().ToLowerInvariant(), Reasons[rule], Spans(text, tokens, present, r), false));
        }
        return matches;
    }

    // The words behind the largest contributions toward rule r, in text order, each place once.
    private static List<MatchedSpan> Spans(string text, List<Token> tokens, List<(LearnedFeature Feature, float[] Weights)> present, int r)
    {
        var top = present
            .Where(p => p.Weights[r] > 0)
            .OrderByDescending(p => p.Weights[r])
            .ThenBy(p => p.Feature.FirstToken)
            .Select(p => (From: tokens[p.Feature.FirstToken].Start, To: tokens[p.Feature.LastToken].End))
            .Distinct()
            .Take(MaxSpans)
            .OrderBy(s => s.From)
            .ToList();
        var spans = new List<MatchedSpan>(top.Count);
        foreach (var (from, to) in top)
        {
            if (spans.Count > 0 && spans[^1].Start + spans[^1].Length >= from)
            {
                var last = spans[^1];
                var end = Math.Max(last.Start + last.Length, to);
                spans[^1] = new MatchedSpan(last.Start, end - last.Start, text[last.Start..end]);
                continue;
            }
            spans.Add(new MatchedSpan(from, to - from, text[from..to]));
        }
        return spans;
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    // A word's own weight, the start of its pair hashes and its letter runs that have a weight, worked out once per word:
    // the letter runs are most of a post's features (about 11 for each word), and the same words come back in post after
    // post. Bounded, so odd words cannot fill memory.
    private const int MaxCachedWords = 50_000;
    private readonly ConcurrentDictionary<string, WordInfo> _words = new(StringComparer.Ordinal);

    private sealed record WordInfo(string Text, ulong Hash, float[]? Weights, int[] Classes, ulong PairPrefix, (ulong Hash, int Offset, int Length, float[] Weights)[] Letters);

    private WordInfo WordFeatures(string word)
    {
        if (_words.TryGetValue(word, out var cached))
        {
            return cached;
        }
        var hash = LearnedFeatures.WordHash(word);
        var letters = LearnedFeatures.LetterRuns(word)
            .Where(l => _weights.ContainsKey(l.Hash))
            .Select(l => (l.Hash, l.Offset, l.Length, _weights[l.Hash]))
            .ToArray();
        var info = new WordInfo(word, hash, _weights.GetValueOrDefault(hash), LearnedFeatures.ClassesOf(word), LearnedFeatures.PairPrefix(word), letters);
        if (_words.Count < MaxCachedWords)
        {
            _words.TryAdd(word, info);
        }
        return info;
    }

    private sealed class Scratch
    {
        public HashSet<ulong> Seen { get; } = new(1024);
        public List<(LearnedFeature Feature, float[] Weights)> Present { get; } = new(1024);
        public List<WordInfo> Words { get; } = new(256);
        public Dictionary<int, int> FirstOfClass { get; } = [];
        public List<LearnedFeature> ClassPairs { get; } = [];
    }

    /// <summary>The model file: a header with the rules, bias and thresholds, then one feature a line, its weights first.</summary>
    public void Write(TextWriter writer)
    {
        writer.WriteLine("# Waymark screener: learned rules (ADR 0021). Made by `waymark screen-train`; do not edit by hand.");
        writer.WriteLine("# Each line: one weight per rule, then the feature (w word, b word pair, c letters of a word; _ marks a word's edge; k a word list class, q two classes in one text).");
        writer.WriteLine("rules\t" + string.Join('\t', Modelled));
        writer.WriteLine("bias\t" + string.Join('\t', Bias.Select(Format)));
        writer.WriteLine("threshold\t" + string.Join('\t', Thresholds.Select(Format)));
        if (UrgentIfHeld is { } held)
        {
            writer.WriteLine("urgent-if-held\t" + Format(held));
        }
        if (R9WithoutReturn is { } lowerBar)
        {
            writer.WriteLine("r9-without-return\t" + Format(lowerBar));
        }
        if (R9Sentence is { } sentenceBar)
        {
            writer.WriteLine("r9-sentence\t" + Format(sentenceBar));
        }
        foreach (var name in Names)
        {
            var w = _weights[LearnedFeatures.HashOf(name)];
            writer.WriteLine(string.Join('\t', w.Select(Format)) + "\t" + name);
        }
    }

    public override string ToString()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(writer);
        return writer.ToString();
    }

    public static string Format(float value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    public static LearnedRules Read(TextReader reader)
    {
        float[]? bias = null, thresholds = null;
        float? urgentIfHeld = null, r9WithoutReturn = null, r9Sentence = null;
        var weights = new Dictionary<ulong, float[]>();
        var names = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split('\t');
            switch (parts[0])
            {
                case "rules":
                    if (!parts.Skip(1).SequenceEqual(Modelled.Select(r => r.ToString())))
                    {
                        throw new InvalidDataException($"The screener model is for rules {string.Join(',', parts.Skip(1))}, not {string.Join(',', Modelled)}.");
                    }
                    continue;
                case "bias":
                    bias = Floats(parts, 1);
                    continue;
                case "threshold":
                    thresholds = Floats(parts, 1);
                    continue;
                case "urgent-if-held":
                    urgentIfHeld = Floats(parts, 1, 1)[0];
                    continue;
                case "r9-without-return":
                    r9WithoutReturn = Floats(parts, 1, 1)[0];
                    continue;
                case "r9-sentence":
                    r9Sentence = Floats(parts, 1, 1)[0];
                    continue;
            }
            if (parts.Length != Modelled.Length + 1)
            {
                throw new InvalidDataException($"The screener model line \"{line}\" does not have {Modelled.Length} weights and a feature.");
            }
            var name = parts[^1];
            names.Add(name);
            weights.Add(LearnedFeatures.HashOf(name), Floats(parts, 0, Modelled.Length));
        }
        if (bias is not { Length: 5 } || thresholds is not { Length: 5 })
        {
            throw new InvalidDataException("The screener model has no bias or threshold line for each rule.");
        }
        return new LearnedRules(weights, names, bias, thresholds, urgentIfHeld, r9WithoutReturn, r9Sentence);
    }

    private static float[] Floats(string[] parts, int from, int count = 5) =>
        [.. parts.Skip(from).Take(count).Select(p => float.Parse(p, NumberStyles.Float, CultureInfo.InvariantCulture))];

    private static LearnedRules LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Waymark.Core.screening-model.txt")
            ?? throw new InvalidOperationException("The screener model resource is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Read(reader);
    }
}
