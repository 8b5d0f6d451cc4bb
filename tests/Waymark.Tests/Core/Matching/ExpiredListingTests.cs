namespace Waymark.Tests.Core.Matching;

/// <summary>Issue 5, verification: a listing nobody has checked for 12 months drops out of matching until re-checked.</summary>
public sealed class ExpiredListingTests : MatcherTestBase
{
    [Theory]
    [InlineData("2025-12-03", true)]   // 12 months less a day before 2 December 2026: still shown
    [InlineData("2025-12-02", false)]  // exactly 12 months: expired
    [InlineData("2024-06-01", false)]
    public void A_listing_unchecked_for_12_months_is_left_out(string assured, bool shown)
    {
        var service = Plain().Assured(DateOnly.Parse(assured, System.Globalization.CultureInfo.InvariantCulture));

        var outcome = Match(Near(), service);

        Assert.Equal(shown, outcome.Results.Any(r => r.Id == service.Build().Id));
    }

    [Fact]
    public void An_expired_listing_is_never_offered_as_a_nearest_miss()
    {
        var expired = Plain().Assured(new DateOnly(2024, 1, 1)).With("format:group");

        var outcome = Match(Near() with { Format = Set("format:one-to-one") }, expired);

        Assert.Empty(outcome.Results);
        Assert.Empty(outcome.NearestMisses);
    }

    [Fact]
    public void A_listing_never_checked_stays_in_matching_with_a_caution()
    {
        var neverChecked = ServiceGraph.Named("Never checked").KmNorth(2).With("delivery:in-person", "format:one-to-one", "access:self-referral");

        var outcome = Match(Near(), neverChecked);

        var result = Assert.Single(outcome.Results);
        Assert.Contains("Not known when this listing was last checked", result.Cautions);
    }
}
