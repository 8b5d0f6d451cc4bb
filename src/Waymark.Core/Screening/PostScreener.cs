namespace Waymark.Core.Screening;

/// <summary>
/// Screens a post, a reply or a display name against the safe-messaging rules (docs/safety/policy.md §4) before anyone else can
/// read it. Deterministic, offline and explainable: word lists kept as data (screening-lexicon.json), matched as
/// token patterns that tolerate lower case, one-letter misspellings, disguised letters and slang, with safe phrases
/// ("killing it at work") hidden first and words that only matter in a text about self-harm ("the knife") counted
/// only there. It classifies the text, never the person: nothing about who wrote it goes in, and no score comes out.
/// </summary>
public sealed class PostScreener
{
    private const int MaxSpansPerMatch = 5;
    private const int NegationBefore = 2;
    private const int NegationInside = 4;

    private readonly ScreeningLexicon _lexicon;
    private readonly LearnedRules? _learned;
    private readonly bool _skipAbsent;

    internal PostScreener(ScreeningLexicon lexicon, LearnedRules? learned, bool skipAbsent = true)
    {
        _lexicon = lexicon;
        _learned = learned;
        _skipAbsent = skipAbsent;
    }

    /// <summary>The screener with the word lists and the learned rules shipped in this assembly (ADR 0013, 0021).</summary>
    public static PostScreener Default { get; } = new(ScreeningLexicon.Embedded, LearnedRules.Embedded);

    /// <summary>
    /// The shipped screener that walks every pattern filed under a word, even one needing a word the post lacks: the
    /// plain walk that skipping absent words (<see cref="RequiredSteps"/>) must agree with exactly, and its speed baseline.
    /// </summary>
    internal static PostScreener WithoutSkipping { get; } = new(ScreeningLexicon.Embedded, LearnedRules.Embedded, skipAbsent: false);

    /// <summary>The word lists alone: what the learned rules are trained beside, and measured against.</summary>
    public static PostScreener RulesOnly { get; } = new(ScreeningLexicon.Embedded, null);

    /// <summary>The shipped word lists with other learned rules: for measuring a model trained on some sets only.</summary>
    public static PostScreener With(LearnedRules learned) => new(ScreeningLexicon.Embedded, learned);

    // The text as normalised words; a starred word the lists know is read as that word ("s*icide"), and text-speak as
    // the word it stands for ("tmrw", "goin").
    internal List<Token> Tokens(string text, ScreenedKind kind)
    {
        var displayName = kind == ScreenedKind.DisplayName;
        var tokens = Tokenizer.Tokenize(text, displayName, displayName ? _lexicon.SplitCompound : null);
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Text.Contains('*', StringComparison.Ordinal) && _lexicon.Unstarred(t.Text) is { } plain)
            {
                tokens[i] = t with { Text = plain };
            }
            else if (t.Number is null && _lexicon.Respelt(t.Text) is { } respelt)
            {
                tokens[i] = t with { Text = respelt };
            }
        }
        return tokens;
    }

    // The words the learned rules read: those no safe phrase hid ("killing it", "end it with", "the bridge club").
    internal List<Token> LearnedTokens(string text, ScreenedKind kind)
    {
        var run = Start(text, kind);
        Find(run, GroupPhase.Mask, []);
        return Unmasked(run);
    }

    private static List<Token> Unmasked(Run run) => [.. run.Tokens.Where((_, i) => !run.Masked[i])];

    private Run Start(string text, ScreenedKind kind)
    {
        var tokens = Tokens(text, kind);
        var fuzzy = new string?[tokens.Count];
        var ids = new int[tokens.Count];
        var fuzzyIds = new int[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Number is null && !t.Text.Contains('*', StringComparison.Ordinal))
            {
                fuzzy[i] = _lexicon.Misspelt(t.Text);
            }
            ids[i] = _lexicon.IdOf(t.Text);
            fuzzyIds[i] = _lexicon.IdOf(fuzzy[i]);
        }
        var present = _skipAbsent ? _lexicon.Required.Present(ids, fuzzyIds) : null;
        return new Run(tokens, fuzzy, ids, fuzzyIds, new bool[tokens.Count], present, new bool[1], [-1]);
    }

    public ScreeningResult Screen(string text, ScreenedKind kind = ScreenedKind.Post)
    {
        ArgumentNullException.ThrowIfNull(text);
        var displayName = kind == ScreenedKind.DisplayName;
        var run = Start(text, kind);
        var tokens = run.Tokens;
        var hits = new List<Hit>();
        Find(run, GroupPhase.Mask, hits);
        var learnedTokens = _learned is null ? null : Unmasked(run);
        Find(run, GroupPhase.Plain, hits);
        if (!displayName)
        {
            hits.RemoveAll(h => h.Group.NamesOnly);
        }
        DropUnmet(run, hits);
        // A display name is read as if it were about self-harm: "bladegirl" needs no other words around it. A plain denial
        // that lowers intent ("not suicidal, just tired") does not make the post about self-harm on its own.
        var plainDenial = !displayName && PlainDenial(run, hits);
        if (displayName || hits.Any(h => h.Group.GivesHarm && !(plainDenial && h.DeniedAt >= 0)))
        {
            Find(run, GroupPhase.NeedsHarm, hits);
            DropUnmet(run, hits);
            plainDenial = !displayName && PlainDenial(run, hits);
        }

        var matches = new List<RuleMatch>();
        foreach (var byGroup in hits.GroupBy(h => h.Group))
        {
            var group = byGroup.Key;
            var spans = byGroup.Take(MaxSpansPerMatch).Select(h => Span(text, tokens, h.Start, h.End)).ToList();
            var negated = byGroup.All(h => h.Negated);
            // A plain denial of the only intent in the post lowers it to a content warning, never to publish (ADR 0032).
            var denied = plainDenial && byGroup.All(h => h.DeniedAt >= 0);
            foreach (var rule in group.Rules)
            {
                var ruleOutcome = denied && rule == SafeMessagingRule.R9 ? ScreeningOutcome.Warn : group.Outcome ?? rule.DefaultOutcome();
                matches.Add(new RuleMatch(rule, ruleOutcome, group.Id, ReasonFor(group, denied), spans, negated));
            }
        }
        matches.AddRange(IdentifyingDetails.Find(text, tokens, kind, _lexicon));
        if (_learned is not null)
        {
            // Beside the lists, never instead of them: a learned rule adds a match only where its list found none.
            // A return or an occasion said anywhere in a post ("back on monday") keeps the learned R9 rule at its full threshold.
            // So does a joke that cancelled a list's match, or a plain denial that lowered it to a warning; the learned R9
            // rule still reads such a post (its intent was lowered, not found absent).
            var saysReturn = !displayName && (hits.Any(h => h.Group.SaysReturn) || run.Cancelled[0] || plainDenial);
            var listed = matches.Where(m => !(plainDenial && m.Rule == SafeMessagingRule.R9 && m.Outcome == ScreeningOutcome.Warn)).Select(m => m.Rule);
            matches.AddRange(_learned.Match(text, learnedTokens!, [.. listed], saysReturn, out var sums));
            if (!displayName && UrgentRoute(matches, sums[LearnedRules.R9]) is { } reason)
            {
                matches.Add(LearnedRules.UrgentRoute(text, learnedTokens!, reason));
            }
            // A long post dilutes a risky sentence (ADR 0037): read each sentence, and each two in a row, on its own, unless
            // R9 already matched (urgent, or lowered by a plain denial) or the post says the author will be back.
            if (!displayName && !saysReturn && !matches.Any(m => m.Rule == SafeMessagingRule.R9)
                && _learned.StrictestSentence(text, learnedTokens!) is { } sentence)
            {
                matches.Add(sentence);
            }
        }
        matches.Sort((a, b) => a.Rule != b.Rule ? a.Rule.CompareTo(b.Rule) : string.CompareOrdinal(a.Group, b.Group));

        var outcome = matches.Count == 0 ? ScreeningOutcome.Publish : matches.Max(m => m.Outcome);
        return new ScreeningResult(
            outcome,
            matches,
            outcome == ScreeningOutcome.Reject ? AuthorMessages.Rejected : null,
            matches.Any(m => m.Rule == SafeMessagingRule.R8) ? AuthorMessages.KinderWords : null);
    }

    // What a moderator reads beside a list's match: the list's own reason, and what a plain denial did, when one lowered it.
    internal static string ReasonFor(ScreeningGroup group, bool denied) => denied ? group.Reason + PlainDenialReason : group.Reason;

    // Said after a list's reason when a plain denial lowered its R9 match to warn (ADR 0032): a first-person denial of the
    // post's only R9 words ("not suicidal, just tired"), with no contrast after it ("but", "anymore", "not sure") and no
    // time, plan, means, goodbye, giving-away or place word anywhere in the post. A person still reads a new member's
    // first posts. "No sign of a plan" stands, for the moderator, for that whole list of risk-context words.
    internal const string PlainDenialReason = " But here it is plainly denied, with no sign of a plan, so warned, not urgent.";

    // The urgent route (ADR 0028): a post already held for another rule whose learned R9 sum reached the lower
    // urgent-if-held bar, though not the R9 threshold; the model was trained on the labelled sets.
    internal const string HeldRouteReason = "Held for another rule, and reads a little like posts where the author means to die or has a plan — found by a learned model, not a word list, so put first; the words shown weighed most.";

    /// <summary>
    /// Every reason this screener can give a moderator beside a match (<see cref="RuleMatch.Reason"/>): each list's own,
    /// with the plain denial's words where a denial can lower it, the identifying details', and the learned rules'.
    /// </summary>
    internal IEnumerable<string> Reasons()
    {
        foreach (var group in _lexicon.Groups.Where(g => g.Rules.Length > 0))
        {
            yield return ReasonFor(group, denied: false);
            if (group.DropWhenDeniedAlone)
            {
                yield return ReasonFor(group, denied: true);
            }
        }
        foreach (var reason in (string[])[IdentifyingDetails.ContactReason, IdentifyingDetails.NameReason, IdentifyingDetails.ImageReason])
        {
            yield return reason;
        }
        if (_learned is not null)
        {
            foreach (var reason in LearnedRules.AllReasons)
            {
                yield return reason;
            }
            yield return HeldRouteReason;
        }
    }

    // The urgent route (ADR 0028): below the learned R9 threshold, a post is still put first when it is already kept off
    // the wall (costing only a moderator's minutes). Content only.
    private string? UrgentRoute(List<RuleMatch> matches, float r9Sum)
    {
        var outcome = matches.Count == 0 ? ScreeningOutcome.Publish : matches.Max(m => m.Outcome);
        if (outcome == ScreeningOutcome.Urgent)
        {
            return null;
        }
        if (_learned!.UrgentIfHeld is { } held && outcome >= ScreeningOutcome.Hold && r9Sum >= held)
        {
            return HeldRouteReason;
        }
        return null;
    }

    // Each word with its spelling fix and the numbers the lists know them by (-1 for a word no list uses); and the pattern
    // steps some word of the post can take (null: walk every pattern filed under a word).
    // Cancelled[0]: a match was cancelled by a joke or an event in its sentence, which holds the learned R9 rule to its full
    // threshold as a return does; DeniedClause[0]: the clause of the last plain denial of a match (later matches in it are
    // reported as denied).
    private readonly record struct Run(List<Token> Tokens, string?[] Fuzzy, int[] Ids, int[] FuzzyIds, bool[] Masked, ulong[]? Present, bool[] Cancelled, int[] DeniedClause);

    // DeniedAt: the plain denial just before a match of a list that lets one lower it ("not" in "not suicidal"), else -1.
    private readonly record struct Hit(ScreeningGroup Group, int Start, int End, bool Negated, int DeniedAt = -1);

    private void Find(in Run run, GroupPhase phase, List<Hit> hits)
    {
        var index = _lexicon.ByStart[(int)phase];
        var tokens = run.Tokens;
        var found = new List<Hit>();
        var lists = new PatternList?[PatternIndex.MaxLists];
        var selected = t_selected ??= new List<int>(256);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (run.Masked[i])
            {
                continue;
            }
            var n = index.Candidates(tokens[i], run.Fuzzy[i], lists);
            var (nextId, nextFuzzyId) = NextIds(run, i);
            for (var k = 0; k < n; k++)
            {
                var list = lists[k]!;
                list.Select(nextId, nextFuzzyId, run.Present, selected);
                foreach (var e in selected)
                {
                    TryOne(run, list[e], i, found);
                }
            }
        }
        foreach (var hit in found)
        {
            // One report per place per word list: a later pattern of the same list inside an earlier match adds nothing.
            if (Overlaps(hits, hit.Group, hit.Start, hit.End))
            {
                continue;
            }
            hits.Add(hit);
        }
        if (phase == GroupPhase.Mask)
        {
            foreach (var hit in found)
            {
                for (var k = hit.Start; k <= hit.End; k++)
                {
                    run.Masked[k] = true;
                }
            }
        }
    }

    [ThreadStatic]
    private static List<int>? t_selected;

    // The numbers of the word after this one, for the second level of the pattern index: none when it is in another
    // sentence or hidden by a safe phrase, because then no pattern can take it.
    private static (int Id, int FuzzyId) NextIds(in Run run, int i)
    {
        var next = i + 1;
        if (next >= run.Tokens.Count || run.Tokens[next].Sentence != run.Tokens[i].Sentence || run.Masked[next])
        {
            return (-1, -1);
        }
        return (run.Ids[next], run.FuzzyIds[next]);
    }

    private static bool Overlaps(List<Hit> hits, ScreeningGroup group, int start, int end)
    {
        foreach (var h in hits)
        {
            if (h.Group == group && h.Start <= end && start <= h.End)
            {
                return true;
            }
        }
        return false;
    }

    private void TryOne(in Run run, (ScreeningGroup Group, PatternElement[] Pattern) candidate, int start, List<Hit> found)
    {
        var (group, pattern) = candidate;
        var end = MatchFrom(run, pattern, 0, start, run.Tokens[start].Sentence, -1);
        if (end < 0 || Overlaps(found, group, start, end))
        {
            return;
        }
        if (Preceded(run, group.UnlessAfter, start) || (group.FirstPerson && !InFirstPerson(run.Tokens, start)))
        {
            return;
        }
        var negatedBefore = NegatedBefore(run.Tokens, start);
        var negatedInside = NegatedInside(run.Tokens, start, end);
        if ((negatedBefore && group.DropWhenNegated) || (negatedInside && group.DropWhenNegatedInside))
        {
            return;
        }
        var sentence = run.Tokens[start].Sentence;
        if (!group.UnlessInSentence.IsEmpty && AnywhereIn(run, group.UnlessInSentence, sentence: sentence) && !AnywhereIn(run, _lexicon.Earnest))
        {
            run.Cancelled[0] = true;
            return;
        }
        // A match that opens its sentence takes its "it" from the sentence before, so a thing named there cancels it too.
        if (!group.UnlessInSentenceBefore.IsEmpty && start > 0 && run.Tokens[start - 1].Sentence != sentence
            && AnywhereIn(run, group.UnlessInSentenceBefore, sentence: run.Tokens[start - 1].Sentence) && !AnywhereIn(run, _lexicon.Earnest))
        {
            run.Cancelled[0] = true;
            return;
        }
        // A joke cancels only words aimed at a thing or task, in a post with no time, plan, means, goodbye or place (ADR 0032).
        if (group.JokeAtTask && AnywhereIn(run, _lexicon.JokeMarkers, sentence: sentence) && AnywhereIn(run, _lexicon.JokeTargets, sentence: sentence)
            && !AnywhereIn(run, _lexicon.Earnest) && !AnywhereIn(run, _lexicon.RiskContext))
        {
            run.Cancelled[0] = true;
            return;
        }
        // A plain denial of the phrase is kept with the match; whether it lowers intent is decided on the whole post (PlainDenial).
        if (group.DropWhenDeniedAlone && DeniedJustBefore(run.Tokens, start) is var denial and >= 0)
        {
            run.DeniedClause[0] = run.Tokens[start].Clause;
            found.Add(new Hit(group, start, end, true, denial));
            return;
        }
        // A later match in a clause whose denial cancelled an earlier one is reported as denied ("not going to kill myself tonight").
        var negated = negatedBefore || negatedInside || run.DeniedClause[0] == run.Tokens[start].Clause;
        found.Add(new Hit(group, start, end, negated));
    }

    /// <summary>The index of the last word the pattern takes when it matches from <paramref name="at"/>, else -1.</summary>
    private static int MatchFrom(in Run run, PatternElement[] pattern, int element, int at, int sentence, int last)
    {
        if (element == pattern.Length)
        {
            return last;
        }
        var tokens = run.Tokens;
        var e = pattern[element];
        switch (e.Kind)
        {
            case ElementKind.Gap:
                for (var skip = 0; skip <= e.Count; skip++)
                {
                    var next = at + skip;
                    if (skip > 0 && (next - 1 >= tokens.Count || tokens[next - 1].Sentence != sentence))
                    {
                        break;
                    }
                    var end = MatchFrom(run, pattern, element + 1, next, sentence, skip > 0 ? next - 1 : last);
                    if (end >= 0)
                    {
                        return end;
                    }
                }
                return -1;
            case ElementKind.NotNext:
                if (at < tokens.Count && !ClauseEndsBefore(tokens, at) && e.Words!.Contains(tokens[at].Text))
                {
                    return -1;
                }
                return MatchFrom(run, pattern, element + 1, at, sentence, last);
            case ElementKind.ClauseEnd:
                return ClauseEndsBefore(tokens, at) ? MatchFrom(run, pattern, element + 1, at, sentence, last) : -1;
        }
        if (at < tokens.Count && tokens[at].Sentence == sentence && !run.Masked[at] && e.Accepts(tokens[at], run.Ids[at], run.FuzzyIds[at]))
        {
            var end = MatchFrom(run, pattern, element + 1, at + 1, sentence, at);
            if (end >= 0)
            {
                return end;
            }
        }
        return e.Optional ? MatchFrom(run, pattern, element + 1, at, sentence, last) : -1;
    }

    private static bool ClauseEndsBefore(List<Token> tokens, int at) =>
        at >= tokens.Count || at == 0 || tokens[at].Clause != tokens[at - 1].Clause;

    private static bool Preceded(in Run run, IReadOnlyList<PatternElement[]> phrases, int start)
    {
        if (phrases.Count == 0)
        {
            return false;
        }
        var sentence = run.Tokens[start].Sentence;
        for (var from = Math.Max(0, start - 5); from < start; from++)
        {
            if (run.Tokens[from].Sentence != sentence)
            {
                continue;
            }
            foreach (var phrase in phrases)
            {
                var end = MatchFrom(run, phrase, 0, from, sentence, -1);
                if (end >= 0 && end >= start - 2 && end < start)
                {
                    return true;
                }
            }
        }
        return false;
    }

    // Lists that need several signs or a phrase somewhere in the text, or are cancelled by one, count only when met: before the
    // words-that-need-harm pass, so one weak sign cannot make "never felt lighter" a method.
    private static void DropUnmet(in Run run, List<Hit> hits)
    {
        var unmet = new HashSet<ScreeningGroup>();
        foreach (var group in hits.Select(h => h.Group).Distinct())
        {
            if ((group.MinHits > 1 && hits.Count(h => h.Group == group) < group.MinHits) || AnywhereIn(run, group.UnlessInText)
                || (!group.NeedsInText.IsEmpty && !AnywhereIn(run, group.NeedsInText)))
            {
                unmet.Add(group);
            }
        }
        if (unmet.Count > 0)
        {
            hits.RemoveAll(h => unmet.Contains(h.Group));
        }
    }

    // A phrase anywhere in the post from a token on, or only in one sentence (a joke marker, the event the words belong
    // to). A phrase never runs across sentences.
    private static bool AnywhereIn(in Run run, PatternIndex phrases, int from = 0, int sentence = -1)
    {
        if (phrases.IsEmpty)
        {
            return false;
        }
        var lists = new PatternList?[PatternIndex.MaxLists];
        var selected = new List<int>();
        for (var at = from; at < run.Tokens.Count; at++)
        {
            if (sentence >= 0 && run.Tokens[at].Sentence != sentence)
            {
                continue;
            }
            var n = phrases.Candidates(run.Tokens[at], run.Fuzzy[at], lists);
            var (nextId, nextFuzzyId) = NextIds(run, at);
            for (var k = 0; k < n; k++)
            {
                var list = lists[k]!;
                list.Select(nextId, nextFuzzyId, run.Present, selected);
                foreach (var e in selected)
                {
                    if (MatchFrom(run, list[e].Pattern, 0, at, run.Tokens[at].Sentence, -1) >= 0)
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // A plain denial of the phrase, just before it in its clause: "i'm not suicidal", "i dont want to die". Not "no" or
    // "stop", which begin other things ("no, i want to die").
    private int DeniedJustBefore(List<Token> tokens, int start)
    {
        for (var k = start - 1; k >= Math.Max(0, start - NegationBefore); k--)
        {
            if (tokens[k].Clause != tokens[start].Clause)
            {
                break;
            }
            if (_lexicon.Denials.Contains(tokens[k].Text))
            {
                return k;
            }
        }
        return -1;
    }

    // ADR 0032: a plain first-person denial lowers intent only when it governs the only R9 match in the post (every R9
    // match is the denied words themselves), nothing after the denial turns it round ("but", "anymore", "not sure"), and
    // the post has no time, plan, means, goodbye, giving-away or place word anywhere.
    private bool PlainDenial(in Run run, List<Hit> hits)
    {
        int from = -1, to = -1, denial = int.MaxValue;
        foreach (var h in hits)
        {
            if (!h.Group.Rules.Contains(SafeMessagingRule.R9))
            {
                continue;
            }
            if (h.DeniedAt < 0)
            {
                return false;
            }
            if (from < 0)
            {
                (from, to) = (h.Start, h.End);
            }
            else if (h.Start > to || h.End < from)
            {
                return false;
            }
            denial = Math.Min(denial, h.DeniedAt);
        }
        return from >= 0 && !AnywhereIn(run, _lexicon.Contrasts, denial + 1) && !AnywhereIn(run, _lexicon.RiskContext);
    }

    // A denial just before the match, in its clause: "didn't self-harm", "please don't kill yourself".
    private bool NegatedBefore(List<Token> tokens, int start)
    {
        for (var k = start - 1; k >= Math.Max(0, start - NegationBefore); k--)
        {
            if (tokens[k].Clause != tokens[start].Clause)
            {
                break;
            }
            if (_lexicon.Negators.Contains(tokens[k].Text))
            {
                return true;
            }
        }
        return false;
    }

    // A denial inside the match, shortly before its last word: "suicide is never the answer". The first word is part
    // of the phrase itself ("no-eating challenge"). Inside a match, "stop" denies only when something stops being done
    // ("stop feeling like the answer"); "makes the noise stop is hurting myself" says what the harm does.
    private bool NegatedInside(List<Token> tokens, int start, int end)
    {
        for (var k = Math.Max(start + 1, end - NegationInside); k < end; k++)
        {
            var stopsDoing = tokens[k].Text is not ("stop" or "stopped") || tokens[k + 1].Text.EndsWith("ing", StringComparison.Ordinal);
            if (stopsDoing && _lexicon.Negators.Contains(tokens[k].Text))
            {
                return true;
            }
        }
        return false;
    }

    private bool InFirstPerson(List<Token> tokens, int at)
    {
        var sentence = tokens[at].Sentence;
        foreach (var t in tokens)
        {
            if (t.Sentence == sentence && _lexicon.FirstPerson.Contains(t.Text))
            {
                return true;
            }
        }
        return false;
    }

    private static MatchedSpan Span(string text, List<Token> tokens, int start, int end)
    {
        var from = tokens[start].Start;
        var to = Math.Max(tokens[end].End, from);
        return new MatchedSpan(from, to - from, text[from..to]);
    }
}
