using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;
using Waymark.Core.Insights;
using Waymark.Core.Schedules;

namespace Waymark.Core.Commissioning;

/// <summary>A kind of search that often found nothing in an authority over the period.</summary>
public sealed record NothingFound(LocalAuthority Authority, string Constraints, long Searches);

/// <summary>
/// Searches that found nothing in a commissioner's areas, by authority and UK week (Monday to Sunday), over
/// <see cref="Weeks"/> weeks: counts with their row and column totals, disclosure-controlled by <see cref="Suppression"/>.
/// </summary>
public sealed record UnmetNeedReport(
    IReadOnlyList<LocalAuthority> Areas,
    IReadOnlyList<DateOnly> WeekStarts,
    long[,] Counts,
    long[,] WithTotals,
    Hidden[,] Hidden,
    IReadOnlyList<NothingFound> Often,
    DateTimeOffset At)
{
    public const int Weeks = 12;
    public const int ListedCombinations = 10;
    public const string Source = "Waymark searches that found nothing (anonymous counts: area, day and the names of the choices made)";

    public DateOnly From => WeekStarts[0];

    public DateOnly To => WeekStarts[^1].AddDays(6);

    public static async Task<UnmetNeedReport> ForAsync(WaymarkDbContext db, TimeProvider time, IReadOnlyList<LocalAuthority> areas, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(areas);
        var now = time.GetUtcNow();
        var today = UkTime.DateOf(now);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var weeks = Enumerable.Range(0, Weeks).Select(i => thisMonday.AddDays(-7 * (Weeks - 1 - i))).ToList();
        var rows = await db.UnmetNeeds.AsNoTracking().Where(u => u.Day >= weeks[0] && u.Day <= today).ToListAsync(ct);

        var counts = new long[areas.Count, Weeks];
        var combos = new Dictionary<(int Area, string Constraints), long>();
        foreach (var row in rows)
        {
            if (LocalAuthorities.Find(row.LocalAuthority) is not { } found)
            {
                continue;
            }
            var area = IndexOf(areas, found.Parent ?? found);
            if (area < 0)
            {
                continue;
            }
            var week = (row.Day.DayNumber - weeks[0].DayNumber) / 7;
            counts[area, week] += row.Searches;
            var key = (area, row.Constraints);
            combos[key] = combos.GetValueOrDefault(key) + row.Searches;
        }
        var withTotals = Suppression.WithTotals(counts);
        var hidden = Suppression.Apply(counts);
        // Only kinds searched 8 times or more are listed, and only where the area's total is shown, so the list
        // cannot be added up to a hidden figure.
        var often = combos
            .Where(kv => kv.Value >= Suppression.Threshold && hidden[kv.Key.Area, Weeks] == Commissioning.Hidden.Shown)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => areas[kv.Key.Area].Name, StringComparer.Ordinal).ThenBy(kv => kv.Key.Constraints, StringComparer.Ordinal)
            .Take(ListedCombinations)
            .Select(kv => new NothingFound(areas[kv.Key.Area], kv.Key.Constraints, kv.Value))
            .ToList();
        return new UnmetNeedReport(areas, weeks, counts, withTotals, hidden, often, now);
    }

    /// <summary>"where you are, what kind of support": the parameter names of a search, in words.</summary>
    public static string Describe(string constraints) => constraints.Length == 0
        ? "no choices"
        : string.Join(", ", constraints.Split(',').Select(c => c switch
        {
            "near" => "where they are",
            "delivery" => "how (in person, phone, online, text)",
            "format" => "one-to-one or group",
            "when" => "when (daytime, evenings, weekends)",
            "audience" => "who it is for",
            "urgency" => "how soon",
            "max_km" => "how far",
            _ => c.Replace('_', ' '),
        }));

    private static int IndexOf(IReadOnlyList<LocalAuthority> list, LocalAuthority a)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], a))
            {
                return i;
            }
        }
        return -1;
    }
}
