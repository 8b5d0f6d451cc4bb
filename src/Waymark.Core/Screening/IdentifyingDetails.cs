using System.Text.RegularExpressions;
using Waymark.Core.Gazetteer;
using Waymark.Core.People;
using Waymark.Core.Safety;

namespace Waymark.Core.Screening;

/// <summary>
/// The shapes of identifying details (R6) and images (R2) that are not words: email addresses, phone numbers,
/// links, handles, postcodes and people's names. The crisis contacts' own numbers and addresses are not identifying.
/// </summary>
internal static partial class IdentifyingDetails
{
    private static readonly string[] ImageHosts = ["imgur.com", "pic.twitter.com", "pbs.twimg.com", "i.redd.it", "instagram.com/p/", "flickr.com", "photos.app.goo.gl"];
    private static readonly string[] ImageEndings = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".bmp"];

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w])(\+44\s?|0044\s?|\(?0)[\d\s().-]{8,16}\d")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(https?://|www\.)\S+|\b[a-z0-9-]+(\.[a-z0-9-]+)*\.(com|co\.uk|org\.uk|org|net|uk|io|me|ly)(/\S*)?\b|\bpic\.twitter\.com/\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?|\b[A-Za-z][\w.]{1,30}#\d{4}\b")]
    private static partial Regex Handle();

    // The forms' postcode shape, found in running text in any case, with or without its one space.
    [GeneratedRegex($@"\b{Postcodes.OutwardPattern}\s?{Postcodes.InwardPattern}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Postcode();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)|\[(image|photo|picture|img)\]", RegexOptions.IgnoreCase)]
    private static partial Regex ImageMarkup();

    // What a moderator reads beside each kind of match (PostScreener.Reasons).
    internal const string ContactReason = "Contact details let people find each other off the wall, and identify the author or someone else (safety policy, rule R6).";
    internal const string NameReason = "A person's name can identify the author or someone they write about (safety policy, rule R6).";
    internal const string ImageReason = "Every image is held for a moderator; images of injuries are never published (safety policy, rule R2).";

    public static IEnumerable<RuleMatch> Find(string text, List<Token> tokens, ScreenedKind kind, ScreeningLexicon lexicon)
    {
        var contacts = new List<MatchedSpan>();
        var images = new List<MatchedSpan>();
        var taken = new List<(int Start, int End)>();

        foreach (Match m in ImageMarkup().Matches(text))
        {
            images.Add(Span(m));
            taken.Add((m.Index, m.Index + m.Length));
        }
        foreach (Match m in Email().Matches(text))
        {
            if (!Overlaps(taken, m) && !IsCrisisAddress(m.Value))
            {
                contacts.Add(Span(m));
            }
            taken.Add((m.Index, m.Index + m.Length));
        }
        foreach (Match m in Link().Matches(text))
        {
            if (Overlaps(taken, m))
            {
                continue;
            }
            taken.Add((m.Index, m.Index + m.Length));
            if (IsImage(m.Value))
            {
                images.Add(Span(m));
            }
            else if (!IsCrisisAddress(m.Value))
            {
                contacts.Add(Span(m));
            }
        }
        foreach (Match m in Handle().Matches(text))
        {
            if (!Overlaps(taken, m))
            {
                contacts.Add(Span(m));
                taken.Add((m.Index, m.Index + m.Length));
            }
        }
        foreach (Match m in Phone().Matches(text))
        {
            if (!Overlaps(taken, m) && UkPhone.Normalise(m.Value) is { } number && CrisisContacts.ForNumber(number) is null && !IsOrganisationLine(number))
            {
                contacts.Add(Span(m));
            }
        }
        foreach (Match m in Postcode().Matches(text))
        {
            if (!Overlaps(taken, m) && m.Value.Any(char.IsLetter) && m.Value.Count(char.IsDigit) >= 2)
            {
                contacts.Add(Span(m));
            }
        }
        if (contacts.Count > 0)
        {
            yield return new RuleMatch(SafeMessagingRule.R6, ScreeningOutcome.Hold, "contact-details", ContactReason, [.. contacts.Take(5)], false);
        }
        if (images.Count > 0)
        {
            yield return new RuleMatch(SafeMessagingRule.R2, ScreeningOutcome.Hold, "images", ImageReason, [.. images.Take(5)], false);
        }
        var names = Names(text, tokens, kind, lexicon);
        if (names.Count > 0)
        {
            yield return new RuleMatch(SafeMessagingRule.R6, ScreeningOutcome.Hold, "names", NameReason, [.. names.Take(5)], false);
        }
    }

    /// <summary>
    /// A first name with a surname or initial after it ("Kerry Atkinson", "Sarah J"), a title and a surname ("Dr
    /// Patel"), or in a post a first name written with a capital inside a sentence ("hi Gary") or called to at its
    /// start ("Sophie, if you're reading this"). A display name that is a first name alone is a chosen name, not
    /// identifying. Names that are also ordinary words ("Hope", "Will") count only when a surname follows.
    /// </summary>
    private static List<MatchedSpan> Names(string text, List<Token> tokens, ScreenedKind kind, ScreeningLexicon lexicon)
    {
        var spans = new List<MatchedSpan>();
        var post = kind != ScreenedKind.DisplayName;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            var next = i + 1 < tokens.Count && tokens[i + 1].Sentence == t.Sentence && tokens[i + 1].Clause == t.Clause ? tokens[i + 1] : (Token?)null;
            var surnameNext = next is { } n && char.IsUpper(text[n.Start]) && n.Number is null && !lexicon.AllWords.Contains(n.Text) && !IsCommonWord(n.Text);
            if (lexicon.FirstNames.Contains(t.Text) && (t.Capitalised || !post) && surnameNext)
            {
                spans.Add(new MatchedSpan(t.Start, next!.Value.End - t.Start, text[t.Start..next.Value.End]));
                i++;
                continue;
            }
            if (post && lexicon.NameTitles.Contains(t.Text) && surnameNext)
            {
                spans.Add(new MatchedSpan(t.Start, next!.Value.End - t.Start, text[t.Start..next.Value.End]));
                i++;
                continue;
            }
            if (!post || !lexicon.FirstNames.Contains(t.Text) || lexicon.AmbiguousFirstNames.Contains(t.Text))
            {
                continue;
            }
            var calledTo = t.SentenceInitial && next is null && i + 1 < tokens.Count && tokens[i + 1].Sentence == t.Sentence;
            if ((t.Capitalised && !t.SentenceInitial) || (t.Capitalised && calledTo))
            {
                spans.Add(new MatchedSpan(t.Start, t.Length, text[t.Start..t.End]));
            }
        }
        return spans;
    }

    // Capitalised words that follow a first name without being a surname: "Sarah Is", "Mark My".
    private static bool IsCommonWord(string word) => word.Length <= 1 ? false : word is "is" or "and" or "from" or "was" or "said" or "says" or "the" or "my" or "if" or "to" or "at" or "in" or "on";

    private static bool IsImage(string link)
    {
        var lower = link.ToLowerInvariant();
        return ImageHosts.Any(h => lower.Contains(h, StringComparison.Ordinal)) || ImageEndings.Any(e => lower.Split('?')[0].EndsWith(e, StringComparison.Ordinal));
    }

    private static bool IsCrisisAddress(string value)
    {
        var lower = value.ToLowerInvariant();
        return CrisisContacts.All.Any(c => c.Action.Contains(lower, StringComparison.OrdinalIgnoreCase) || lower.Contains(c.Source.Host, StringComparison.Ordinal));
    }

    // Freephone and 03 numbers (0800, 0808, 0300, 0345…) are charities', services' and public bodies' lines, never a
    // person's own: "the CALL helpline is 0800 132 737" publishes.
    private static bool IsOrganisationLine(string number)
    {
        var digits = CrisisContacts.Digits(number);
        return digits.StartsWith("0800", StringComparison.Ordinal) || digits.StartsWith("0808", StringComparison.Ordinal) || digits.StartsWith("03", StringComparison.Ordinal);
    }

    private static bool Overlaps(List<(int Start, int End)> taken, Match m) => taken.Any(t => m.Index < t.End && t.Start < m.Index + m.Length);

    private static MatchedSpan Span(Match m) => new(m.Index, m.Length, m.Value);
}
