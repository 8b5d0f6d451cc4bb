using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Gazetteer;

namespace Waymark.Core.Commissioning;

/// <summary>
/// The upper-tier authorities a commissioner sees, kept as user claims (one per authority code) so they ride in the
/// sign-in cookie. An area given as a region's code or name stands for every upper-tier authority in it.
/// </summary>
public static class CommissionerAreas
{
    public const string ClaimType = "waymark:area";

    /// <summary>The authorities the words name, each once, in name order; throws naming the first it does not know.</summary>
    public static IReadOnlyList<LocalAuthority> Resolve(IEnumerable<string> areas)
    {
        var found = new List<LocalAuthority>();
        foreach (var raw in areas.SelectMany(a => a.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            var region = ReferenceData.RegionNames.FirstOrDefault(r =>
                string.Equals(r.Key, raw, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Value, raw, StringComparison.OrdinalIgnoreCase));
            IEnumerable<LocalAuthority> these = region.Key is not null
                ? ReferenceData.UpperTierOf(region.Key)
                : ReferenceData.UpperTier(raw) is { } a ? [a] : throw new AccountException($"'{raw}' is not a local authority or region Waymark knows.");
            found.AddRange(these.Where(t => !found.Contains(t)));
        }
        return [.. found.OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    /// <summary>The areas an account holds, read from the database so a change applies at once.</summary>
    public static async Task<IReadOnlyList<LocalAuthority>> ForUserAsync(WaymarkDbContext db, Guid userId, CancellationToken ct = default)
    {
        var codes = await db.UserClaims.AsNoTracking().Where(c => c.UserId == userId && c.ClaimType == ClaimType).Select(c => c.ClaimValue).ToListAsync(ct);
        return [.. codes.Select(LocalAuthorities.Find).OfType<LocalAuthority>().Distinct().OrderBy(a => a.Name, StringComparer.Ordinal)];
    }

    /// <summary>Gives an account these areas (adding to those it has), audited.</summary>
    public static async Task AddAsync(WaymarkDbContext db, TimeProvider time, Guid userId, IReadOnlyList<LocalAuthority> areas, Actor actor, CancellationToken ct = default)
    {
        var held = await db.UserClaims.Where(c => c.UserId == userId && c.ClaimType == ClaimType).Select(c => c.ClaimValue).ToListAsync(ct);
        foreach (var a in areas.Where(a => !held.Contains(a.Code)))
        {
            db.UserClaims.Add(new Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid> { UserId = userId, ClaimType = ClaimType, ClaimValue = a.Code });
        }
        db.Audit(time, actor, AuditActions.AreasAdded, "user", userId.ToString(), string.Join(";", areas.Select(a => a.Code)));
    }
}
