using Waymark.Core.Schedules;

namespace Waymark.Core.Referrals;

/// <summary>
/// When a referral has waited too long for an answer: it is still Sent or Opened (nobody has accepted or
/// declined it) after the service's stated response time, in working days from the UK date it was sent.
/// It becomes overdue at the start of the first day after its last answer day.
/// </summary>
public static class Staleness
{
    public const int DefaultResponseWorkingDays = 5;
    public const int MaxResponseWorkingDays = 60;

    /// <summary>The vocabulary code under which a service states its own response time.</summary>
    public const string ResponseTimeCode = "expect:response-working-days";

    /// <summary>A stated response time as the overdue rule uses it (1 to <see cref="MaxResponseWorkingDays"/> working days), else null.</summary>
    public static int? StatedResponseDays(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
        && days is > 0 and <= MaxResponseWorkingDays ? days : null;

    public static bool AwaitsAnswer(ReferralStatus status) => status is ReferralStatus.Sent or ReferralStatus.Opened;

    /// <summary>The last UK day on which the service is still in time to answer.</summary>
    public static DateOnly AnswerDueBy(DateTimeOffset sentAt, int? responseWorkingDays) =>
        WorkingDays.Add(UkTime.DateOf(sentAt), ResponseDays(responseWorkingDays));

    public static bool IsOverdue(ReferralStatus status, DateTimeOffset sentAt, int? responseWorkingDays, DateTimeOffset now) =>
        AwaitsAnswer(status) && UkTime.DateOf(now) > AnswerDueBy(sentAt, responseWorkingDays);

    /// <summary>The service's stated figure when it is sensible, else the default.</summary>
    public static int ResponseDays(int? stated) => stated is > 0 and <= MaxResponseWorkingDays ? stated.Value : DefaultResponseWorkingDays;
}
