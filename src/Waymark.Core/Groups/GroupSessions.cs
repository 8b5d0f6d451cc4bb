using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Listings;
using Waymark.Core.PeerSupport;
using Waymark.Core.Schedules;

namespace Waymark.Core.Groups;

/// <summary>
/// The rules for a provider's group sessions: adding (once or weekly), changing, cancelling (which tells the
/// people who saved the service), facilitators and attendance numbers; and what the public may see. Every
/// provider method answers null or false for a service or session that is not the user's, so that another
/// organisation's ids reveal nothing. Online links are kept for the provider and never published: a peer
/// group about self-harm is a private space, and a public join link would let anyone in.
/// </summary>
public sealed class GroupSessions(WaymarkDbContext db, OrganisationAccess access, AssignmentGate gate, LoadWarnings warnings, GroupCancellationNotifier notifier, TimeProvider time)
{
    public const int MaxCapacity = 500;
    public const int MaxWeeks = 26;
    public const int MaxReasonLength = 200;
    public const int MaxVenueLength = 200;
    public const int MaxUrlLength = 500;

    /// <summary>How long after it ended a session stays in a calendar feed, so a subscriber's calendar keeps recent history.</summary>
    public static readonly TimeSpan FeedHistory = TimeSpan.FromDays(30);

    private sealed record Parsed(DateOnly Date, int StartMinute, int EndMinute, Guid? LocationId, string? Venue, string? OnlineUrl, int? Capacity, int Weeks);

    /// <summary>The service's sessions, newest last, or null when the service is not the user's.</summary>
    public async Task<IReadOnlyList<GroupSession>?> ForProviderAsync(Actor actor, Guid serviceId, CancellationToken ct = default)
    {
        if (!await access.CanEditServiceAsync(UserOf(actor), serviceId, ct))
        {
            return null;
        }
        return await db.Set<GroupSession>().AsNoTracking().Include(s => s.Facilitators)
            .Where(s => s.ServiceId == serviceId).OrderBy(s => s.StartsAt).ToListAsync(ct);
    }

    /// <summary>One session with its facilitators, or null when it is not the user's (or not of this service).</summary>
    public async Task<GroupSession?> FindAsync(Actor actor, Guid serviceId, Guid sessionId, CancellationToken ct = default)
    {
        if (!await access.CanEditServiceAsync(UserOf(actor), serviceId, ct))
        {
            return null;
        }
        return await db.Set<GroupSession>().Include(s => s.Facilitators).SingleOrDefaultAsync(s => s.Id == sessionId && s.ServiceId == serviceId, ct);
    }

    /// <summary>Adds the session, or one a week for the number of weeks asked for; all or none. Null when the service is not the user's.</summary>
    public async Task<IReadOnlyList<GroupSession>?> AddAsync(Actor actor, Guid serviceId, GroupSessionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await access.CanEditServiceAsync(UserOf(actor), serviceId, ct))
        {
            return null;
        }
        var parsed = await ParseAsync(serviceId, input, adding: true, ct);
        var now = time.GetUtcNow();
        var series = parsed.Weeks > 1 ? Guid.CreateVersion7(now) : (Guid?)null;
        var added = new List<GroupSession>();
        for (var week = 0; week < parsed.Weeks; week++)
        {
            // Each week from its own wall-clock date, so a weekly 18:00 stays 18:00 across the clock change.
            var date = parsed.Date.AddDays(7 * week);
            var session = new GroupSession
            {
                Id = Guid.CreateVersion7(now),
                ServiceId = serviceId,
                SeriesId = series,
                StartsAt = UkTime.ToInstant(date, parsed.StartMinute).ToUniversalTime(),
                EndsAt = UkTime.ToInstant(date, parsed.EndMinute).ToUniversalTime(),
                CreatedAt = now,
                UpdatedAt = now,
            };
            Apply(session, parsed);
            added.Add(session);
        }
        db.Set<GroupSession>().AddRange(added);
        db.Audit(time, actor, GroupAudit.Added, "service", serviceId.ToString(), $"{added.Count} session(s) from {Describe(added[0].StartsAt, added[0].EndsAt)}");
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Changes a session that has not started and is not cancelled. False when it is not the user's.</summary>
    public async Task<bool> UpdateAsync(Actor actor, Guid serviceId, Guid sessionId, GroupSessionInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var session = await FindAsync(actor, serviceId, sessionId, ct);
        if (session is null)
        {
            return false;
        }
        EnsureChangeable(session);
        var parsed = await ParseAsync(serviceId, input, adding: false, ct);
        session.StartsAt = UkTime.ToInstant(parsed.Date, parsed.StartMinute).ToUniversalTime();
        session.EndsAt = UkTime.ToInstant(parsed.Date, parsed.EndMinute).ToUniversalTime();
        Apply(session, parsed);
        Touch(session);
        // A facilitator holds the session until it ends, so their assignment moves with it.
        foreach (var held in await HeldAsync(session.Id, null, ct))
        {
            held.EndedAt = session.EndsAt;
        }
        db.Audit(time, actor, GroupAudit.Changed, "group-session", session.Id.ToString(), Describe(session.StartsAt, session.EndsAt));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Cancels a session that has not started, with a short reason kept for the provider, and tells everyone who
    /// saved the service to their plan, in the same save.
    /// </summary>
    public async Task<bool> CancelAsync(Actor actor, Guid serviceId, Guid sessionId, string? reason, CancellationToken ct = default)
    {
        var session = await FindAsync(actor, serviceId, sessionId, ct);
        if (session is null)
        {
            return false;
        }
        EnsureChangeable(session);
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            throw new GroupSessionException("Reason", "Give a short reason for cancelling");
        }
        if (reason.Length > MaxReasonLength)
        {
            throw new GroupSessionException("Reason", $"Keep the reason to {MaxReasonLength} characters or fewer");
        }
        session.CancelledAt = time.GetUtcNow();
        session.CancelReason = reason;
        Touch(session);
        var serviceName = await db.Services.Where(s => s.Id == serviceId).Select(s => s.Name).SingleAsync(ct);
        await notifier.QueueAsync(session, serviceName, ct);
        await EndHeldAsync(session.Id, null, actor, "cancelled", ct);
        db.Audit(time, actor, GroupAudit.Cancelled, "group-session", session.Id.ToString(), reason);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Records how many came (a number, never who), once the session has started.</summary>
    public async Task<bool> RecordAttendanceAsync(Actor actor, Guid serviceId, Guid sessionId, string? count, CancellationToken ct = default)
    {
        var session = await FindAsync(actor, serviceId, sessionId, ct);
        if (session is null)
        {
            return false;
        }
        if (session.IsCancelled)
        {
            throw new GroupSessionException(GroupSessionException.AboutTheSession, "This session was cancelled, so there is no attendance to record");
        }
        if (session.StartsAt > time.GetUtcNow())
        {
            throw new GroupSessionException(GroupSessionException.AboutTheSession, "You can record how many came once the session has started");
        }
        if (!int.TryParse(count?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var attended) || attended > MaxCapacity)
        {
            throw new GroupSessionException("Attended", $"Enter how many people came, as a number from 0 to {MaxCapacity}");
        }
        session.AttendedCount = attended;
        session.UpdatedAt = time.GetUtcNow();
        db.Audit(time, actor, GroupAudit.Attendance, "group-session", session.Id.ToString(), attended.ToString(CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// The one way a facilitator is assigned: to a session that has not started and is not cancelled, only if
    /// <see cref="CheckFacilitatorAsync"/> allows them. A refusal throws with its reason for the page.
    /// </summary>
    public async Task<bool> AssignFacilitatorAsync(Actor actor, Guid serviceId, Guid sessionId, Guid userId, CancellationToken ct = default)
    {
        var session = await FindAsync(actor, serviceId, sessionId, ct);
        if (session is null)
        {
            return false;
        }
        EnsureChangeable(session);
        if (session.Facilitators.Any(f => f.UserId == userId))
        {
            return true;
        }
        var organisationId = await db.Services.Where(s => s.Id == serviceId).Select(s => s.OrganizationId).SingleAsync(ct)
            ?? throw new GroupSessionException("Facilitator", "This service has no organisation, so it has no members to facilitate");
        var check = await CheckFacilitatorAsync(userId, organisationId, ct);
        if (!check.Allowed)
        {
            throw new GroupSessionException("Facilitator", check.Reason ?? "This person can't facilitate this session");
        }
        session.Facilitators.Add(new GroupFacilitator { Id = Guid.CreateVersion7(), SessionId = session.Id, UserId = userId, AssignedAt = time.GetUtcNow() });
        session.UpdatedAt = time.GetUtcNow();
        if (check.Gate is { } passed)
        {
            // A peer supporter holds the session until it ends: it is in their caseload, as a referral is.
            db.PeerAssignments.Add(new PeerAssignment
            {
                Id = Guid.CreateVersion7(), OrganisationId = organisationId, UserId = userId, Kind = AssignmentKind.GroupSession, SubjectId = session.Id,
                AssignedAt = time.GetUtcNow(), AssignedByUserId = actor.UserId, OverrideId = passed.Override?.Id, EndedAt = session.EndsAt,
            });
            db.Audit(time, actor, PeerSupportAudit.Assigned, "peer-supporter", userId.ToString(),
                $"{AssignmentKind.GroupSession} {session.Id}" + (passed.Override is { } o ? $" under override {o.Id} by {o.ByName}" : ""));
        }
        db.Audit(time, actor, GroupAudit.FacilitatorAssigned, "group-session", session.Id.ToString(), userId.ToString());
        await db.SaveChangesAsync(ct);
        if (check.Gate is not null)
        {
            await warnings.CheckAsync(userId, organisationId, ct);
        }
        return true;
    }

    public async Task<bool> RemoveFacilitatorAsync(Actor actor, Guid serviceId, Guid sessionId, Guid userId, CancellationToken ct = default)
    {
        var session = await FindAsync(actor, serviceId, sessionId, ct);
        if (session is null)
        {
            return false;
        }
        EnsureChangeable(session);
        var facilitator = session.Facilitators.FirstOrDefault(f => f.UserId == userId);
        if (facilitator is not null)
        {
            session.Facilitators.Remove(facilitator);
            session.UpdatedAt = time.GetUtcNow();
            await EndHeldAsync(session.Id, userId, actor, "no longer facilitating", ct);
            db.Audit(time, actor, GroupAudit.FacilitatorRemoved, "group-session", session.Id.ToString(), userId.ToString());
            await db.SaveChangesAsync(ct);
        }
        return true;
    }

    /// <summary>
    /// Whether this person may facilitate a group session for this organisation. For now: only a member of it.
    /// </summary>
    public async Task<FacilitatorCheck> CheckFacilitatorAsync(Guid userId, Guid organisationId, CancellationToken ct = default)
    {
        if (!await db.OrganisationMemberships.AnyAsync(m => m.UserId == userId && m.OrganizationId == organisationId, ct))
        {
            return FacilitatorCheck.No("Only members of your organisation can facilitate its sessions");
        }
        // Peer supporters (volunteers, often with lived experience) facilitate only within their organisation's
        // limits: the one gate decides (hours, supervision, training, a break). Paid staff are not peer supporters.
        var check = await gate.CheckAsync(userId, organisationId, AssignmentKind.GroupSession, ct);
        if (check.Blocks.All(b => b.Code == BlockCode.NotAPeerSupporter) && !check.Allowed)
        {
            return FacilitatorCheck.Yes;
        }
        if (check.Allowed)
        {
            return new FacilitatorCheck(true, null, check);
        }
        return FacilitatorCheck.No(string.Join(" ", check.Blocks.Select(b => $"{b.Why} {b.Unblock}")));
    }

    /// <summary>Peer supporters' assignments to this session still held (all of them, or one person's).</summary>
    private async Task<List<PeerAssignment>> HeldAsync(Guid sessionId, Guid? userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.PeerAssignments.Where(a => a.Kind == AssignmentKind.GroupSession && a.SubjectId == sessionId && (userId == null || a.UserId == userId))
            .Where(PeerAssignment.OpenAt(now)).ToListAsync(ct);
    }

    private async Task EndHeldAsync(Guid sessionId, Guid? userId, Actor actor, string why, CancellationToken ct)
    {
        foreach (var held in await HeldAsync(sessionId, userId, ct))
        {
            held.EndedAt = time.GetUtcNow();
            db.Audit(time, actor, PeerSupportAudit.AssignmentEnded, "peer-supporter", held.UserId.ToString(), $"{held.Kind} {held.SubjectId}: {why}");
        }
    }

    /// <summary>The organisation's members, who may be offered as facilitators (the check still decides).</summary>
    public async Task<IReadOnlyList<(Guid UserId, string Name)>> MembersAsync(Guid organisationId, CancellationToken ct = default)
    {
        var members = await db.OrganisationMemberships.Where(m => m.OrganizationId == organisationId)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email })
            .ToListAsync(ct);
        return members.Select(m => (m.Id, m.Email ?? "")).OrderBy(m => m.Item2, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>
    /// The sessions this person facilitated (not cancelled) that started in [from, to), each with its length in
    /// minutes: what an hours cap counts.
    /// </summary>
    public async Task<IReadOnlyList<FacilitatedSession>> FacilitatedAsync(Guid userId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct = default)
    {
        var rows = await db.Set<GroupFacilitator>().Where(f => f.UserId == userId)
            .Join(db.Set<GroupSession>(), f => f.SessionId, s => s.Id, (f, s) => s)
            .Where(s => s.CancelledAt == null && s.StartsAt >= from && s.StartsAt < to)
            .Select(s => new { s.StartsAt, s.EndsAt })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.StartsAt)
            .Select(r => new FacilitatedSession(userId, r.StartsAt, (int)Math.Round((r.EndsAt - r.StartsAt).TotalMinutes)))
            .ToList();
    }

    /// <summary>The next sessions of an active service that have not ended, cancelled ones included (shown as cancelled until their time has passed).</summary>
    public Task<IReadOnlyList<PublicSession>> UpcomingAsync(Guid serviceId, int take = 8, CancellationToken ct = default) =>
        PublicAsync(serviceId, time.GetUtcNow(), take, ct);

    /// <summary>What a calendar feed holds: the sessions of an active service that ended in the last 30 days or are to come. Null when the service is not active.</summary>
    public async Task<IReadOnlyList<PublicSession>?> FeedAsync(Guid serviceId, CancellationToken ct = default)
    {
        if (!await db.Services.AnyAsync(s => s.Id == serviceId && s.Status == ServiceStatus.Active, ct))
        {
            return null;
        }
        return await PublicAsync(serviceId, time.GetUtcNow() - FeedHistory, 500, ct);
    }

    /// <summary>The name of an active service, or null.</summary>
    public async Task<string?> ServiceNameAsync(Guid serviceId, CancellationToken ct = default) =>
        await db.Services.Where(s => s.Id == serviceId && s.Status == ServiceStatus.Active).Select(s => s.Name).SingleOrDefaultAsync(ct);

    /// <summary>One session of an active service, as the public sees it, or null.</summary>
    public async Task<PublicSession?> PublicSessionAsync(Guid serviceId, Guid sessionId, CancellationToken ct = default) =>
        (await PublicQueryAsync(serviceId, s => s.Id == sessionId, 1, ct)).SingleOrDefault();

    private Task<IReadOnlyList<PublicSession>> PublicAsync(Guid serviceId, DateTimeOffset endedAfter, int take, CancellationToken ct) =>
        PublicQueryAsync(serviceId, s => s.EndsAt > endedAfter, take, ct);

    private async Task<IReadOnlyList<PublicSession>> PublicQueryAsync(Guid serviceId, System.Linq.Expressions.Expression<Func<GroupSession, bool>> which, int take, CancellationToken ct)
    {
        var service = await db.Services.AsNoTracking()
            .Where(s => s.Id == serviceId && s.Status == ServiceStatus.Active)
            .Select(s => new { s.Name })
            .SingleOrDefaultAsync(ct);
        if (service is null)
        {
            return [];
        }
        var sessions = await db.Set<GroupSession>().AsNoTracking().Where(s => s.ServiceId == serviceId).Where(which)
            .OrderBy(s => s.StartsAt).Take(take).ToListAsync(ct);
        var places = await PlacesAsync(serviceId, ct);
        return sessions.Select(s => new PublicSession(
            s.Id, serviceId, service.Name, s.StartsAt, s.EndsAt, PlaceOf(s, places), s.IsOnline, s.Capacity, s.IsCancelled, s.Sequence, s.UpdatedAt)).ToList();
    }

    /// <summary>The service's locations in words ("Square Chapel, 10 Square Road, Halifax, HX1 1QG"), by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> PlacesAsync(Guid serviceId, CancellationToken ct = default)
    {
        var locations = await db.ServiceAtLocations.AsNoTracking().Where(x => x.ServiceId == serviceId && x.Location != null)
            .Select(x => new { x.LocationId, x.Location!.Name, Address = x.Location.Addresses.Select(a => new { a.Address1, a.City, a.PostalCode }).FirstOrDefault() })
            .ToListAsync(ct);
        return locations.ToDictionary(l => l.LocationId, l => string.Join(", ",
            new[] { l.Name, l.Address?.Address1, l.Address?.City, l.Address?.PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p))));
    }

    public static string PlaceOf(GroupSession session, IReadOnlyDictionary<Guid, string> places)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(places);
        if (session.LocationId is { } id)
        {
            return places.TryGetValue(id, out var place) && place.Length > 0 ? place : "The service's venue";
        }
        return session.Venue ?? "Online";
    }

    /// <summary>"Tuesday 5 May 2026, 18:00 to 20:00" in UK time.</summary>
    public static string Describe(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var start = UkTime.ToLocal(startsAt);
        var end = UkTime.ToLocal(endsAt);
        return string.Create(CultureInfo.InvariantCulture, $"{start:dddd d MMMM yyyy}, {start:HH:mm} to {end:HH:mm}");
    }

    // About the session, not a field: once it is cancelled or has started, the page no longer shows the forms to change it.
    private void EnsureChangeable(GroupSession session)
    {
        if (session.IsCancelled)
        {
            throw new GroupSessionException(GroupSessionException.AboutTheSession, "This session is cancelled, so it can't be changed");
        }
        if (session.StartsAt <= time.GetUtcNow())
        {
            throw new GroupSessionException(GroupSessionException.AboutTheSession, "This session has started, so it can't be changed");
        }
    }

    private void Touch(GroupSession session)
    {
        session.Sequence++;
        session.UpdatedAt = time.GetUtcNow();
    }

    private static void Apply(GroupSession session, Parsed parsed)
    {
        session.LocationId = parsed.LocationId;
        session.Venue = parsed.Venue;
        session.OnlineUrl = parsed.OnlineUrl;
        session.Capacity = parsed.Capacity;
    }

    private async Task<Parsed> ParseAsync(Guid serviceId, GroupSessionInput input, bool adding, CancellationToken ct)
    {
        var errors = new List<(string, string)>();
        DateOnly date = default;
        var dateOk = DateOnly.TryParseExact(input.Date?.Trim(), ["yyyy-MM-dd", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        if (!dateOk)
        {
            errors.Add(("Date", "Enter the date of the session, like 2026-05-19"));
        }
        var startOk = Timetable.TryParseTime(input.Starts, out var starts);
        var endOk = Timetable.TryParseTime(input.Ends, out var ends);
        if (!startOk)
        {
            errors.Add(("Starts", "Enter the start time as hours and minutes, like 18:00"));
        }
        if (!endOk)
        {
            errors.Add(("Ends", "Enter the end time as hours and minutes, like 20:00"));
        }
        var startMinute = startOk ? MinuteOf(starts) : 0;
        var endMinute = endOk ? MinuteOf(ends) : 0;
        if (startOk && endOk && endMinute <= startMinute)
        {
            errors.Add(("Ends", "The end time must be after the start time, on the same day"));
        }
        if (dateOk && startOk && UkTime.ToInstant(date, startMinute) <= time.GetUtcNow())
        {
            errors.Add(("Date", "The session must start in the future"));
        }

        Guid? locationId = null;
        string? venue = null;
        string? url = null;
        var where = input.Where?.Trim();
        if (string.Equals(where, GroupSessionInput.OtherVenue, StringComparison.Ordinal))
        {
            venue = input.Venue?.Trim();
            if (string.IsNullOrEmpty(venue))
            {
                errors.Add(("Venue", "Enter where the session is, like Room 2, Halifax Library, HX1 1RE"));
            }
            else if (venue.Length > MaxVenueLength)
            {
                errors.Add(("Venue", $"Keep the venue to {MaxVenueLength} characters or fewer"));
            }
        }
        else if (string.Equals(where, GroupSessionInput.Online, StringComparison.Ordinal))
        {
            url = input.OnlineUrl?.Trim();
            if (string.IsNullOrEmpty(url) || url.Length > MaxUrlLength
                || !Uri.TryCreate(url, UriKind.Absolute, out var link) || link.Scheme != Uri.UriSchemeHttps || string.IsNullOrEmpty(link.Host))
            {
                errors.Add(("OnlineUrl", "Enter the link to join online, starting https://"));
            }
        }
        else if (Guid.TryParse(where, out var id)
            && await db.ServiceAtLocations.AnyAsync(x => x.ServiceId == serviceId && x.LocationId == id, ct))
        {
            locationId = id;
        }
        else
        {
            errors.Add(("Where", "Choose where the session is"));
        }

        int? capacity = null;
        if (!string.IsNullOrWhiteSpace(input.Capacity))
        {
            if (int.TryParse(input.Capacity.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is >= 1 and <= MaxCapacity)
            {
                capacity = c;
            }
            else
            {
                errors.Add(("Capacity", $"Enter how many people can come, as a number from 1 to {MaxCapacity}, or leave it empty"));
            }
        }

        var weeks = 1;
        if (adding && !string.IsNullOrWhiteSpace(input.Weeks)
            && !(int.TryParse(input.Weeks.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out weeks) && weeks is >= 1 and <= MaxWeeks))
        {
            errors.Add(("Weeks", $"Enter how many weeks, as a number from 1 to {MaxWeeks}"));
        }

        if (errors.Count > 0)
        {
            throw new GroupSessionException(errors);
        }
        return new Parsed(date, startMinute, endMinute, locationId, venue, url, capacity, weeks);
    }

    private static int MinuteOf(string hhmm) => (int.Parse(hhmm[..2], CultureInfo.InvariantCulture) * 60) + int.Parse(hhmm[3..5], CultureInfo.InvariantCulture);

    private static Guid UserOf(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.UserId ?? throw new InvalidOperationException("Group sessions are run by someone signed in.");
    }
}

public static class GroupAudit
{
    public const string Added = "group-session-added";
    public const string Changed = "group-session-changed";
    public const string Cancelled = "group-session-cancelled";
    public const string Attendance = "group-session-attendance";
    public const string FacilitatorAssigned = "group-facilitator-assigned";
    public const string FacilitatorRemoved = "group-facilitator-removed";
    public const string DisclosureRecorded = "group-disclosure-recorded";
}
