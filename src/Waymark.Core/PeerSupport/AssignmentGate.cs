using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Schedules;

namespace Waymark.Core.PeerSupport;

/// <summary>
/// The one gate every assignment of a peer supporter passes (a group session, a referral, moderation). It
/// refuses at a cap, with supervision overdue, with fewer hours of training recorded than the organisation asks
/// for before practice, with required training missing or expired, after long
/// inactivity without retraining, and during a break the person asked for; it says why and what would
/// unblock each. A supervisor's recorded override lets the overridable blocks through for 24 hours. A debrief
/// left unheld too long stops only hard work: group sessions, and urgent items on the wall (ADR 0023).
/// </summary>
public sealed class AssignmentGate(WaymarkDbContext db, PeerSupportLoad load, PeerSupportAccess access, PeerSupportOptions options, TimeProvider time)
{
    /// <summary>Checks an assignment; a group session is always hard work.</summary>
    public Task<AssignmentCheck> CheckAsync(Guid userId, Guid organisationId, AssignmentKind kind, CancellationToken ct = default) =>
        CheckAsync(userId, organisationId, kind, hardWork: kind == AssignmentKind.GroupSession, ct);

    /// <summary>Checks an assignment; <paramref name="hardWork"/> for an urgent wall item (or a group session).</summary>
    public async Task<AssignmentCheck> CheckAsync(Guid userId, Guid organisationId, AssignmentKind kind, bool hardWork, CancellationToken ct = default)
    {
        if (!await access.IsPeerSupporterAsync(userId, organisationId, ct))
        {
            return new AssignmentCheck(false, [new AssignmentBlock(BlockCode.NotAPeerSupporter,
                "They are not a peer supporter of this organisation.",
                "Add them as a peer supporter first (waymark users add --role peer-supporter --organisation …).")], null);
        }
        var standing = await StandingAsync(userId, organisationId, ct);
        var blocks = BlocksOf(standing).Where(b => hardWork || !b.HardWorkOnly).ToList();
        var now = time.GetUtcNow();
        var overriding = blocks.Count == 0 || blocks.Any(b => !b.Overridable) ? null
            : await db.AssignmentOverrides.AsNoTracking()
                .Where(o => o.UserId == userId && o.OrganisationId == organisationId && o.Kind == kind && o.ExpiresAt > now)
                .OrderByDescending(o => o.At).FirstOrDefaultAsync(ct);
        return new AssignmentCheck(blocks.Count == 0 || overriding is not null, blocks, overriding);
    }

    /// <summary>
    /// What stops a moderator being handed wall items (<paramref name="urgent"/> ones are hard work): the gate's
    /// blocks in each organisation they are a peer supporter of, less any a supervisor overrode for moderation.
    /// Empty for a moderator who is not a peer supporter anywhere.
    /// </summary>
    public async Task<IReadOnlyList<AssignmentBlock>> ModerationBlocksAsync(Guid userId, bool urgent, CancellationToken ct = default)
    {
        var blocks = new List<AssignmentBlock>();
        foreach (var organisationId in await access.PeerOrganisationIds(userId).ToListAsync(ct))
        {
            var check = await CheckAsync(userId, organisationId, AssignmentKind.Moderation, urgent, ct);
            if (!check.Allowed)
            {
                blocks.AddRange(check.Blocks.Where(b => !blocks.Contains(b)));
            }
        }
        return blocks;
    }

    /// <summary>Where a peer supporter stands in an organisation: load, break, supervision, training, debriefs, activity.</summary>
    public async Task<PeerStanding> StandingAsync(Guid userId, Guid organisationId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var today = UkTime.DateOf(now);
        var settings = await load.SettingsAsync(organisationId, ct);
        var peerLoad = await load.ForAsync(userId, organisationId, settings, ct);
        var joined = await db.OrganisationMemberships
            .Where(m => m.UserId == userId && m.OrganizationId == organisationId).Select(m => (DateTimeOffset?)m.CreatedAt).FirstOrDefaultAsync(ct) ?? now;
        var onBreak = await db.PeerBreaks.Where(b => b.UserId == userId && b.OrganisationId == organisationId && b.EndedAt == null)
            .Select(b => (DateTimeOffset?)b.StartedAt).FirstOrDefaultAsync(ct);

        var lastSupervision = await db.SupervisionSessions
            .Where(s => s.UserId == userId && s.OrganisationId == organisationId && s.Attended)
            .MaxAsync(s => (DateOnly?)s.HeldOn, ct);
        var due = (lastSupervision ?? UkTime.DateOf(joined)).AddDays(settings.SupervisionEveryDays);

        var records = await db.TrainingRecords.AsNoTracking().Where(t => t.UserId == userId && t.OrganisationId == organisationId).ToListAsync(ct);
        var training = settings.Required.Select(course =>
        {
            var latest = records.Where(r => string.Equals(r.Course, course, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(r => r.CompletedOn).ThenByDescending(r => r.RecordedAt).FirstOrDefault();
            var state = latest is null ? TrainingState.Missing
                : latest.ExpiresOn is { } e && e < today ? TrainingState.Expired
                : latest.ExpiresOn is { } soon && soon <= today.AddDays(PeerStanding.DueSoonDays) ? TrainingState.DueSoon
                : TrainingState.InDate;
            return new CourseStanding(course, latest?.CompletedOn, latest?.ExpiresOn, state);
        }).ToList();

        // Every completed course's hours count towards the initial training, whatever the course and even once it
        // has run out: initial training is had once, and keeping a course in date is the required-courses rule's job.
        var trainingHours = records.Sum(r => r.Hours ?? 0);

        var debriefs = await db.Debriefs.AsNoTracking().Where(d => d.UserId == userId && d.OrganisationId == organisationId && d.HeldAt == null)
            .OrderBy(d => d.DueBy).ToListAsync(ct);

        // Retraining counts as activity, so a refresher course lifts the inactivity block.
        var lastWork = await db.WorkEntries.Where(w => w.UserId == userId && w.OrganisationId == organisationId).MaxAsync(w => (DateTimeOffset?)w.StartedAt, ct);
        var lastAssigned = await db.PeerAssignments.Where(a => a.UserId == userId && a.OrganisationId == organisationId).MaxAsync(a => (DateTimeOffset?)a.AssignedAt, ct);
        var lastTrained = records.Count == 0 ? (DateTimeOffset?)null : UkTime.ToInstant(records.Max(r => r.CompletedOn), 0);
        var lastActive = new[] { joined, lastWork, lastAssigned, lastTrained }.Where(x => x is not null).Max()!.Value;

        var booked = await db.SupervisionBookings.AsNoTracking().Where(b => b.UserId == userId && b.OrganisationId == organisationId && b.ClosedAt == null)
            .OrderByDescending(b => b.BookedAt).FirstOrDefaultAsync(ct);

        return new PeerStanding(userId, organisationId, settings, peerLoad, onBreak, lastSupervision, due, today > due, training, debriefs,
            lastActive, now - lastActive > TimeSpan.FromDays(settings.InactiveDays),
            debriefs.OrderBy(d => d.RequestedAt).FirstOrDefault(d => now - d.RequestedAt >= options.DebriefBlockAfter),
            booked, trainingHours, booked is not null && booked.BookedFor < today);
    }

    /// <summary>Every block that stands, in the order a supervisor would want to read them.</summary>
    public static IReadOnlyList<AssignmentBlock> BlocksOf(PeerStanding s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var blocks = new List<AssignmentBlock>();
        if (s.OnBreakSince is { } since)
        {
            blocks.Add(new(BlockCode.OnABreak, $"They asked for a break on {Day(UkTime.DateOf(since))}.",
                "Nothing until they say they are back, on their own page. Do not ask them why."));
        }
        if (s.Load.Day.AtLimit)
        {
            blocks.Add(new(BlockCode.DayHoursCap, $"They have worked {s.Load.Day.Words}, the organisation's limit.",
                "Wait until their hours in the last 24 hours fall below the limit, or a supervisor records an override."));
        }
        if (s.Load.Week.AtLimit)
        {
            blocks.Add(new(BlockCode.WeekHoursCap, $"They have worked {s.Load.Week.Words}, the organisation's limit.",
                "Wait until their hours in the last 7 days fall below the limit, or a supervisor records an override."));
        }
        if (s.Load.Caseload.AtLimit)
        {
            blocks.Add(new(BlockCode.CaseloadLimit, $"They hold {s.Load.Caseload.Words}, the organisation's limit.",
                "End one of their assignments, or a supervisor records an override."));
        }
        if (s.SupervisionOverdue)
        {
            blocks.Add(new(BlockCode.SupervisionOverdue, $"Their supervision was due on {Day(s.SupervisionDue)}.",
                "Record a supervision session they attended."));
        }
        if (s.InitialTrainingIncomplete)
        {
            blocks.Add(new(BlockCode.InitialTrainingIncomplete,
                $"{Hours(s.TrainingHours)} of {s.Settings.InitialTrainingHours} hours of training recorded: the organisation asks for {s.Settings.InitialTrainingHours} hours of initial training before practice.",
                "Record the rest of the initial training to be assigned."));
        }
        foreach (var t in s.Training)
        {
            if (t.State == TrainingState.Missing)
            {
                blocks.Add(new(BlockCode.TrainingMissing, $"There is no record of their {t.Course} training, which the organisation requires.",
                    $"Record their {t.Course} training as completed."));
            }
            else if (t.State == TrainingState.Expired)
            {
                blocks.Add(new(BlockCode.TrainingExpired, $"Their {t.Course} training ran out on {Day(t.ExpiresOn!.Value)}.",
                    $"Record their {t.Course} training as completed again."));
            }
        }
        if (s.LongOverdueDebrief is { } d)
        {
            blocks.Add(new(BlockCode.DebriefOverdue,
                $"Their debrief {(d.AskedBySelf ? "asked for" : "offered")} on {Day(UkTime.DateOf(d.RequestedAt))} has not been held, so they will not be given group sessions or urgent wall items.",
                "Hold the debrief and record it as held, or a supervisor records an override for that kind of work."));
        }
        if (s.NeedsRetraining)
        {
            blocks.Add(new(BlockCode.InactiveNeedsRetraining,
                $"They have not worked for more than {s.Settings.InactiveDays / 30} months (last on {Day(UkTime.DateOf(s.LastActive))}).",
                "Record refresher training they have completed."));
        }
        return blocks;
    }

    private static string Hours(decimal h) => h.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
