using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Accounts;
using Waymark.Core.Referrals;

namespace Waymark.Core.Data;

// What keeps a referral moving: the person's recorded consent, who a navigator referred (encrypted), and
// the once-only follow-ups (staleness notices, waiting-list check-ins).

internal sealed class ReferralConsentConfiguration : IEntityTypeConfiguration<ReferralConsent>
{
    public void Configure(EntityTypeBuilder<ReferralConsent> b)
    {
        b.ToTable("referral_consent");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SharedWith).HasMaxLength(300);
        b.HasIndex(x => x.ReferralId);
        b.HasIndex(x => x.OnwardFromReferralId);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferredPersonConfiguration : IEntityTypeConfiguration<ReferredPerson>
{
    public void Configure(EntityTypeBuilder<ReferredPerson> b)
    {
        b.ToTable("referred_person");
        b.HasKey(x => x.ReferralId);
        b.HasOne<Referral>().WithOne().HasForeignKey<ReferredPerson>(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReferralReminderConfiguration : IEntityTypeConfiguration<ReferralReminder>
{
    public void Configure(EntityTypeBuilder<ReferralReminder> b)
    {
        b.ToTable("referral_reminder");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasMaxLength(16);
        b.HasIndex(x => new { x.ReferralId, x.Kind, x.Period }).IsUnique();
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}
