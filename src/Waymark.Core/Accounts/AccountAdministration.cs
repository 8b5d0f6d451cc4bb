using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Notifications;

namespace Waymark.Core.Accounts;

/// <summary>A refused account change, with a sentence for the person who asked.</summary>
public sealed class AccountException(string message) : Exception(message);

public sealed record NewAccount(Guid UserId, string Email, string Role, string Token, DateTimeOffset ExpiresAt)
{
    public string SetPasswordPath => "/account/set-password?token=" + Uri.EscapeDataString(Token);
}

/// <summary>
/// Creates accounts and changes roles and memberships, auditing each change. Nothing here sets a
/// password: a new account gets a one-time link so its owner chooses their own.
/// </summary>
public sealed class AccountAdministration(WaymarkDbContext db, TimeProvider time)
{
    public static readonly TimeSpan SetPasswordLifetime = TimeSpan.FromDays(7);

    public async Task<NewAccount> AddUserAsync(string email, string role, Guid? organisationId, Actor actor, CancellationToken ct = default) =>
        await AddUserAsync(email, role, organisationId, [], actor, ct);

    /// <summary>As above; a commissioner account needs one or more <paramref name="areas"/> (authority or region codes or names).</summary>
    public async Task<NewAccount> AddUserAsync(string email, string role, Guid? organisationId, IReadOnlyList<string> areas, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(areas);
        email = email.Trim();
        if (!EmailAddress.IsValid(email))
        {
            throw new AccountException($"'{email}' is not an email address.");
        }
        if (!Roles.All.Contains(role))
        {
            throw new AccountException($"'{role}' is not a role. Roles: {string.Join(", ", Roles.All)}.");
        }
        if (Roles.InOrganisation.Contains(role) && organisationId is null)
        {
            throw new AccountException($"A {role} account needs the organisation it works for (--organisation).");
        }
        if (role == Roles.Commissioner && areas.Count == 0)
        {
            throw new AccountException("A commissioner account needs the areas it sees (--area, a local authority or region; give it more than once for several).");
        }
        if (role != Roles.Commissioner && areas.Count > 0)
        {
            throw new AccountException("Only a commissioner account has areas (--area).");
        }
        var resolvedAreas = Commissioning.CommissionerAreas.Resolve(areas);
        if (organisationId is { } orgId && !await db.Organizations.AnyAsync(o => o.Id == orgId, ct))
        {
            throw new AccountException($"There is no organisation with id {orgId}.");
        }
        var normalised = Normalise(email);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalised, ct))
        {
            throw new AccountException($"There is already an account for {email}.");
        }

        var now = time.GetUtcNow();
        var user = new WaymarkUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            NormalizedUserName = normalised,
            Email = email,
            NormalizedEmail = normalised,
            // The administrator who creates the account vouches for the address; the link goes only there.
            EmailConfirmed = true,
            SecurityStamp = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
            CreatedAt = now,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = Roles.IdOf(role) });
        db.Audit(time, actor, AuditActions.UserCreated, "user", user.Id.ToString(), email);
        db.Audit(time, actor, AuditActions.RoleAdded, "user", user.Id.ToString(), role);
        if (organisationId is { } org)
        {
            AddMembership(user.Id, org, MembershipRoles.For(role), actor);
        }
        if (resolvedAreas.Count > 0)
        {
            await Commissioning.CommissionerAreas.AddAsync(db, time, user.Id, resolvedAreas, actor, ct);
        }
        var (token, expires) = IssueToken(user.Id);
        await db.SaveChangesAsync(ct);
        return new NewAccount(user.Id, email, role, token, expires);
    }

    /// <summary>Issues a fresh one-time set-password link for an existing account, e.g. when the first one expired.</summary>
    public async Task<NewAccount> ReissueSetPasswordAsync(string email, CancellationToken ct = default)
    {
        var normalised = Normalise(email.Trim());
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised, ct)
            ?? throw new AccountException($"There is no account for {email}.");
        var (token, expires) = IssueToken(user.Id);
        await db.SaveChangesAsync(ct);
        return new NewAccount(user.Id, user.Email!, "", token, expires);
    }

    /// <summary>The account a set-password token belongs to, if the token is unused and in date.</summary>
    public async Task<SetPasswordToken?> FindUsableTokenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return null;
        }
        var hash = Hash(token);
        var found = await db.SetPasswordTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        return found is { UsedAt: null } && found.ExpiresAt > time.GetUtcNow() ? found : null;
    }

    public async Task<Guid> AddMembershipAsync(string email, Guid organisationId, string membershipRole, Actor actor, CancellationToken ct = default)
    {
        if (!MembershipRoles.All.Contains(membershipRole))
        {
            throw new AccountException($"'{membershipRole}' is not a membership role.");
        }
        var normalised = Normalise(email.Trim());
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised, ct)
            ?? throw new AccountException($"There is no account for {email.Trim()}. Create it first with 'waymark users add'.");
        if (await db.OrganisationMemberships.AnyAsync(m => m.UserId == user.Id && m.OrganizationId == organisationId, ct))
        {
            throw new AccountException($"{user.Email} is already a member of this organisation.");
        }
        var providerRole = MembershipRoles.AccountRoleFor(membershipRole);
        var roleId = Roles.IdOf(providerRole);
        if (!await db.UserRoles.AnyAsync(r => r.UserId == user.Id && r.RoleId == roleId, ct))
        {
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
            db.Audit(time, actor, AuditActions.RoleAdded, "user", user.Id.ToString(), providerRole);
        }
        var id = AddMembership(user.Id, organisationId, membershipRole, actor);
        await db.SaveChangesAsync(ct);
        return id;
    }

    public async Task<bool> RemoveMembershipAsync(Guid membershipId, Guid organisationId, Actor actor, CancellationToken ct = default)
    {
        var membership = await db.OrganisationMemberships.SingleOrDefaultAsync(m => m.Id == membershipId && m.OrganizationId == organisationId, ct);
        if (membership is null)
        {
            return false;
        }
        db.OrganisationMemberships.Remove(membership);
        db.Audit(time, actor, AuditActions.MembershipRemoved, "organization", organisationId.ToString(), $"user {membership.UserId} ({membership.Role})");
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static string Normalise(string email) => email.Normalize().ToUpperInvariant();

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private Guid AddMembership(Guid userId, Guid organisationId, string membershipRole, Actor actor)
    {
        var membership = new OrganisationMembership
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            OrganizationId = organisationId,
            Role = membershipRole,
            CreatedAt = time.GetUtcNow(),
        };
        db.OrganisationMemberships.Add(membership);
        db.Audit(time, actor, AuditActions.MembershipAdded, "organization", organisationId.ToString(), $"user {userId} ({membershipRole})");
        return membership.Id;
    }

    private (string Token, DateTimeOffset Expires) IssueToken(Guid userId)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var expires = time.GetUtcNow() + SetPasswordLifetime;
        db.SetPasswordTokens.Add(new SetPasswordToken { Id = Guid.CreateVersion7(), UserId = userId, TokenHash = Hash(token), ExpiresAt = expires });
        return (token, expires);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
