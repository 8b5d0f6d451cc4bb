using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Core.PeerSupport;

namespace Waymark.Core.Data;

// The care of peer supporters: an organisation's settings and named supervisors, and each peer supporter's
// training, supervision (notes encrypted), debriefs, check-ins (encrypted), work time, assignments, breaks,
// overrides and the warnings sent. Every row belongs to one organisation and goes with it.

internal static class PeerTables
{
    public static void Owned<T>(EntityTypeBuilder<T> b, string table)
        where T : class
    {
        b.ToTable(table);
        b.Property<Guid>("Id").ValueGeneratedNever();
        b.HasIndex("UserId", "OrganisationId");
        b.HasOne<WaymarkUser>().WithMany().HasForeignKey("UserId").OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Organization>().WithMany().HasForeignKey("OrganisationId").OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PeerSupportSettingsConfiguration : IEntityTypeConfiguration<PeerSupportSettings>
{
    public void Configure(EntityTypeBuilder<PeerSupportSettings> b)
    {
        b.ToTable("peer_support_settings");
        b.HasKey(x => x.OrganisationId);
        b.Property(x => x.OrganisationId).ValueGeneratedNever();
        b.Property(x => x.RequiredCourses).HasMaxLength(2000);
        b.Ignore(x => x.Required);
        b.HasOne<Organization>().WithOne().HasForeignKey<PeerSupportSettings>(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganisationSupervisorConfiguration : IEntityTypeConfiguration<OrganisationSupervisor>
{
    public void Configure(EntityTypeBuilder<OrganisationSupervisor> b)
    {
        PeerTables.Owned(b, "peer_supervisor");
        b.HasIndex(x => new { x.OrganisationId, x.UserId }).IsUnique();
    }
}

internal sealed class TrainingRecordConfiguration : IEntityTypeConfiguration<TrainingRecord>
{
    public void Configure(EntityTypeBuilder<TrainingRecord> b)
    {
        PeerTables.Owned(b, "peer_training");
        b.Property(x => x.Course).HasMaxLength(Courses.MaxNameLength);
        b.Property(x => x.Hours).HasPrecision(5, 2);
    }
}

internal sealed class SupervisionSessionConfiguration : IEntityTypeConfiguration<SupervisionSession>
{
    public void Configure(EntityTypeBuilder<SupervisionSession> b) => PeerTables.Owned(b, "peer_supervision");
}

internal sealed class SupervisionBookingConfiguration : IEntityTypeConfiguration<SupervisionBooking>
{
    public void Configure(EntityTypeBuilder<SupervisionBooking> b) => PeerTables.Owned(b, "peer_supervision_booking");
}

internal sealed class DebriefConfiguration : IEntityTypeConfiguration<Debrief>
{
    public void Configure(EntityTypeBuilder<Debrief> b)
    {
        PeerTables.Owned(b, "peer_debrief");
        b.Property(x => x.Reason).HasMaxLength(PeerSupportRecords.MaxReasonLength);
    }
}

internal sealed class WellbeingCheckInConfiguration : IEntityTypeConfiguration<WellbeingCheckIn>
{
    public void Configure(EntityTypeBuilder<WellbeingCheckIn> b) => PeerTables.Owned(b, "peer_check_in");
}

internal sealed class WorkEntryConfiguration : IEntityTypeConfiguration<WorkEntry>
{
    public void Configure(EntityTypeBuilder<WorkEntry> b)
    {
        PeerTables.Owned(b, "peer_work");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Ignore(x => x.EndsAt);
        b.HasIndex(x => new { x.UserId, x.OrganisationId, x.StartedAt });
    }
}

internal sealed class PeerAssignmentConfiguration : IEntityTypeConfiguration<PeerAssignment>
{
    public void Configure(EntityTypeBuilder<PeerAssignment> b)
    {
        PeerTables.Owned(b, "peer_assignment");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.Kind, x.SubjectId });
    }
}

internal sealed class PeerBreakConfiguration : IEntityTypeConfiguration<PeerBreak>
{
    public void Configure(EntityTypeBuilder<PeerBreak> b) => PeerTables.Owned(b, "peer_break");
}

internal sealed class AssignmentOverrideConfiguration : IEntityTypeConfiguration<AssignmentOverride>
{
    public void Configure(EntityTypeBuilder<AssignmentOverride> b)
    {
        PeerTables.Owned(b, "peer_override");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ByName).HasMaxLength(320);
        b.Property(x => x.Reason).HasMaxLength(AssignmentOverride.MaxReasonLength);
    }
}

internal sealed class LoadWarningConfiguration : IEntityTypeConfiguration<LoadWarning>
{
    public void Configure(EntityTypeBuilder<LoadWarning> b)
    {
        PeerTables.Owned(b, "peer_load_warning");
        b.Property(x => x.Measure).HasMaxLength(16);
    }
}
