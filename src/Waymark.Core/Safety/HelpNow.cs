using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
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
        WaymarkDbContext db, Matcher matcher, DirectorySnapshot snapshot, MatchQuery query, MatchOutcome outcome, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(outcome);
        var openNow = await WithContactsAsync(db, outcome.Results, ct);
        if (openNow.Count > 0 || !query.OpenNow)
        {
            return new HelpNowServices([.. openNow.Take(query.Limit)], []);
        }

        // Nothing open now: the same search without "open now". The matcher chooses which fit someone who needs help now
        // (crisis support first, long waits last); of its first few, the soonest to open is shown first.
        var later = matcher.Match(snapshot, query with { OpenNow = false, Limit = MatchQuery.MaxLimit }, now).Results
            .Where(r => !r.OpenNow && r.NextOpen is not null)
            .ToList();
        var opensNext = (await WithContactsAsync(db, later, ct)).Take(OpensNextCount).OrderBy(h => h.Match.NextOpen);
        return new HelpNowServices([], [.. opensNext]);
    }

    private static async Task<List<HelpNowService>> WithContactsAsync(WaymarkDbContext db, IReadOnlyList<ServiceMatch> matches, CancellationToken ct)
    {
        if (matches.Count == 0)
        {
            return [];
        }
        var ids = matches.Select(m => m.Id).ToList();
        // Only the phones, each with its contact's service: one plain join reads fewer columns and allocates less than
        // contacts with their phones included, and a contact without a phone had nothing to give here anyway.
        // Ordered here, not by the engine, as before: contact, then phone, by their ids as .NET orders Guids.
        var phones = (await db.Contacts.AsNoTracking()
                .Where(c => ids.Contains(c.ServiceId))
                .SelectMany(c => c.Phones, (c, p) => new { c.ServiceId, ContactId = c.Id, Phone = p })
                .ToListAsync(ct))
            .OrderBy(x => x.ContactId)
            .ThenBy(x => x.Phone.Id)
            .ToLookup(x => x.ServiceId, x => x.Phone);

        var shaped = new List<HelpNowService>(matches.Count);
        foreach (var match in matches)
        {
            var numbers = phones[match.Id].ToList();
            if (numbers.Any(p => CrisisContacts.ForNumber(p.Number) is not null))
            {
                continue;
            }
            // Only a helpline gets the link: another service's number is for questions or referrals, often in office hours.
            var contact = numbers.Count == 0 || !match.Format.Contains("helpline") ? null
                : PhoneWay.Of(numbers[0], match.Delivery.Contains("text") && !match.Delivery.Contains("phone"));
            shaped.Add(new HelpNowService(match, contact));
        }
        return shaped;
    }
}
