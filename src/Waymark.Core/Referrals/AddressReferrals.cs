using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;

namespace Waymark.Core.Referrals;

/// <summary>
/// Which account a navigator's referral made for an email address belongs to: the account whose owner has
/// confirmed that address, and no other. Anyone can sign up with any address, so an unconfirmed account is
/// nobody's yet: a referral made for its address waits, and joins the account when the address is confirmed.
/// </summary>
public sealed class AddressReferrals(WaymarkDbContext db, ReferralText text, TimeProvider time)
{
    /// <summary>The account with this address confirmed, or null.</summary>
    public Task<Guid?> ConfirmedAccountForAsync(string email, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var normalised = AccountAdministration.Normalise(email.Trim());
        return db.Users.Where(u => u.NormalizedEmail == normalised && u.EmailConfirmed).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Once <paramref name="user"/>'s address is confirmed: navigators' referrals made for it that belong to no
    /// account join this one, each audited. Returns how many joined.
    /// </summary>
    public async Task<int> AttachToConfirmedAsync(WaymarkUser user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!user.EmailConfirmed || string.IsNullOrEmpty(user.NormalizedEmail))
        {
            return 0;
        }
        // The addresses are stored only encrypted (with a fresh IV each), so they cannot be looked up by value: each
        // unclaimed one is read. This happens once per account, when its address is confirmed.
        var unclaimed = db.ReferredPeople.AsNoTracking()
            .Where(p => p.ProtectedEmail != null && db.Referrals.Any(r => r.Id == p.ReferralId && r.PersonUserId == null))
            .Select(p => new { p.ReferralId, p.ProtectedEmail });
        var ids = new List<Guid>();
        await foreach (var person in unclaimed.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (text.Unprotect(person.ProtectedEmail) is { } email && AccountAdministration.Normalise(email.Trim()) == user.NormalizedEmail)
            {
                ids.Add(person.ReferralId);
            }
        }
        if (ids.Count == 0)
        {
            return 0;
        }
        await db.Referrals.Where(r => ids.Contains(r.Id) && r.PersonUserId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PersonUserId, (Guid?)user.Id), ct);
        var actor = new Actor(user.Id, user.Email ?? user.Id.ToString());
        foreach (var id in ids)
        {
            db.Audit(time, actor, ReferralAudit.JoinedAccount, "referral", id.ToString(), "made by a navigator for this address; joined the account when the address was confirmed");
        }
        await db.SaveChangesAsync(ct);
        return ids.Count;
    }
}
