using Waymark.Core.Schedules;
using Waymark.Web.Text;

namespace Waymark.Tests.Web;

public sealed class PlainWordsTests
{
    [Theory]
    [InlineData(0, "midnight")]
    [InlineData(9 * 60, "9am")]
    [InlineData(12 * 60, "midday")]
    [InlineData((18 * 60) + 30, "6:30pm")]
    [InlineData((23 * 60) + 59, "11:59pm")]
    [InlineData(1440, "midnight")]
    public void Times_are_said_as_people_say_them(int minuteOfDay, string words) => Assert.Equal(words, PlainWords.Time(minuteOfDay));

    [Theory]
    [InlineData(0b0000010, "Tuesdays")]
    [InlineData(0b0000101, "Mondays and Wednesdays")]
    [InlineData(0b0011111, "Monday to Friday")]
    [InlineData(0b1100000, "Saturdays and Sundays")]
    [InlineData(0b1010101, "Mondays, Wednesdays, Fridays and Sundays")]
    [InlineData(0b1111111, "Every day")]
    public void Days_are_grouped_into_words(byte days, string words) => Assert.Equal(words, PlainWords.Days(days));

    [Fact]
    public void An_opening_past_midnight_says_it_ends_the_next_morning()
    {
        var friday = new WeeklyOpening(0b0010000, 22 * 60, 4 * 60, WeeklyOpening.UkLocal, int.MinValue, int.MaxValue);
        Assert.Equal("Fridays, 10pm to 2am the next morning", PlainWords.Opening(friday));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(0, "No waiting list")]
    [InlineData(5, "About 5 days")]
    [InlineData(14, "About 2 weeks")]
    [InlineData(105, "About 15 weeks")]
    [InlineData(240, "About 34 weeks")]
    public void Waits_are_rounded_to_what_a_person_can_plan_with(int? days, string? words) => Assert.Equal(words, PlainWords.Wait(days));

    [Theory]
    [InlineData("2026-03-20", "2026-11-29", 8)]
    [InlineData("2026-09-30", "2026-11-29", 1)]
    [InlineData("2026-11-30", "2026-11-29", 0)]
    public void Months_are_whole_calendar_months(string from, string to, int months) =>
        Assert.Equal(months, Waymark.Core.Listings.ListingFreshness.MonthsSince(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Remote_results_say_there_is_no_travel()
    {
        Assert.Equal("By phone or text — no travel", PlainWords.Distance(null, ["phone", "text"]));
        Assert.Equal("Online — no travel", PlainWords.Distance(null, ["in-person", "online"]));
        Assert.Equal("12 km away (about 8 miles)", PlainWords.Distance(12.2, ["in-person"]));
    }
}
