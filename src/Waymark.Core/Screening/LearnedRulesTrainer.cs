namespace Waymark.Core.Screening;

/// <summary>
/// Makes <see cref="LearnedRules"/> from labelled posts (ADR 0021): logistic regression per rule over the features
/// of <see cref="LearnedFeatures"/>, fitted by a fixed number of passes in a fixed order, so the same posts always
/// give the same weights. Each rule's threshold is set from scores the model gave posts it was not trained on
/// (5 folds): as low as it can go while the posts labelled safe (publish or warn) that the word lists let through
/// and this rule would hold stay within a small share of all safe posts — largest for R9, because a missed urgent
/// post is the harm that matters most.
/// </summary>
public static class LearnedRulesTrainer
{
    private const int Folds = 5;

    /// <summary>How the model is fitted; the defaults are what ships (ADR 0021 says how they were chosen).</summary>
    public sealed record Settings
    {
        public int Epochs { get; init; } = 20;
        public int MinPosts { get; init; } = 2;
        public float Rate { get; init; } = 0.05f;
        public float L2 { get; init; } = 1e-3f;
        public float MaxPositiveWeight { get; init; } = 12f;

        /// <summary>Share of all safe posts each rule may add to the false holds (out of fold), in <see cref="LearnedRules.Modelled"/> order.</summary>
        public IReadOnlyList<double> Budget { get; init; } = [0.005, 0.005, 0.008, 0.005, 0.025];

        /// <summary>Never below this, whatever the budget allows: under 3 the model held everyday near-misses.</summary>
        public float MinThreshold { get; init; } = 3f;

        /// <summary>
        /// A floor per rule, in <see cref="LearnedRules.Modelled"/> order, where it differs from <see cref="MinThreshold"/>.
        /// Trained on blind-4 too, the model read "tonight", "won't be around" and "the kitchen knife" as risk in everyday
        /// posts; at 3.5 for R9 and 4 for R1 it held none of the near-misses in PostScreenerTests (ADR 0024). Leaving one
        /// writer out at a time, R1 3.5 and R3, R4, R5 2.5 catch more for no more false holds and still hold none of
        /// them; R9 stays at 3.5, because at 3 "won't be around tomorrow, dentist, back on friday" is urgent (ADR 0028).
        /// Trained on blind-7 too, R4 goes to 3: at 2.5, leaving one writer out, blind-3's false holds went over 10 % (ADR 0029).
        /// Trained on blind-15 and blind-17 too, leaving each of eighteen writers out, R1 3 and R3, R5 2 (with the R9 bar
        /// without a return at 2.25) kept 80 more of 4,808 R1–R5 posts off the wall and put 38 more of 3,757 R9 posts first,
        /// for 16 more of 4,491 safe posts held (ADR 0043). R4 stays at 3: at 2.5 it took blind-2's false holds over 9 %,
        /// and at 2 "my gp said never stop taking your meds suddenly" was held.
        /// </summary>
        public IReadOnlyList<float>? MinThresholdByRule { get; init; } = [3f, 2f, 3f, 2f, 3.5f];

        /// <summary>
        /// The urgent route's bar for a post already held for another rule (<see cref="LearnedRules.UrgentIfHeld"/>); null is
        /// off. At 0 (the R9 sum leaning to "yes" at all), leaving one writer out, it put 9 more of blind-6's 216 R9 posts
        /// first and about 2 in 100 more other posts, for no more held safe posts (ADR 0028). Trained on blind-14 and blind-16
        /// too, −0.5 put 9 more of sixteen writers' 3,202 R9 posts first, leaving each out, for no more held (ADR 0042).
        /// </summary>
        public float? UrgentIfHeld { get; init; } = -0.5f;

        /// <summary>
        /// The learned R9 bar when no list says the author will be back or is away for an occasion
        /// (<see cref="LearnedRules.R9WithoutReturn"/>); null is off. Leaving one writer out, 2.5 instead of 3.5 put 2–23
        /// more R9 posts first on each unseen writer (blind-3, -6, -7, -8) for at most one more held safe post; the
        /// everyday absences that kept the bar at 3.5 say when they end, and keep it (issue 14, branch urgent14). Leaving each
        /// of eighteen writers out, 2.25 with R1's floor at 3 put 36 more of 3,757 R9 posts first than main's settings for 7
        /// more of 4,491 safe posts held (R1 at 3 alone: 2 and 5); 2 put 22 more first than 2.25 for 7 more held and took
        /// three more writers' false holds to 9 % or over (ADR 0043).
        /// </summary>
        public float? R9WithoutReturn { get; init; } = 2.25f;

        /// <summary>
        /// The learned R9 bar for one sentence, or two in a row, read on its own (<see cref="LearnedRules.R9Sentence"/>); null
        /// is off. Leaving each of fourteen writers out, 5.5 put 6 more of 2,662 R9 posts first for 1 more of 3,325 safe posts
        /// held, no writer's false holds over the worst without it (blind-6, 25/241); 4.5 put 11 first for 3 held and took
        /// blind-6 to 26/241; 2.5 held about one safe post for every R9 post it put first (+42 urgent, +47 held) (ADR 0037).
        /// </summary>
        public float? R9Sentence { get; init; } = 5.5f;
    }

    public static LearnedRules Train(IReadOnlyList<TrainingPost> posts) => Train(posts, new Settings());

    public static LearnedRules Train(IReadOnlyList<TrainingPost> posts, Settings settings) => Train(posts, settings, weightsOnly: false);

    /// <summary>The weights alone, each rule's threshold at its floor: one fit instead of six, for estimating (ADR 0028).</summary>
    public static LearnedRules TrainWeightsOnly(IReadOnlyList<TrainingPost> posts, Settings settings) => Train(posts, settings, weightsOnly: true);

    private static LearnedRules Train(IReadOnlyList<TrainingPost> posts, Settings settings, bool weightsOnly)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (MinPosts, Budget, MinThreshold) = (settings.MinPosts, settings.Budget, settings.MinThreshold);
        var screener = PostScreener.RulesOnly;
        var rules = LearnedRules.Modelled;
        var named = posts.Select(p => LearnedFeatures.Names(screener.LearnedTokens(p.Text, p.Kind)).ToArray()).ToList();
        var names = named.SelectMany(n => n).GroupBy(n => n, StringComparer.Ordinal)
            .Where(g => g.Count() >= MinPosts).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var x = named.Select(n => n.Where(index.ContainsKey).Select(f => index[f]).ToArray()).ToArray();
        var y = posts.Select(p => rules.Select(r => p.Rules.Contains(r)).ToArray()).ToArray();

        if (weightsOnly)
        {
            var thresholdsOnly = rules.Select((_, r) => settings.MinThresholdByRule?[r] ?? MinThreshold).ToArray();
            return Build(x, y, names, thresholdsOnly, settings);
        }

        var outOfFold = new float[posts.Count][];
        for (var fold = 0; fold < Folds; fold++)
        {
            var (w, b) = Fit(x, y, [.. Enumerable.Range(0, posts.Count).Where(i => i % Folds != fold)], names.Count, settings);
            for (var i = fold; i < posts.Count; i += Folds)
            {
                outOfFold[i] = Sums(x[i], w, b);
            }
        }

        var safe = Enumerable.Range(0, posts.Count).Where(i => posts[i].Outcome is ScreeningOutcome.Publish or ScreeningOutcome.Warn).ToList();
        var passedByLists = safe.Where(i => screener.Screen(posts[i].Text, posts[i].Kind).IsPublic).ToList();
        var thresholds = new float[rules.Length];
        for (var r = 0; r < rules.Length; r++)
        {
            var allowed = (int)Math.Floor(Budget[r] * safe.Count);
            var sums = passedByLists.Select(i => outOfFold[i][r]).OrderDescending().ToList();
            var threshold = allowed < sums.Count ? sums[allowed] + 1e-3f : float.NegativeInfinity;
            thresholds[r] = Math.Max(threshold, settings.MinThresholdByRule?[r] ?? MinThreshold);
        }

        return Build(x, y, names, thresholds, settings);
    }

    private static LearnedRules Build(int[][] x, bool[][] y, List<string> names, float[] thresholds, Settings settings)
    {
        var rules = LearnedRules.Modelled;
        var (weights, bias) = Fit(x, y, [.. Enumerable.Range(0, x.Length)], names.Count, settings);
        var byHash = new Dictionary<ulong, float[]>(names.Count);
        for (var f = 0; f < names.Count; f++)
        {
            byHash.Add(LearnedFeatures.HashOf(names[f]), Round(weights.AsSpan(f * rules.Length, rules.Length).ToArray()));
        }
        return new LearnedRules(byHash, names, Round(bias), Round(thresholds), settings.UrgentIfHeld, settings.R9WithoutReturn, settings.R9Sentence);
    }

    // The file keeps 4 decimals; rounding here means a model just trained scores exactly as the file it writes.
    private static float[] Round(float[] values) => [.. values.Select(v => (float)Math.Round(v, 4))];

    private static float[] Sums(int[] features, float[] w, float[] b)
    {
        var sums = (float[])b.Clone();
        foreach (var f in features)
        {
            for (var r = 0; r < sums.Length; r++)
            {
                sums[r] += w[f * sums.Length + r];
            }
        }
        return sums;
    }

    // Logistic regression by per-weight adaptive steps (AdaGrad), a fixed order shuffled by a fixed seed, positives
    // weighted so each rule's few posts count as much as the rest.
    private static (float[] Weights, float[] Bias) Fit(int[][] x, bool[][] y, int[] rows, int features, Settings settings)
    {
        var (Epochs, Rate, L2, MaxPositiveWeight) = (settings.Epochs, settings.Rate, settings.L2, settings.MaxPositiveWeight);
        var rules = LearnedRules.Modelled.Length;
        var w = new float[features * rules];
        var g2 = new float[features * rules];
        var b = new float[rules];
        var b2 = new float[rules];
        var positiveWeight = new float[rules];
        for (var r = 0; r < rules; r++)
        {
            var positives = rows.Count(i => y[i][r]);
            positiveWeight[r] = positives == 0 ? 1 : Math.Clamp((rows.Length - positives) / (float)positives, 1, MaxPositiveWeight);
        }
        var order = (int[])rows.Clone();
        var seed = 20261203u;
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            for (var k = order.Length - 1; k > 0; k--)
            {
                seed = seed * 1664525u + 1013904223u;
                var j = (int)(seed % (uint)(k + 1));
                (order[k], order[j]) = (order[j], order[k]);
            }
            foreach (var i in order)
            {
                for (var r = 0; r < rules; r++)
                {
                    var sum = b[r];
                    foreach (var f in x[i])
                    {
                        sum += w[f * rules + r];
                    }
                    var p = 1 / (1 + MathF.Exp(-sum));
                    var g = y[i][r] ? (p - 1) * positiveWeight[r] : p;
                    if (MathF.Abs(g) < 1e-5f)
                    {
                        continue;
                    }
                    foreach (var f in x[i])
                    {
                        var at = f * rules + r;
                        var grad = g + L2 * w[at];
                        g2[at] += grad * grad;
                        w[at] -= Rate * grad / MathF.Sqrt(g2[at] + 1e-8f);
                    }
                    b2[r] += g * g;
                    b[r] -= Rate * g / MathF.Sqrt(b2[r] + 1e-8f);
                }
            }
        }
        return (w, b);
    }
}
