using System.Text.Json;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.Oruk;

namespace Waymark.Tests.Core.Accounts;

public sealed class ListingRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    [Theory]
    [InlineData("2026-11-29", Freshness.Fresh)]
    [InlineData("2026-05-30", Freshness.Fresh)]
    [InlineData("2026-05-29", Freshness.Stale)]
    [InlineData("2025-11-30", Freshness.Stale)]
    [InlineData("2025-11-29", Freshness.Expired)]
    [InlineData("2020-01-01", Freshness.Expired)]
    public void Freshness_turns_stale_at_six_months_and_expires_at_twelve(string assured, Freshness expected) =>
        Assert.Equal(expected, ListingFreshness.Of(DateOnly.Parse(assured, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Fact]
    public void A_listing_never_checked_is_stale_but_not_dropped() =>
        Assert.Equal(Freshness.Stale, ListingFreshness.Of(null, Today));

    [Fact]
    public void Today_is_the_UK_date_even_late_on_a_summer_evening_in_UTC()
    {
        var time = new FixedTime(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 7, 1), ListingFreshness.UkToday(time));
    }

    [Theory]
    [InlineData("2026-11-29", 0)]
    [InlineData("2026-10-30", 0)]
    [InlineData("2026-10-29", 1)]
    [InlineData("2025-11-29", 12)]
    public void Months_since_counts_whole_months(string assured, int months) =>
        Assert.Equal(months, ListingFreshness.MonthsSince(DateOnly.Parse(assured, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Theory]
    [InlineData("9:30", true, "09:30")]
    [InlineData("17:00", true, "17:00")]
    [InlineData("24:00", false, "")]
    [InlineData("5pm", false, "")]
    public void Timetable_times_are_hours_and_minutes(string text, bool ok, string normalised)
    {
        Assert.Equal(ok, Timetable.TryParseTime(text, out var n));
        Assert.Equal(normalised, n);
    }

    [Fact]
    public void A_timetable_row_becomes_a_weekly_ORUK_schedule_with_days_in_week_order()
    {
        var s = Timetable.ToSchedule(new Timetable.Row(["FR", "MO"], "09:00", "17:00"), Guid.NewGuid());
        Assert.Equal(("WEEKLY", "MO,FR", "09:00", "17:00"), (s.Freq, s.ByDay, s.OpensAt, s.ClosesAt));
        Assert.Equal("Monday, Friday 09:00 to 17:00", Timetable.Describe([s]));
    }

    [Fact]
    public void History_records_only_changed_fields_with_both_values()
    {
        var before = new Dictionary<string, string> { ["name"] = "Old", ["email"] = "a@example.org" };
        var after = new Dictionary<string, string> { ["name"] = "New", ["email"] = "a@example.org" };
        var row = Assert.Single(ListingHistory.Changes("service", Guid.NewGuid(), before, after, MetadataActions.Update, "someone@example.org", DateTimeOffset.UnixEpoch));
        Assert.Equal(("name", "Old", "New", "someone@example.org"), (row.FieldName, row.PreviousValue, row.ReplacementValue, row.UpdatedBy));
    }

    [Fact]
    public void History_rows_travel_as_ORUK_metadata_in_snake_case()
    {
        var entry = new MetadataEntry
        {
            Id = Guid.NewGuid(), ResourceId = Guid.NewGuid(), ResourceType = "service", LastActionDate = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero),
            LastActionType = "update", FieldName = "name", PreviousValue = "Old", ReplacementValue = "New", UpdatedBy = "someone@example.org",
        };
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(OrukMetadataExport.ToOruk(entry), OrukJson.Options));
        var root = json.RootElement;
        Assert.Equal("2026-11-29", root.GetProperty("last_action_date").GetString());
        Assert.Equal("Old", root.GetProperty("previous_value").GetString());
        Assert.Equal("New", root.GetProperty("replacement_value").GetString());
        Assert.Equal(entry.ResourceId.ToString(), root.GetProperty("resource_id").GetString());
    }

    [Fact]
    public void Service_fields_summarise_vocabulary_and_timetable()
    {
        var service = new Service
        {
            Name = "Group",
            Attributes = [new ServiceAttribute { TaxonomyTermId = Vocabulary.TermId("format:group") }, new ServiceAttribute { TaxonomyTermId = Vocabulary.TermId("expect:sessions"), Value = "6" }],
            Schedules = [new Schedule { Freq = "WEEKLY", ByDay = "TU", OpensAt = "18:00", ClosesAt = "20:00" }],
        };
        var fields = ListingHistory.FieldsOf(service);
        Assert.Equal("expect:sessions=6; format:group", fields["attributes"]);
        Assert.Equal("TU 18:00-20:00", fields["schedules"]);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
