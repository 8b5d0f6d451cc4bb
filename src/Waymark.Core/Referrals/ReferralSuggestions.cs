using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Matching;

namespace Waymark.Core.Referrals;

/// <summary>
/// Other services for someone a referral has not worked for yet, from matching: near the referral's service,
/// preferring the same kinds of support. Used for "while you wait" check-ins and for onward referrals.
/// </summary>
public sealed class ReferralSuggestions(WaymarkDbContext db, DirectoryIndex index, Matcher matcher, TimeProvider time)
{
    public const double WithinKm = 25;
    public const int MaxSuggestions = 3;

    /// <summary>Drop-ins, groups and helplines to hold on to while waiting for <paramref name="serviceId"/>.</summary>
    public async Task<IReadOnlyList<WhileYouWait>> WhileYouWaitAsync(Guid serviceId, CancellationToken ct = default)
    {
        var outcome = await MatchNearAsync(serviceId, selfAccessOnly: true, MaxSuggestions, ct);
        if (outcome is null)
        {
            return [];
        }
        if (outcome.WhileYouWait.Count > 0)
        {
            return outcome.WhileYouWait.Where(w => w.Id != serviceId).Take(MaxSuggestions).ToList();
        }
        // Matching offers "while you wait" only when its best result has a long wait; here the wait is known, so
        // fall back to what people can contact themselves now.
        return outcome.Results.Where(r => r.Id != serviceId && r.TypicalWaitDays is null or 0).Take(MaxSuggestions)
            .Select(r => new WhileYouWait(r.Id, r.Name, r.Reasons.Count > 0 ? r.Reasons[0] : "You can contact them yourself")).ToList();
    }

    /// <summary>Alternatives to <paramref name="serviceId"/>: for the person, only ones they can contact themselves.</summary>
    public Task<IReadOnlyList<ServiceMatch>> OnwardAsync(Guid serviceId, bool selfAccessOnly, CancellationToken ct = default) =>
        OnwardAsync(serviceId, selfAccessOnly, MaxSuggestions, ct);

    /// <summary>Up to <paramref name="limit"/> alternatives: staff referring on choose from more than a person is shown.</summary>
    public async Task<IReadOnlyList<ServiceMatch>> OnwardAsync(Guid serviceId, bool selfAccessOnly, int limit, CancellationToken ct = default)
    {
        var outcome = await MatchNearAsync(serviceId, selfAccessOnly, limit, ct);
        return outcome is null ? [] : outcome.Results.Where(r => r.Id != serviceId).Take(limit).ToList();
    }

    private async Task<MatchOutcome?> MatchNearAsync(Guid serviceId, bool selfAccessOnly, int limit, CancellationToken ct)
    {
        var service = await db.Services.Where(s => s.Id == serviceId).Select(s => new
        {
            s.Name,
            Place = s.ServiceAtLocations.Where(x => x.Location!.Latitude != null && x.Location.Longitude != null)
                .Select(x => new { x.Location!.Name, x.Location.Latitude, x.Location.Longitude }).FirstOrDefault(),
            Terms = s.Attributes.Select(a => a.TaxonomyTermId).ToList(),
        }).SingleOrDefaultAsync(ct);
        if (service is null)
        {
            return null;
        }
        var prefer = UInt128.Zero;
        foreach (var id in service.Terms)
        {
            if (Vocabulary.ById.TryGetValue(id, out var term) && term.Family == "support" && Codes.TryBit(term.Code, out var bit))
            {
                prefer |= bit;
            }
        }
        var place = service.Place is { Latitude: { } lat, Longitude: { } lon }
            ? new ResolvedPlace(service.Place.Name ?? service.Name, lat, lon, PlacePrecision.Postcode, null)
            : null;
        var query = new MatchQuery { Place = place, WithinKm = WithinKm, Prefer = prefer, SelfAccessOnly = selfAccessOnly, Limit = limit + 1 };
        return matcher.Match(index.Current, query, time.GetUtcNow());
    }
}
