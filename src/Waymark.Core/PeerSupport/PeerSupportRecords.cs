using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Notifications;
using Waymark.Core.Outbox;

namespace Waymark.Core.PeerSupport;

/// <summary>A refused peer-support change, with a sentence for the person who asked.</summary>
public sealed class PeerSupportException(string message) : Exception(message);

/// <summary>A supervision session as one reader may see it: the note only for its supervisor and the peer supporter.</summary>
public sealed record SupervisionView(Guid Id, DateOnly HeldOn, bool Attended, string? SupervisorEmail, bool NoteReadable, string? Note,
    string? GivenByOrganisation = null);

public sealed record CheckInView(Guid Id, DateTimeOffset At, string Text, bool Shared);

/// <summary>
/// Records the care of peer supporters and the work they do: settings, supervisors, training, supervision,
/// debriefs, check-ins, work time, assignments (through <see cref="AssignmentGate"/>), overrides and breaks.
/// Each change is saved with its audit row and the messages it causes (the outbox) in one transaction;
/// every read of a supervision note or a check-in is audited.
/// </summary>
public sealed class PeerSupportRecords(
    WaymarkDbContext db, AssignmentGate gate, LoadWarnings warnings, PeerSupportAccess access, PeerSupportText text,
    NotificationSettings links, TimeProvider time)
{
    public const string WarningSubject = LoadWarnings.Subject;
    public const string DebriefSubject = "Waymark: a debrief is needed within 24 hours";
    public const string DebriefOverdueSubject = "Waymark: a debrief is overdue";
    public const string DebriefBookedSubject = "Waymark: your debrief is booked";
    public const string SupervisionBookedSubject = "Waymark: your supervision is booked";
    public const string SupervisionNotMarkedHeldSubject = "Waymark: a booked supervision is not marked held";
    public const int MaxReasonLength = 300;
    public const int MaxNoteLength = 4000;

    public async Task SaveSettingsAsync(Guid organisationId, int dayMinutes, int weekMinutes, int caseloadLimit, int supervisionEveryDays,
        int initialTrainingHours, IEnumerable<string> requiredCourses, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (initialTrainingHours is < 0 or > PeerSupportSettings.MaxInitialTrainingHours)
        {
            throw new PeerSupportException($"Enter the hours of initial training, a whole number from 0 to {PeerSupportSettings.MaxInitialTrainingHours}.");
        }
        var settings = await db.PeerSupportSettings.SingleOrDefaultAsync(s => s.OrganisationId == organisationId, ct);
        if (settings is null)
        {
            settings = PeerSupportSettings.DefaultsFor(organisationId);
            db.PeerSupportSettings.Add(settings);
        }
        settings.DayCapMinutes = dayMinutes;
        settings.WeekCapMinutes = weekMinutes;
        settings.CaseloadLimit = caseloadLimit;
        settings.SupervisionEveryDays = supervisionEveryDays;
        settings.InitialTrainingHours = initialTrainingHours;
        settings.RequiredCourses = string.Join('\n', requiredCourses.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase));
        settings.UpdatedAt = time.GetUtcNow();
        db.Audit(time, actor, PeerSupportAudit.SettingsChanged, "organization", organisationId.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"day {dayMinutes} min, week {weekMinutes} min, caseload {caseloadLimit}, supervision every {supervisionEveryDays} days, initial training {initialTrainingHours} h, required: {settings.RequiredCourses.Replace('\n', ';')}"));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Names a staff member of the organisation as a supervisor (provider-admins supervise without this).</summary>
    public async Task NameSupervisorAsync(Guid organisationId, string email, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var normalised = AccountAdministration.Normalise((email ?? "").Trim());
        var member = await db.OrganisationMemberships
            .Where(m => m.OrganizationId == organisationId && (m.Role == MembershipRoles.Staff || m.Role == MembershipRoles.Admin))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.NormalizedEmail })
            .FirstOrDefaultAsync(u => u.NormalizedEmail == normalised, ct)
            ?? throw new PeerSupportException("Enter the email address of a staff member of this organisation.");
        if (!await db.OrganisationSupervisors.AnyAsync(s => s.OrganisationId == organisationId && s.UserId == member.Id, ct))
        {
            db.OrganisationSupervisors.Add(new OrganisationSupervisor { Id = Guid.CreateVersion7(), OrganisationId = organisationId, UserId = member.Id, NamedAt = time.GetUtcNow() });
            db.Audit(time, actor, PeerSupportAudit.SupervisorNamed, "organization", organisationId.ToString(), $"user {member.Id}");
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>A course completed; <paramref name="hours"/>, if given, count towards the organisation's initial training hours.</summary>
    public async Task RecordTrainingAsync(Guid organisationId, Guid userId, string course, DateOnly completedOn, DateOnly? expiresOn, decimal? hours, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (hours is { } h && (h <= 0 || h > TrainingRecord.MaxHours || decimal.Round(h, 2) != h))
        {
            throw new PeerSupportException($"Enter the hours as a number greater than 0 and no more than {TrainingRecord.MaxHours:0}, with at most 2 decimal places.");
        }
        db.TrainingRecords.Add(new TrainingRecord
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisationId, UserId = userId, Course = course.Trim(),
            CompletedOn = completedOn, ExpiresOn = expiresOn, Hours = hours, RecordedByUserId = actor.UserId, RecordedAt = time.GetUtcNow(),
        });
        db.Audit(time, actor, PeerSupportAudit.TrainingRecorded, "peer-supporter", userId.ToString(),
            hours is { } hh ? string.Create(CultureInfo.InvariantCulture, $"{course.Trim()}, {hh:0.##} h") : course.Trim());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A session held by <paramref name="supervisor"/>; only they and the peer supporter can read the note.</summary>
    /// <remarks>
    /// <paramref name="underOfferRequestId"/>: given by another organisation under its shared offer; the caller
    /// (<see cref="SharedSupervision"/>) has checked the request is this organisation's to use.
    /// </remarks>
    public async Task RecordSupervisionAsync(Guid organisationId, Guid userId, DateOnly heldOn, bool attended, string? note, Actor supervisor,
        Guid? underOfferRequestId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        var session = new SupervisionSession
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisationId, UserId = userId, SupervisorUserId = supervisor.UserId,
            HeldOn = heldOn, Attended = attended, ProtectedNote = text.Protect(note), RecordedAt = time.GetUtcNow(), OfferRequestId = underOfferRequestId,
        };
        db.SupervisionSessions.Add(session);
        db.Audit(time, supervisor, PeerSupportAudit.SupervisionRecorded, "peer-supporter", userId.ToString(),
            (attended ? "attended" : "missed") + (underOfferRequestId is { } r ? $", under offer request {r}" : ""));
        // A session on or after the booked day is the booked one (held or missed); an earlier, extra one leaves it booked.
        foreach (var booked in await db.SupervisionBookings.Where(b => b.UserId == userId && b.OrganisationId == organisationId && b.ClosedAt == null && b.BookedFor <= heldOn).ToListAsync(ct))
        {
            booked.ClosedAt = session.RecordedAt;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"I need a debrief": due within 24 hours; the organisation's supervisors are told.</summary>
    public Task<Debrief> RequestDebriefAsync(Guid userId, Guid organisationId, Actor peer, CancellationToken ct = default) =>
        AddDebriefAsync(userId, organisationId, askedBySelf: true, null, peer, ct);

    /// <summary>
    /// For other features to call after a difficult contact (a disclosure of risk in a group, an urgent post on
    /// the wall): a debrief becomes due within 24 hours and the peer supporter and their supervisors are told.
    /// The reason names what happened, never what anyone wrote. Does nothing for someone who is not a peer supporter there.
    /// </summary>
    public async Task<Debrief?> PromptDebriefAsync(Guid userId, Guid organisationId, string reason, CancellationToken ct = default)
    {
        if (!await access.IsPeerSupporterAsync(userId, organisationId, ct))
        {
            return null;
        }
        return await AddDebriefAsync(userId, organisationId, askedBySelf: false, reason, new Actor(null, "waymark"), ct);
    }

    public async Task<bool> RecordDebriefHeldAsync(Guid organisationId, Guid debriefId, Actor supervisor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        var debrief = await db.Debriefs.SingleOrDefaultAsync(d => d.Id == debriefId && d.OrganisationId == organisationId && d.HeldAt == null, ct);
        if (debrief is null)
        {
            return false;
        }
        debrief.HeldAt = time.GetUtcNow();
        debrief.HeldWithUserId = supervisor.UserId;
        db.Audit(time, supervisor, PeerSupportAudit.DebriefHeld, "peer-supporter", debrief.UserId.ToString(), debrief.Id.ToString());
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// "Booked": the day a debrief is booked for, said by the peer supporter or a supervisor (the page decides who
    /// may). False when there is no such open debrief of this peer supporter here. A day before today is refused.
    /// </summary>
    public async Task<bool> BookDebriefAsync(Guid organisationId, Guid userId, Guid debriefId, DateOnly bookedFor, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (bookedFor < Schedules.UkTime.DateOf(time.GetUtcNow()))
        {
            throw new PeerSupportException("Choose today or a day after it");
        }
        var debrief = await db.Debriefs.SingleOrDefaultAsync(d => d.Id == debriefId && d.UserId == userId && d.OrganisationId == organisationId && d.HeldAt == null, ct);
        if (debrief is null)
        {
            return false;
        }
        debrief.BookedFor = bookedFor;
        db.Audit(time, actor, PeerSupportAudit.DebriefBooked, "peer-supporter", userId.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"{debrief.Id} for {bookedFor:yyyy-MM-dd}"));
        if (actor.UserId != userId && await PeerEmailAsync(userId, ct) is { } email)
        {
            var which = debrief.AskedBySelf ? "The debrief you asked for" : $"Your debrief after {debrief.Reason ?? "a difficult contact"}";
            Queue(email, DebriefBookedSubject, userId,
                $"{which} is booked for {Words(bookedFor)}, by {actor.Name}. When you have had it, you or your supervisor can record it as held.\n\nSee it on your page: {links.Link("peer")}");
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// A supervisor books the next supervision for a day, today or later; the peer supporter is told. A booking
    /// already open is replaced (rebooked), so there is one next supervision.
    /// </summary>
    public async Task BookSupervisionAsync(Guid organisationId, Guid userId, DateOnly bookedFor, Actor supervisor,
        Guid? underOfferRequestId = null, string? withOrganisation = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        if (bookedFor < Schedules.UkTime.DateOf(time.GetUtcNow()))
        {
            throw new PeerSupportException("Choose today or a day after it");
        }
        var now = time.GetUtcNow();
        foreach (var open in await db.SupervisionBookings.Where(b => b.UserId == userId && b.OrganisationId == organisationId && b.ClosedAt == null).ToListAsync(ct))
        {
            open.ClosedAt = now;
        }
        db.SupervisionBookings.Add(new SupervisionBooking
        {
            Id = Guid.CreateVersion7(now), OrganisationId = organisationId, UserId = userId, BookedFor = bookedFor, BookedByUserId = supervisor.UserId, BookedAt = now,
            OfferRequestId = underOfferRequestId,
        });
        db.Audit(time, supervisor, PeerSupportAudit.SupervisionBooked, "peer-supporter", userId.ToString(),
            string.Create(CultureInfo.InvariantCulture, $"for {bookedFor:yyyy-MM-dd}") + (underOfferRequestId is { } r ? $", under offer request {r}" : ""));
        if (await PeerEmailAsync(userId, ct) is { } email)
        {
            var with = withOrganisation is null ? supervisor.Name : $"a supervisor from {withOrganisation} (booked by {supervisor.Name})";
            Queue(email, SupervisionBookedSubject, userId,
                $"Your next supervision is booked for {Words(bookedFor)}, with {with}. It is time for you: to talk about the work and how it is for you.\n\nSee it on your page: {links.Link("peer")}");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// "It was held": the booked supervision recorded as attended on its day, with no note (a note goes with
    /// "Record supervision"). False when there is no such open booking; refused before its day.
    /// </summary>
    public async Task<bool> RecordBookedSupervisionHeldAsync(Guid organisationId, Guid userId, Guid bookingId, Actor supervisor, CancellationToken ct = default)
    {
        var booking = await db.SupervisionBookings.AsNoTracking()
            .SingleOrDefaultAsync(b => b.Id == bookingId && b.UserId == userId && b.OrganisationId == organisationId && b.ClosedAt == null, ct);
        if (booking is null)
        {
            return false;
        }
        if (booking.BookedFor > Schedules.UkTime.DateOf(time.GetUtcNow()))
        {
            throw new PeerSupportException($"It is booked for {Words(booking.BookedFor)}: record it as held on or after that day");
        }
        await RecordSupervisionAsync(organisationId, userId, booking.BookedFor, attended: true, null, supervisor, booking.OfferRequestId, ct);
        return true;
    }

    /// <summary>"We had it", said by the peer supporter themselves: held, with no supervisor named.</summary>
    public async Task<bool> RecordOwnDebriefHeldAsync(Guid organisationId, Guid debriefId, Actor peer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var debrief = await db.Debriefs.SingleOrDefaultAsync(d => d.Id == debriefId && d.UserId == peer.UserId && d.OrganisationId == organisationId && d.HeldAt == null, ct);
        if (debrief is null)
        {
            return false;
        }
        debrief.HeldAt = time.GetUtcNow();
        db.Audit(time, peer, PeerSupportAudit.DebriefHeld, "peer-supporter", debrief.UserId.ToString(), $"{debrief.Id}, said by the peer supporter");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task CheckInAsync(Guid userId, Guid organisationId, string words, bool shareWithSupervisor, Actor peer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        db.WellbeingCheckIns.Add(new WellbeingCheckIn
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisationId, UserId = userId, At = time.GetUtcNow(),
            ProtectedText = text.Protect(words) ?? throw new PeerSupportException("Write how you are doing."), SharedWithSupervisor = shareWithSupervisor,
        });
        db.Audit(time, peer, PeerSupportAudit.CheckInRecorded, "peer-supporter", userId.ToString(), shareWithSupervisor ? "shared with supervisors" : "private");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Time worked, the only source of hours; tells the peer supporter and supervisors once a measure reaches 80% of its limit.</summary>
    public async Task LogWorkAsync(Guid userId, Guid organisationId, WorkKind kind, DateTimeOffset startedAt, int minutes, Guid? subjectId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (minutes is < 1 or > WorkEntry.MaxMinutes)
        {
            throw new PeerSupportException($"Enter between 1 and {WorkEntry.MaxMinutes} minutes.");
        }
        db.WorkEntries.Add(new WorkEntry
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisationId, UserId = userId, Kind = kind, StartedAt = startedAt, Minutes = minutes,
            SubjectId = subjectId, RecordedByUserId = actor.UserId, RecordedAt = time.GetUtcNow(),
        });
        db.Audit(time, actor, PeerSupportAudit.WorkLogged, "peer-supporter", userId.ToString(), string.Create(CultureInfo.InvariantCulture, $"{kind} {minutes} min"));
        await db.SaveChangesAsync(ct);
        // Its own transaction: a warning another node sent first must not undo the work recorded here.
        await warnings.CheckAsync(userId, organisationId, ct);
    }

    /// <summary>
    /// Assigns through the gate. Refused: nothing is assigned, the refusal is audited and the check says why.
    /// Allowed (perhaps by a supervisor's override, which the assignment records): the assignment opens.
    /// </summary>
    public async Task<AssignmentCheck> AssignAsync(Guid userId, Guid organisationId, AssignmentKind kind, Guid subjectId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var check = await gate.CheckAsync(userId, organisationId, kind, ct);
        if (!check.Allowed)
        {
            db.Audit(time, actor, PeerSupportAudit.AssignmentRefused, "peer-supporter", userId.ToString(),
                $"{kind} {subjectId}: {string.Join(", ", check.Blocks.Select(b => b.Code))}");
            await db.SaveChangesAsync(ct);
            return check;
        }
        db.PeerAssignments.Add(new PeerAssignment
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisationId, UserId = userId, Kind = kind, SubjectId = subjectId,
            AssignedAt = time.GetUtcNow(), AssignedByUserId = actor.UserId, OverrideId = check.Override?.Id,
        });
        db.Audit(time, actor, PeerSupportAudit.Assigned, "peer-supporter", userId.ToString(),
            $"{kind} {subjectId}" + (check.Override is { } o ? $" under override {o.Id} by {o.ByName}" : ""));
        await db.SaveChangesAsync(ct);
        await warnings.CheckAsync(userId, organisationId, ct);
        return check;
    }

    /// <summary>
    /// Gives a referral to one of the receiving organisation's peer supporters, through the gate; null when the
    /// referral is not the actor's organisation's. An earlier holder's assignment ends when the new one starts.
    /// </summary>
    public async Task<AssignmentCheck?> AssignReferralAsync(Guid referralId, Guid userId, Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var orgId = await db.Referrals.Where(r => r.Id == referralId
                && db.OrganisationMemberships.Any(m => m.UserId == staff.UserId && m.OrganizationId == r.OrganisationId && m.Role != MembershipRoles.PeerSupporter))
            .Select(r => (Guid?)r.OrganisationId).SingleOrDefaultAsync(ct);
        if (orgId is not { } org)
        {
            return null;
        }
        var current = await db.PeerAssignments.Where(a => a.Kind == AssignmentKind.Referral && a.SubjectId == referralId && a.EndedAt == null).ToListAsync(ct);
        if (current.Any(a => a.UserId == userId))
        {
            return new AssignmentCheck(true, [], null);
        }
        var check = await AssignAsync(userId, org, AssignmentKind.Referral, referralId, staff, ct);
        if (check.Allowed && current.Count > 0)
        {
            foreach (var a in current)
            {
                a.EndedAt = time.GetUtcNow();
                db.Audit(time, staff, PeerSupportAudit.AssignmentEnded, "peer-supporter", a.UserId.ToString(), $"{a.Kind} {a.SubjectId}: given to someone else");
            }
            await db.SaveChangesAsync(ct);
        }
        return check;
    }

    /// <summary>The receiving organisation's peer supporters, for staff choosing who holds a referral; empty when it is not theirs.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Email)>> PeerSupportersForReferralAsync(Guid referralId, Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var orgId = await db.Referrals.Where(r => r.Id == referralId
                && db.OrganisationMemberships.Any(m => m.UserId == staff.UserId && m.OrganizationId == r.OrganisationId && m.Role != MembershipRoles.PeerSupporter))
            .Select(r => (Guid?)r.OrganisationId).SingleOrDefaultAsync(ct);
        if (orgId is null)
        {
            return [];
        }
        return (await db.OrganisationMemberships.Where(m => m.OrganizationId == orgId && m.Role == MembershipRoles.PeerSupporter)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email }).ToListAsync(ct))
            .Select(u => (u.Id, u.Email ?? "")).OrderBy(u => u.Item2, StringComparer.Ordinal).ToList();
    }

    /// <summary>Who holds a referral now, if anyone.</summary>
    public Task<Guid?> ReferralHolderAsync(Guid referralId, CancellationToken ct = default) =>
        db.PeerAssignments.Where(a => a.Kind == AssignmentKind.Referral && a.SubjectId == referralId && a.EndedAt == null)
            .Select(a => (Guid?)a.UserId).FirstOrDefaultAsync(ct);

    public async Task<bool> EndAssignmentAsync(Guid organisationId, Guid assignmentId, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var assignment = await db.PeerAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId && a.OrganisationId == organisationId && a.EndedAt == null, ct);
        if (assignment is null)
        {
            return false;
        }
        assignment.EndedAt = time.GetUtcNow();
        db.Audit(time, actor, PeerSupportAudit.AssignmentEnded, "peer-supporter", assignment.UserId.ToString(), $"{assignment.Kind} {assignment.SubjectId}");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>A supervisor's reasoned decision to assign despite the gate's blocks, for one kind of work, for 24 hours.</summary>
    public async Task<AssignmentOverride> RecordOverrideAsync(Guid organisationId, Guid userId, AssignmentKind kind, string reason, Actor supervisor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        var now = time.GetUtcNow();
        var o = new AssignmentOverride
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisationId, UserId = userId, Kind = kind,
            ByUserId = supervisor.UserId, ByName = supervisor.Name, Reason = reason.Trim(), At = now, ExpiresAt = now + AssignmentOverride.Lasts,
        };
        db.AssignmentOverrides.Add(o);
        var blocks = await gate.CheckAsync(userId, organisationId, kind, ct);
        db.Audit(time, supervisor, PeerSupportAudit.OverrideRecorded, "peer-supporter", userId.ToString(),
            $"{kind} until {o.ExpiresAt:O}; blocks {string.Join(", ", blocks.Blocks.Select(b => b.Code))}; why: {o.Reason}");
        await db.SaveChangesAsync(ct);
        return o;
    }

    /// <summary>"I need a break": no reason asked; assignments stop until they come back.</summary>
    public async Task StartBreakAsync(Guid userId, Guid organisationId, Actor peer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (await db.PeerBreaks.AnyAsync(b => b.UserId == userId && b.OrganisationId == organisationId && b.EndedAt == null, ct))
        {
            return;
        }
        db.PeerBreaks.Add(new PeerBreak { Id = Guid.CreateVersion7(), OrganisationId = organisationId, UserId = userId, StartedAt = time.GetUtcNow() });
        db.Audit(time, peer, PeerSupportAudit.BreakStarted, "peer-supporter", userId.ToString());
        await db.SaveChangesAsync(ct);
    }

    public async Task EndBreakAsync(Guid userId, Guid organisationId, Actor peer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        foreach (var b in await db.PeerBreaks.Where(b => b.UserId == userId && b.OrganisationId == organisationId && b.EndedAt == null).ToListAsync(ct))
        {
            b.EndedAt = time.GetUtcNow();
            db.Audit(time, peer, PeerSupportAudit.BreakEnded, "peer-supporter", userId.ToString());
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Supervision sessions as <paramref name="reader"/> may see them: notes only when they are the peer supporter or that session's supervisor. Each note read is audited.</summary>
    public async Task<IReadOnlyList<SupervisionView>> SupervisionAsync(Guid userId, Guid organisationId, Actor reader, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sessions = await db.SupervisionSessions.AsNoTracking().Where(s => s.UserId == userId && s.OrganisationId == organisationId)
            .OrderByDescending(s => s.HeldOn).ThenByDescending(s => s.RecordedAt).Take(50).ToListAsync(ct);
        var supervisorIds = sessions.Where(s => s.SupervisorUserId is not null).Select(s => s.SupervisorUserId!.Value).Distinct().ToList();
        var emails = await db.Users.Where(u => supervisorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var requestIds = sessions.Where(s => s.OfferRequestId is not null).Select(s => s.OfferRequestId!.Value).Distinct().ToList();
        var givenBy = await (from r in db.OfferRequests
                             where requestIds.Contains(r.Id)
                             join o in db.SharedOffers on r.OfferId equals o.Id
                             join org in db.Organizations on o.OrganisationId equals org.Id
                             select new { r.Id, org.Name }).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var views = new List<SupervisionView>();
        foreach (var s in sessions)
        {
            var readable = reader.UserId == userId || (reader.UserId is not null && reader.UserId == s.SupervisorUserId);
            string? note = null;
            if (readable && s.ProtectedNote is not null)
            {
                note = text.Unprotect(s.ProtectedNote);
                db.Audit(time, reader, PeerSupportAudit.SupervisionNoteRead, "supervision", s.Id.ToString(), $"peer supporter {userId}");
            }
            views.Add(new SupervisionView(s.Id, s.HeldOn, s.Attended,
                s.SupervisorUserId is { } sid && emails.TryGetValue(sid, out var e) ? e : null, readable, note,
                s.OfferRequestId is { } rid ? givenBy.GetValueOrDefault(rid) : null));
        }
        await db.SaveChangesAsync(ct);
        return views;
    }

    /// <summary>Check-ins: all of them for the peer supporter; only those they chose to share for a supervisor. Each read is audited.</summary>
    public async Task<IReadOnlyList<CheckInView>> CheckInsAsync(Guid userId, Guid organisationId, Actor reader, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var own = reader.UserId == userId;
        var rows = await db.WellbeingCheckIns.AsNoTracking()
            .Where(c => c.UserId == userId && c.OrganisationId == organisationId && (own || c.SharedWithSupervisor))
            .OrderByDescending(c => c.At).Take(20).ToListAsync(ct);
        foreach (var c in rows)
        {
            db.Audit(time, reader, PeerSupportAudit.CheckInRead, "check-in", c.Id.ToString(), own ? "by the peer supporter" : $"by a supervisor of {userId}");
        }
        await db.SaveChangesAsync(ct);
        return rows.Select(c => new CheckInView(c.Id, c.At, text.Unprotect(c.ProtectedText) ?? "", c.SharedWithSupervisor)).ToList();
    }

    private async Task<Debrief> AddDebriefAsync(Guid userId, Guid organisationId, bool askedBySelf, string? reason, Actor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var debrief = new Debrief
        {
            Id = Guid.CreateVersion7(), OrganisationId = organisationId, UserId = userId, RequestedAt = now, DueBy = now + Debrief.DueWithin,
            AskedBySelf = askedBySelf, Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        };
        db.Debriefs.Add(debrief);
        db.Audit(time, actor, askedBySelf ? PeerSupportAudit.DebriefRequested : PeerSupportAudit.DebriefPrompted, "peer-supporter", userId.ToString(), debrief.Reason);
        var peerEmail = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        var due = debrief.DueBy.ToString("HH:mm 'UTC on' d MMMM", CultureInfo.InvariantCulture);
        if (!askedBySelf && peerEmail is not null)
        {
            Queue(peerEmail, DebriefSubject, userId,
                $"After {debrief.Reason ?? "a difficult contact"}, you are offered a debrief: time with a supervisor to talk through how it went for you, by {due}. It is there for you, not to check up on you.\n\nSee it on your page: {links.Link("peer")}");
        }
        foreach (var (_, email) in await access.SupervisorsAsync(organisationId, ct))
        {
            Queue(email, DebriefSubject, userId,
                $"{peerEmail ?? "A peer supporter"} {(askedBySelf ? "asked for a debrief" : $"needs a debrief after {HardMoments.ForSupervisors(debrief.Reason) ?? "a difficult contact"}")}. Please hold it by {due}.\n\nSee your team: {links.Link("provider/people")}");
        }
        await db.SaveChangesAsync(ct);
        return debrief;
    }

    private Task<string?> PeerEmailAsync(Guid userId, CancellationToken ct) => db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(ct);

    private static string Words(DateOnly day) => day.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    private void Queue(string email, string subject, Guid peerId, string body) => PeerOutbox.Queue(db, time, email, subject, peerId, body);

    /// <summary>Messages about a peer supporter carry this subject type and their id, so erasing them reaches messages to their supervisors too.</summary>
    public const string MessageSubjectType = "peer-supporter";
}
