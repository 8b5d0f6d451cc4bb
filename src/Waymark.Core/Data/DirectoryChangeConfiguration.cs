using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Matching;

namespace Waymark.Core.Data;

internal sealed class DirectoryChangeRecordConfiguration : IEntityTypeConfiguration<DirectoryChangeRecord>
{
    public void Configure(EntityTypeBuilder<DirectoryChangeRecord> b)
    {
        b.ToTable("directory_change");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        b.Property(x => x.Origin).HasColumnName("origin");
        b.Property(x => x.ServiceIds).HasColumnName("service_ids");
        b.Property(x => x.At).HasColumnName("at");
        b.HasIndex(x => x.At);
    }
}
