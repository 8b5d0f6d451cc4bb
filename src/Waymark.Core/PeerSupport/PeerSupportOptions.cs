namespace Waymark.Core.PeerSupport;

/// <summary>
/// Settings for the care of peer supporters that are the same for every organisation (configuration section
/// <c>PeerSupport</c>), checked on start by <see cref="Validate"/>. The organisations' own limits are in
/// <see cref="PeerSupportSettings"/>.
/// </summary>
public sealed class PeerSupportOptions
{
    /// <summary>
    /// How long a debrief may stay unheld, counted from when it was asked for or offered, before the gate stops
    /// new hard work (group sessions, urgent wall items) until it is held or a supervisor overrides (ADR 0023).
    /// </summary>
    public int DebriefBlockHours { get; set; } = 72;

    /// <summary>How often the job that sends load warnings and overdue-debrief reminders runs, in minutes.</summary>
    public int JobMinutes { get; set; } = 5;

    /// <summary>Off in tests, which run the job themselves.</summary>
    public bool JobRuns { get; set; } = true;

    public TimeSpan DebriefBlockAfter => TimeSpan.FromHours(DebriefBlockHours);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        // Never sooner than the debrief is due, and within a fortnight: past that the block would mean nothing.
        if (DebriefBlockHours < Debrief.DueWithin.TotalHours || DebriefBlockHours > 14 * 24)
        {
            errors.Add($"PeerSupport:DebriefBlockHours must be between {Debrief.DueWithin.TotalHours:0} and {14 * 24}.");
        }
        if (JobMinutes is < 1 or > 24 * 60)
        {
            errors.Add("PeerSupport:JobMinutes must be between 1 and 1440.");
        }
        return errors;
    }
}
