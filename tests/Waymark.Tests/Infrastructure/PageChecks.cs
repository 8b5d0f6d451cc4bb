using AngleSharp.Dom;

namespace Waymark.Tests.Infrastructure;

/// <summary>
/// What every page the tests read must get right for people using a screen reader or keyboard, checked on each page the
/// tests' browser and <see cref="HtmlPage"/> parse: no reference to a missing id, no id used twice (a label or hint would
/// name the wrong element), every form control labelled, and one main heading (WCAG 1.3.1, 2.4.6, 4.1.2).
/// </summary>
public static class PageChecks
{
    /// <summary>Each problem on the page, in words.</summary>
    public static IReadOnlyList<string> Problems(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<string>();
        problems.AddRange(IdReferences.Dangling(document).Select(r => $"refers to a missing id ({r})"));
        problems.AddRange(document.QuerySelectorAll("[id]").GroupBy(e => e.Id!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => $"uses the id {g.Key} {g.Count()} times"));
        problems.AddRange(document.QuerySelectorAll("input, select, textarea")
            .Where(c => c.GetAttribute("type") is not ("hidden" or "submit" or "button" or "reset" or "image"))
            .Where(c => !IsLabelled(document, c))
            .Select(c => $"has a control with no label ({c.LocalName} name={c.GetAttribute("name")})"));
        // Only whole pages: the layout's main region marks one.
        if (document.GetElementById("main-content") is not null && document.QuerySelectorAll("h1").Length != 1)
        {
            problems.Add($"has {document.QuerySelectorAll("h1").Length} main headings (h1), not one");
        }
        return problems;
    }

    /// <summary>Throws, naming the page and each problem, when the page has any.</summary>
    public static void ThrowIfAny(IDocument document, Uri? page)
    {
        var problems = Problems(document);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"{page?.PathAndQuery}: {string.Join("; ", problems)}");
        }
    }

    private static bool IsLabelled(IDocument document, IElement control) =>
        control.HasAttribute("aria-label") || control.HasAttribute("aria-labelledby") || control.HasAttribute("title")
        || control.Closest("label") is not null
        || (control.Id is { Length: > 0 } id && document.QuerySelectorAll("label[for]").Any(l => l.GetAttribute("for") == id));
}
