using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Insights;

namespace Waymark.Core.Data;

internal sealed class UnmetNeedConfiguration : IEntityTypeConfiguration<UnmetNeed>
{
    public void Configure(EntityTypeBuilder<UnmetNeed> b)
    {
        // Plain snake_case columns: commissioners' tools read this table directly.
        b.ToTable("unmet_need");
        b.HasKey(x => new { x.LocalAuthority, x.Day, x.Constraints });
        b.Property(x => x.LocalAuthority).HasColumnName("local_authority").HasMaxLength(100);
        b.Property(x => x.Day).HasColumnName("day");
        b.Property(x => x.Constraints).HasColumnName("constraints").HasMaxLength(300);
        b.Property(x => x.Searches).HasColumnName("searches");
    }
}
