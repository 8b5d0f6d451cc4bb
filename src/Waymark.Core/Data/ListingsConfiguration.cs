using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Directory;
using Waymark.Core.Listings;

namespace Waymark.Core.Data;

// What the listing editor adds to the directory: change history (ORUK metadata), reports from the
// public, and dated notices on services.

internal sealed class MetadataEntryConfiguration : IEntityTypeConfiguration<MetadataEntry>
{
    public void Configure(EntityTypeBuilder<MetadataEntry> b)
    {
        b.ToTable("metadata");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ResourceType).HasMaxLength(64);
        b.Property(x => x.LastActionType).HasMaxLength(16);
        b.Property(x => x.FieldName).HasMaxLength(64);
        b.HasIndex(x => new { x.ResourceId, x.LastActionDate });
    }
}

internal sealed class ListingReportConfiguration : IEntityTypeConfiguration<ListingReport>
{
    public void Configure(EntityTypeBuilder<ListingReport> b)
    {
        b.ToTable("listing_report");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Message).HasMaxLength(2000);
        b.Property(x => x.Email).HasMaxLength(320);
        b.HasIndex(x => new { x.ServiceId, x.ResolvedAt });
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceNoticeConfiguration : IEntityTypeConfiguration<ServiceNotice>
{
    public void Configure(EntityTypeBuilder<ServiceNotice> b)
    {
        b.ToTable("service_notice");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasMaxLength(32);
        b.HasIndex(x => new { x.ServiceId, x.Kind }).IsUnique();
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
