using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;
using Waymark.Core.Listings;
using Waymark.Core.Referrals;
using Waymark.Core.Schedules;

namespace Waymark.Core.Commissioning;

/// <summary>Whom a row of figures is about: a service, one of the commissioner's authorities, or all their areas.</summary>
public enum WaitsRowKind
{
    Service,
    Authority,
    All,
}

/// <summary>One row: its figures by <see cref="WaitsReport.Measures"/> key, what is hidden, and its waits.</summary>
public sealed record WaitsRow(
    WaitsRowKind Kind,
    string Code,
    string Name,
    string? Organisation,
    IReadOnlyDictionary<string, long> Counts,
    IReadOnlyDictionary<string, Hidden> Hidden,
    WaitFigures? ToOffer,
    WaitFigures? ToStart)
{
    public string Show(string measure) => Suppression.Show(Counts[measure], Hidden[measure]);

    public bool IsShown(string measure) => Hidden[measure] == Commissioning.Hidden.Shown;

    /// <summary>The share of referrals made, with its Wilson interval, where the count and the referrals are both shown.</summary>
    public (double Share, Interval Interval)? Share(string measure) =>
        IsShown(measure) && IsShown(WaitsReport.Referrals) && Counts[WaitsReport.Referrals] > 0
            ? ((double)Counts[measure] / Counts[WaitsReport.Referrals], ConfidenceIntervals.Wilson((int)Counts[measure], (int)Counts[WaitsReport.Referrals]))
            : null;
}

/// <summary>Days waited, from at least <see cref="WaitsReport.MinimumForWaits"/> referrals: quartiles and the 10th and 90th percentiles.</summary>
public sealed record WaitFigures(int Referrals, double P10, double Q1, double Median, double Q3, double P90);

/// <summary>An authority's active listings, and how many are overdue a check (not checked in 6 months, or never).</summary>
public sealed record ListingChecks(LocalAuthority Authority, int Active, int Overdue);

/// <summary>A measure of the report: its key (also its CSV code), words, and the group it is shown in.</summary>
public sealed record WaitsMeasure(string Key, string Label, string Group);

/// <summary>
/// Real waits and outcomes (issue 16 item 4, ADR 0020) for referrals made in the last <see cref="WindowDays"/> days to
/// services that count in a commissioner's areas (where <see cref="Coverage"/> counts them), by service, by authority
/// and for all the areas. Counts come from people, so every published figure goes through <see cref="Suppression"/>
/// with every sum that holds between them (a service's row adds up; its authority's figure is the sum of its
/// services'), and waits are given only from <see cref="MinimumForWaits"/> referrals. No free text is read.
/// </summary>
public sealed record WaitsReport(
    IReadOnlyList<LocalAuthority> Areas,
    IReadOnlyList<WaitsRow> Services,
    IReadOnlyList<WaitsRow> Authorities,
    WaitsRow All,
    IReadOnlyList<ListingChecks> Listings,
    int NationalRemoteReferrals,
    DateOnly From,
    DateOnly To,
    DateTimeOffset At)
{
    public const int WindowDays = 180;
    public const int MinimumForWaits = Suppression.Threshold;
    public const string Source = "Waymark referrals (status changes and when they happened; never what anyone wrote)";
    public const string ListingsSource = "Waymark directory: active services and when each was last checked";

    public const string Referrals = "referrals";
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string NoAnswer = "no_answer";
    public const string Removed = "removed";
    public const string NotInTime = "not_answered_in_time";
    public const string Offered = "offered";
    public const string Started = "started";

    public static string DeclinedFor(ReferralReason? reason) => "declined_" + ReferralReasons.Code(reason);

    public static string RemovedFor(ReferralReason? reason) => "removed_" + ReferralReasons.Code(reason);

    /// <summary>Declined's reasons and "not recorded" (an event from before the fixed list).</summary>
    public static IReadOnlyList<ReferralReason?> DeclineReasons { get; } = [.. ReferralReasons.For(ReferralStatus.Declined).Select(r => (ReferralReason?)r), null];

    public static IReadOnlyList<ReferralReason?> RemovalReasons { get; } = [.. ReferralReasons.For(ReferralStatus.RemovedFromWaitingList).Select(r => (ReferralReason?)r), null];

    /// <summary>Every measure, in the order the page and the CSV give them.</summary>
    public static IReadOnlyList<WaitsMeasure> Measures { get; } =
    [
        new(Referrals, "Referrals made", "referrals"),
        new(Accepted, "Accepted", "answer"),
        new(Declined, "Declined", "answer"),
        .. DeclineReasons.Select(r => new WaitsMeasure(DeclinedFor(r), "Declined: " + ReasonWords(r), "declined")),
        new(NoAnswer, "No answer yet, or ended before one", "answer"),
        new(Removed, "Removed from a waiting list", "removed"),
        .. RemovalReasons.Select(r => new WaitsMeasure(RemovedFor(r), "Removed: " + ReasonWords(r), "removed")),
        new(NotInTime, "Not answered within the service's response time", "time"),
        new(Offered, "Offered a place", "waits"),
        new(Started, "Started", "waits"),
    ];

    public static string ReasonWords(ReferralReason? reason) => reason is { } r ? ReferralReasons.Label(r) : "reason not recorded";

    /// <summary>The sums that hold within one row: the answers add up to the referrals; the reasons to their total.</summary>
    internal static readonly string[][] RowSums =
    [
        [Accepted, Declined, NoAnswer, Referrals],
        [.. DeclineReasons.Select(DeclinedFor), Declined],
        [.. RemovalReasons.Select(RemovedFor), Removed],
    ];

    public static Task<WaitsReport> ForAsync(WaymarkDbContext db, TimeProvider time, IReadOnlyList<LocalAuthority> areas, CancellationToken ct = default) =>
        ForAsync(db, time, areas, new Coverage(db, time), ct);

    /// <summary>The same, reading active services through <paramref name="coverage"/>.</summary>
    public static async Task<WaitsReport> ForAsync(WaymarkDbContext db, TimeProvider time, IReadOnlyList<LocalAuthority> areas, Coverage coverage, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(areas);
        return (await WaitsData.ReadAsync(db, time, coverage, ct)).For(areas);
    }

    /// <summary>Rows of the by-service tables on one page of the waits page (the CSV gives them all).</summary>
    public const int ServicesPerPage = 50;

    /// <summary>How many pages the by-service tables take: at least one, even when empty.</summary>
    public static int PagesFor(int services) => Math.Max(1, (services + ServicesPerPage - 1) / ServicesPerPage);

    /// <summary>The services on page <paramref name="page"/> (from 1) of <see cref="Services"/>.</summary>
    public IReadOnlyList<WaitsRow> ServicesOnPage(int page) => [.. Services.Skip((page - 1) * ServicesPerPage).Take(ServicesPerPage)];

    /// <summary>
    /// The report as kept in a snapshot, without its services: every figure and what is hidden, by row, in
    /// <see cref="Measures"/> order, and how many services there are. The services are kept apart, a page to a
    /// snapshot row (<see cref="ServicePages"/>), so a page of the waits page reads only its own.
    /// </summary>
    public Snapshot ToSnapshot() => new(
        [.. Areas.Select(a => a.Code)],
        [.. Authorities.Append(All).Select(ToSnapshot)],
        [.. Listings.Select(l => new SnapshotListing(l.Authority.Code, l.Active, l.Overdue))],
        NationalRemoteReferrals,
        From,
        To,
        At,
        Services.Count);

    /// <summary>The services' rows as kept in snapshots, <see cref="ServicesPerPage"/> to a page.</summary>
    public IReadOnlyList<IReadOnlyList<SnapshotRow>> ServicePages() => [.. Services.Select(ToSnapshot).Chunk(ServicesPerPage)];

    private static SnapshotRow ToSnapshot(WaitsRow r) => new(
        r.Kind, r.Code, r.Name, r.Organisation,
        [.. Measures.Select(m => r.Counts[m.Key])],
        [.. Measures.Select(m => r.Hidden[m.Key])],
        r.ToOffer,
        r.ToStart);

    /// <summary>The report from its snapshot and the services' rows wanted (all of them, or one page).</summary>
    public static WaitsReport FromSnapshot(Snapshot s, IEnumerable<SnapshotRow> services)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(services);
        WaitsRow Row(SnapshotRow r) => new(
            r.Kind, r.Code, r.Name, r.Organisation,
            Measures.Select((m, i) => (m.Key, i)).ToDictionary(x => x.Key, x => r.Counts[x.i]),
            Measures.Select((m, i) => (m.Key, i)).ToDictionary(x => x.Key, x => r.Hidden[x.i]),
            r.ToOffer,
            r.ToStart);
        return new WaitsReport(
            [.. s.Areas.Select(c => LocalAuthorities.Find(c)!)],
            [.. services.Select(Row)],
            [.. s.Rows.Where(r => r.Kind == WaitsRowKind.Authority).Select(Row)],
            Row(s.Rows.Single(r => r.Kind == WaitsRowKind.All)),
            [.. s.Listings.Select(l => new ListingChecks(LocalAuthorities.Find(l.Code)!, l.Active, l.Overdue))],
            s.NationalRemoteReferrals,
            s.From,
            s.To,
            s.At);
    }

    public sealed record Snapshot(IReadOnlyList<string> Areas, IReadOnlyList<SnapshotRow> Rows, IReadOnlyList<SnapshotListing> Listings, int NationalRemoteReferrals, DateOnly From, DateOnly To, DateTimeOffset At, int ServiceCount);

    public sealed record SnapshotRow(WaitsRowKind Kind, string Code, string Name, string? Organisation, long[] Counts, Hidden[] Hidden, WaitFigures? ToOffer, WaitFigures? ToStart);

    public sealed record SnapshotListing(string Code, int Active, int Overdue);

    /// <summary>
    /// The services counted in the figures for these areas (those with a referral made in the window that work in any
    /// of them), for an ORUK download of the services behind a figure; or of these candidates only, when given.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> ServiceIdsAsync(WaymarkDbContext db, TimeProvider time, IReadOnlyList<LocalAuthority> areas, IReadOnlyCollection<Guid>? only = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(areas);
        var since = time.GetUtcNow().AddDays(-WindowDays);
        var referred = db.Referrals.AsNoTracking().Where(r => r.CreatedAt >= since);
        if (only is not null)
        {
            referred = referred.Where(r => only.Contains(r.ServiceId));
        }
        var serviceIds = await referred.Select(r => r.ServiceId).Distinct().ToListAsync(ct);
        var places = await new Coverage(db, time).PlacesAsync(serviceIds, ct);
        return [.. InAreas(places, areas).Order()];
    }

    internal static HashSet<Guid> InAreas(Dictionary<Guid, IReadOnlyList<LocalAuthority>> places, IReadOnlyList<LocalAuthority> areas) =>
        places.Where(p => p.Value.Any(areas.Contains)).Select(p => p.Key).ToHashSet();

    /// <summary>Quartiles (and 10th, 90th percentiles) by linear interpolation between order statistics, from at least 8 waits.</summary>
    public static WaitFigures? Waits(IEnumerable<double?> days) => Waits(days.OfType<double>().ToArray());

    /// <summary>The same from the days themselves (the array is sorted in place).</summary>
    internal static WaitFigures? Waits(double[] sorted)
    {
        Array.Sort(sorted);
        if (sorted.Length < MinimumForWaits)
        {
            return null;
        }
        double At(double q)
        {
            var pos = q * (sorted.Length - 1);
            var lo = (int)Math.Floor(pos);
            var hi = Math.Min(lo + 1, sorted.Length - 1);
            return sorted[lo] + ((pos - lo) * (sorted[hi] - sorted[lo]));
        }
        return new WaitFigures(sorted.Length, At(0.1), At(0.25), At(0.5), At(0.75), At(0.9));
    }

    internal sealed record ReferralFacts(Guid ServiceId, IReadOnlyList<string> Measures, double? DaysToOffer, double? DaysToStart);

    internal static ReferralFacts Facts(Guid serviceId, DateTimeOffset sentAt, List<(ReferralStatus To, ReferralReason? Code, DateTimeOffset At)> events, int? responseDays, DateTimeOffset now)
    {
        var keys = new List<string> { Referrals };
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
