using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Core.Groups;

namespace Waymark.Core.Data;

// A service's group sessions and who facilitates them (issue 15). The location is a plain id, not a foreign key,
// so that re-importing a listing's locations never fails on a session; a session whose location went shows
// "the service's venue".

internal sealed class GroupSessionConfiguration : IEntityTypeConfiguration<GroupSession>
{
    public void Configure(EntityTypeBuilder<GroupSession> b)
    {
        b.ToTable("group_session");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Venue).HasMaxLength(GroupSessions.MaxVenueLength);
        b.Property(x => x.OnlineUrl).HasMaxLength(GroupSessions.MaxUrlLength);
        b.Property(x => x.CancelReason).HasMaxLength(GroupSessions.MaxReasonLength);
        b.HasIndex(x => new { x.ServiceId, x.StartsAt });
        b.HasOne<Service>().WithMany().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Facilitators).WithOne().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.IsCancelled);
        b.Ignore(x => x.IsOnline);
        b.Ignore(x => x.Minutes);
    }
}

internal sealed class GroupFacilitatorConfiguration : IEntityTypeConfiguration<GroupFacilitator>
{
    public void Configure(EntityTypeBuilder<GroupFacilitator> b)
    {
        b.ToTable("group_facilitator");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.SessionId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<WaymarkUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GroupDisclosureConfiguration : IEntityTypeConfiguration<GroupDisclosure>
{
    public void Configure(EntityTypeBuilder<GroupDisclosure> b)
    {
        b.ToTable("group_disclosure");
        b.HasKey(x => x.SessionId);
        b.Property(x => x.SessionId).ValueGeneratedNever();
        b.HasOne<GroupSession>().WithOne().HasForeignKey<GroupDisclosure>(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
