using System.Globalization;
using Waymark.Core.Groups;
using Waymark.Core.Schedules;

namespace Waymark.Tests.Infrastructure;

/// <summary>Dates and form fields for group sessions, and sessions arranged straight in the database.</summary>
public static class GroupBuilders
{
    /// <summary>A UK date this many days from today.</summary>
    public static DateOnly UkDay(int daysFromToday) => UkTime.DateOf(DateTimeOffset.UtcNow).AddDays(daysFromToday);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The first day the UK clocks change that is at least <paramref name="afterDays"/> days from today.</summary>
    public static DateOnly NextClockChange(int afterDays = 21)
    {
        var day = UkDay(afterDays);
        while (!UkTime.IsChangeoverDay(day))
        {
            day = day.AddDays(1);
        }
        return day;
    }

    public static KeyValuePair<string, string>[] SessionFields(
        DateOnly date, string starts = "18:00", string ends = "20:00", string where = GroupSessionInput.OtherVenue,
        string venue = "Room 2, Halifax Library, HX1 1UN", string url = "", string capacity = "12", string weeks = "1") =>
    [
        new("Input.Date", Iso(date)), new("Input.Starts", starts), new("Input.Ends", ends), new("Input.Where", where),
        new("Input.Venue", venue), new("Input.OnlineUrl", url), new("Input.Capacity", capacity), new("Input.Weeks", weeks),
    ];

    /// <summary>A session put straight into the database (for times a form refuses, such as the past).</summary>
    public static async Task<GroupSession> AddSessionAsync(this WaymarkApp app, Guid serviceId, DateTimeOffset startsAt, int minutes = 120, string? venue = "Room 2, Halifax Library")
    {
        // Whole seconds, as a form would give, so what is read back compares equal on both engines.
        startsAt = startsAt.AddTicks(-(startsAt.UtcTicks % TimeSpan.TicksPerSecond));
        var session = new GroupSession
        {
            Id = Guid.NewGuid(),
            ServiceId = serviceId,
            StartsAt = startsAt.ToUniversalTime(),
            EndsAt = startsAt.ToUniversalTime().AddMinutes(minutes),
            Venue = venue,
            OnlineUrl = venue is null ? "https://meet.example.org/secret-room" : null,
            Capacity = 12,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = app.OpenDb();
        db.GroupSessions.Add(session);
        await db.SaveChangesAsync();
        return session;
    }

    /// <summary>Facilitators put straight on a session (one that has started, which the page no longer lets anyone change).</summary>
    public static async Task AddFacilitatorsAsync(this WaymarkApp app, Guid sessionId, params Guid[] userIds)
    {
        await using var db = app.OpenDb();
        foreach (var userId in userIds)
        {
            db.GroupFacilitators.Add(new GroupFacilitator { Id = Guid.NewGuid(), SessionId = sessionId, UserId = userId, AssignedAt = DateTimeOffset.UtcNow });
        }
        await db.SaveChangesAsync();
    }
}
