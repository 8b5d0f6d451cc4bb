using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Schedules;

namespace Waymark.Core.Groups;

/// <summary>
/// Group sessions for three of the sample directory's groups, on their usual day and time for the next four
/// weeks from today, so a newcomer's <c>dotnet run</c> shows sessions (one of them cancelled). Ids come from
/// the session's service and week, so the same day gives the same sessions.
/// </summary>
public static class SampleGroupSessions
{
    private static readonly IReadOnlyList<(Guid ServiceId, int? Capacity, string? OnlineUrl)> Groups =
    [
        (Guid.Parse("94d9a71f-24d3-5ec4-b03f-c1fdcd671b24"), 12, null), // Tuesday Evening Peer Group
        (Guid.Parse("6c75cffd-456e-51fd-9242-8102f12b44a7"), 10, null), // Heeley Saturday Peer Group
        (Guid.Parse("5ccd6bf5-c3e7-5b88-8558-971548bd7f33"), null, "https://meet.example.org/steel-valley-peer-group"), // Steel Valley Online Peer Group
    ];

    public const int Weeks = 4;

    public static async Task<int> AddAsync(WaymarkDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var today = UkTime.DateOf(now);
        var added = 0;
        foreach (var (serviceId, capacity, onlineUrl) in Groups)
        {
            var service = await db.Services.AsNoTracking().Include(s => s.Schedules).Include(s => s.ServiceAtLocations)
                .SingleOrDefaultAsync(s => s.Id == serviceId, ct);
            var weekly = service?.Schedules.FirstOrDefault(s => s.ByDay is { Length: 2 } && s.OpensAt is not null && s.ClosesAt is not null);
            if (service is null || weekly is null
                || !TimeOnly.TryParse(weekly.OpensAt, CultureInfo.InvariantCulture, out var opens)
                || !TimeOnly.TryParse(weekly.ClosesAt, CultureInfo.InvariantCulture, out var closes))
            {
                continue;
            }
            var day = DayOf(weekly.ByDay!);
            var first = today.AddDays(1);
            first = first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7);
            var location = onlineUrl is null ? service.ServiceAtLocations.Select(x => (Guid?)x.LocationId).FirstOrDefault() : null;
            for (var week = 0; week < Weeks; week++)
            {
                var date = first.AddDays(7 * week);
                var cancelled = week == 1 && capacity == 10;
                db.Set<GroupSession>().Add(new GroupSession
                {
                    Id = IdOf(serviceId, date),
                    ServiceId = serviceId,
                    StartsAt = UkTime.ToInstant(date, (opens.Hour * 60) + opens.Minute).ToUniversalTime(),
                    EndsAt = UkTime.ToInstant(date, (closes.Hour * 60) + closes.Minute).ToUniversalTime(),
                    LocationId = location,
                    OnlineUrl = location is null ? onlineUrl ?? "https://meet.example.org/group" : null,
                    Capacity = capacity,
                    CancelledAt = cancelled ? now : null,
                    CancelReason = cancelled ? "The hall is closed that day" : null,
                    Sequence = cancelled ? 1 : 0,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static DayOfWeek DayOf(string code) => code switch
    {
        "MO" => DayOfWeek.Monday,
        "TU" => DayOfWeek.Tuesday,
        "WE" => DayOfWeek.Wednesday,
        "TH" => DayOfWeek.Thursday,
        "FR" => DayOfWeek.Friday,
        "SA" => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    private static Guid IdOf(Guid serviceId, DateOnly date)
    {
        var bytes = serviceId.ToByteArray();
        var day = BitConverter.GetBytes(date.DayNumber);
        for (var i = 0; i < day.Length; i++)
        {
            bytes[12 + i] ^= day[i];
        }
        return new Guid(bytes);
    }
}
