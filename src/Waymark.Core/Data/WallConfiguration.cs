using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Accounts;
using Waymark.Core.Wall;

namespace Waymark.Core.Data;

// The peer-support wall: everything written on it (posts, replies, display names) as moderation items, members'
// approved names and reading choices, reactions and readers' reports. All of it goes with the author's account, except
// other people's replies, which stay under an empty marker.

internal sealed class WallItemConfiguration : IEntityTypeConfiguration<WallItem>
{
    public void Configure(EntityTypeBuilder<WallItem> b)
    {
        b.ToTable("wall_item");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ScreenedOutcome).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Topic).HasMaxLength(32);
        // Encrypted (ADR 0044): a 1,000-character note is up to 4 KB of UTF-8, about 5,500 characters once encrypted, so
        // these columns carry no length.
        b.Property(x => x.ContentWarning).HasMaxLength(120);
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.DecidedByName).HasMaxLength(256);
        b.Property(x => x.EditedOut).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasIndex(x => new { x.Kind, x.Topic, x.Status, x.CreatedAt });
        b.HasIndex(x => x.AuthorId);
        b.HasIndex(x => x.ThreadId);
        // Still a cascade: whatever removes an account removes its words. A marker that keeps others' replies has no
        // author, so nothing cascades to it (ADR 0022).
        b.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.AuthorId).IsRequired(false).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WallItem>().WithMany().HasForeignKey(x => x.ThreadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WallMemberConfiguration : IEntityTypeConfiguration<WallMember>
{
    public void Configure(EntityTypeBuilder<WallMember> b)
    {
        b.ToTable("wall_member");
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).ValueGeneratedNever();
        b.Property(x => x.DisplayName).HasMaxLength(WallService.MaxNameLength);
        b.Property(x => x.ContentWarnings).HasMaxLength(16);
        b.HasOne<WaymarkUser>().WithOne().HasForeignKey<WallMember>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WallReactionConfiguration : IEntityTypeConfiguration<WallReaction>
{
    public void Configure(EntityTypeBuilder<WallReaction> b)
    {
        b.ToTable("wall_reaction");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.ItemId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<WallItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WallFlagConfiguration : IEntityTypeConfiguration<WallFlag>
{
    public void Configure(EntityTypeBuilder<WallFlag> b)
    {
        b.ToTable("wall_flag");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.ReporterKey).HasMaxLength(128);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.HasIndex(x => new { x.ItemId, x.ReporterKey }).IsUnique();
        b.HasOne<WallItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
