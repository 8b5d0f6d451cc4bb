using System.Text;
using Waymark.Core.Screening;

namespace Waymark.Tests.Wall;

/// <summary>
/// The lexicon's syntax trap (a space separates word steps, "|" separates alternatives within one step): a bare list of
/// phrases such as "holiday|half term|off work" asks for three words in a row and never matches. Loading refuses two
/// unbracketed alternative steps side by side, so such a list fails loudly instead of silently.
/// </summary>
public sealed class LexiconSyntaxTests
{
    private static ScreeningLexicon LexiconWith(string pattern) =>
        LexiconOf($$"""{ "id": "away", "rules": ["R9"], "reason": "Test.", "why": "test", "patterns": ["going away"], "unless_in_text": ["{{pattern}}"] }""");

    private static ScreeningLexicon LexiconOf(string group) => ScreeningLexicon.Load(new MemoryStream(Encoding.UTF8.GetBytes($$"""
        {
          "negators": ["not"], "first_person": ["i", "my"], "name_titles": [],
          "first_names": { "words": [], "also_words": [] },
          "display_name_compounds": { "words": {} }, "respellings": { "words": {} },
          "classes": { "day": { "words": ["monday", "the weekend"] } },
          "groups": [{{group}}]
        }
        """)));

    [Theory]
    [InlineData("holiday|half term|off work")]
    [InlineData("holiday|holidays|hospital stay|festival")]
    [InlineData("see you|ya|u soon|later")]
    [InlineData("starts|starting at|in")]
    public void A_bare_list_of_phrases_is_refused(string pattern)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => LexiconWith(pattern));
        Assert.Contains(pattern, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the weekend|week|month", "back after the month")]
    [InlineData("(holiday|half term|off work)", "going away, half term")]
    [InlineData("see (you|ya|u) (soon|later)", "going away, see ya later")]
    [InlineData("back (on|after) @day", "going away, back after the weekend")]
    [InlineData("going|leaving !home|back", null)]
    public void Bracketed_or_single_alternatives_load_and_match(string pattern, string? cancelled)
    {
        var screener = new PostScreener(LexiconWith(pattern), null);
        if (cancelled is not null)
        {
            Assert.Empty(screener.Screen(cancelled).Matches);
            Assert.NotEmpty(screener.Screen("going away").Matches);
        }
    }

    // A moderator reads a list's "reason" beside its matches; its "why" is the developers' note. A list without a reason
    // would leave the moderator nothing, or the developers' note, so loading refuses it and names the list.
    [Theory]
    [InlineData("""{ "id": "going-away", "rules": ["R9"], "why": "A developer's note.", "patterns": ["going away"] }""")]
    [InlineData("""{ "id": "going-away", "rules": ["R9"], "reason": " ", "why": "A developer's note.", "patterns": ["going away"] }""")]
    [InlineData("""{ "id": "going-away", "rules": ["R9"], "reason": null, "why": "A developer's note.", "patterns": ["going away"] }""")]
    public void A_list_without_a_reason_for_moderators_is_refused(string group)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => LexiconOf(group));
        Assert.Contains("group going-away", refused.Message, StringComparison.Ordinal);
        Assert.Contains("\"reason\"", refused.Message, StringComparison.Ordinal);

        var withReason = LexiconOf("""{ "id": "going-away", "rules": ["R9"], "reason": "Says the author is going away.", "why": "A developer's note.", "patterns": ["going away"] }""");
        var match = Assert.Single(new PostScreener(withReason, null).Screen("going away").Matches);
        Assert.Equal("Says the author is going away.", match.Reason);
    }

    // A list that stands for no rule (a mask, or context other lists ask for) never makes a match a moderator reads, so it
    // needs no reason: it loads without one.
    [Fact]
    public void A_list_with_no_rule_needs_no_reason()
    {
        var lexicon = LexiconOf("""{ "id": "everyday", "masks": true, "why": "A developer's note.", "patterns": ["killing it"] }""");
        Assert.Equal("", lexicon.Groups.Single(g => g.Id == "everyday").Reason);
    }

    [Fact]
    public void The_shipped_lexicon_has_no_bare_list_of_phrases()
    {
        Assert.NotEmpty(ScreeningLexicon.Embedded.Groups);
        Assert.Null(ScreeningLexicon.BareAlternativesSideBySide("holiday|holidays|hols"));
        Assert.Equal("holiday|half term|off", ScreeningLexicon.BareAlternativesSideBySide("holiday|half term|off work"));
    }
}
