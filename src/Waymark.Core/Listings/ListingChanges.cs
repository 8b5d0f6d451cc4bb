using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Matching;

namespace Waymark.Core.Listings;

/// <summary>
/// Saves an edit the way every listing edit must be saved: history rows for what changed, then one save (with the
/// change announced to other processes in the same transaction), then this node's search is patched.
/// </summary>
public sealed class ListingChanges(WaymarkDbContext db, TimeProvider time, DirectoryIndex index)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly UkToday => ListingFreshness.UkToday(time);

    /// <summary>Records the differences, saves the context and tells search. Returns the number of fields changed.</summary>
    public async Task<int> SaveAsync(
        string resourceType, Guid resourceId, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after,
        string updatedBy, string actionType = MetadataActions.Update, CancellationToken ct = default)
    {
        var rows = ListingHistory.Changes(resourceType, resourceId, before, after, actionType, updatedBy, Now).ToList();
        db.Metadata.AddRange(rows);
        var change = DirectoryChange.Of(index.Origin, await ServicesChangedAsync(resourceType, resourceId, ct));
        await using (var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            await db.SaveChangesAsync(ct);
            await DirectoryChanges.AnnounceAsync(db, change, Now, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
        }
        index.DirectoryChanged(change.ServiceIds);
        return rows.Count;
    }

    /// <summary>
    /// The services whose search entry this edit can change (an organisation's name is in each of its services'
    /// entries, a location's place in each service there); null when that is not known, which reloads everything.
    /// </summary>
    private async Task<HashSet<Guid>?> ServicesChangedAsync(string resourceType, Guid resourceId, CancellationToken ct)
    {
        var ids = db.ChangeTracker.Entries<Service>().Select(e => e.Entity.Id).ToHashSet();
        switch (resourceType)
        {
            case ListingHistory.ServiceType:
                ids.Add(resourceId);
                break;
            case ListingHistory.OrganizationType:
                ids.UnionWith(await db.Services.Where(s => s.OrganizationId == resourceId).Select(s => s.Id).ToListAsync(ct));
                break;
            case ListingHistory.LocationType:
                ids.UnionWith(await db.ServiceAtLocations.Where(x => x.LocationId == resourceId).Select(x => x.ServiceId).ToListAsync(ct));
                break;
            default:
                return null;
        }
        return ids;
    }
}
