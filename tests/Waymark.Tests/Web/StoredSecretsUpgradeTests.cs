using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Web;

/// <summary>
/// Authenticator keys and recovery codes that Identity's default store wrote in plain text (before they were
/// encrypted and hashed) keep working, and the next start rewrites them.
/// </summary>
public sealed class StoredSecretsUpgradeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"waymark-upgrade-{Guid.NewGuid():N}");

    public StoredSecretsUpgradeTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Plain_text_keys_and_codes_keep_working_and_are_encrypted_and_hashed_at_the_next_start()
    {
        using var database = new TestDatabase();
        string email, key;
        IReadOnlyList<string> codes;
        Guid userId;
        using (var before = new KeyRingApp(database, Path.Combine(_folder, "outbox-1"), certificatePath: null, password: null))
        {
            var (org, _, _) = await before.AddOrganisationAsync();
            using (var staff = await before.SignInAsStaffAsync(Roles.ProviderStaff, org.Id))
            {
                (email, userId, codes) = (staff.Account.Email, staff.Account.UserId, staff.RecoveryCodes);
                key = staff.AuthenticatorKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            }
            // As Identity's own store keeps them.
            await using (var db = before.OpenDb())
            {
                using var plain = new UserStore<WaymarkUser, IdentityRole<Guid>, WaymarkDbContext, Guid>(db);
                var user = (await plain.FindByIdAsync(userId.ToString()))!;
                await plain.SetAuthenticatorKeyAsync(user, key, default);
                await plain.ReplaceCodesAsync(user, codes, default);
                await plain.UpdateAsync(user);
            }
            Assert.Equal(key, await StoredAsync(before, userId, AuthenticatorSecrets.KeyName));
            Assert.Equal(string.Join(';', codes), await StoredAsync(before, userId, AuthenticatorSecrets.CodesName));

            // The plain key still gives the codes that sign in (a step on from the one that set it up, which is used).
            using var browser = await PasswordAcceptedAsync(before, email);
            var signedIn = await browser.SubmitAsync("/account/sign-in/code", [new("Code", Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30)))]);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        }

        using var after = new KeyRingApp(database, Path.Combine(_folder, "outbox-2"), certificatePath: null, password: null);
        var storedKey = await StoredAsync(after, userId, AuthenticatorSecrets.KeyName);
        var storedCodes = await StoredAsync(after, userId, AuthenticatorSecrets.CodesName);
        Assert.DoesNotContain(key, storedKey, StringComparison.OrdinalIgnoreCase);
        Assert.All(codes, c => Assert.DoesNotContain(c, storedCodes, StringComparison.OrdinalIgnoreCase));

        using (var scope = after.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WaymarkUser>>();
            var user = (await users.FindByIdAsync(userId.ToString()))!;
            Assert.Equal(key, await users.GetAuthenticatorKeyAsync(user));
            Assert.Equal(10, await users.CountRecoveryCodesAsync(user));
        }
        using (var browser = await PasswordAcceptedAsync(after, email))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync("/account/sign-in/code", [new("Code", codes[4])])).Status);
        }
        using (var browser = await PasswordAcceptedAsync(after, email))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await browser.SubmitAsync("/account/sign-in/code", [new("Code", codes[4])])).Status);
        }
    }

    private static async Task<string?> StoredAsync(WaymarkApp app, Guid userId, string name)
    {
        await using var db = app.OpenDb();
        return await db.UserTokens.Where(t => t.UserId == userId && t.LoginProvider == AuthenticatorSecrets.StoreProvider && t.Name == name)
            .Select(t => t.Value).SingleAsync();
    }

    private static async Task<Browser> PasswordAcceptedAsync(WaymarkApp app, string email)
    {
        var browser = Browser.For(app);
        var password = await browser.SubmitAsync("/account/sign-in", [new("Input.Email", email), new("Input.Password", AccountsApp.GoodPassword)]);
        Assert.StartsWith("/account/sign-in/code", password.RedirectPath, StringComparison.Ordinal);
        return browser;
    }
}
