using Waymark.Core.Screening;

namespace Waymark.Tests.Wall;

/// <summary>The learned rules beside the word lists (ADR 0021): what they add, how they explain it, and what they leave alone.</summary>
public sealed class LearnedRulesTests
{
    [Fact]
    public void Intent_in_words_no_list_names_is_urgent_and_shows_the_words_that_weighed_most()
    {
        const string text = "everyone will understand after tonight";
        Assert.Equal(ScreeningOutcome.Publish, PostScreener.RulesOnly.Screen(text).Outcome);

        var result = PostScreener.Default.Screen(text);

        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        var match = Assert.Single(result.Matches, m => m.Rule == SafeMessagingRule.R9);
        Assert.Equal("learned-r9", match.Group);
        Assert.Equal(ScreeningOutcome.Urgent, match.Outcome);
        Assert.InRange(match.Spans.Count, 1, 5);
        Assert.All(match.Spans, s => Assert.Equal(text.Substring(s.Start, s.Length), s.Text));
        Assert.Contains(match.Spans, s => s.Text.Contains("tonight", StringComparison.Ordinal));
        // Content, not people, and no numbers for a moderator to read as a score.
        Assert.DoesNotContain(match.Reason, char.IsDigit);
    }

    [Fact]
    public void Encouragement_no_list_names_is_held_for_a_person_not_rejected()
    {
        const string text = "honestly everyone should try it, it really works";
        Assert.Equal(ScreeningOutcome.Publish, PostScreener.RulesOnly.Screen(text).Outcome);

        var result = PostScreener.Default.Screen(text);

        Assert.Equal(ScreeningOutcome.Hold, result.Outcome);
        Assert.Contains(result.Matches, m => m.Rule == SafeMessagingRule.R4 && m.Group == "learned-r4" && m.Outcome == ScreeningOutcome.Hold);
        Assert.Null(result.AuthorMessage);
    }

    // ADR 0037: a risky sentence at the end of a long post is read on its own too, so the rest of the post cannot dilute
    // it, and the moderator is shown that sentence's words. A made-up word stands for risk, so no word list matches.
    [Fact]
    public void A_sentence_diluted_by_the_rest_of_a_long_post_is_read_on_its_own_and_shown()
    {
        const string model = "rules\tR1\tR3\tR4\tR5\tR9\nbias\t0\t0\t0\t0\t0\nthreshold\t9\t9\t9\t9\t9\n{0}" +
            "0\t0\t0\t0\t6\tw zorblat\n0\t0\t0\t0\t-2\tw garden\n";
        const string text = "the garden was lovely. the garden is done. i will zorblat";
        var without = LearnedRules.Read(new StringReader(string.Format(System.Globalization.CultureInfo.InvariantCulture, model, "")));
        var with = LearnedRules.Read(new StringReader(string.Format(System.Globalization.CultureInfo.InvariantCulture, model, "r9-sentence\t5\n")));

        // The whole post sums to 6 - 2 = 4, under the bar of 9; two sentences in a row sum to 4, under 5.
        Assert.Equal(ScreeningOutcome.Publish, PostScreener.With(without).Screen(text).Outcome);
        var result = PostScreener.With(with).Screen(text);

        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        var match = Assert.Single(result.Matches);
        Assert.Equal("learned-r9-sentence", match.Group);
        var span = Assert.Single(match.Spans);
        Assert.Equal("zorblat", span.Text);
        Assert.DoesNotContain(match.Reason, char.IsDigit);
        // One sentence is the whole post: nothing more to read on its own.
        Assert.Equal(ScreeningOutcome.Publish, PostScreener.With(with).Screen("the garden, the garden and i will zorblat").Outcome);
        // A return said in the post keeps the sentence bar off, as it keeps the whole post's bar up.
        Assert.Equal(ScreeningOutcome.Publish, PostScreener.With(with).Screen("the garden was lovely. i will zorblat. back on monday").Outcome);
    }

    [Theory]
    [InlineData("i want to kill myself tonight", SafeMessagingRule.R9)]
    [InlineData("you should just kill yourself", SafeMessagingRule.R4)]
    public void Where_a_list_matched_the_rule_the_learned_model_adds_nothing_for_it(string text, SafeMessagingRule rule)
    {
        var result = PostScreener.Default.Screen(text);

        Assert.Contains(result.Matches, m => m.Rule == rule);
        Assert.DoesNotContain(result.Matches, m => m.Rule == rule && m.Group.StartsWith("learned-", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_feature_is_looked_up_by_the_hash_of_the_name_the_model_file_writes()
    {
        var features = new List<LearnedFeature>();
        var checkedCount = 0;
        foreach (var post in LabelledPost.SpentFiles.SelectMany(LabelledPost.Load))
        {
            var tokens = PostScreener.RulesOnly.Tokens(post.Text, post.ScreenedKind);
            LearnedFeatures.Enumerate(tokens, features);
            foreach (var f in features)
            {
                Assert.Equal(LearnedFeatures.HashOf(LearnedFeatures.TextOf(tokens, f)), f.Hash);
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 100_000, $"only {checkedCount} features checked");
    }

    [Fact]
    public void The_shipped_model_has_weights_for_misspellings_through_letter_runs()
    {
        // "sucide" shares "_su", "cid", "ide_" with "suicide": the letters carry weight toward R9 without a list entry.
        var model = LearnedRules.Embedded;
        Assert.True(model.FeatureCount > 1_000);
        Assert.NotNull(model.WeightsOf("c cid"));
        Assert.True(model.WeightsOf("c cid")![Array.IndexOf(LearnedRules.Modelled, SafeMessagingRule.R9)] > 0);
    }

    // A hand-written model: "again" leans toward R9, far below the threshold; the urgent route starts at 0.5 (ADR 0028).
    private const string RouteModel = "rules\tR1\tR3\tR4\tR5\tR9\nbias\t0\t0\t0\t0\t0\nthreshold\t9\t9\t9\t9\t9\nurgent-if-held\t0.5\n0\t0\t0\t0\t1\tw again\n";

    [Fact]
    public void A_post_held_for_another_rule_that_leans_toward_intent_goes_first_as_urgent()
    {
        const string text = "got the pills from the bathroom cabinet again";
        Assert.Equal(ScreeningOutcome.Hold, PostScreener.RulesOnly.Screen(text).Outcome);
        using var reader = new StringReader(RouteModel);
        var model = LearnedRules.Read(reader);

        var result = PostScreener.With(model).Screen(text);

        Assert.Equal(ScreeningOutcome.Urgent, result.Outcome);
        var route = Assert.Single(result.Matches, m => m.Group == "learned-r9-route");
        Assert.Equal(SafeMessagingRule.R9, route.Rule);
        Assert.Contains(route.Spans, s => s.Text == "again");
        Assert.DoesNotContain(route.Reason, char.IsDigit);
        // The rule the lists held it for is still shown.
        Assert.Contains(result.Matches, m => m.Rule == SafeMessagingRule.R1 && m.Outcome == ScreeningOutcome.Hold);
        // The route is in the model file, so it survives writing and reading.
        using var again = new StringReader(model.ToString());
        Assert.Equal(0.5f, LearnedRules.Read(again).UrgentIfHeld);
    }

    [Fact]
    public void The_urgent_route_leaves_published_posts_and_display_names_alone()
    {
        using var reader = new StringReader(RouteModel);
        var screener = PostScreener.With(LearnedRules.Read(reader));

        Assert.Equal(ScreeningOutcome.Publish, screener.Screen("see you all again at the group on thursday").Outcome);
        Assert.DoesNotContain(screener.Screen("sarah jones again", ScreenedKind.DisplayName).Matches, m => m.Group == "learned-r9-route");
    }

    // A hand-written model: "again" weighs 3 toward R9, under the threshold of 4 but over the bar of 2.5 for a text that
    // says no return (issue 14, branch urgent14).
    private const string ReturnModel = "rules\tR1\tR3\tR4\tR5\tR9\nbias\t0\t0\t0\t0\t0\nthreshold\t9\t9\t9\t9\t4\nr9-without-return\t2.5\n0\t0\t0\t0\t3\tw again\n";

    [Fact]
    public void The_learned_r9_bar_is_lower_unless_the_text_says_the_author_will_be_back()
    {
        using var reader = new StringReader(ReturnModel);
        var model = LearnedRules.Read(reader);
        var screener = PostScreener.With(model);

        var noReturn = screener.Screen("quiet on here again");
        Assert.Equal(ScreeningOutcome.Urgent, noReturn.Outcome);
        Assert.Contains(noReturn.Matches, m => m.Group == "learned-r9");
        Assert.Equal(ScreeningOutcome.Publish, screener.Screen("quiet on here again, back on monday").Outcome);
        Assert.Equal(ScreeningOutcome.Publish, screener.Screen("quiet on here again, off to a wedding").Outcome);
        // A return denied is no return.
        Assert.Equal(ScreeningOutcome.Urgent, screener.Screen("quiet on here again, wont be back on monday").Outcome);
        // The bar is in the model file, so it survives writing and reading.
        using var again = new StringReader(model.ToString());
        Assert.Equal(2.5f, LearnedRules.Read(again).R9WithoutReturn);
    }

    [Fact]
    public void A_model_file_for_other_rules_is_refused()
    {
        using var reader = new StringReader("rules\tR1\tR2\tR4\tR5\tR9\nbias\t0\t0\t0\t0\t0\nthreshold\t1\t1\t1\t1\t1\n");

        var ex = Assert.Throws<InvalidDataException>(() => LearnedRules.Read(reader));

        Assert.Contains("R1,R2,R4,R5,R9", ex.Message, StringComparison.Ordinal);
    }
}
