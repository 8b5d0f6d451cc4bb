using Waymark.Core.Safety;

namespace Waymark.Tests.Core.Safety;

public sealed class GuidanceSourcesTests
{
    [Fact]
    public void Every_guidance_source_was_checked_within_the_last_180_days()
    {
        // Deliberately the real clock, as for the crisis contacts: stale guidance must fail the build.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var stale = GuidanceSources.All
            .Where(s => today.DayNumber - s.LastVerified.DayNumber > CrisisContacts.MaxDaysSinceVerified)
            .Select(s => $"{s.Title} (last verified {s.LastVerified:yyyy-MM-dd}, source {s.Source})")
            .ToList();
        Assert.True(stale.Count == 0, "Re-check these and update data/guidance-sources.json: " + string.Join("; ", stale));
    }

    [Fact]
    public void Each_source_has_an_https_address_an_owner_and_a_unique_id()
    {
        Assert.NotEmpty(GuidanceSources.All);
        Assert.Equal(GuidanceSources.All.Count, GuidanceSources.All.Select(s => s.Id).Distinct().Count());
        Assert.All(GuidanceSources.All, s =>
        {
            Assert.Equal(Uri.UriSchemeHttps, s.Source.Scheme);
            Assert.False(string.IsNullOrWhiteSpace(s.Owner));
            Assert.False(string.IsNullOrWhiteSpace(s.Title));
        });
    }

    [Fact]
    public void Asking_for_a_source_that_is_not_there_fails_rather_than_dropping_the_credit()
    {
        Assert.Equal(["nice-ng225", "hse-management-standards"], GuidanceSources.For("nice-ng225", "hse-management-standards").Select(s => s.Id));
        Assert.Throws<InvalidOperationException>(() => GuidanceSources.For("nice-ng999"));
    }
}
