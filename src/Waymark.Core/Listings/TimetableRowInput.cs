namespace Waymark.Core.Listings;

/// <summary>One row of the weekly timetable as a person fills it in: days ticked, opening and closing times as typed.</summary>
public sealed class TimetableRowInput
{
    public List<string> Days { get; set; } = [];
    public string? Opens { get; set; }
    public string? Closes { get; set; }

    public bool IsBlank => Days.Count == 0 && string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes);
}
