using Waymark.Core.Referrals;
using Waymark.Core.Schedules;

namespace Waymark.Tests.Core.Referrals;

/// <summary>When a referral's answer is due, in working days in England: weekends and GOV.UK bank holidays skipped.</summary>
public sealed class StalenessTests
{
    public static TheoryData<string, string, int?, string> DueDates => new()
    {
        // sent (UK local), what it is, stated working days, answer due by
        { "2026-11-09 10:00", "a Monday", null, "2026-11-16" },
        { "2026-11-13 16:00", "a Friday", null, "2026-11-20" },
        { "2026-11-14 11:00", "a Saturday: counting starts on Monday", null, "2026-11-20" },
        { "2026-11-15 11:00", "a Sunday", null, "2026-11-20" },
        { "2026-12-23 09:00", "before Christmas, Boxing Day (substitute) and New Year", null, "2027-01-04" },
        { "2026-04-02 09:00", "before Good Friday and Easter Monday", null, "2026-04-13" },
        { "2026-05-22 09:00", "before the spring bank holiday", null, "2026-06-01" },
        { "2026-04-03 09:00", "on Good Friday itself", null, "2026-04-13" },
        { "2026-11-09 10:00", "a service that answers in 10 working days", 10, "2026-11-23" },
        { "2026-11-09 10:00", "a service that answers in 1 working day", 1, "2026-11-10" },
        { "2026-11-09 10:00", "a nonsense figure of 0 falls back to 5", 0, "2026-11-16" },
        { "2026-11-09 10:00", "a nonsense figure of 999 falls back to 5", 999, "2026-11-16" },
        { "2026-06-05 00:30", "just after midnight on Friday in summer time (still Thursday in UTC)", null, "2026-06-12" },
    };

    [Theory]
    [MemberData(nameof(DueDates))]
    public void The_answer_is_due_after_the_stated_working_days(string sentLocal, string what, int? stated, string due)
    {
        var sentAt = UkTime.ToInstant(DateTime.Parse(sentLocal, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture) == Staleness.AnswerDueBy(sentAt, stated), what);
    }

    public static TheoryData<string, string, string, bool> Overdue => new()
    {
        // status, sent (UK), now (UK), overdue?
        { "Sent", "2026-11-13 16:00", "2026-11-20 17:00", false },
        { "Sent", "2026-11-13 16:00", "2026-11-20 23:59", false },
        { "Sent", "2026-11-13 16:00", "2026-11-21 00:01", true },
        { "Opened", "2026-11-13 16:00", "2026-11-23 09:00", true },
        { "Accepted", "2026-11-13 16:00", "2026-12-23 09:00", false },
        { "OnWaitingList", "2026-11-13 16:00", "2026-12-23 09:00", false },
        { "Declined", "2026-11-13 16:00", "2026-12-23 09:00", false },
        { "Sent", "2026-12-23 09:00", "2027-01-01 12:00", false },
        { "Sent", "2026-12-23 09:00", "2027-01-04 12:00", false },
        { "Sent", "2026-12-23 09:00", "2027-01-05 08:00", true },
    };

    [Theory]
    [MemberData(nameof(Overdue))]
    public void Only_an_unanswered_referral_past_its_day_is_overdue(string status, string sentLocal, string nowLocal, bool overdue)
    {
        var sentAt = UkTime.ToInstant(DateTime.Parse(sentLocal, System.Globalization.CultureInfo.InvariantCulture));
        var now = UkTime.ToInstant(DateTime.Parse(nowLocal, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(overdue, Staleness.IsOverdue(Enum.Parse<ReferralStatus>(status), sentAt, null, now));
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(27.9, 0)]
    [InlineData(28, 1)]
    [InlineData(55.9, 1)]
    [InlineData(56, 2)]
    [InlineData(120, 4)]
    public void Check_ins_fall_due_every_28_days_on_the_waiting_list(double daysOnList, int period)
    {
        var joined = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(period, WaitingListCheckIns.PeriodAt(joined, joined.AddDays(daysOnList)));
    }

    [Fact]
    public void Working_days_skip_weekends_and_bank_holidays()
    {
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 12, 28))); // Boxing Day, substitute
        Assert.False(WorkingDays.IsWorkingDay(new DateOnly(2026, 11, 28))); // a Saturday
        Assert.True(WorkingDays.IsWorkingDay(new DateOnly(2026, 11, 27)));
        Assert.Equal(new DateOnly(2026, 11, 27), WorkingDays.Add(new DateOnly(2026, 11, 27), 0));
    }
}
