using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Data;
using Waymark.Core.Referrals;

namespace Waymark.Core.People;

/// <summary>The outcome of asking for an account: errors by field, or "check your email" — the same whether or not the address was known.</summary>
public sealed record RegistrationResult(IReadOnlyList<(string Field, string Message)> Errors, RegistrationRequest? Request = null)
{
    public bool Accepted => Errors.Count == 0;
}

/// <summary>
/// A well-formed request for an account: the address and the chosen password, already hashed, and the local
/// address the person was on their way to (carried through the emailed link so they land back there).
/// </summary>
public sealed record RegistrationRequest(string Email, string PasswordHash, string? ReturnUrl = null);

/// <summary>How following an emailed confirmation link ended.</summary>
public enum ConfirmationOutcome
{
    Confirmed,
    AlreadyConfirmed,
    LinkFailed,
    PasswordMissing,
    WrongPassword,
}

/// <summary>
/// People make their own accounts with an email address and a password (the NCSC rules in
/// <see cref="PasswordPolicy"/>). The answer never says whether an address already has an account: a new
/// address gets a link to confirm it, a known one an email saying so, and both see "check your email".
/// <see cref="CheckAsync"/> does the same work for any address; <see cref="RegisterAsync"/>, whose work
/// differs, runs after the answer has gone, so the answer's time does not say either.
/// Anyone can sign up with anyone's address, so until it is confirmed an account is nobody's: signing up again
/// replaces its password and spends the links sent before, and confirming takes the emailed link and the password
/// chosen with it. Whoever confirms an address therefore chose its password, and only then does anything about
/// the person (a navigator's referral) join the account.
/// </summary>
public sealed class PersonRegistration(WaymarkDbContext db, UserManager<WaymarkUser> users, AddressReferrals referrals, TimeProvider time)
{
    /// <summary>Errors by field, or the request to hand to <see cref="RegisterAsync"/>. Never looks the address up.</summary>
    public async Task<RegistrationResult> CheckAsync(string? email, string? password)
    {
        var errors = new List<(string, string)>();
        email = email?.Trim() ?? "";
        if (AccountMail.AddressError(email) is { } emailError)
        {
            errors.Add(("Email", emailError));
        }
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(("Password", "Choose a password"));
        }
        else if (password.Length > PasswordPolicy.MaximumLength)
        {
            errors.Add(("Password", $"Your password must be {PasswordPolicy.MaximumLength} characters or fewer"));
        }
        else
        {
            var candidate = new WaymarkUser { UserName = email, Email = email };
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, candidate, password);
                errors.AddRange(result.Errors.Select(e => ("Password", AccountMail.Explain(e))));
            }
        }
        if (errors.Count > 0)
        {
            return new RegistrationResult(errors.Distinct().ToList());
        }
        // Hashed now, for new and known addresses alike, so no password waits in the queue in plain text.
        var hash = users.PasswordHasher.HashPassword(new WaymarkUser { UserName = email, Email = email }, password!);
        return new RegistrationResult([], new RegistrationRequest(email, hash));
    }

    /// <summary>Makes the account and queues the confirmation link, or tells the owner of a known address.</summary>
    public async Task RegisterAsync(RegistrationRequest request, Uri siteRoot, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(siteRoot);
        var email = request.Email;
        var existing = await users.FindByEmailAsync(email);
        if (existing is null)
        {
            var user = new WaymarkUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, LockoutEnabled = true, CreatedAt = time.GetUtcNow(), PasswordHash = request.PasswordHash };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                // Only a race with another registration of the same address gets here; say nothing more.
                return;
            }
            await users.AddToRoleAsync(user, Roles.Person);
            await QueueConfirmationAsync(user, siteRoot, request.ReturnUrl);
            db.Audit(time, new Actor(user.Id, email), PersonAudit.AccountCreated, "user", user.Id.ToString());
        }
        else if (!existing.EmailConfirmed)
        {
            // The newest sign-up's password is the pending one, and a new security stamp spends every link sent before.
            existing.PasswordHash = request.PasswordHash;
            await users.UpdateSecurityStampAsync(existing);
            db.Audit(time, Actor.Anonymous, PersonAudit.SignUpRepeated, "user", existing.Id.ToString(), "address not yet confirmed: new password pending, earlier links spent");
            await QueueConfirmationAsync(existing, siteRoot, request.ReturnUrl);
        }
        else
        {
            Queue(existing, "You already have a Waymark account",
                "Someone, probably you, asked to create a Waymark account with this email address. You already have one.\n\n"
                + $"Sign in here: {new Uri(siteRoot, "account/sign-in")}\n\n"
                + "If this was not you, you do not need to do anything. Nobody can use your account without your password.");
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Confirms the address from the emailed link, given the password chosen at the sign-up that sent it, and joins
    /// the navigators' referrals made for the address to the account, all or nothing.
    /// </summary>
    public async Task<ConfirmationOutcome> ConfirmAsync(Guid userId, string? token, string? password, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return ConfirmationOutcome.LinkFailed;
        }
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return ConfirmationOutcome.LinkFailed;
        }
        if (user.EmailConfirmed)
        {
            return ConfirmationOutcome.AlreadyConfirmed;
        }
        if (!await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<WaymarkUser>.ConfirmEmailTokenPurpose, token))
        {
            return ConfirmationOutcome.LinkFailed;
        }
        if (string.IsNullOrEmpty(password))
        {
            return ConfirmationOutcome.PasswordMissing;
        }
        if (password.Length > PasswordPolicy.MaximumLength || !await users.CheckPasswordAsync(user, password))
        {
            // Whoever holds the mailbox opened the link, but not with the password chosen with it: that sign-up may
            // have been someone else's, and confirming it would hand them the account.
            return ConfirmationOutcome.WrongPassword;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!(await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            return ConfirmationOutcome.LinkFailed;
        }
        db.Audit(time, new Actor(user.Id, user.Email!), PersonAudit.EmailConfirmed, "user", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        await referrals.AttachToConfirmedAsync(user, ct);
        await transaction.CommitAsync(ct);
        return ConfirmationOutcome.Confirmed;
    }

    private async Task QueueConfirmationAsync(WaymarkUser user, Uri siteRoot, string? returnUrl)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var back = ReturnUrl.Local(returnUrl) is { } local ? $"&returnUrl={Uri.EscapeDataString(local)}" : "";
        var link = new Uri(siteRoot, $"account/confirm-email?user={user.Id}&token={Uri.EscapeDataString(token)}{back}");
        Queue(user, "Confirm your email address for Waymark",
            "Thank you for making a Waymark account. Open this link to confirm your email address and finish:\n\n"
            + $"{link}\n\n"
            + "The link works for 24 hours. If you did not ask for an account, you can ignore this email.");
    }

    private void Queue(WaymarkUser user, string subject, string body) => AccountMail.Queue(db, time, user, subject, body);
}
