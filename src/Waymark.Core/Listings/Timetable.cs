using System.Globalization;
using Waymark.Core.Directory;

namespace Waymark.Core.Listings;

/// <summary>
/// The friendly weekly timetable a provider fills in (days ticked, opens, closes), and the ORUK weekly
/// schedules it stands for (<c>freq</c> WEEKLY, <c>byday</c>, <c>opens_at</c>, <c>closes_at</c> in UK time).
/// </summary>
public static class Timetable
{
    public sealed record Row(IReadOnlyList<string> Days, string Opens, string Closes);

    public static readonly IReadOnlyList<(string Code, string Name)> Days =
    [
        ("MO", "Monday"), ("TU", "Tuesday"), ("WE", "Wednesday"), ("TH", "Thursday"), ("FR", "Friday"), ("SA", "Saturday"), ("SU", "Sunday"),
    ];

    /// <summary>The vocabulary term for "closed on bank holidays", which the timetable form asks about with the times.</summary>
    public static readonly Guid ClosedOnBankHolidaysTerm = Vocabulary.TermId("schedule:closed-bank-holidays");

    /// <summary>Needs the service's attributes loaded.</summary>
    public static bool ClosesOnBankHolidays(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Attributes.Any(a => a.TaxonomyTermId == ClosedOnBankHolidaysTerm);
    }

    public static bool IsWeekly(Schedule s) =>
        string.Equals(s.Freq, "WEEKLY", StringComparison.OrdinalIgnoreCase) && s.ByMonthDay is null && s.ValidFrom is null && s.ValidTo is null;

    /// <summary>"HH:MM" (or "H:MM"), 00:00 to 23:59.</summary>
    public static bool TryParseTime(string? text, out string normalised)
    {
        normalised = "";
        if (TimeOnly.TryParseExact(text?.Trim(), ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            normalised = t.ToString("HH:mm", CultureInfo.InvariantCulture);
            return true;
        }
        return false;
    }

    public static List<Row> RowsOf(IEnumerable<Schedule> schedules) => schedules
        .Where(IsWeekly)
        .Select(s => new Row(
            (s.ByDay ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            Short(s.OpensAt), Short(s.ClosesAt)))
        .ToList();

    public static Schedule ToSchedule(Row row, Guid serviceId) => new()
    {
        Id = Guid.NewGuid(),
        ServiceId = serviceId,
        Freq = "WEEKLY",
        Interval = 1,
        ByDay = string.Join(',', Days.Select(d => d.Code).Where(row.Days.Contains)),
        OpensAt = row.Opens,
        ClosesAt = row.Closes,
    };

    public static string Describe(IEnumerable<Schedule> schedules) => string.Join("; ", schedules.Select(s =>
    {
        var days = (s.ByDay ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => Days.FirstOrDefault(d => d.Code == c).Name ?? c);
        var when = s.OpensAt is null ? "" : $" {Short(s.OpensAt)} to {Short(s.ClosesAt)}";
        return string.Join(", ", days) + when;
    }));

    private static string Short(string? time) => time is { Length: >= 5 } ? time[..5] : time ?? "";
}
