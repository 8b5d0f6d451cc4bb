using System.Globalization;
using System.Text;

namespace Waymark.Core.Screening;

/// <summary>
/// Splits text into <see cref="Token"/>s with sentence and clause numbers. Hyphens, slashes and ampersands split a
/// word ("self-harm", "s/h", "a&amp;e") without ending a clause; full stops, question and exclamation marks and line
/// breaks end a sentence; commas, semicolons, colons, dashes and brackets end a clause.
/// </summary>
internal static class Tokenizer
{
    private static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["hundred"] = 100, ["hundreds"] = 100, ["dozen"] = 12, ["dozens"] = 24,
    };

    // Emoji people use for the same things as words: a headstone, a coffin, a knife, pills, a drop of blood, scissors, a wave goodbye.
    private static readonly Dictionary<int, string> EmojiWords = new()
    {
        [0x1FAA6] = "grave", [0x26B0] = "coffin", [0x1F52A] = "knife", [0x1F48A] = "pills", [0x1FA78] = "blood", [0x2702] = "scissors", [0x1FAA2] = "rope", [0x1F44B] = "bye",
    };

    public static List<Token> Tokenize(string text, bool displayName, Func<string, IReadOnlyList<string>?>? splitCompound = null)
    {
        var tokens = new List<Token>(text.Length / 4 + 4);
        int sentence = 0, clause = 0, i = 0;
        var sentenceStart = true;
        while (i < text.Length)
        {
            var c = text[i];
            if (c >= 0x26B0 && EmojiAt(text, i) is { } emoji)
            {
                var length = char.IsHighSurrogate(c) ? 2 : 1;
                tokens.Add(new Token(emoji, i, i + length, sentence, clause, false, sentenceStart, null));
                sentenceStart = false;
                i += length;
                continue;
            }
            if (IsWordChar(text, i))
            {
                var start = i;
                while (i < text.Length && (IsWordChar(text, i) || IsInnerJoiner(text, i)))
                {
                    i++;
                }
                AddWord(tokens, text, start, i, sentence, clause, sentenceStart, displayName, splitCompound);
                sentenceStart = false;
                continue;
            }
            if (c is '.' or '!' or '?' or '\n' or '\r')
            {
                if (!(c == '.' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
                {
                    sentence++;
                    clause++;
                    sentenceStart = true;
                }
            }
            else if (c is ',' or ';' or ':' or '(' or ')' or '"' or '—' or '–' or '…' or '[' or ']'
                     || (c == '-' && (i == 0 || char.IsWhiteSpace(text[i - 1]))))
            {
                clause++;
            }
            i++;
        }
        return tokens;
    }

    private static string? EmojiAt(string text, int i)
    {
        var c = text[i];
        var codePoint = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? char.ConvertToUtf32(c, text[i + 1]) : c;
        return EmojiWords.GetValueOrDefault(codePoint);
    }

    // Letters, digits, apostrophes inside a word, and * or $ used to disguise a letter ("s*icide", "$h").
    private static bool IsWordChar(string text, int i)
    {
        var c = text[i];
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }
        var inside = i > 0 && char.IsLetterOrDigit(text[i - 1]) && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);
        return c switch
        {
            '\'' or '’' => inside,
            '*' or '$' => inside || (i + 1 < text.Length && char.IsLetter(text[i + 1])) || (i > 0 && char.IsLetter(text[i - 1])),
            '+' => i > 0 && char.IsDigit(text[i - 1]),
            _ => false,
        };
    }

    // A decimal point ("2.5") stays inside a number.
    private static bool IsInnerJoiner(string text, int i) =>
        text[i] == '.' && i > 0 && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]);

    private static void AddWord(List<Token> tokens, string text, int start, int end, int sentence, int clause, bool sentenceStart, bool displayName, Func<string, IReadOnlyList<string>?>? splitCompound)
    {
        if (displayName)
        {
            // Display names run words together: "StillHere2024", "tina88", "wanttodie".
            var from = start;
            for (var k = start + 1; k <= end; k++)
            {
                var cut = k == end
                    || (char.IsLower(text[k - 1]) && char.IsUpper(text[k]))
                    || (char.IsLetter(text[k - 1]) && char.IsDigit(text[k]))
                    || (char.IsDigit(text[k - 1]) && char.IsLetter(text[k]));
                if (!cut)
                {
                    continue;
                }
                var piece = Normalise(text.AsSpan(from, k - from));
                var parts = splitCompound?.Invoke(piece);
                if (parts is null)
                {
                    Add(tokens, piece, text, from, k, sentence, clause, sentenceStart && from == start);
                }
                else
                {
                    // The pieces share the compound's place in the text, so a moderator sees the whole name highlighted.
                    foreach (var part in parts)
                    {
                        Add(tokens, part, text, from, k, sentence, clause, false);
                    }
                }
                from = k;
            }
            return;
        }

        var word = Normalise(text.AsSpan(start, end - start));
        // "45kg", "800cals", "8st", "10k": a number and its unit are two words.
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }
        if (digits > 0 && digits < word.Length && word.AsSpan(digits).IndexOfAnyInRange('0', '9') < 0 && word[digits] != '+')
        {
            Add(tokens, word[..digits], text, start, start + digits, sentence, clause, sentenceStart);
            Add(tokens, word[digits..], text, start + digits, end, sentence, clause, false);
            return;
        }
        Add(tokens, word, text, start, end, sentence, clause, sentenceStart);
    }

    private static void Add(List<Token> tokens, string word, string text, int start, int end, int sentence, int clause, bool sentenceStart)
    {
        if (word.Length == 0)
        {
            return;
        }
        tokens.Add(new Token(word, start, end, sentence, clause, char.IsUpper(text[start]), sentenceStart, NumberOf(word)));
    }

    private static int? NumberOf(string word)
    {
        if (char.IsAsciiDigit(word[0]))
        {
            var span = word.AsSpan().TrimEnd('+');
            var dot = span.IndexOf('.');
            if (dot >= 0)
            {
                span = span[..dot];
            }
            return span.Length is > 0 and <= 9 && int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        }
        return NumberWords.TryGetValue(word, out var w) ? w : null;
    }

    /// <summary>Lower case; apostrophes dropped ("don't" → "dont"); runs of three or more letters cut to two; digits and $ inside letters read as letters ("su1c1de").</summary>
    internal static string Normalise(ReadOnlySpan<char> raw)
    {
        var sb = new StringBuilder(raw.Length);
        var hasLetter = false;
        var hasDigit = false;
        foreach (var ch in raw)
        {
            hasLetter |= char.IsLetter(ch);
            hasDigit |= char.IsDigit(ch);
        }
        for (var k = 0; k < raw.Length; k++)
        {
            var ch = char.ToLowerInvariant(raw[k]);
            if (ch is '\'' or '’')
            {
                // "od'd" and "sh'd" are past tenses, not the word "odd".
                if (k + 2 == raw.Length && raw[k + 1] is 'd' or 'D' && sb.ToString() is "od" or "sh")
                {
                    sb.Append(sb[0] == 'o' ? "ed" : "d");
                    break;
                }
                continue;
            }
            if (hasLetter && hasDigit && char.IsDigit(ch) && k > 0 && k < raw.Length - 1 && char.IsLetter(raw[k - 1]) && (char.IsLetter(raw[k + 1]) || char.IsDigit(raw[k + 1])))
            {
                ch = Leet(ch);
            }
            else if (ch == '$')
            {
                ch = 's';
            }
            if (sb.Length >= 2 && char.IsLetter(ch) && sb[^1] == ch && sb[^2] == ch)
            {
                continue;
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static char Leet(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        _ => c,
    };
}
