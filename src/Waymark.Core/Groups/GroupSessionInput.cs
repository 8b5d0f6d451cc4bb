namespace Waymark.Core.Groups;

/// <summary>
/// What a provider types to add or change a session, as typed. <see cref="Where"/> is a location id of the
/// service, <see cref="GroupSessionInput.OtherVenue"/> or <see cref="GroupSessionInput.Online"/>.
/// </summary>
public sealed class GroupSessionInput
{
    public const string OtherVenue = "other";
    public const string Online = "online";

    public string? Date { get; set; }
    public string? Starts { get; set; }
    public string? Ends { get; set; }
    public string? Where { get; set; }
    public string? Venue { get; set; }
    public string? OnlineUrl { get; set; }
    public string? Capacity { get; set; }

    /// <summary>How many weeks in a row to add it for (adding only); 1 means just this once.</summary>
    public string? Weeks { get; set; }
}
