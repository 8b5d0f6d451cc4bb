using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Notifications;

namespace Waymark.Core.PeerSupport;

/// <summary>
/// The background work of caring for peer supporters, safe to run on every node at once: reminds a peer supporter
/// and their supervisors, exactly once, of a debrief that passed its due time unheld (the run that claims the
/// debrief row writes the messages in the same transaction); tells the supervisor, exactly once in the same way, of a
/// booked supervision whose day has passed without it being marked held; and sends the 80% load warnings that come
/// from time passing rather than from anything being saved (a group session under way, wall moderation).
/// </summary>
public sealed class PeerCareJob(WaymarkDbContext db, LoadWarnings warnings, PeerSupportAccess access, PeerSupportOptions options, NotificationSettings links, TimeProvider time)
{
    public sealed record Outcome(int Reminders, int Warnings, int SupervisionReminders);

    public async Task<Outcome> RunOnceAsync(CancellationToken ct = default)
    {
        var reminders = await RemindOverdueDebriefsAsync(ct);
        var supervisionReminders = await RemindPassedSupervisionBookingsAsync(ct);
        var warned = 0;
        var peers = await db.OrganisationMemberships.Where(m => m.Role == MembershipRoles.PeerSupporter)
            .Select(m => new { m.UserId, m.OrganizationId }).ToListAsync(ct);
        foreach (var p in peers)
        {
            warned += await warnings.CheckAsync(p.UserId, p.OrganizationId, ct);
        }
        return new Outcome(reminders, warned, supervisionReminders);
    }

    /// <summary>
    /// A supervision booked for a day before today (UK) and still open: nobody marked it held or missed. The supervisor
    /// who booked it is told, or, if they no longer supervise there, every supervisor of the organisation.
    /// </summary>
    private async Task<int> RemindPassedSupervisionBookingsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = Schedules.UkTime.DateOf(now);
        var passed = await db.SupervisionBookings.Where(b => b.ClosedAt == null && b.RemindedAt == null && b.BookedFor < today).Select(b => b.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in passed)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The claim, as for debriefs: only one run, on any node, turns RemindedAt from empty to set.
            var claimed = await db.SupervisionBookings.Where(b => b.Id == id && b.ClosedAt == null && b.RemindedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.RemindedAt, now), ct);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(ct);
                continue;
            }
            var booking = await db.SupervisionBookings.AsNoTracking().SingleAsync(b => b.Id == id, ct);
            var peerEmail = await db.Users.Where(u => u.Id == booking.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
            var supervisors = (await access.SupervisorsAsync(booking.OrganisationId, ct)).Where(s => s.Id != booking.UserId).ToList();
            var told = supervisors.Where(s => s.Id == booking.BookedByUserId).ToList() is { Count: > 0 } booker ? booker : supervisors;
            foreach (var (_, email) in told)
            {
                PeerOutbox.Queue(db, time, email, PeerSupportRecords.SupervisionNotMarkedHeldSubject, booking.UserId,
                    $"{peerEmail ?? "A peer supporter"}'s supervision was booked for {booking.BookedFor.ToString("d MMMM", CultureInfo.InvariantCulture)} and is not marked held. If it happened, mark it held on their page; if it did not, record it as missed or book another day.\n\nSee them: {links.Link($"provider/people/{booking.OrganisationId}/{booking.UserId}")}");
            }
            db.Audit(time, new Actor(null, "waymark"), PeerSupportAudit.SupervisionBookingReminded, "peer-supporter", booking.UserId.ToString(), booking.Id.ToString());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            sent++;
        }
        return sent;
    }

    private async Task<int> RemindOverdueDebriefsAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var overdue = await db.Debriefs.Where(d => d.HeldAt == null && d.RemindedAt == null && d.DueBy < now).Select(d => d.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in overdue)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The claim: only one run, on any node, turns RemindedAt from empty to set; the others change nothing.
            var claimed = await db.Debriefs.Where(d => d.Id == id && d.HeldAt == null && d.RemindedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.RemindedAt, now), ct);
            if (claimed == 0)
            {
                await transaction.RollbackAsync(ct);
                continue;
            }
            var debrief = await db.Debriefs.AsNoTracking().SingleAsync(d => d.Id == id, ct);
            var peerEmail = await db.Users.Where(u => u.Id == debrief.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
            var what = debrief.AskedBySelf ? $"asked for on {Day(debrief.RequestedAt)}" : $"offered after {debrief.Reason ?? "a difficult contact"}";
            var theirs = debrief.AskedBySelf ? what : $"offered after {HardMoments.ForSupervisors(debrief.Reason) ?? "a difficult contact"}";
            var booked = debrief.BookedFor is { } b ? $" It is booked for {b.ToString("d MMMM", CultureInfo.InvariantCulture)}." : "";
            var blockFrom = Day(debrief.RequestedAt + options.DebriefBlockAfter);
            if (peerEmail is not null)
            {
                PeerOutbox.Queue(db, time, peerEmail, PeerSupportRecords.DebriefOverdueSubject, debrief.UserId,
                    $"Your debrief ({what}) was due by {Day(debrief.DueBy)} and is not recorded as held yet.{booked} If you have had it, say so on your page. If not, your supervisor has been reminded too. From {blockFrom}, until it is held, you will not be given group sessions or urgent wall posts: that is to look after you.\n\nSee your page: {links.Link("peer")}");
            }
            foreach (var (_, email) in (await access.SupervisorsAsync(debrief.OrganisationId, ct)).Where(s => s.Id != debrief.UserId))
            {
                PeerOutbox.Queue(db, time, email, PeerSupportRecords.DebriefOverdueSubject, debrief.UserId,
                    $"{peerEmail ?? "A peer supporter"}'s debrief ({theirs}) was due by {Day(debrief.DueBy)} and is not recorded as held.{booked} Please hold it with them. From {blockFrom}, until it is held or you record an override, they will not be given group sessions or urgent wall posts.\n\nSee your team: {links.Link("provider/people")}");
            }
            db.Audit(time, new Actor(null, "waymark"), PeerSupportAudit.DebriefReminded, "peer-supporter", debrief.UserId.ToString(), debrief.Id.ToString());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            sent++;
        }
        return sent;
    }

    private static string Day(DateTimeOffset at) => Schedules.UkTime.ToLocal(at).ToString("HH:mm 'on' d MMMM", CultureInfo.InvariantCulture);
}
