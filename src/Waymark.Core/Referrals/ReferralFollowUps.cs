using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Notifications;

namespace Waymark.Core.Referrals;

/// <summary>
/// Nothing goes stale unseen: tells the referrer once when a service has not answered in its response time,
/// and checks in with people on a waiting list every 28 days with things to do meanwhile. Each follow-up is
/// a <see cref="ReferralReminder"/> row with a unique key, saved with its messages, so a restart or a second
/// node running the same job cannot send it twice.
/// </summary>
public sealed class ReferralFollowUps(WaymarkDbContext db, ReferralNotifier notifier, ReferralSuggestions suggestions, TimeProvider time)
{
    public static readonly Guid ResponseTimeTerm = Vocabulary.TermId(Staleness.ResponseTimeCode);

    public sealed record Outcome(int Overdue, int CheckIns);

    public async Task<Outcome> RunOnceAsync(CancellationToken ct = default)
    {
        var overdue = await FlagOverdueAsync(ct);
        var checkIns = await CheckInAsync(ct);
        return new Outcome(overdue, checkIns);
    }

    /// <summary>Each service's stated response time in working days, where it states one the overdue rule can use.</summary>
    public static async Task<Dictionary<Guid, int>> ResponseDaysAsync(WaymarkDbContext db, IEnumerable<Guid> serviceIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = serviceIds.Distinct().ToList();
        var stated = await db.ServiceAttributes.Where(a => ids.Contains(a.ServiceId) && a.TaxonomyTermId == ResponseTimeTerm)
            .Select(a => new { a.ServiceId, a.Value }).ToListAsync(ct);
        var days = new Dictionary<Guid, int>();
        foreach (var s in stated)
        {
            if (Staleness.StatedResponseDays(s.Value) is { } n)
            {
                days[s.ServiceId] = n;
            }
        }
        return days;
    }

    /// <summary>The referrals among <paramref name="referrals"/> that are overdue now, with the day their answer was due.</summary>
    public static async Task<Dictionary<Guid, DateOnly>> OverdueAsync(WaymarkDbContext db, IEnumerable<(Guid Id, Guid ServiceId, ReferralStatus Status, DateTimeOffset SentAt)> referrals, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        var list = referrals.Where(r => Staleness.AwaitsAnswer(r.Status)).ToList();
        var days = await ResponseDaysAsync(db, list.Select(r => r.ServiceId), ct);
        var now = time.GetUtcNow();
        return list
            .Where(r => Staleness.IsOverdue(r.Status, r.SentAt, days.GetValueOrDefault(r.ServiceId), now))
            .ToDictionary(r => r.Id, r => Staleness.AnswerDueBy(r.SentAt, days.GetValueOrDefault(r.ServiceId)));
    }

    private async Task<int> FlagOverdueAsync(CancellationToken ct)
    {
        // Any referral can only be overdue after at least one whole day; the exact rule is in Staleness.
        var before = time.GetUtcNow().AddDays(-1);
        var candidates = await db.Referrals
            .Where(r => (r.Status == ReferralStatus.Sent || r.Status == ReferralStatus.Opened) && r.CreatedAt < before)
            .Where(r => !db.ReferralReminders.Any(m => m.ReferralId == r.Id && m.Kind == ReferralReminder.Stale))
            .OrderBy(r => r.CreatedAt).Take(500).AsNoTracking().ToListAsync(ct);
        var overdue = await OverdueAsync(db, candidates.Select(r => (r.Id, r.ServiceId, r.Status, r.CreatedAt)), time, ct);
        var flagged = 0;
        foreach (var referral in candidates.Where(r => overdue.ContainsKey(r.Id)))
        {
            db.ReferralReminders.Add(NewReminder(referral.Id, ReferralReminder.Stale, 0));
            await notifier.OverdueAsync(referral, overdue[referral.Id], ct);
            flagged += await SaveOnceAsync(ct);
        }
        return flagged;
    }

    private async Task<int> CheckInAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = now.AddDays(-WaitingListCheckIns.DaysBetween);
        var waiting = await db.Referrals
            .Where(r => r.Status == ReferralStatus.OnWaitingList)
            .Select(r => new
            {
                Referral = r,
                JoinedAt = db.ReferralEvents.Where(e => e.ReferralId == r.Id && e.To == ReferralStatus.OnWaitingList).Max(e => e.OccurredAt),
            })
            .Where(x => x.JoinedAt <= due)
            .OrderBy(x => x.JoinedAt).Take(500).AsNoTracking().ToListAsync(ct);
        var sent = 0;
        foreach (var item in waiting)
        {
            var period = WaitingListCheckIns.PeriodAt(item.JoinedAt, now);
            if (period < 1 || await db.ReferralReminders.AnyAsync(m => m.ReferralId == item.Referral.Id && m.Kind == ReferralReminder.CheckIn && m.Period == period, ct))
            {
                continue;
            }
            db.ReferralReminders.Add(NewReminder(item.Referral.Id, ReferralReminder.CheckIn, period));
            await notifier.CheckInAsync(item.Referral, await suggestions.WhileYouWaitAsync(item.Referral.ServiceId, ct), ct);
            sent += await SaveOnceAsync(ct);
        }
        return sent;
    }

    private ReferralReminder NewReminder(Guid referralId, string kind, int period) => new()
    {
        Id = Guid.CreateVersion7(time.GetUtcNow()),
        ReferralId = referralId,
        Kind = kind,
        Period = period,
        CreatedAt = time.GetUtcNow(),
    };

    /// <summary>Saves a reminder with its messages; 0 when another run saved the same reminder first.</summary>
    private async Task<int> SaveOnceAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return 1;
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // The unique key refused a duplicate: the other run's reminder and messages stand, ours are dropped.
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}
