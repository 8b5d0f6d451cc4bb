using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Accounts;

/// <summary>
/// Identity's EF Core user store, except for the second factor's secrets: the authenticator key is stored
/// encrypted and recovery codes hashed (see <see cref="AuthenticatorSecrets"/>), and a recovery code is
/// redeemed with one conditional update, so two requests with the same code cannot both use it.
/// </summary>
public sealed class WaymarkUserStore(WaymarkDbContext context, AuthenticatorSecrets secrets, IdentityErrorDescriber? describer = null)
    : UserStore<WaymarkUser, IdentityRole<Guid>, WaymarkDbContext, Guid>(context, describer)
{
    public override Task SetAuthenticatorKeyAsync(WaymarkUser user, string key, CancellationToken cancellationToken = default) =>
        base.SetAuthenticatorKeyAsync(user, secrets.ProtectKey(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(WaymarkUser user, CancellationToken cancellationToken = default) =>
        secrets.UnprotectKey(await base.GetAuthenticatorKeyAsync(user, cancellationToken));

    public override Task ReplaceCodesAsync(WaymarkUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken = default) =>
        SetTokenAsync(user, AuthenticatorSecrets.StoreProvider, AuthenticatorSecrets.CodesName, AuthenticatorSecrets.HashCodes(recoveryCodes), cancellationToken);

    public override async Task<int> CountCodesAsync(WaymarkUser user, CancellationToken cancellationToken = default) =>
        AuthenticatorSecrets.CountCodes(await GetTokenAsync(user, AuthenticatorSecrets.StoreProvider, AuthenticatorSecrets.CodesName, cancellationToken));

    public override async Task<bool> RedeemCodeAsync(WaymarkUser user, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var codes = Context.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == AuthenticatorSecrets.StoreProvider && t.Name == AuthenticatorSecrets.CodesName);
        while (true)
        {
            var stored = await codes.AsNoTracking().Select(t => t.Value).SingleOrDefaultAsync(cancellationToken);
            if (AuthenticatorSecrets.Redeem(stored, code) is not { } remaining)
            {
                return false;
            }
            // Changes the row only if nobody redeemed a code since it was read; if someone did, read it again.
            if (await codes.Where(t => t.Value == stored).ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, remaining), cancellationToken) == 1)
            {
                // A copy read earlier in this request is now out of date; the next read goes to the database.
                foreach (var entry in Context.ChangeTracker.Entries<IdentityUserToken<Guid>>()
                    .Where(e => e.Entity.UserId == user.Id && e.Entity.LoginProvider == AuthenticatorSecrets.StoreProvider && e.Entity.Name == AuthenticatorSecrets.CodesName).ToList())
                {
                    entry.State = EntityState.Detached;
                }
                return true;
            }
        }
    }
}
