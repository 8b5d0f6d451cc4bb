namespace Waymark.Core.Screening;

/// <summary>
/// One word of screened text, normalised for matching (lower case, no apostrophes, long letter runs shortened,
/// digits inside a word read as letters), with where it sits in the original text.
/// </summary>
internal readonly record struct Token(string Text, int Start, int End, int Sentence, int Clause, bool Capitalised, bool SentenceInitial, int? Number)
{
    public int Length => End - Start;
}
