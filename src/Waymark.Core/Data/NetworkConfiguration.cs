using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Directory;
using Waymark.Core.Network;
using Waymark.Core.Referrals;

namespace Waymark.Core.Data;

// Organisations working together: onward referrals between them and replies, shared offers and requests, and
// "works with" links.

internal sealed class ReferringOrganisationConfiguration : IEntityTypeConfiguration<ReferringOrganisation>
{
    public void Configure(EntityTypeBuilder<ReferringOrganisation> b)
    {
        b.ToTable("referring_organisation");
        b.HasKey(x => x.ReferralId);
        b.Property(x => x.StaffRole).HasMaxLength(16);
        b.HasIndex(x => x.OrganisationId);
        b.HasIndex(x => x.FromServiceId);
        b.HasOne<Referral>().WithOne().HasForeignKey<ReferringOrganisation>(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReferralMessageConfiguration : IEntityTypeConfiguration<ReferralMessage>
{
    public void Configure(EntityTypeBuilder<ReferralMessage> b)
    {
        b.ToTable("referral_message");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.ReferralId);
        b.HasOne<Referral>().WithMany().HasForeignKey(x => x.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SharedOfferConfiguration : IEntityTypeConfiguration<SharedOffer>
{
    public void Configure(EntityTypeBuilder<SharedOffer> b)
    {
        b.ToTable("shared_offer");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Title).HasMaxLength(SharedOffer.MaxTitleLength);
        b.Property(x => x.Description).HasMaxLength(SharedOffer.MaxTextLength);
        b.Property(x => x.Conditions).HasMaxLength(SharedOffer.MaxTextLength);
        b.Property(x => x.Contact).HasMaxLength(SharedOffer.MaxContactLength);
        b.Property(x => x.AreaCode).HasMaxLength(16);
        b.Ignore(x => x.AreaName);
        b.HasIndex(x => new { x.Status, x.ExpiresOn });
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfferRequestConfiguration : IEntityTypeConfiguration<OfferRequest>
{
    public void Configure(EntityTypeBuilder<OfferRequest> b)
    {
        b.ToTable("offer_request");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Message).HasMaxLength(OfferRequest.MaxMessageLength);
        b.Property(x => x.Reason).HasMaxLength(OfferRequest.MaxMessageLength);
        b.HasIndex(x => x.OfferId);
        b.HasIndex(x => x.OrganisationId);
        b.HasOne<SharedOffer>().WithMany().HasForeignKey(x => x.OfferId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationLinkConfiguration : IEntityTypeConfiguration<OrganisationLink>
{
    public void Configure(EntityTypeBuilder<OrganisationLink> b)
    {
        b.ToTable("organisation_link");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => x.ProposerId);
        b.HasIndex(x => x.PartnerId);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.ProposerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
