using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Core.People;
using Waymark.Core.Referrals;

namespace Waymark.Core.Data;

// A person's support plan: their profile (contact choice, encrypted notes and story), saved services, and
// their consents to share their story. Everything but consents goes with the account.

internal sealed class PersonProfileConfiguration : IEntityTypeConfiguration<PersonProfile>
{
    public void Configure(EntityTypeBuilder<PersonProfile> b)
    {
        b.ToTable("person_profile");
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).ValueGeneratedNever();
        b.Property(x => x.ContactPreference).HasConversion<string>().HasMaxLength(8);
        b.HasOne<WaymarkUser>().WithOne().HasForeignKey<PersonProfile>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SavedServiceConfiguration : IEntityTypeConfiguration<SavedService>
{
    public void Configure(EntityTypeBuilder<SavedService> b)
    {
        b.ToTable("plan_service");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.UserId, x.ServiceId }).IsUnique();
        b.HasIndex(x => x.ServiceId);
        b.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoryConsentConfiguration : IEntityTypeConfiguration<StoryConsent>
{
    public void Configure(EntityTypeBuilder<StoryConsent> b)
    {
        b.ToTable("story_consent");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.SharedWith).HasMaxLength(600);
        b.Property(x => x.Sections).HasMaxLength(200);
        b.HasIndex(x => x.UserId);
        b.HasIndex(x => x.ReferralId);
        b.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}
