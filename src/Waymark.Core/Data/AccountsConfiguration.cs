using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;

namespace Waymark.Core.Data;

// Accounts (ASP.NET Core Identity) in lower-case tables beside the directory's, plus Waymark's own
// memberships, set-password tokens and audit trail.

internal sealed class WaymarkUserConfiguration : IEntityTypeConfiguration<WaymarkUser>
{
    public void Configure(EntityTypeBuilder<WaymarkUser> b) => b.ToTable("account_user");
}

internal sealed class AccountRoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> b)
    {
        b.ToTable("account_role");
        // The roles ship with the schema, with fixed ids and stamps so that migrations stay stable.
        b.HasData(Roles.All.Select(r => new IdentityRole<Guid>
        {
            Id = Roles.IdOf(r),
            Name = r,
            NormalizedName = r.ToUpperInvariant(),
            ConcurrencyStamp = Roles.IdOf(r).ToString(),
        }));
    }
}

internal sealed class AccountUserRoleConfiguration : IEntityTypeConfiguration<IdentityUserRole<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserRole<Guid>> b) => b.ToTable("account_user_role");
}

internal sealed class AccountUserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> b) => b.ToTable("account_user_claim");
}

internal sealed class AccountUserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> b) => b.ToTable("account_user_login");
}

internal sealed class AccountUserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> b) => b.ToTable("account_user_token");
}

internal sealed class AccountRoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<Guid>> b) => b.ToTable("account_role_claim");
}

internal sealed class OrganisationMembershipConfiguration : IEntityTypeConfiguration<OrganisationMembership>
{
    public void Configure(EntityTypeBuilder<OrganisationMembership> b)
    {
        b.ToTable("organisation_membership");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Role).HasMaxLength(16);
        b.HasIndex(x => new { x.UserId, x.OrganizationId }).IsUnique();
        b.HasIndex(x => x.OrganizationId);
        b.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SetPasswordTokenConfiguration : IEntityTypeConfiguration<SetPasswordToken>
{
    public void Configure(EntityTypeBuilder<SetPasswordToken> b)
    {
        b.ToTable("set_password_token");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.TokenHash).HasMaxLength(64);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("user_session");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.EndReason).HasMaxLength(64);
        b.HasIndex(x => x.UserId);
        b.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_event");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Action).HasMaxLength(64);
        b.HasIndex(x => x.OccurredAt);
        b.HasIndex(x => x.ActorId);
    }
}

internal sealed class AuthenticatorStepConfiguration : IEntityTypeConfiguration<AuthenticatorStep>
{
    public void Configure(EntityTypeBuilder<AuthenticatorStep> b)
    {
        b.ToTable("account_authenticator_step");
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).ValueGeneratedNever();
        b.HasOne<WaymarkUser>().WithOne().HasForeignKey<AuthenticatorStep>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SignInCounterConfiguration : IEntityTypeConfiguration<SignInCounter>
{
    public void Configure(EntityTypeBuilder<SignInCounter> b)
    {
        // Written with hand-made SQL in SignInAttempts (a single statement per count), hence the plain column names.
        b.ToTable("sign_in_counter");
        b.HasKey(x => new { x.AccountKey, x.ClientKey });
        b.Property(x => x.AccountKey).HasColumnName("account_key").HasMaxLength(64);
        b.Property(x => x.ClientKey).HasColumnName("client_key").HasMaxLength(64);
        b.Property(x => x.Failures).HasColumnName("failures");
        b.Property(x => x.Lockouts).HasColumnName("lockouts");
        b.Property(x => x.LockedUntil).HasColumnName("locked_until");
        b.Property(x => x.LastAttemptAt).HasColumnName("last_attempt_at");
        b.Property(x => x.KnownUntil).HasColumnName("known_until");
        b.HasIndex(x => x.LastAttemptAt);
    }
}

internal sealed class AccountWorkItemConfiguration : IEntityTypeConfiguration<AccountWorkItem>
{
    public void Configure(EntityTypeBuilder<AccountWorkItem> b)
    {
        // Snake-case columns: the PostgreSQL worker claims rows with hand-written SQL, as the outbox relay does.
        b.ToTable("account_work");
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(32);
        // Unbounded: a sign-up carries the page the person was going to (up to ReturnUrl.MaxLength), and encryption lengthens it.
        b.Property(x => x.ProtectedJob).HasColumnName("protected_job");
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
        b.Property(x => x.Attempts).HasColumnName("attempts");
        b.Property(x => x.ClaimToken).HasColumnName("claim_token");
        b.Property(x => x.ClaimedUntil).HasColumnName("claimed_until");
        b.HasIndex(x => x.NextAttemptAt);
    }
}
