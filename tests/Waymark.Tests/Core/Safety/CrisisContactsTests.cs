using Waymark.Core.Safety;

namespace Waymark.Tests.Core.Safety;

public sealed class CrisisContactsTests
{
    [Fact]
    public void Every_crisis_contact_was_checked_within_the_last_180_days()
    {
        // Deliberately the real clock: this test exists to fail the build when the signposts go stale.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var stale = CrisisContacts.All
            .Where(c => today.DayNumber - c.LastVerified.DayNumber > CrisisContacts.MaxDaysSinceVerified)
            .Select(c => $"{c.Name} (last verified {c.LastVerified:yyyy-MM-dd}, source {c.Source})")
            .ToList();
        Assert.True(stale.Count == 0, "Re-check these with the organisation and update data/crisis-contacts.json: " + string.Join("; ", stale));
    }

    [Fact]
    public void The_contacts_from_the_brief_are_all_there_with_a_source_and_owner()
    {
        Assert.Equal(["emergency", "nhs-111", "samaritans", "shout", "papyrus", "calm"], CrisisContacts.All.Select(c => c.Id));
        Assert.All(CrisisContacts.All, c =>
        {
            Assert.Equal(Uri.UriSchemeHttps, c.Source.Scheme);
            Assert.False(string.IsNullOrWhiteSpace(c.Owner));
        });
        Assert.Contains("116 123", CrisisContacts.Get("samaritans").Action, StringComparison.Ordinal);
        Assert.Contains("85258", CrisisContacts.Get("shout").Action, StringComparison.Ordinal);
        Assert.Contains("0800 068 4141", CrisisContacts.Get("papyrus").Action, StringComparison.Ordinal);
        Assert.Contains("0800 58 58 58", CrisisContacts.Get("calm").Action, StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_shows_the_emergency_line_and_two_24_hour_contacts()
    {
        Assert.Equal(3, CrisisContacts.CardContacts.Count);
        Assert.Equal("emergency", CrisisContacts.CardContacts[0].Id);
        Assert.All(CrisisContacts.CardContacts, c => Assert.True(c.AlwaysOpen));
    }
}
