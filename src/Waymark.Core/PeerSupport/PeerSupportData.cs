using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.PeerSupport;

/// <summary>
/// A peer supporter's own records in "download my data" and "delete my account", as for a person's: what is
/// about them goes with them; where they were someone else's supervisor, their name is taken off the record.
/// </summary>
public static class PeerSupportData
{
    public static async Task<object?> ExportAsync(WaymarkDbContext db, PeerSupportText text, Guid userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(text);
        var training = await db.TrainingRecords.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CompletedOn).ToListAsync(ct);
        var supervision = await db.SupervisionSessions.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.HeldOn).ToListAsync(ct);
        var bookings = await db.SupervisionBookings.AsNoTracking().Where(b => b.UserId == userId).OrderBy(b => b.BookedAt).ToListAsync(ct);
        var debriefs = await db.Debriefs.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.RequestedAt).ToListAsync(ct);
        var checkIns = await db.WellbeingCheckIns.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.At).ToListAsync(ct);
        var work = await db.WorkEntries.AsNoTracking().Where(w => w.UserId == userId).OrderBy(w => w.StartedAt).ToListAsync(ct);
        var assignments = await db.PeerAssignments.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.AssignedAt).ToListAsync(ct);
        var breaks = await db.PeerBreaks.AsNoTracking().Where(b => b.UserId == userId).OrderBy(b => b.StartedAt).ToListAsync(ct);
        var overrides = await db.AssignmentOverrides.AsNoTracking().Where(o => o.UserId == userId).OrderBy(o => o.At).ToListAsync(ct);
        if (training.Count + supervision.Count + bookings.Count + debriefs.Count + checkIns.Count + work.Count + assignments.Count + breaks.Count + overrides.Count == 0)
        {
            return null;
        }
        return new
        {
            training = training.Select(t => new { organisation_id = t.OrganisationId, course = t.Course, completed_on = t.CompletedOn, expires_on = t.ExpiresOn, hours = t.Hours }),
            supervision = supervision.Select(s => new { organisation_id = s.OrganisationId, held_on = s.HeldOn, attended = s.Attended, note = text.Unprotect(s.ProtectedNote) }),
            supervision_booked = bookings.Select(b => new { organisation_id = b.OrganisationId, booked_for = b.BookedFor, booked_at = b.BookedAt, closed_at = b.ClosedAt }),
            debriefs = debriefs.Select(d => new { organisation_id = d.OrganisationId, requested_at = d.RequestedAt, due_by = d.DueBy, asked_by_you = d.AskedBySelf, reason = d.Reason, booked_for = d.BookedFor, held_at = d.HeldAt }),
            check_ins = checkIns.Select(c => new { organisation_id = c.OrganisationId, at = c.At, words = text.Unprotect(c.ProtectedText), shared_with_supervisor = c.SharedWithSupervisor }),
            work = work.Select(w => new { organisation_id = w.OrganisationId, kind = w.Kind.ToString(), started_at = w.StartedAt, minutes = w.Minutes }),
            assignments = assignments.Select(a => new { organisation_id = a.OrganisationId, kind = a.Kind.ToString(), subject_id = a.SubjectId, assigned_at = a.AssignedAt, ended_at = a.EndedAt, under_override = a.OverrideId is not null }),
            breaks = breaks.Select(b => new { organisation_id = b.OrganisationId, started_at = b.StartedAt, ended_at = b.EndedAt }),
            overrides = overrides.Select(o => new { organisation_id = o.OrganisationId, kind = o.Kind.ToString(), at = o.At, reason = o.Reason }),
        };
    }

    /// <summary>Runs inside <see cref="People.AccountErasure"/>'s transaction.</summary>
    public static async Task EraseAsync(WaymarkDbContext db, Guid userId, string erasedName, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.TrainingRecords.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await db.SupervisionSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.SupervisionBookings.Where(b => b.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Debriefs.Where(d => d.UserId == userId).ExecuteDeleteAsync(ct);
        await db.WellbeingCheckIns.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.WorkEntries.Where(w => w.UserId == userId).ExecuteDeleteAsync(ct);
        await db.PeerAssignments.Where(a => a.UserId == userId).ExecuteDeleteAsync(ct);
        await db.PeerBreaks.Where(b => b.UserId == userId).ExecuteDeleteAsync(ct);
        await db.AssignmentOverrides.Where(o => o.UserId == userId).ExecuteDeleteAsync(ct);
        await db.LoadWarnings.Where(w => w.UserId == userId).ExecuteDeleteAsync(ct);
        await db.OrganisationSupervisors.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        // Where they supervised or recorded someone else's records, those records stay without their name.
        await db.SupervisionSessions.Where(s => s.SupervisorUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.SupervisorUserId, (Guid?)null), ct);
        await db.SupervisionBookings.Where(b => b.BookedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.BookedByUserId, (Guid?)null), ct);
        await db.TrainingRecords.Where(t => t.RecordedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RecordedByUserId, (Guid?)null), ct);
        await db.Debriefs.Where(d => d.HeldWithUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.HeldWithUserId, (Guid?)null), ct);
        await db.WorkEntries.Where(w => w.RecordedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.RecordedByUserId, (Guid?)null), ct);
        await db.PeerAssignments.Where(a => a.AssignedByUserId == userId).ExecuteUpdateAsync(s => s.SetProperty(x => x.AssignedByUserId, (Guid?)null), ct);
        await db.AssignmentOverrides.Where(o => o.ByUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ByUserId, (Guid?)null).SetProperty(x => x.ByName, erasedName), ct);
    }
}
