using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Referrals;

namespace Waymark.Core.People;

/// <summary>How a reset ended: done, the link did not work, or the new password was refused (with reasons).</summary>
public sealed record PasswordResetResult(bool LinkWorked, IReadOnlyList<string> PasswordErrors)
{
    public bool Succeeded => LinkWorked && PasswordErrors.Count == 0;
}

/// <summary>
/// "Forgotten your password?" for people's own accounts. Asking always gets the same answer, known address or
/// not. A person's account gets a single-use link (an Identity reset token, which the new password's security
/// stamp spends) that works for <see cref="LinkLifetime"/>. Staff accounts are reset only by their
/// administrator's set-password link, so a staff address gets an email saying so and no link.
/// </summary>
public sealed class PasswordReset(WaymarkDbContext db, UserManager<WaymarkUser> users, AccountSessions sessions, AddressReferrals referrals, SignInAttempts attempts, TimeProvider time)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(1);

    /// <summary>At most this many reset emails an hour to one account, so the form cannot be used to flood an inbox.</summary>
    public const int EmailsPerHour = 3;

    public const string EmailSubject = "Reset your Waymark password";

    /// <summary>Null when the address can be asked about, else what is wrong with it. Says nothing about accounts.</summary>
    public static string? AddressError(string? email) => AccountMail.AddressError(email?.Trim() ?? "");

    /// <summary>
    /// Sends the link (or, for staff, the note) if the address has an account and has not had
    /// <see cref="EmailsPerHour"/> already. Run after the answer has gone (see the page), so its time shows nothing.
    /// </summary>
    public async Task SendAsync(string email, Uri siteRoot, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        email = email.Trim();
        if (AccountMail.AddressError(email) is not null)
        {
            return;
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Nothing is recorded about an address with no account: it may be anyone's.
            return;
        }
        var hourAgo = time.GetUtcNow() - TimeSpan.FromHours(1);
        var recent = await db.OutboxMessages.CountAsync(m => m.SubjectType == "account" && m.SubjectId == user.Id
            && (m.Subject == EmailSubject || m.Subject == StaffSubject) && m.CreatedAt > hourAgo, ct);
        if (recent >= EmailsPerHour)
        {
            return;
        }
        var actor = new Actor(user.Id, user.Email!);
        if (await IsStaffAsync(user))
        {
            AccountMail.Queue(db, time, user, StaffSubject,
                "Someone, probably you, asked to reset the password for this Waymark account.\n\n"
                + "The password for this account is reset by your organisation's Waymark administrator. Ask them for a new set-password link.\n\n"
                + "If this was not you, you do not need to do anything. Your password has not changed.");
            db.Audit(time, actor, AuditActions.PasswordResetRequested, "user", user.Id.ToString(), "staff account: no link sent");
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = new Uri(siteRoot, $"account/reset-password?user={user.Id}&token={Uri.EscapeDataString(token)}");
            AccountMail.Queue(db, time, user, EmailSubject,
                "Someone, probably you, asked to reset the password for your Waymark account. Open this link to choose a new password:\n\n"
                + $"{link}\n\n"
                + $"The link works once, for {LinkLifetime.TotalHours:0} hour. If this was not you, you can ignore this email. Your password has not changed.");
            db.Audit(time, actor, AuditActions.PasswordResetRequested, "user", user.Id.ToString());
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whether the emailed link would still work. Checking does not spend it, so a mail scanner opening the link changes nothing.</summary>
    public async Task<bool> LinkWorksAsync(Guid userId, string? token)
    {
        var user = await PersonFor(userId, token);
        return user is not null
            && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<WaymarkUser>.ResetPasswordTokenPurpose, token!);
    }

    /// <summary>
    /// Sets the new password (the sign-up rules apply). A new security stamp spends the link, and every session
    /// of the account ends. Nobody is signed in, but every lock on the account ends and the network it was reset
    /// from (<paramref name="client"/>) counts as the owner's (<see cref="SignInAttempts.OwnerProvedAsync"/>).
    /// </summary>
    public async Task<PasswordResetResult> ResetAsync(Guid userId, string? token, string? password, IPAddress? client, CancellationToken ct = default)
    {
        var user = await PersonFor(userId, token);
        if (user is null)
        {
            return new PasswordResetResult(false, []);
        }
        if (string.IsNullOrEmpty(password))
        {
            return new PasswordResetResult(true, ["Enter a new password"]);
        }
        if (password.Length > PasswordPolicy.MaximumLength)
        {
            return new PasswordResetResult(true, [$"Your password must be {PasswordPolicy.MaximumLength} characters or fewer"]);
        }
        var wasConfirmed = user.EmailConfirmed;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.ResetPasswordAsync(user, token!, password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? new PasswordResetResult(false, [])
                : new PasswordResetResult(true, result.Errors.Select(AccountMail.Explain).Distinct().ToList());
        }
        // The link reached the address, which shows it is theirs; and they need not wait out a lockout.
        user.EmailConfirmed = true;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        await users.UpdateAsync(user);
        var actor = new Actor(user.Id, user.Email!);
        db.Audit(time, actor, AuditActions.PasswordReset, "user", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        if (!wasConfirmed)
        {
            // Confirmed by the mailbox's owner, with a password they chose: what was waiting for the address joins now.
            await referrals.AttachToConfirmedAsync(user, ct);
        }
        await transaction.CommitAsync(ct);
        await attempts.OwnerProvedAsync(user.Email!, client, ct);
        // The new security stamp already shuts out every cookie; this also ends their sessions on the server.
        await sessions.EndOthersAsync(actor, keep: null, SessionEndReasons.PasswordReset, ct);
        return new PasswordResetResult(true, []);
    }

    private const string StaffSubject = "Your Waymark password";

    private async Task<WaymarkUser?> PersonFor(Guid userId, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }
        var user = await users.FindByIdAsync(userId.ToString());
        return user is null || await IsStaffAsync(user) ? null : user;
    }

    private async Task<bool> IsStaffAsync(WaymarkUser user) => (await users.GetRolesAsync(user)).Any(Roles.IsStaff);
}
