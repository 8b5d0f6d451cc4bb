using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.PeerSupport;

/// <summary>One measure of load against its limit, e.g. 3.5 of 4 hours in the last 24 hours.</summary>
public sealed record LoadMeasure(string Key, string Label, double Used, double Limit, string Unit)
{
    public const double WarnAt = 0.8;

    public bool NearLimit => Limit > 0 && Used >= Limit * WarnAt;
    public bool AtLimit => Used >= Limit;

    public string Words => Unit == "hours"
        ? $"{Used:0.#} of {Limit:0.#} hours {Label}"
        : $"{Used:0} of {Limit:0} {Label}";
}

/// <summary>A peer supporter's load in one organisation now: hours in the last 24 hours and 7 days, and open assignments.</summary>
public sealed record PeerLoad(LoadMeasure Day, LoadMeasure Week, LoadMeasure Caseload)
{
    public IReadOnlyList<LoadMeasure> Measures => [Day, Week, Caseload];
}

/// <summary>
/// The one place that counts a peer supporter's hours and caseload. Hours come from <see cref="WorkEntry"/>
/// rows (group sessions, referrals held, wall moderation, other), the sessions they facilitated and the time they
/// spent moderating the wall (from the wall's record of who decided what, when), clipped to each rolling window
/// with overlapping time counted once; caseload is their open <see cref="PeerAssignment"/>s. Other features feed it by logging work and assignments through
/// <see cref="PeerSupportRecords"/>, never by counting for themselves.
/// </summary>
public sealed class PeerSupportLoad(WaymarkDbContext db, TimeProvider time)
{
    public static readonly TimeSpan DayWindow = TimeSpan.FromHours(24);
    public static readonly TimeSpan WeekWindow = TimeSpan.FromDays(7);

    /// <summary>Decisions on the wall closer together than this are one stretch of moderating.</summary>
    public static readonly TimeSpan ModerationGap = TimeSpan.FromMinutes(15);

    /// <summary>A stretch starts this long before its first decision: the first item had to be read.</summary>
    public static readonly TimeSpan ModerationLeadIn = TimeSpan.FromMinutes(5);

    public async Task<PeerSupportSettings> SettingsAsync(Guid organisationId, CancellationToken ct = default) =>
        await db.PeerSupportSettings.AsNoTracking().SingleOrDefaultAsync(s => s.OrganisationId == organisationId, ct)
        ?? PeerSupportSettings.DefaultsFor(organisationId);

    public async Task<PeerLoad> ForAsync(Guid userId, Guid organisationId, CancellationToken ct = default) =>
        await ForAsync(userId, organisationId, await SettingsAsync(organisationId, ct), ct);

    public async Task<PeerLoad> ForAsync(Guid userId, Guid organisationId, PeerSupportSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var now = time.GetUtcNow();
        // An entry started up to its longest length before the week still reaches into it.
        var from = now - WeekWindow - TimeSpan.FromMinutes(WorkEntry.MaxMinutes);
        var entries = await db.WorkEntries.AsNoTracking()
            .Where(w => w.UserId == userId && w.OrganisationId == organisationId && w.StartedAt >= from)
            .Select(w => new { w.StartedAt, w.Minutes }).ToListAsync(ct);
        var spans = entries.Select(e => (e.StartedAt, e.StartedAt.AddMinutes(e.Minutes))).ToList();
        // Group sessions they facilitated for this organisation are work too, counted once they have happened.
        var sessions = await db.GroupFacilitators.AsNoTracking().Where(f => f.UserId == userId)
            .Join(db.GroupSessions, f => f.SessionId, g => g.Id, (f, g) => g)
            .Where(g => g.CancelledAt == null && g.StartsAt >= now - WeekWindow - TimeSpan.FromDays(1) && g.StartsAt < now)
            .Join(db.Services.Where(x => x.OrganizationId == organisationId), g => g.ServiceId, x => x.Id, (g, x) => new { g.StartsAt, g.EndsAt })
            .ToListAsync(ct);
        spans.AddRange(sessions.Select(g => (g.StartsAt, g.EndsAt)));
        // Moderating the wall is work for every organisation they support for: it is their own exposure.
        var decisions = await db.AuditEvents.AsNoTracking()
            .Where(e => e.ActorId == userId && e.Action == Wall.WallAuditActions.Decided && e.OccurredAt >= now - WeekWindow)
            .Select(e => e.OccurredAt).ToListAsync(ct);
        spans.AddRange(ModerationStretches(decisions));
        var caseload = await db.PeerAssignments.Where(a => a.UserId == userId && a.OrganisationId == organisationId)
            .CountAsync(PeerAssignment.OpenAt(now), ct);
        return new PeerLoad(
            new LoadMeasure("day", "in the last 24 hours", MinutesWithin(spans, now - DayWindow, now) / 60.0, settings.DayCapMinutes / 60.0, "hours"),
            new LoadMeasure("week", "in the last 7 days", MinutesWithin(spans, now - WeekWindow, now) / 60.0, settings.WeekCapMinutes / 60.0, "hours"),
            new LoadMeasure("caseload", "people and groups held", caseload, settings.CaseloadLimit, "assignments"));
    }

    /// <summary>The stretches of moderating that a moderator's decisions mark out (see <see cref="ModerationGap"/>).</summary>
    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> ModerationStretches(IEnumerable<DateTimeOffset> decisions)
    {
        DateTimeOffset? first = null, last = null;
        foreach (var at in decisions.Order())
        {
            if (last is { } l && at - l > ModerationGap)
            {
                yield return (first!.Value - ModerationLeadIn, l);
                first = null;
            }
            first ??= at;
            last = at;
        }
        if (first is { } f)
        {
            yield return (f - ModerationLeadIn, last!.Value);
        }
    }

    /// <summary>
    /// Minutes inside [from, to) covered by any of the spans: work partly inside a window counts only for that
    /// part, and time covered twice counts once. The same session can arrive both from the facilitator list and
    /// from the person's own record of it, and nobody works two hours in one hour.
    /// </summary>
    public static double MinutesWithin(IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> spans, DateTimeOffset from, DateTimeOffset to)
    {
        var clipped = spans
            .Select(s => (Start: s.Start > from ? s.Start : from, End: s.End < to ? s.End : to))
            .Where(s => s.End > s.Start)
            .OrderBy(s => s.Start);
        var minutes = 0.0;
        DateTimeOffset? coveredTo = null;
        foreach (var (start, end) in clipped)
        {
            var counted = coveredTo is { } c && c > start ? c : start;
            if (end > counted)
            {
                minutes += (end - counted).TotalMinutes;
                coveredTo = end;
            }
        }
        return minutes;
    }
}
