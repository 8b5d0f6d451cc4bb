using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Accounts;

/// <summary>
/// The one place that decides whose listings a user may change. An admin may change any organisation's;
/// everyone else only those of organisations they are a member of as staff (a peer supporter edits no listings). Callers answer "not found" for anything
/// this refuses, so that another organisation's ids reveal nothing.
/// </summary>
public sealed class OrganisationAccess(WaymarkDbContext db)
{
    public async Task<bool> IsAdminAsync(Guid userId, CancellationToken ct = default)
    {
        var admin = Roles.IdOf(Roles.Admin);
        return await db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == admin, ct);
    }

    /// <summary>The organisations the user may edit, as a query to compose with.</summary>
    public async Task<IQueryable<Guid>> EditableOrganisationIdsAsync(Guid userId, CancellationToken ct = default) =>
        await IsAdminAsync(userId, ct)
            ? db.Organizations.Select(o => o.Id)
            : db.OrganisationMemberships.Where(m => m.UserId == userId && m.Role != MembershipRoles.PeerSupporter).Select(m => m.OrganizationId);

    public async Task<bool> CanEditOrganisationAsync(Guid userId, Guid organisationId, CancellationToken ct = default) =>
        await (await EditableOrganisationIdsAsync(userId, ct)).AnyAsync(id => id == organisationId, ct);

    public async Task<bool> CanEditServiceAsync(Guid userId, Guid serviceId, CancellationToken ct = default)
    {
        var organisations = await EditableOrganisationIdsAsync(userId, ct);
        return await db.Services.AnyAsync(s => s.Id == serviceId && s.OrganizationId != null && organisations.Contains(s.OrganizationId.Value), ct);
    }

    /// <summary>
    /// A location may be changed through a service when it is at that service and every service at it is
    /// the user's to edit: a shared venue must not let one organisation change another's listing.
    /// </summary>
    public async Task<bool> CanEditLocationAsync(Guid userId, Guid serviceId, Guid locationId, CancellationToken ct = default)
    {
        if (!await CanEditServiceAsync(userId, serviceId, ct)
            || !await db.ServiceAtLocations.AnyAsync(x => x.ServiceId == serviceId && x.LocationId == locationId, ct))
        {
            return false;
        }
        var organisations = await EditableOrganisationIdsAsync(userId, ct);
        return !await db.ServiceAtLocations
            .Where(x => x.LocationId == locationId)
            .AnyAsync(x => x.Service!.OrganizationId == null || !organisations.Contains(x.Service.OrganizationId.Value), ct);
    }

    /// <summary>
    /// The organisations the user works for, by membership: what they may act for between organisations (offers,
    /// links, onward referrals). Unlike editing listings, a site admin gets no more here.
    /// </summary>
    public IQueryable<Guid> MemberOrganisationIds(Guid userId) =>
        db.OrganisationMemberships.Where(m => m.UserId == userId).Select(m => m.OrganizationId);

    /// <summary>Whether the user is a provider-admin of the organisation (its admin membership).</summary>
    public Task<bool> IsOrganisationAdminAsync(Guid userId, Guid organisationId, CancellationToken ct = default) =>
        db.OrganisationMemberships.AnyAsync(m => m.UserId == userId && m.OrganizationId == organisationId && m.Role == MembershipRoles.Admin, ct);

    public async Task<bool> CanManageReportAsync(Guid userId, Guid reportId, CancellationToken ct = default)
    {
        var serviceId = await db.ListingReports.Where(r => r.Id == reportId).Select(r => (Guid?)r.ServiceId).SingleOrDefaultAsync(ct);
        return serviceId is { } id && await CanEditServiceAsync(userId, id, ct);
    }
}
