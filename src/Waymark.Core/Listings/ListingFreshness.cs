using Waymark.Core.Directory;
using Waymark.Core.Schedules;

namespace Waymark.Core.Listings;

public enum Freshness
{
    /// <summary>Checked within the last 6 months.</summary>
    Fresh,

    /// <summary>Not checked for 6 months or more (or never): flagged to its owners and shown to the public.</summary>
    Stale,

    /// <summary>Not checked for 12 months or more: left out of matching, still reachable by link, marked.</summary>
    Expired,
}

/// <summary>How recently a person checked a listing was true ("last checked", not "last updated").</summary>
public static class ListingFreshness
{
    public const int StaleAfterMonths = 6;
    public const int ExpiredAfterMonths = 12;

    /// <summary>
    /// A listing never checked counts as stale, not expired: imported feeds often carry no assured_date,
    /// and dropping them all from matching on day one would hide real services.
    /// </summary>
    public static Freshness Of(DateOnly? assuredDate, DateOnly today) => assuredDate switch
    {
        null => Freshness.Stale,
        { } d when d <= today.AddMonths(-ExpiredAfterMonths) => Freshness.Expired,
        { } d when d <= today.AddMonths(-StaleAfterMonths) => Freshness.Stale,
        _ => Freshness.Fresh,
    };

    public static Freshness Of(DateOnly? assuredDate, TimeProvider time) => Of(assuredDate, UkToday(time));

    /// <summary>Whole months between the check and today, for "last checked N months ago".</summary>
    public static int MonthsSince(DateOnly assuredDate, DateOnly today)
    {
        var months = ((today.Year - assuredDate.Year) * 12) + today.Month - assuredDate.Month;
        if (today.Day < assuredDate.Day)
        {
            months--;
        }
        return Math.Max(0, months);
    }

    public static DateOnly UkToday(TimeProvider time) => UkTime.DateOf(time.GetUtcNow());

    /// <summary>"I've checked this listing": true as of today. Needs the service's organisation loaded.</summary>
    public static void MarkChecked(Service service, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(service);
        service.AssuredDate = today;
        service.AssurerEmail = PublicAssurerEmail(service);
        service.LastModified = now;
    }

    /// <summary>
    /// What ORUK's public <c>assurer_email</c> carries for a listing checked here: the organisation's contact address,
    /// else the service's own. Never the address of the person who checked it (that stays in the provider's own
    /// history), which would publish a member of staff's email to anyone.
    /// </summary>
    public static string? PublicAssurerEmail(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Organization?.Email is { Length: > 0 } organisation ? organisation
            : service.Email is { Length: > 0 } own ? own
            : null;
    }
}
