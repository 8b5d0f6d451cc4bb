using Microsoft.EntityFrameworkCore;
using Waymark.Core.Commissioning;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;
using Waymark.Core.Listings;
using Waymark.Core.Referrals;
using Waymark.Core.Schedules;
using static Waymark.Core.Commissioning.WaitsReport;

namespace Waymark.Tests.Core.Commissioning;

/// <summary>
/// The waits report and secondary suppression worked out the plain way, as they were before the refresh was made to
/// scale (issue 16 item 9): every referral read into memory, each row's referrals found by scanning them all, and
/// every sum walked again until nothing changes. Slow, but plainly right; the fast code must give the same figures.
/// </summary>
internal static class StraightforwardWaits
{
    /// <summary>The sums that hold within one row: the answers add up to the referrals; the reasons to their total.</summary>
    private static readonly string[][] RowSums =
    [
        [Accepted, Declined, NoAnswer, WaitsReport.Referrals],
        [.. DeclineReasons.Select(DeclinedFor), Declined],
        [.. RemovalReasons.Select(RemovedFor), Removed],
    ];

    /// <summary>The same, reading active services through <paramref name="coverage"/>, so a refresh of many areas reads them once.</summary>
    public static async Task<WaitsReport> ForAsync(WaymarkDbContext db, TimeProvider time, IReadOnlyList<LocalAuthority> areas, Coverage coverage, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(areas);
        var now = time.GetUtcNow();
        var since = now.AddDays(-WindowDays);
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => r.CreatedAt >= since)
            .Select(r => new { r.Id, r.ServiceId, r.CreatedAt })
            .ToListAsync(ct);
        // Only what the figures need: never the note (Reason) or anyone's name.
        var events = (await db.ReferralEvents.AsNoTracking()
            .Where(e => db.Referrals.Any(r => r.Id == e.ReferralId && r.CreatedAt >= since))
            .Select(e => new { e.ReferralId, e.To, e.ReasonCode, e.OccurredAt })
            .ToListAsync(ct))
            .GroupBy(e => e.ReferralId)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.OccurredAt).Select(e => (e.To, e.ReasonCode, e.OccurredAt)).ToList());

        var serviceIds = referrals.Select(r => r.ServiceId).Distinct().ToList();
        var places = await coverage.PlacesAsync(serviceIds, ct);
        var responseDays = await ReferralFollowUps.ResponseDaysAsync(db, serviceIds, ct);
        var inAreas = InAreas(places, areas);
        var names = await db.Services.AsNoTracking().Where(s => inAreas.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, Organisation = s.Organization!.Name })
            .ToDictionaryAsync(s => s.Id, ct);

        var facts = referrals.Where(r => inAreas.Contains(r.ServiceId))
            .Select(r => Facts(r.ServiceId, r.CreatedAt, events.GetValueOrDefault(r.Id) ?? [], responseDays.GetValueOrDefault(r.ServiceId), now))
            .ToList();
        var nationalRemote = referrals.Count(r => places.TryGetValue(r.ServiceId, out var p) && p.Count == 0);

        var services = inAreas.OrderBy(id => names.TryGetValue(id, out var n) ? n.Name : "", StringComparer.Ordinal).ThenBy(id => id).ToList();
        // Rows: each service, then each authority, then all the areas; figures row by row in Measures order.
        var rowFacts = new List<List<ReferralFacts>>();
        rowFacts.AddRange(services.Select(id => facts.Where(f => f.ServiceId == id).ToList()));
        rowFacts.AddRange(areas.Select(a => facts.Where(f => places[f.ServiceId].Contains(a)).ToList()));
        rowFacts.Add(facts);
        var m = Measures.Count;
        var column = Measures.Select((x, i) => (x.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        int Index(int row, string key) => (row * m) + column[key];
        var figures = new long[rowFacts.Count * m];
        for (var row = 0; row < rowFacts.Count; row++)
        {
            foreach (var f in rowFacts[row])
            {
                foreach (var key in f.Measures)
                {
                    figures[Index(row, key)]++;
                }
            }
        }

        var sums = new List<int[]>();
        for (var row = 0; row < rowFacts.Count; row++)
        {
            sums.AddRange(RowSums.Select(keys => keys.Select(k => Index(row, k)).ToArray()));
        }
        foreach (var measure in Measures)
        {
            for (var a = 0; a < areas.Count; a++)
            {
                var parts = services.Select((id, i) => (id, i)).Where(s => places[s.id].Contains(areas[a])).Select(s => Index(s.i, measure.Key)).ToList();
                if (parts.Count > 0)
                {
                    sums.Add([.. parts, Index(services.Count + a, measure.Key)]);
                }
            }
            if (services.Count > 0)
            {
                sums.Add([.. services.Select((_, i) => Index(i, measure.Key)), Index(rowFacts.Count - 1, measure.Key)]);
            }
        }
        var hidden = Apply(figures, sums);

        WaitsRow Row(int row, WaitsRowKind kind, string code, string name, string? organisation) => new(
            kind, code, name, organisation,
            Measures.ToDictionary(x => x.Key, x => figures[Index(row, x.Key)]),
            Measures.ToDictionary(x => x.Key, x => hidden[Index(row, x.Key)]),
            Waits(rowFacts[row].Select(f => f.DaysToOffer)),
            Waits(rowFacts[row].Select(f => f.DaysToStart)));

        var today = UkTime.DateOf(now);
        var listings = await coverage.ActiveListingsAsync(ct);
        return new WaitsReport(
            areas,
            [.. services.Select((id, i) => Row(i, WaitsRowKind.Service, id.ToString(), names[id].Name, names[id].Organisation))],
            [.. areas.Select((a, i) => Row(services.Count + i, WaitsRowKind.Authority, a.Code, a.Name, null))],
            Row(rowFacts.Count - 1, WaitsRowKind.All, "all", "All your areas", null),
            [.. areas.Select(a => new Waymark.Core.Commissioning.ListingChecks(
                a,
                listings.Count(l => l.Places.Contains(a)),
                listings.Count(l => l.Places.Contains(a) && ListingFreshness.Of(l.Assured, today) != Freshness.Fresh)))],
            nationalRemote,
            UkTime.DateOf(since),
            today,
            now);
    }

    private static HashSet<Guid> InAreas(Dictionary<Guid, IReadOnlyList<LocalAuthority>> places, IReadOnlyList<LocalAuthority> areas) =>
        places.Where(p => p.Value.Any(areas.Contains)).Select(p => p.Key).ToHashSet();

    /// <summary>Secondary suppression as first written: walk every sum again until nothing changes.</summary>
    public static Hidden[] Apply(IReadOnlyList<long> figures, IReadOnlyList<int[]> sums)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(sums);
        var hidden = figures.Select(f => Suppression.IsSmall(f) ? Hidden.Small : Hidden.Shown).ToArray();
        bool changed;
        do
        {
            changed = false;
            foreach (var sum in sums)
            {
                changed |= Protect(figures, hidden, sum);
            }
        }
        while (changed);
        return hidden;
    }

    private static bool Protect(IReadOnlyList<long> figures, Hidden[] hidden, int[] line)
    {
        var hiddenCount = line.Count(p => hidden[p] != Hidden.Shown);
        if (hiddenCount != 1)
        {
            return false;
        }
        // Hide the smallest other figure, preferring a cell to a total, so the least is lost. Never a zero while
        // there is anything else: hidden figures that must add up to nothing are all zero, and give the rest away.
        var total = line[^1];
        var pick = line.Where(p => hidden[p] == Hidden.Shown)
            .OrderBy(p => figures[p] == 0)
            .ThenBy(p => p == total)
            .ThenBy(p => figures[p])
            .First();
        hidden[pick] = Hidden.Secondary;
        return true;
    }
    private sealed record ReferralFacts(Guid ServiceId, IReadOnlyList<string> Measures, double? DaysToOffer, double? DaysToStart);

    private static ReferralFacts Facts(Guid serviceId, DateTimeOffset sentAt, List<(ReferralStatus To, ReferralReason? Code, DateTimeOffset At)> events, int? responseDays, DateTimeOffset now)
    {
        var keys = new List<string> { WaitsReport.Referrals };
        int First(Func<ReferralStatus, bool> to) => events.FindIndex(e => to(e.To));
        var declined = First(s => s == ReferralStatus.Declined);
        if (First(s => s == ReferralStatus.Accepted) >= 0)
        {
            keys.Add(Accepted);
        }
        else if (declined >= 0)
        {
            keys.Add(Declined);
            keys.Add(DeclinedFor(events[declined].Code));
        }
        else
        {
            keys.Add(NoAnswer);
        }
        var removed = First(s => s == ReferralStatus.RemovedFromWaitingList);
        if (removed >= 0)
        {
            keys.Add(Removed);
            keys.Add(RemovedFor(events[removed].Code));
        }
        // The clock stops at the service's first answer (accept, decline or close), or when the person withdrew.
        var stopped = First(s => s is ReferralStatus.Accepted or ReferralStatus.Declined or ReferralStatus.Closed or ReferralStatus.Withdrawn);
        if (UkTime.DateOf(stopped >= 0 ? events[stopped].At : now) > Staleness.AnswerDueBy(sentAt, responseDays))
        {
            keys.Add(NotInTime);
        }
        double? DaysTo(ReferralStatus status) => First(s => s == status) is var i and >= 0 ? (events[i].At - sentAt).TotalDays : null;
        var toOffer = DaysTo(ReferralStatus.Offered);
        var toStart = DaysTo(ReferralStatus.Started);
        if (toOffer is not null)
        {
            keys.Add(Offered);
        }
        if (toStart is not null)
        {
            keys.Add(Started);
        }
        return new ReferralFacts(serviceId, keys, toOffer, toStart);
    }
}
