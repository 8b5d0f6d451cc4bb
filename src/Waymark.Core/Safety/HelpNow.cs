using Waymark.Core.Directory;
using Waymark.Core.Matching;

namespace Waymark.Core.Safety;

/// <summary>A service on the "help now" page, with the number to call or text straight from its card when it has one.</summary>
public sealed record HelpNowService(ServiceMatch Match, PhoneWay? Contact);

/// <summary>
/// The services half of "help now": what is open now, in the matcher's order; and, when nothing is, what opens next.
/// </summary>
public sealed record HelpNowServices(IReadOnlyList<HelpNowService> OpenNow, IReadOnlyList<HelpNowService> OpensNext);

/// <summary>
/// Shapes the matcher's answer for someone who needs help now (docs/safety/policy.md §2, issue 12 point 4). The crisis contacts
/// are shown first on the page, so a listing of the same line (Samaritans in the directory) is left out rather than shown
/// twice. A helpline's way in is its number, never a referral, so each helpline carries its first number as a call or
/// text link.
/// </summary>
public static class HelpNow
{
    /// <summary>How many "opens next" services to show when nothing is open now: a few to hold on to, not a wall.</summary>
    public const int OpensNextCount = 3;

    /// <summary>
    /// The search to run for someone who needs help now: room for every crisis contact more than asked for, since any
    /// listing of one is left out, so the person still gets as many other services as they asked for.
    /// </summary>
    public static MatchQuery Widen(MatchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query with { Limit = Math.Min(query.Limit + CrisisContacts.All.Count, MatchQuery.MaxLimit) };
    }

    /// <summary>Shapes <paramref name="outcome"/>, the answer to <see cref="Widen"/>(<paramref name="query"/>).</summary>
    public static async Task<HelpNowServices> ShapeAsync(
        HelpNowPhones phones, Matcher matcher, DirectorySnapshot snapshot, MatchQuery query, MatchOutcome outcome, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(phones);
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(outcome);
        var openNow = await WithContactsAsync(phones, outcome.Results, ct);
        if (openNow.Count > 0 || !query.OpenNow)
        {
            return new HelpNowServices([.. openNow.Take(query.Limit)], []);
        }

        // Nothing open now: the same search without "open now". The matcher chooses which fit someone who needs help now
        // (crisis support first, long waits last); of its first few, the soonest to open is shown first.
        var later = matcher.Match(snapshot, query with { OpenNow = false, Limit = MatchQuery.MaxLimit }, now).Results
            .Where(r => !r.OpenNow && r.NextOpen is not null)
            .ToList();
        var opensNext = (await WithContactsAsync(phones, later, ct)).Take(OpensNextCount).OrderBy(h => h.Match.NextOpen);
        return new HelpNowServices([], [.. opensNext]);
    }

    private static async Task<List<HelpNowService>> WithContactsAsync(HelpNowPhones phones, IReadOnlyList<ServiceMatch> matches, CancellationToken ct)
    {
        if (matches.Count == 0)
        {
            return [];
        }
        var byService = await phones.ForAsync([.. matches.Select(m => m.Id)], ct);
        var shaped = new List<HelpNowService>(matches.Count);
        foreach (var match in matches)
        {
            var numbers = byService[match.Id];
            if (numbers.HasCrisisNumber)
            {
                continue;
            }
            // Only a helpline gets the link: another service's number is for questions or referrals, often in office hours.
            var contact = numbers.First is not { } first || !match.Format.Contains("helpline") ? null
                : PhoneWay.Of(first, match.Delivery.Contains("text") && !match.Delivery.Contains("phone"));
            shaped.Add(new HelpNowService(match, contact));
        }
        return shaped;
    }
}
