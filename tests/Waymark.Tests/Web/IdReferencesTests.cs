using AngleSharp.Html.Parser;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

/// <summary>The check every page read by the tests' browser goes through: references to ids the page does not have.</summary>
public sealed class IdReferencesTests
{
    private static IReadOnlyList<string> DanglingIn(string body) =>
        IdReferences.Dangling(new HtmlParser().ParseDocument($"<!doctype html><html><body>{body}</body></html>"));

    [Fact]
    public void A_page_whose_references_all_resolve_has_none()
    {
        Assert.Empty(DanglingIn("""
            <a href="#main">Skip</a><main id="main">
            <label for="Text">Note</label><div id="Text-hint">hint</div><p id="Text-error">error</p>
            <textarea id="Text" aria-describedby="Text-hint Text-error"></textarea>
            <ul class="error-summary__list"><li><a href="#Text">Write a note</a></li><li>The offer has closed</li></ul>
            <a href="#">Top</a></main>
            """));
    }

    [Fact]
    public void A_hint_an_error_a_label_and_a_summary_link_pointing_at_nothing_are_each_named()
    {
        Assert.Equal(["for=Name", "aria-describedby=Topic-error", "href=Message"], DanglingIn("""
            <label for="Name">Name</label>
            <fieldset aria-describedby="Topic-hint Topic-error"><div id="Topic-hint">hint</div></fieldset>
            <ul class="error-summary__list"><li><a href="#Message">Write a message</a></li></ul>
            """));
    }
}
