using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;

namespace Waymark.Core.PeerSupport;

/// <summary>
/// Who may see and record what about a peer supporter. A supervisor is a provider-admin of the organisation
/// or a staff member it named; nobody else, not even a site admin, sees these records. Callers answer "not
/// found" for anything refused here, so another organisation's ids reveal nothing.
/// </summary>
public sealed class PeerSupportAccess(WaymarkDbContext db)
{
    public Task<bool> IsPeerSupporterAsync(Guid userId, Guid organisationId, CancellationToken ct = default) =>
        db.OrganisationMemberships.AnyAsync(m => m.UserId == userId && m.OrganizationId == organisationId && m.Role == MembershipRoles.PeerSupporter, ct);

    /// <summary>The organisations the user is a peer supporter of.</summary>
    public IQueryable<Guid> PeerOrganisationIds(Guid userId) =>
        db.OrganisationMemberships.Where(m => m.UserId == userId && m.Role == MembershipRoles.PeerSupporter).Select(m => m.OrganizationId);

    /// <summary>The organisations whose peer supporters the user supervises.</summary>
    public IQueryable<Guid> SupervisedOrganisationIds(Guid userId) =>
        db.OrganisationMemberships
            .Where(m => m.UserId == userId && (m.Role == MembershipRoles.Admin
                || (m.Role == MembershipRoles.Staff && db.OrganisationSupervisors.Any(s => s.UserId == userId && s.OrganisationId == m.OrganizationId))))
            .Select(m => m.OrganizationId);

    public Task<bool> CanSuperviseAsync(Guid userId, Guid organisationId, CancellationToken ct = default) =>
        SupervisedOrganisationIds(userId).AnyAsync(id => id == organisationId, ct);

    /// <summary>May the user supervise this peer supporter in this organisation (and is it one)?</summary>
    public async Task<bool> CanSuperviseAsync(Guid supervisorId, Guid organisationId, Guid peerId, CancellationToken ct = default) =>
        await CanSuperviseAsync(supervisorId, organisationId, ct) && await IsPeerSupporterAsync(peerId, organisationId, ct);

    /// <summary>Everyone who supervises in the organisation, with their email: who is told about warnings and debriefs.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Email)>> SupervisorsAsync(Guid organisationId, CancellationToken ct = default)
    {
        var named = db.OrganisationSupervisors.Where(s => s.OrganisationId == organisationId).Select(s => s.UserId);
        return (await db.OrganisationMemberships
            .Where(m => m.OrganizationId == organisationId && (m.Role == MembershipRoles.Admin || (m.Role == MembershipRoles.Staff && named.Contains(m.UserId))))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email })
            .ToListAsync(ct))
            .Where(u => u.Email is not null).Select(u => (u.Id, u.Email!)).Distinct().ToList();
    }
}
