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

    [Fact]
    public void The_bar_words_and_the_actions_carry_the_same_number_as_the_link()
    {
        // A number in the words that differs from the one the link dials would send someone to the wrong place.
        Assert.All(CrisisContacts.All, c =>
        {
            Assert.Contains(c.Number, Digits(c.BarText), StringComparison.Ordinal);
            Assert.Contains(c.Number, Digits(c.Action), StringComparison.Ordinal);
            Assert.Matches("^(tel|sms):", c.Href);
        });
        Assert.Equal("116123", CrisisContacts.Get("samaritans").Number);
        Assert.Equal("85258", CrisisContacts.Get("shout").Number);
    }

    [Fact]
    public void The_rest_are_every_contact_not_on_the_card_in_the_order_of_the_file()
    {
        Assert.Equal(["nhs-111", "papyrus", "calm"], CrisisContacts.More.Select(c => c.Id));
    }

    [Theory]
    [InlineData("116 123", "samaritans")]
    [InlineData("116123", "samaritans")]
    [InlineData("85258", "shout")]
    [InlineData("0800 58 58 58", "calm")]
    [InlineData("0800 068 4141", "papyrus")]
    [InlineData("111", "nhs-111")]
    [InlineData("0114 496 0730", null)]
    [InlineData("", null)]
    public void A_listed_number_is_recognised_as_the_crisis_contact_it_reaches(string number, string? id)
    {
        Assert.Equal(id, CrisisContacts.ForNumber(number)?.Id);
    }

    private static string Digits(string s) => new([.. s.Where(char.IsAsciiDigit)]);
}
