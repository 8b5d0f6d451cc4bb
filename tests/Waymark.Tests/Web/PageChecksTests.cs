using AngleSharp.Html.Parser;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

/// <summary>The checks every page read by the tests' browser goes through (<see cref="PageChecks"/>).</summary>
public sealed class PageChecksTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Page(string body) =>
        new HtmlParser().ParseDocument($"<!doctype html><html><body>{body}</body></html>");

    private const string SoundPage = """
        <a href="#main-content">Skip</a><main id="main-content"><h1>Write a note</h1>
        <label for="Text">Note</label><div id="Text-hint">hint</div><p id="Text-error">error</p>
        <textarea id="Text" name="Text" aria-describedby="Text-hint Text-error"></textarea>
        <label><input type="checkbox" name="AskForPerson"> I want a person to reply</label>
        <input type="hidden" name="token"><button type="submit">Send</button>
        <ul class="error-summary__list"><li><a href="#Text">Write a note</a></li><li>The offer has closed</li></ul>
        <a href="#">Top</a></main>
        """;

    [Fact]
    public void A_sound_page_has_no_problems()
    {
        Assert.Empty(PageChecks.Problems(Page(SoundPage)));
        Assert.Empty(IdReferences.Dangling(Page(SoundPage)));
    }

    [Fact]
    public void A_hint_an_error_a_label_and_a_summary_link_pointing_at_nothing_are_each_named()
    {
        Assert.Equal(["for=Name", "aria-describedby=Topic-error", "href=Message"], IdReferences.Dangling(Page("""
            <label for="Name">Name</label><input id="Other" name="Other" aria-label="Other">
            <fieldset aria-describedby="Topic-hint Topic-error"><div id="Topic-hint">hint</div></fieldset>
            <ul class="error-summary__list"><li><a href="#Message">Write a message</a></li></ul>
            """)));
    }

    [Fact]
    public void An_id_used_twice_an_unlabelled_control_and_a_second_main_heading_are_each_named()
    {
        var problems = PageChecks.Problems(Page("""
            <main id="main-content"><h1>One</h1><h1>Two</h1>
            <p id="note">a</p><p id="note">b</p>
            <input type="text" name="near"></main>
            """));
        Assert.Equal(["uses the id note 2 times", "has a control with no label (input name=near)", "has 2 main headings (h1), not one"], problems);
    }
}
