using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Core.Outbox;
using Waymark.Core.Referrals;

namespace Waymark.Core.Data;

// Referrals and their histories, the outbox that carries news of them, and the Data Protection key ring
// that encrypts what people write.

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.ToTable("referral");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.ContactPreference).HasConversion<string>().HasMaxLength(8);
        b.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
        b.HasIndex(x => x.PersonUserId);
        b.HasIndex(x => x.ReferrerUserId);
        // No foreign key: on SQLite one would rebuild this large table; the column only ever names an organisation.
        // (Not "ReferringOrganisationId": EF would take that for the key of ReferringOrganisation, one-to-one.)
        b.HasIndex(x => x.ReferredFromOrganisationId);
        b.HasIndex(x => new { x.ServiceId, x.CreatedAt });
        // One open self-referral per person and service, even when the same form is sent twice at once.
        b.HasIndex(x => new { x.ServiceId, x.PersonUserId }, "ix_referral_one_open_self_referral").IsUnique()
            .HasFilter($"\"PersonUserId\" = \"ReferrerUserId\" AND \"Status\" IN ({string.Join(", ", ReferralService.OpenStatuses.Select(s => $"'{s}'"))})");
        // One referral per form: the same form's key sent again by the same referrer (a double press, or a retry after
        // a lost answer, on any node) is refused by this index and answered with the referral already made.
        b.Property(x => x.IdempotencyKey).HasMaxLength(64);
        b.HasIndex(x => new { x.ReferrerUserId, x.IdempotencyKey }, "ix_referral_referrer_idempotency_key").IsUnique()
            .HasFilter("\"IdempotencyKey\" IS NOT NULL");
        b.HasMany(x => x.Events).WithOne().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.PersonUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.ReferrerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferralEventConfiguration : IEntityTypeConfiguration<ReferralEvent>
{
    public void Configure(EntityTypeBuilder<ReferralEvent> b)
    {
        b.ToTable("referral_event");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.ByParty).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ByName).HasMaxLength(320);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ReasonCode).HasConversion<string>().HasMaxLength(32);
        b.HasIndex(x => new { x.ReferralId, x.OccurredAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        // Snake-case columns: the PostgreSQL relay claims rows with hand-written SQL.
        b.ToTable("outbox_message");
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Property(x => x.Channel).HasColumnName("channel").HasMaxLength(8);
        b.Property(x => x.Recipient).HasColumnName("recipient").HasMaxLength(320);
        b.Property(x => x.Subject).HasColumnName("subject").HasMaxLength(300);
        b.Property(x => x.Body).HasColumnName("body").HasMaxLength(4000);
        b.Property(x => x.SubjectType).HasColumnName("subject_type").HasMaxLength(32);
        b.Property(x => x.SubjectId).HasColumnName("subject_id");
        b.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
        b.Property(x => x.Attempts).HasColumnName("attempts");
        b.Property(x => x.ClaimToken).HasColumnName("claim_token");
        b.Property(x => x.ClaimedUntil).HasColumnName("claimed_until");
        b.Property(x => x.DeliveredAt).HasColumnName("delivered_at");
        b.Property(x => x.GaveUpAt).HasColumnName("gave_up_at");
        b.Property(x => x.LastError).HasColumnName("last_error").HasMaxLength(2000);
        b.HasIndex(x => new { x.DeliveredAt, x.NextAttemptAt });
        b.HasIndex(x => x.ClaimToken);
    }
}

internal sealed class OutboxAttemptConfiguration : IEntityTypeConfiguration<OutboxAttempt>
{
    public void Configure(EntityTypeBuilder<OutboxAttempt> b)
    {
        b.ToTable("outbox_attempt");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Error).HasMaxLength(2000);
        b.HasIndex(x => x.MessageId);
        b.HasOne<OutboxMessage>().WithMany().HasForeignKey(x => x.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b) => b.ToTable("data_protection_key");
}
