namespace Waymark.Core.Screening;

/// <summary>Where in the screened text a rule matched: character offset, length and the words themselves.</summary>
public sealed record MatchedSpan(int Start, int Length, string Text);

/// <summary>
/// One rule that matched: which word list (<see cref="Group"/>) and why it exists, the outcome it asks for and the
/// words that triggered it. <see cref="Negated"/> says the words were denied ("I'm not going to…") and the rule
/// still applied, because for that rule a denial is not safe to rely on.
/// </summary>
public sealed record RuleMatch(SafeMessagingRule Rule, ScreeningOutcome Outcome, string Group, string Reason, IReadOnlyList<MatchedSpan> Spans, bool Negated);

/// <summary>
/// The screener's answer about a piece of text — never about a person: the strictest outcome, every rule that
/// matched with its words, and for the author, when it is rejected, a kind explanation with support. There is no
/// score and no band.
/// </summary>
public sealed record ScreeningResult(ScreeningOutcome Outcome, IReadOnlyList<RuleMatch> Matches, string? AuthorMessage, string? EditSuggestion)
{
    /// <summary>The rules that matched, each once, in number order.</summary>
    public IReadOnlyList<SafeMessagingRule> Rules => [.. Matches.Select(m => m.Rule).Distinct().Order()];

    /// <summary>Whether a moderator must act before anyone else can read it.</summary>
    public bool IsPublic => Outcome is ScreeningOutcome.Publish or ScreeningOutcome.Warn;
}
