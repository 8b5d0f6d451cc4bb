using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Matching;

namespace Waymark.Core.Referrals;

/// <summary>
/// Typical waits measured from referrals: the median days from Sent to Offered, over referrals offered in
/// the last 180 days, for services with at least 5 of them. Held in memory, because matching asks for
/// every candidate service, and refreshed from the database now and then.
/// </summary>
public sealed class MeasuredReferralWaits : IReferralWaits
{
    public const int MinimumReferrals = 5;
    public static readonly TimeSpan Window = TimeSpan.FromDays(180);

    private volatile FrozenDictionary<Guid, int> _waits = FrozenDictionary<Guid, int>.Empty;

    public int? TypicalWaitDays(Guid serviceId) => _waits.TryGetValue(serviceId, out var days) ? days : null;

    public IReadOnlyDictionary<Guid, int> Measured => _waits;

    public async Task RefreshAsync(WaymarkDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var since = time.GetUtcNow() - Window;
        var offers = await db.ReferralEvents
            .Where(e => e.To == ReferralStatus.Offered && e.OccurredAt >= since)
            .Join(db.Referrals, e => e.ReferralId, r => r.Id, (e, r) => new { r.Id, r.ServiceId, r.CreatedAt, e.OccurredAt })
            .ToListAsync(ct);
        _waits = offers
            // A referral offered twice counts once, from its first offer.
            .GroupBy(o => o.Id).Select(g => g.OrderBy(o => o.OccurredAt).First())
            .GroupBy(o => o.ServiceId)
            .Where(g => g.Count() >= MinimumReferrals)
            .ToFrozenDictionary(g => g.Key, g => MedianDays(g.Select(o => (o.OccurredAt - o.CreatedAt).TotalDays)));
    }

    public static int MedianDays(IEnumerable<double> days)
    {
        var sorted = days.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No waits to take the median of.", nameof(days));
        }
        var mid = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return (int)Math.Round(median, MidpointRounding.AwayFromZero);
    }
}
