namespace Waymark.Core.Screening;

internal enum GroupPhase
{
    /// <summary>Safe phrases ("killing it at work", "the bridge club"): their words are hidden from the other groups.</summary>
    Mask,

    /// <summary>Groups that match on their own.</summary>
    Plain,

    /// <summary>Groups that only count in a text that is about self-harm or suicide ("the knife" after "I relapsed").</summary>
    NeedsHarm,
}

/// <summary>One word list of screening-lexicon.json, compiled: the rules it stands for, why it exists, and its patterns.</summary>
internal sealed class ScreeningGroup
{
    public required string Id { get; init; }
    public required SafeMessagingRule[] Rules { get; init; }

    /// <summary>
    /// What a moderator reads beside a match of this list ("reason"): in plain words, what the words look like and why a
    /// person should look. Never the list's provenance, which is in <see cref="Why"/>.
    /// </summary>
    public required string Reason { get; init; }

    /// <summary>The developers' note ("why"): where the list came from, which sets and ADRs, examples. Never shown to moderators.</summary>
    public required string Why { get; init; }
    public ScreeningOutcome? Outcome { get; init; }
    public required GroupPhase Phase { get; init; }

    /// <summary>A match here means the text is about self-harm or suicide, for the <see cref="GroupPhase.NeedsHarm"/> groups.</summary>
    public bool GivesHarm { get; init; }

    /// <summary>A denial just before the match ("I didn't self-harm") cancels it; otherwise it is kept and marked negated.</summary>
    public bool DropWhenNegated { get; init; }

    /// <summary>A denial inside the match, before its last word ("suicide is never the answer"), cancels it too.</summary>
    public bool DropWhenNegatedInside { get; init; }

    /// <summary>
    /// A denial just before the match ("i'm not suicidal", "i dont want to die") cancels it, unless a word that turns it
    /// round comes after it in the post ("…but friday is my last day"): the denial is scoped to the phrase it denies.
    /// </summary>
    public bool DropWhenDeniedAlone { get; init; }

    /// <summary>
    /// A joke marker ("lol") cancels a match only when its sentence aims the words at a thing or task ("kms this essay
    /// lol") and the post has no time, plan, means, goodbye or place word (ADR 0032): "kms tonight lol" stays.
    /// </summary>
    public bool JokeAtTask { get; init; }

    /// <summary>Counts only in a sentence with I, me, my, we… (someone's own experience, not a general remark).</summary>
    public bool FirstPerson { get; init; }

    /// <summary>
    /// How many separate places in the text this list must match before it counts: weak signs ("tidied the flat",
    /// "cancelled my phone contract") say little alone and a lot together.
    /// </summary>
    public int MinHits { get; init; } = 1;

    /// <summary>
    /// The text says the author will be back or is away for an occasion ("back on monday", "see you after the weekend",
    /// "at a wedding"): the learned R9 rule then needs its full threshold, not the lower bar it uses otherwise.
    /// </summary>
    public bool SaysReturn { get; init; }

    /// <summary>
    /// Counts only in a display name, where the name is all there is ("lastdaytuesday", "bye_forever_x"); the same words
    /// in a post ("my last day at work") are ordinary.
    /// </summary>
    public bool NamesOnly { get; init; }

    /// <summary>Phrases that, anywhere in the text, cancel this list: a goodbye with a return ("see you next week").</summary>
    public PatternIndex UnlessInText { get; } = new();

    /// <summary>
    /// Phrases that, in the same sentence as a match, cancel that match only: a joke or hyperbole marker ("lol",
    /// "this essay"), or an event the words belong to ("the last post at the remembrance parade").
    /// </summary>
    public PatternIndex UnlessInSentence { get; } = new();

    /// <summary>
    /// Phrases that, in the sentence just before a match that starts its sentence, cancel that match: the thing its
    /// "it" stands for was named there ("the marathon? doing it on sunday") (ADR 0037).
    /// </summary>
    public PatternIndex UnlessInSentenceBefore { get; } = new();

    /// <summary>
    /// Phrases of which one must be somewhere in the text for this list to count: a weak going ("i'll go", "thats it for
    /// me") counts only in a post that also sets a time ("tonight", "sunday") (ADR 0032).
    /// </summary>
    public PatternIndex NeedsInText { get; } = new();

    /// <summary>Phrases that, ending just before a match, cancel it ("used to" before "want to die").</summary>
    public required IReadOnlyList<PatternElement[]> UnlessAfter { get; init; }
    public required IReadOnlyList<PatternElement[]> Patterns { get; init; }
}
