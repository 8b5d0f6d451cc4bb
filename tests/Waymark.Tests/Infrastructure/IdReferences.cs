using AngleSharp.Dom;

namespace Waymark.Tests.Infrastructure;

/// <summary>
/// Attributes that point at another element by id (a label's <c>for</c>, <c>aria-describedby</c>, an error summary's
/// <c>href="#field"</c>). One that points at nothing is read to nobody: a hint or error a screen reader never announces,
/// a summary link that goes nowhere. <see cref="PageChecks"/> asks it of every page the tests read (WCAG 1.3.1, 4.1.2).
/// </summary>
public static class IdReferences
{
    private static readonly string[] Attributes =
        ["for", "aria-describedby", "aria-labelledby", "aria-controls", "aria-errormessage", "aria-owns", "list", "form"];

    /// <summary>Each reference on the page whose id no element has, as <c>attribute=id</c>.</summary>
    public static IReadOnlyList<string> Dangling(IDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
        var references = document.All.SelectMany(e => Attributes
                .Select(a => (Attribute: a, Value: e.GetAttribute(a)))
                .Where(r => r.Value is not null)
                .SelectMany(r => r.Value!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(id => (r.Attribute, Id: id))))
            .Concat(document.QuerySelectorAll("a[href^='#']")
                .Select(a => a.GetAttribute("href")![1..])
                .Where(id => id.Length > 0)
                .Select(id => (Attribute: "href", Id: Uri.UnescapeDataString(id))));
        return references.Where(r => !ids.Contains(r.Id)).Select(r => $"{r.Attribute}={r.Id}").Distinct().ToList();
    }
}
