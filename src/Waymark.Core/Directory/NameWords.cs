namespace Waymark.Core.Directory;

/// <summary>
/// What staff type to find an organisation or service by name, as lower-case words. A busy worker types "hull mind"
/// for "Mind in Hull", so a name matches when it holds every word, in any order, rather than the exact phrase.
/// </summary>
public static class NameWords
{
    /// <summary>Enough words to narrow a search; more add nothing a person would type.</summary>
    public const int MaxWords = 8;

    public static IReadOnlyList<string> Of(string? text) =>
        [.. (text ?? "").ToLowerInvariant()
            .Split([' ', '\t', ',', '.', '(', ')', '-', '\'', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w != "the" && w != "and" && w != "of")
            .Distinct()
            .Take(MaxWords)];
}
