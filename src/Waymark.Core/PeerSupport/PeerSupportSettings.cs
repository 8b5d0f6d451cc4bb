namespace Waymark.Core.PeerSupport;

/// <summary>
/// An organisation's own rules for its peer supporters (SAFETY.md §5: there is no national figure). Defaults
/// from published practice: Shout caps volunteers at 4 hours in any 24 and 16 in any 7 days and retrains
/// after 6 months inactive; Samaritans trains for 42 hours before supervised practice. A row exists only once the
/// organisation changes something.
/// </summary>
public sealed class PeerSupportSettings
{
    public const int DefaultDayMinutes = 4 * 60;
    public const int DefaultWeekMinutes = 16 * 60;
    public const int DefaultCaseloadLimit = 6;
    public const int DefaultSupervisionEveryDays = 28;
    public const int DefaultInactiveDays = 183;
    public const int DefaultInitialTrainingHours = 42;
    public const int MaxInitialTrainingHours = 500;

    public Guid OrganisationId { get; set; }
    public int DayCapMinutes { get; set; } = DefaultDayMinutes;
    public int WeekCapMinutes { get; set; } = DefaultWeekMinutes;
    public int CaseloadLimit { get; set; } = DefaultCaseloadLimit;
    public int SupervisionEveryDays { get; set; } = DefaultSupervisionEveryDays;
    public int InactiveDays { get; set; } = DefaultInactiveDays;

    /// <summary>Hours of training a peer supporter must have recorded before they can be assigned anything; 0 for none.</summary>
    public int InitialTrainingHours { get; set; } = DefaultInitialTrainingHours;

    /// <summary>The courses everyone must hold in date, as a list separated by new lines.</summary>
    public string RequiredCourses { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    public IReadOnlyList<string> Required => RequiredCourses.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static PeerSupportSettings DefaultsFor(Guid organisationId) => new() { OrganisationId = organisationId };
}

/// <summary>The courses every organisation can choose from; an organisation may name its own besides.</summary>
public static class Courses
{
    public const string Safeguarding = "Safeguarding";
    public const string SelfHarmAwareness = "Self-harm awareness";
    public const string SuicidePrevention = "Suicide prevention";

    public static readonly IReadOnlyList<string> Standard = [Safeguarding, SelfHarmAwareness, SuicidePrevention];

    public const int MaxNameLength = 100;
}
