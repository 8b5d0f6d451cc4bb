using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;

namespace Waymark.Web.Accounts;

/// <summary>
/// Both steps of signing in, with every attempt counted by <see cref="SignInAttempts"/> before its password or code is
/// looked at. A password attempt does the same work whatever the address: it is counted, the account looked up,
/// exactly one password hash checked (a made-up one when there is no account or no password), and its audit row
/// queued to be written after the answer has gone (<see cref="AccountWork"/>), for an account or not.
/// </summary>
public sealed class GuardedSignIn(
    WaymarkSignInManager signIn,
    UserManager<WaymarkUser> users,
    IPasswordHasher<WaymarkUser> hasher,
    SignInAttempts attempts,
    AccountWork work,
    IDbContextFactory<WaymarkDbContext> contexts,
    TimeProvider time)
{
    // A hash no password matches, made once with the same hasher and settings as real ones.
    private static string? s_noAccountHash;

    public async Task<PasswordSignIn> PasswordAsync(string email, string password, bool keepSignedIn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var http = signIn.Context;
        var at = time.GetUtcNow();
        email = email.Trim();
        var ticket = await attempts.TakeAsync(email, http.Connection.RemoteIpAddress, ct);
        var user = await users.FindByEmailAsync(email);
        var right = PasswordMatches(user, password);

        var outcome = PasswordSignIn.Refused;
        if (right && ticket.Allowed)
        {
            // "Keep me signed in" is honoured for people only; SessionCookieEvents never lets a staff cookie persist.
            var result = await signIn.SignInWithCheckedPasswordAsync(user!, isPersistent: keepSignedIn);
            outcome = result.Succeeded ? (await IsStaffAsync(user!) ? PasswordSignIn.SignedInWithoutAuthenticator : PasswordSignIn.SignedIn)
                : result.RequiresTwoFactor ? PasswordSignIn.CodeNext
                : result.IsNotAllowed ? PasswordSignIn.AddressNotConfirmed
                : PasswordSignIn.Refused;
        }
        switch (outcome)
        {
            case PasswordSignIn.SignedIn or PasswordSignIn.SignedInWithoutAuthenticator:
                await attempts.SignedInAsync(ticket, ct);
                break;
            case PasswordSignIn.CodeNext or PasswordSignIn.AddressNotConfirmed:
                await attempts.PassedStepAsync(ticket, ct);
                break;
            default:
                await attempts.FailedAsync(ticket, ct);
                break;
        }

        // Staff and people alike: who, when and the outcome; never what was typed.
        var (action, detail) = outcome switch
        {
            PasswordSignIn.SignedIn or PasswordSignIn.SignedInWithoutAuthenticator => (AuditActions.SignIn, null),
            PasswordSignIn.CodeNext => (AuditActions.SignIn, "password accepted; authenticator code next"),
            PasswordSignIn.AddressNotConfirmed => (AuditActions.SignInFailed, "password accepted; email address not confirmed"),
            _ when ticket.LockedForClient => (AuditActions.SignInLockedOut, "too many wrong tries from this network"),
            _ when ticket.LockedForAccount => (AuditActions.SignInLockedOut, "too many wrong tries from networks the owner has not used"),
            _ => (AuditActions.SignInFailed, (string?)null),
        };
        await work.QueueAfterAsync(http.Response, new SignInRecordJob(user?.Id, at, action, detail), ct);
        return outcome;
    }

    /// <summary>The authenticator code or a recovery code, for the user whose password was right. False for a wrong code and for too many tries alike.</summary>
    public async Task<bool> SecondFactorAsync(WaymarkUser user, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(code);
        var ticket = await attempts.TakeAsync(user.Email!, signIn.Context.Connection.RemoteIpAddress, ct);
        var isAppCode = code.Length == 6 && code.All(char.IsAsciiDigit);
        var right = ticket.Allowed && (isAppCode
            ? await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code)
            // Spending a code saves the user row under its concurrency stamp: of two parallel uses of one code, one fails.
            : (await users.RedeemTwoFactorRecoveryCodeAsync(user, code)).Succeeded);
        if (right)
        {
            await signIn.SignInWithCheckedSecondFactorAsync(user, isPersistent: false);
            await attempts.SignedInAsync(ticket, ct);
        }
        else
        {
            await attempts.FailedAsync(ticket, ct);
        }

        // The password was right, so this is an account whatever the timing: its row is written now. In a context of its
        // own: one whose recovery code lost a race holds the unsaved user row, which must not be saved again with it.
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Audit(time, new Actor(user.Id, user.Email!),
            right ? (isAppCode ? AuditActions.SignInSecondFactor : AuditActions.SignInRecoveryCode)
            : ticket.Allowed ? AuditActions.SignInSecondFactorFailed
            : AuditActions.SignInLockedOut, "user", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        return right;
    }

    private bool PasswordMatches(WaymarkUser? user, string password)
    {
        if (password.Length > PasswordPolicy.MaximumLength)
        {
            // Never hashed, for any address: too long to be anyone's password.
            return false;
        }
        s_noAccountHash ??= hasher.HashPassword(new WaymarkUser(), Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        var hash = user?.PasswordHash ?? s_noAccountHash;
        // Identity would also re-hash an outdated hash on success; skipped, as that write is one more thing parallel requests race on.
        var result = hasher.VerifyHashedPassword(user ?? new WaymarkUser(), hash, password);
        return user?.PasswordHash is not null && result != PasswordVerificationResult.Failed;
    }

    private async Task<bool> IsStaffAsync(WaymarkUser user) => (await users.GetRolesAsync(user)).Any(Roles.IsStaff);

    /// <summary>Writes a password attempt's audit row (see <see cref="AccountWork"/>), under the account's address as it is now.</summary>
    internal static async Task RecordAsync(IServiceProvider services, SignInRecordJob job, CancellationToken ct)
    {
        if (job.UserId is not { } id)
        {
            // Nothing is recorded about an address with no account: it may be anyone's.
            return;
        }
        var db = services.GetRequiredService<WaymarkDbContext>();
        var email = await db.Users.Where(u => u.Id == id).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (email is null)
        {
            // Deleted since: the row would bring back the address its erasure removed.
            return;
        }
        db.AuditAt(job.At, new Actor(id, email), job.Action, "user", id.ToString(), job.Detail);
        await db.SaveChangesAsync(ct);
    }
}
