using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Commissioning;

namespace Waymark.Core.Data;

internal sealed class CommissioningSnapshotConfiguration : IEntityTypeConfiguration<CommissioningSnapshot>
{
    public void Configure(EntityTypeBuilder<CommissioningSnapshot> b)
    {
        b.ToTable("commissioning_snapshot");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(2000);
        b.Property(x => x.Json).IsRequired();
    }
}

internal sealed class CommissioningRefreshConfiguration : IEntityTypeConfiguration<CommissioningRefresh>
{
    public void Configure(EntityTypeBuilder<CommissioningRefresh> b)
    {
        b.ToTable("commissioning_refresh");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}
