using Waymark.Core.Schedules;

namespace Waymark.Tests.Core.Schedules;

public sealed class BankHolidaysTests
{
    [Fact]
    public void The_2026_bank_holidays_in_England_and_Wales_are_known()
    {
        DateOnly[] expected =
        [
            new(2026, 1, 1), new(2026, 4, 3), new(2026, 4, 6), new(2026, 5, 4),
            new(2026, 5, 25), new(2026, 8, 31), new(2026, 12, 25), new(2026, 12, 28),
        ];

        Assert.Equal(expected, BankHolidays.EnglandAndWales.Where(d => d.Year == 2026).Order());
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    public void Every_year_from_2024_to_2028_has_eight_on_weekdays(int year)
    {
        var days = BankHolidays.EnglandAndWales.Where(d => d.Year == year).ToList();

        Assert.Equal(8, days.Count);
        Assert.All(days, d => Assert.True(d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{d} is at a weekend"));
    }

    [Theory]
    [InlineData("2027-03-26")] // Good Friday
    [InlineData("2027-12-27")] // Christmas Day falls on a Saturday
    [InlineData("2027-12-28")] // Boxing Day falls on a Sunday
    [InlineData("2028-01-03")] // New Year's Day falls on a Saturday
    [InlineData("2028-04-17")] // Easter Monday
    [InlineData("2024-03-29")]
    [InlineData("2025-04-21")]
    public void Easter_and_substitute_days(string date) =>
        Assert.True(BankHolidays.IsBankHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
}
