namespace Waymark.Core.Groups;

/// <summary>
/// One meeting of a service's group, at a time in UK local time stored as instants. It is never deleted:
/// a cancelled session keeps its row (with a bumped <see cref="Sequence"/>) so calendars that saved it
/// learn it is cancelled. Attendance is a number only, never who came.
/// </summary>
public sealed class GroupSession
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }

    /// <summary>Sessions made together by "repeat weekly" share this, for the provider's convenience only.</summary>
    public Guid? SeriesId { get; set; }

    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>One of the service's own locations, or null.</summary>
    public Guid? LocationId { get; set; }

    /// <summary>A venue not in the listing ("Room 2, Halifax Library, HX1 1RE"), or null.</summary>
    public string? Venue { get; set; }

    /// <summary>An https link to join online, or null. Kept for the provider; not published (see <see cref="GroupSessions"/>).</summary>
    public string? OnlineUrl { get; set; }

    /// <summary>How many people it can take, or null when the provider does not limit it.</summary>
    public int? Capacity { get; set; }

    public int? AttendedCount { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelReason { get; set; }

    /// <summary>The iCalendar SEQUENCE: goes up with every change people's calendars should see.</summary>
    public int Sequence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<GroupFacilitator> Facilitators { get; set; } = [];

    public bool IsCancelled => CancelledAt is not null;

    public bool IsOnline => OnlineUrl is not null && LocationId is null && Venue is null;

    public int Minutes => (int)Math.Round((EndsAt - StartsAt).TotalMinutes);
}

/// <summary>A member of the organisation facilitating a session; its duration counts towards their hours.</summary>
public sealed class GroupFacilitator
{
    public Guid Id { get; set; }
    public Guid SessionId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}
