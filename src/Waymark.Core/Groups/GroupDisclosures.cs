using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.PeerSupport;

namespace Waymark.Core.Groups;

/// <summary>
/// "Someone disclosed risk in this session": recorded by one of its facilitators or a supervisor of the organisation
/// (ADR 0026), once the session has started. Each facilitator who is a peer supporter there is offered a debrief,
/// and they and their supervisors are told, in the same transaction as the record; a second record of the same
/// session changes nothing. Anyone else, or another organisation's session, gets null ("not found").
/// </summary>
public sealed class GroupDisclosures(WaymarkDbContext db, PeerSupportAccess peers, HardMoments hardMoments, TimeProvider time)
{
    /// <summary>How far back a facilitator's own page offers their sessions.</summary>
    public static readonly TimeSpan OfferedFor = TimeSpan.FromDays(14);

    private sealed record Found(GroupSession Session, Guid OrganisationId);

    /// <summary>Whether <paramref name="userId"/> may record a disclosure in this session: a member facilitating it, or a supervisor of its organisation.</summary>
    public async Task<bool> MayRecordAsync(Guid userId, Guid sessionId, CancellationToken ct = default) =>
        await FindAsync(userId, sessionId, ct) is not null;

    /// <summary>When a disclosure was recorded for the session, if one was.</summary>
    public Task<DateTimeOffset?> RecordedAtAsync(Guid sessionId, CancellationToken ct = default) =>
        db.GroupDisclosures.Where(d => d.SessionId == sessionId).Select(d => (DateTimeOffset?)d.RecordedAt).SingleOrDefaultAsync(ct);

    public async Task<DisclosureOutcome?> RecordAsync(Actor actor, Guid sessionId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.UserId is not { } userId || await FindAsync(userId, sessionId, ct) is not { } found)
        {
            return null;
        }
        if (found.Session.IsCancelled)
        {
            throw new GroupSessionException("Disclosure", "This session was cancelled, so there is nothing to record");
        }
        if (found.Session.StartsAt > time.GetUtcNow())
        {
            throw new GroupSessionException("Disclosure", "You can record this once the session has started");
        }
        if (await db.GroupDisclosures.AnyAsync(d => d.SessionId == sessionId, ct))
        {
            return DisclosureOutcome.AlreadyRecorded;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.GroupDisclosures.Add(new GroupDisclosure { SessionId = sessionId, RecordedAt = time.GetUtcNow() });
        db.Audit(time, actor, GroupAudit.DisclosureRecorded, "group-session", sessionId.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // Someone else recorded it a moment ago: theirs stands, and the facilitators were asked once.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return DisclosureOutcome.AlreadyRecorded;
        }
        foreach (var facilitator in found.Session.Facilitators.Select(f => f.UserId).Distinct())
        {
            await hardMoments.AfterGroupDisclosureAsync(facilitator, found.OrganisationId, ct);
        }
        await transaction.CommitAsync(ct);
        return DisclosureOutcome.Recorded;
    }

    /// <summary>The sessions of this organisation the user facilitated that started in the last two weeks (and not cancelled), newest first.</summary>
    public async Task<IReadOnlyList<FacilitatedRecently>> RecentlyFacilitatedAsync(Guid userId, Guid organisationId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var from = now - OfferedFor;
        var rows = await db.GroupFacilitators.Where(f => f.UserId == userId)
            .Join(db.GroupSessions, f => f.SessionId, s => s.Id, (f, s) => s)
            .Where(s => s.CancelledAt == null && s.StartsAt <= now && s.StartsAt >= from)
            .Join(db.Services.Where(v => v.OrganizationId == organisationId), s => s.ServiceId, v => v.Id,
                (s, v) => new { s.Id, v.Name, s.StartsAt, s.EndsAt, Recorded = db.GroupDisclosures.Where(d => d.SessionId == s.Id).Select(d => (DateTimeOffset?)d.RecordedAt).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.StartsAt).Select(r => new FacilitatedRecently(r.Id, r.Name, r.StartsAt, r.EndsAt, r.Recorded)).ToList();
    }

    private async Task<Found?> FindAsync(Guid userId, Guid sessionId, CancellationToken ct)
    {
        var row = await db.GroupSessions.Include(s => s.Facilitators).Where(s => s.Id == sessionId)
            .Select(s => new { Session = s, OrganisationId = db.Services.Where(v => v.Id == s.ServiceId).Select(v => v.OrganizationId).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (row?.OrganisationId is not { } organisationId)
        {
            return null;
        }
        var facilitating = row.Session.Facilitators.Any(f => f.UserId == userId)
            && await db.OrganisationMemberships.AnyAsync(m => m.UserId == userId && m.OrganizationId == organisationId, ct);
        return facilitating || await peers.CanSuperviseAsync(userId, organisationId, ct) ? new Found(row.Session, organisationId) : null;
    }
}
