using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;

namespace Waymark.Core.Accounts;

/// <summary>
/// Checks authenticator-app codes. Unlike Identity's own provider (which accepts codes up to two steps either side
/// of now, as often as they are typed), a code is accepted at most one step (30 seconds) from now, and only when
/// its step is newer than the last one the account used: an overheard or replayed code does not work again.
/// </summary>
public sealed class SingleUseAuthenticatorTokenProvider(WaymarkDbContext db, TimeProvider time) : IUserTwoFactorTokenProvider<WaymarkUser>
{
    /// <summary>Identity's own name for the authenticator provider: registering under it replaces the lenient default, so nothing can still reach that.</summary>
    public static readonly string ProviderName = TokenOptions.DefaultAuthenticatorProvider;

    /// <summary>Steps either side of now: one covers a phone clock a little out and a code typed as it changes.</summary>
    public const int AllowedDrift = 1;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<WaymarkUser> manager, WaymarkUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    /// <summary>The app makes the codes; nothing is sent.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<WaymarkUser> manager, WaymarkUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<WaymarkUser> manager, WaymarkUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(user);
        if (!TimeBasedCode.IsWellFormed(token) || TimeBasedCode.KeyBytes(await manager.GetAuthenticatorKeyAsync(user)) is not { Length: > 0 } key)
        {
            return false;
        }
        var now = TimeBasedCode.StepAt(time.GetUtcNow());
        // Newest first: should two nearby steps ever give the same code, claiming the newer refuses more.
        for (var step = now + AllowedDrift; step >= now - AllowedDrift; step--)
        {
            if (TimeBasedCode.Matches(key, step, token))
            {
                return await ClaimAsync(user.Id, step);
            }
        }
        return false;
    }

    /// <summary>
    /// Records <paramref name="step"/> as the account's newest, unless it or a later one is already recorded. One
    /// statement, so of two requests with the same code exactly one changes a row and succeeds.
    /// </summary>
    private async Task<bool> ClaimAsync(Guid userId, long step) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO account_authenticator_step ("UserId", "LastStep") VALUES ({userId}, {step})
            ON CONFLICT ("UserId") DO UPDATE SET "LastStep" = excluded."LastStep"
            WHERE account_authenticator_step."LastStep" < excluded."LastStep"
            """) == 1;
}
