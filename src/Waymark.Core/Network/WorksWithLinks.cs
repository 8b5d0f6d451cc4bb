using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;

namespace Waymark.Core.Network;

/// <summary>A link as one of its two organisations sees it.</summary>
public sealed record LinkView(Guid Id, Guid OrganisationId, Guid OtherId, string OtherName, LinkStatus Status, bool WeProposed, DateTimeOffset ProposedAt);

/// <summary>An organisation another one works closely with, as the public sees it.</summary>
public sealed record WorksWith(Guid OrganisationId, string Name);

/// <summary>
/// "Works with" links between organisations. Only a provider-admin of an organisation proposes, agrees or ends
/// for it; a link that does not involve one of their organisations is "not found" (null/false). Pending links
/// are seen by the two organisations only; the public sees agreed ones.
/// </summary>
public sealed class WorksWithLinks(WaymarkDbContext db, OrganisationAccess access, TimeProvider time)
{
    public async Task<OrganisationLink?> ProposeAsync(Guid organisationId, Guid partnerId, Actor admin, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var userId = admin.UserId ?? throw new NetworkException("Sign in first.");
        if (!await access.IsOrganisationAdminAsync(userId, organisationId, ct))
        {
            return null;
        }
        if (partnerId == organisationId || !await db.Organizations.AnyAsync(o => o.Id == partnerId, ct))
        {
            throw new NetworkException("Choose an organisation listed on Waymark.");
        }
        if (await db.OrganisationLinks.AnyAsync(l => l.Status != LinkStatus.Ended
            && ((l.ProposerId == organisationId && l.PartnerId == partnerId) || (l.ProposerId == partnerId && l.PartnerId == organisationId)), ct))
        {
            throw new NetworkException("There is already a link, or a proposal, between these organisations.");
        }
        var link = OrganisationLink.Propose(organisationId, partnerId, userId, time);
        db.OrganisationLinks.Add(link);
        db.Audit(time, admin, NetworkAudit.LinkProposed, "organisation-link", link.Id.ToString(), $"{organisationId} -> {partnerId}");
        await db.SaveChangesAsync(ct);
        return link;
    }

    public Task<bool> AgreeAsync(Guid linkId, Actor admin, CancellationToken ct = default) =>
        ActAsync(linkId, admin, (link, org, user) => link.Agree(org, user, time), NetworkAudit.LinkAgreed, link => link.PartnerId, ct);

    public Task<bool> EndAsync(Guid linkId, Actor admin, CancellationToken ct = default) =>
        ActAsync(linkId, admin, (link, org, user) => link.End(org, user, time), NetworkAudit.LinkEnded, null, ct);

    /// <summary>The links (proposed or agreed) of the user's organisations.</summary>
    public async Task<IReadOnlyList<LinkView>> ForStaffAsync(Actor staff, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var mine = await access.MemberOrganisationIds(staff.UserId ?? Guid.Empty).ToListAsync(ct);
        var links = await db.OrganisationLinks.AsNoTracking()
            .Where(l => l.Status != LinkStatus.Ended && (mine.Contains(l.ProposerId) || mine.Contains(l.PartnerId)))
            .OrderBy(l => l.ProposedAt).Take(200).ToListAsync(ct);
        var ids = links.SelectMany(l => new[] { l.ProposerId, l.PartnerId }).Distinct().ToList();
        var names = await db.Organizations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return [.. links.Select(l =>
        {
            var ours = mine.Contains(l.ProposerId) ? l.ProposerId : l.PartnerId;
            var other = l.OtherThan(ours);
            return new LinkView(l.Id, ours, other, names.GetValueOrDefault(other, ""), l.Status, l.ProposerId == ours, l.ProposedAt);
        })];
    }

    /// <summary>The organisations this one has an agreed link with, for public pages.</summary>
    public async Task<IReadOnlyList<WorksWith>> AgreedAsync(Guid organisationId, CancellationToken ct = default)
    {
        var others = db.OrganisationLinks.Where(l => l.Status == LinkStatus.Agreed && (l.ProposerId == organisationId || l.PartnerId == organisationId))
            .Select(l => l.ProposerId == organisationId ? l.PartnerId : l.ProposerId);
        return await db.Organizations.Where(o => others.Contains(o.Id)).OrderBy(o => o.Name)
            .Select(o => new WorksWith(o.Id, o.Name)).ToListAsync(ct);
    }

    private async Task<bool> ActAsync(Guid linkId, Actor admin, Action<OrganisationLink, Guid, Guid> act, string audit, Func<OrganisationLink, Guid>? onlySide, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var userId = admin.UserId ?? throw new NetworkException("Sign in first.");
        var link = await db.OrganisationLinks.SingleOrDefaultAsync(l => l.Id == linkId, ct);
        if (link is null)
        {
            return false;
        }
        Guid? side = null;
        foreach (var org in onlySide is null ? [link.ProposerId, link.PartnerId] : new[] { onlySide(link) })
        {
            if (await access.IsOrganisationAdminAsync(userId, org, ct))
            {
                side = org;
                break;
            }
        }
        if (side is not { } acting)
        {
            return false;
        }
        act(link, acting, userId);
        db.Audit(time, admin, audit, "organisation-link", link.Id.ToString(), $"by organisation {acting}");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
