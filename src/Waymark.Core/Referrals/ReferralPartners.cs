using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Referrals;

/// <summary>A service and how many referrals went between it and the organisation.</summary>
public sealed record PartnerCount(Guid ServiceId, string Service, string Organisation, int Referrals);

/// <summary>Which services an organisation refers people on to most, and which refer people on to it most.</summary>
public sealed record Partnerships(IReadOnlyList<PartnerCount> RefersTo, IReadOnlyList<PartnerCount> ReceivesFrom);

/// <summary>Who referred someone on, as the receiving organisation sees it: the organisation, its service, and the staff member's role (not their name).</summary>
public sealed record ReferredBy(Guid OrganisationId, string Organisation, string Role, string FromService);

/// <summary>
/// Counts of onward referrals between organisations, for the organisation's own staff (so small counts are shown:
/// it is their own data). Only counts: nothing about any person.
/// </summary>
public sealed class ReferralPartners(WaymarkDbContext db)
{
    public const int Top = 10;

    /// <summary>For a referral the caller may already see: the organisation that referred the person on, or null.</summary>
    public async Task<ReferredBy?> ReferredByAsync(Guid referralId, CancellationToken ct = default)
    {
        var row = await db.ReferringOrganisations.Where(x => x.ReferralId == referralId)
            .Select(x => new
            {
                x.OrganisationId,
                x.StaffRole,
                Organisation = db.Organizations.Where(o => o.Id == x.OrganisationId).Select(o => o.Name).FirstOrDefault(),
                Service = db.Services.Where(s => s.Id == x.FromServiceId).Select(s => s.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : new ReferredBy(row.OrganisationId, row.Organisation ?? "", ReferringOrganisation.DescribeRole(row.StaffRole), row.Service ?? "");
    }

    /// <summary>
    /// Read from the organisation stored on each referral when it was made (<see cref="Referral.ReferredFromOrganisationId"/>):
    /// onward referrals by the referring organisation's service, a navigator's by their organisation ("its navigators").
    /// </summary>
    public async Task<Partnerships> ForOrganisationAsync(Guid organisationId, CancellationToken ct = default)
    {
        var refersTo = await db.Referrals
            .Where(r => r.ReferredFromOrganisationId == organisationId && r.OrganisationId != organisationId)
            .GroupBy(r => r.ServiceId)
            .Select(g => new { ServiceId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(Top).ToListAsync(ct);
        var receivesFrom = await (from r in db.Referrals
                                  where r.OrganisationId == organisationId && r.ReferredFromOrganisationId != null && r.ReferredFromOrganisationId != organisationId
                                  from x in db.ReferringOrganisations.Where(x => x.ReferralId == r.Id).DefaultIfEmpty()
                                  group r by new { From = r.ReferredFromOrganisationId!.Value, Service = x == null ? (Guid?)null : x.FromServiceId } into g
                                  select new { g.Key.From, g.Key.Service, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(Top).ToListAsync(ct);
        var ids = refersTo.Select(x => x.ServiceId).Concat(receivesFrom.Where(x => x.Service != null).Select(x => x.Service!.Value)).Distinct().ToList();
        var names = await db.Services.Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.Name, Organisation = s.Organization!.Name }).ToDictionaryAsync(s => s.Id, ct);
        var orgIds = receivesFrom.Where(x => x.Service is null).Select(x => x.From).Distinct().ToList();
        var orgNames = await db.Organizations.Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        PartnerCount Row(Guid id, int count) => names.TryGetValue(id, out var s)
            ? new PartnerCount(id, s.Name, s.Organisation, count)
            : new PartnerCount(id, "A service no longer listed", "", count);
        PartnerCount From(Guid organisation, Guid? service, int count) => service is { } sid
            ? Row(sid, count)
            : new PartnerCount(Guid.Empty, NavigatorsRow, orgNames.GetValueOrDefault(organisation) ?? "", count);
        return new Partnerships(
            [.. refersTo.Select(x => Row(x.ServiceId, x.Count)).OrderByDescending(x => x.Referrals).ThenBy(x => x.Service, StringComparer.CurrentCulture)],
            [.. receivesFrom.Select(x => From(x.From, x.Service, x.Count)).OrderByDescending(x => x.Referrals).ThenBy(x => x.Service, StringComparer.CurrentCulture)]);
    }

    /// <summary>The "service" of referrals a navigator (a wellbeing adviser, a mental health first aider) made from their organisation.</summary>
    public const string NavigatorsRow = "Its navigators";
}
