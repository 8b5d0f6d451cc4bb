using Waymark.Core.Directory;
using Waymark.Core.Schedules;
using static Waymark.Tests.Core.Matching.ServiceGraph;

namespace Waymark.Tests.Core.Schedules;

public sealed class OpeningHoursTests
{
    public sealed record Case(string Name, Schedule[] Schedules, bool ClosedOnBankHolidays, string At, bool Open, string? NextOpen)
    {
        public override string ToString() => Name;
    }

    private const string Weekdays = "MO,TU,WE,TH,FR";
    private const string EveryDay = "MO,TU,WE,TH,FR,SA,SU";

    public static TheoryData<Case> Cases => new()
    {
        // Spring changeover, Sunday 29 March 2026: 01:00 GMT jumps to 02:00 BST.
        new("24 hours through the spring changeover", [Schedule(EveryDay, "00:00", "23:59")], false, "2026-03-29T01:30:00Z", true, "2026-03-29T01:30:00Z"),
        new("an opening at a time that does not exist in spring starts after the jump", [Schedule("SU", "01:30", "03:00")], false, "2026-03-29T01:00:00Z", false, "2026-03-29T01:30:00Z"),
        new("an opening at a time that does not exist in spring is open after the jump", [Schedule("SU", "01:30", "03:00")], false, "2026-03-29T01:45:00Z", true, "2026-03-29T01:45:00Z"),
        new("Saturday night through the spring changeover ends on the summer clock", [Schedule("SA", "22:00", "03:00")], false, "2026-03-29T01:59:00Z", true, "2026-03-29T01:59:00Z"),
        new("Saturday night through the spring changeover has ended at 03:00 BST", [Schedule("SA", "22:00", "03:00")], false, "2026-03-29T02:00:00Z", false, "2026-04-04T21:00:00Z"),
        // Autumn changeover, Sunday 25 October 2026: 02:00 BST falls back to 01:00 GMT.
        new("Saturday night through the autumn changeover lasts five hours", [Schedule("SA", "22:00", "02:00")], false, "2026-10-25T01:30:00Z", true, "2026-10-25T01:30:00Z"),
        new("Saturday night through the autumn changeover has ended at 02:00 GMT", [Schedule("SA", "22:00", "02:00")], false, "2026-10-25T02:00:00Z", false, "2026-10-31T22:00:00Z"),
        new("an ambiguous autumn time is read as the first of the two", [Schedule("SU", "01:30", "01:45")], false, "2026-10-25T00:35:00Z", true, "2026-10-25T00:35:00Z"),
        new("summer time applies in June", [Schedule("MO", "09:00", "17:00")], false, "2026-06-01T08:30:00Z", true, "2026-06-01T08:30:00Z"),
        new("summer time: 16:30 UTC is 17:30 BST, closed", [Schedule("MO", "09:00", "17:00")], false, "2026-06-01T16:30:00Z", false, "2026-06-08T08:00:00Z"),
        // Past midnight: an opening belongs to the day it starts.
        new("Friday 22:00-02:00 is open at 01:00 on Saturday", [Schedule("FR", "22:00", "02:00")], false, "2026-12-05T01:00:00Z", true, "2026-12-05T01:00:00Z"),
        new("Friday 22:00-02:00 is closed at 02:00 on Saturday (end exclusive)", [Schedule("FR", "22:00", "02:00")], false, "2026-12-05T02:00:00Z", false, "2026-12-11T22:00:00Z"),
        new("Friday 22:00-02:00 is not open at 01:00 on Friday", [Schedule("FR", "22:00", "02:00")], false, "2026-12-04T01:00:00Z", false, "2026-12-04T22:00:00Z"),
        // Valid dates, judged on the UK date the opening starts.
        new("before valid_from", [Schedule("WE", "09:00", "17:00", validFrom: new DateOnly(2026, 12, 3))], false, "2026-12-02T12:00:00Z", false, "2026-12-09T09:00:00Z"),
        new("on valid_from", [Schedule("WE", "09:00", "17:00", validFrom: new DateOnly(2026, 12, 2))], false, "2026-12-02T12:00:00Z", true, "2026-12-02T12:00:00Z"),
        new("on valid_to", [Schedule("WE", "09:00", "17:00", validTo: new DateOnly(2026, 12, 2))], false, "2026-12-02T12:00:00Z", true, "2026-12-02T12:00:00Z"),
        new("after valid_to there is no next opening", [Schedule("WE", "09:00", "17:00", validTo: new DateOnly(2026, 12, 1))], false, "2026-12-02T12:00:00Z", false, null),
        new("an opening that started on its valid_to runs past midnight", [Schedule("FR", "22:00", "02:00", validTo: new DateOnly(2026, 12, 4))], false, "2026-12-05T01:00:00Z", true, "2026-12-05T01:00:00Z"),
        // Bank holidays close the openings that start on them.
        new("closed on the Boxing Day substitute Monday", [Schedule(Weekdays, "09:00", "17:00")], true, "2026-12-28T10:00:00Z", false, "2026-12-29T09:00:00Z"),
        new("open on a bank holiday without the closure attribute", [Schedule(Weekdays, "09:00", "17:00")], false, "2026-12-28T10:00:00Z", true, "2026-12-28T10:00:00Z"),
        new("an opening starting on Christmas Eve runs into Christmas Day", [Schedule(EveryDay, "22:00", "02:00")], true, "2026-12-25T01:00:00Z", true, "2026-12-25T01:00:00Z"),
        new("an opening starting on Christmas Day is closed", [Schedule(EveryDay, "22:00", "02:00")], true, "2026-12-26T01:00:00Z", false, "2026-12-26T22:00:00Z"),
        new("Good Friday 2026 is a bank holiday", [Schedule("FR", "09:00", "17:00")], true, "2026-04-03T10:00:00+01:00", false, "2026-04-10T09:00:00+01:00"),
        // 24 hours.
        new("00:00-23:59 every day is open at midnight", [Schedule(EveryDay, "00:00", "23:59")], false, "2026-12-02T00:00:00Z", true, "2026-12-02T00:00:00Z"),
        new("00:00-23:59 every day is open in the last minute", [Schedule(EveryDay, "00:00", "23:59")], false, "2026-12-02T23:59:30Z", true, "2026-12-02T23:59:30Z"),
        // Written formats.
        new("HH:MM:SS", [Schedule("WE", "09:00:00", "17:00:00")], false, "2026-12-02T16:59:59Z", true, "2026-12-02T16:59:59Z"),
        new("an offset written is honoured", [Schedule("MO", "09:00+00:00", "17:00+00:00")], false, "2026-06-01T09:30:00+01:00", false, "2026-06-01T09:00:00Z"),
        new("an offset written is honoured (open)", [Schedule("MO", "09:00Z", "17:00Z")], false, "2026-06-01T09:30:00Z", true, "2026-06-01T09:30:00Z"),
        new("end exclusive: 17:00 is closed", [Schedule(Weekdays, "09:00", "17:00")], false, "2026-12-02T17:00:00Z", false, "2026-12-03T09:00:00Z"),
        // Next open.
        new("next open across a weekend", [Schedule(Weekdays, "09:00", "17:00")], false, "2026-12-04T18:00:00Z", false, "2026-12-07T09:00:00Z"),
        new("next open across Christmas bank holidays", [Schedule(Weekdays, "09:00", "17:00")], true, "2026-12-24T18:00:00Z", false, "2026-12-29T09:00:00Z"),
        new("next open is within 14 days only", [Schedule("MO", "09:00", "17:00", validFrom: new DateOnly(2026, 12, 21))], false, "2026-12-02T12:00:00Z", false, null),
        // Contact for times.
        new("no schedule", [], false, "2026-12-02T12:00:00Z", false, null),
        new("a monthly schedule is contact for times", [Schedule("", "09:00", "17:00", freq: "MONTHLY")], false, "2026-12-02T12:00:00Z", false, null),
        new("an unreadable time is contact for times", [Schedule("WE", "9am", "5pm")], false, "2026-12-02T12:00:00Z", false, null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Open_now_and_next_open(Case c)
    {
        var hours = OpeningHours.From(c.Schedules, c.ClosedOnBankHolidays);
        var at = DateTimeOffset.Parse(c.At, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(c.Open, hours.IsOpenAt(at));
        Assert.Equal(c.NextOpen is null ? null : DateTimeOffset.Parse(c.NextOpen, System.Globalization.CultureInfo.InvariantCulture), hours.NextOpen(at));
    }

    [Fact]
    public void No_usable_schedule_is_contact_for_times()
    {
        Assert.False(OpeningHours.From([], false).HasTimes);
        Assert.False(OpeningHours.From([Schedule("", "09:00", "17:00", freq: "MONTHLY")], false).HasTimes);
        Assert.True(OpeningHours.From([Schedule("MO", "09:00", "17:00")], false).HasTimes);
    }

    public sealed record WindowCase(string Name, Schedule[] Schedules, bool ClosedOnBankHolidays, DateOnly UkDate, WhenWindows Expected)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<WindowCase> Windows => new()
    {
        new("09:00-17:00 is daytime and does not overlap the evening", [Schedule("MO", "09:00", "17:00")], false, new DateOnly(2026, 12, 2), WhenWindows.WeekdayDaytime),
        new("17:00-22:00 is evening and does not overlap daytime", [Schedule("TU", "17:00", "22:00")], false, new DateOnly(2026, 12, 2), WhenWindows.WeekdayEvening),
        new("16:00-18:00 overlaps both", [Schedule("TH", "16:00", "18:00")], false, new DateOnly(2026, 12, 2), WhenWindows.WeekdayDaytime | WhenWindows.WeekdayEvening),
        new("Friday 22:00-02:00 overlaps the weekend only", [Schedule("FR", "22:00", "02:00")], false, new DateOnly(2026, 12, 2), WhenWindows.Weekend),
        new("Sunday is the weekend", [Schedule("SU", "10:00", "12:00")], false, new DateOnly(2026, 12, 2), WhenWindows.Weekend),
        new("Saturday 08:00-09:00 is the weekend, not weekday daytime", [Schedule("SA", "08:00", "10:00")], false, new DateOnly(2026, 12, 2), WhenWindows.Weekend),
        new("the week of the date counts: valid_to before it", [Schedule("MO", "18:00", "20:00", validTo: new DateOnly(2026, 11, 29))], false, new DateOnly(2026, 12, 2), WhenWindows.None),
        new("the week of the date counts: valid_from later that week", [Schedule("FR", "18:00", "20:00", validFrom: new DateOnly(2026, 12, 4))], false, new DateOnly(2026, 12, 2), WhenWindows.WeekdayEvening),
        new("a week of bank holidays closes an opening", [Schedule("MO", "18:00", "20:00")], true, new DateOnly(2026, 12, 30), WhenWindows.None),
        new("an offset written is moved onto the UK clock", [Schedule("MO", "16:30+00:00", "17:30+00:00")], false, new DateOnly(2026, 6, 3), WhenWindows.WeekdayEvening),
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void When_windows_overlapped_in_the_week(WindowCase c)
    {
        Assert.Equal(c.Expected, OpeningHours.From(c.Schedules, c.ClosedOnBankHolidays).WindowsInWeekOf(c.UkDate));
    }

    [Theory]
    [InlineData("18:00", 1080, null)]
    [InlineData("18:00:30", 1080, null)]
    [InlineData("23:59", 1439, null)]
    [InlineData("09:00+01:00", 540, (short)60)]
    [InlineData("09:00-05:30", 540, (short)-330)]
    [InlineData("09:00Z", 540, (short)0)]
    public void Times_are_read_as_written(string text, int minute, short? offset)
    {
        Assert.True(OpeningHours.TryParseTime(text, out var m, out var o));
        Assert.Equal(minute, m);
        Assert.Equal(offset, o);
    }

    [Theory]
    [InlineData("9:00")]
    [InlineData("25:00")]
    [InlineData("12:60")]
    [InlineData("noon")]
    [InlineData("")]
    [InlineData("09:00+99:00")]
    public void Unreadable_times_are_refused(string text) => Assert.False(OpeningHours.TryParseTime(text, out _, out _));
}
