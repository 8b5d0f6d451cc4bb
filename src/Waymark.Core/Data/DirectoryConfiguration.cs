using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;

namespace Waymark.Core.Data;

// Table names follow the ORUK object names so a reader of the standard finds their way around the database.

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("organization");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasMany(x => x.Identifiers).WithOne().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.Name);
    }
}

internal sealed class OrganizationIdentifierConfiguration : IEntityTypeConfiguration<OrganizationIdentifier>
{
    public void Configure(EntityTypeBuilder<OrganizationIdentifier> b)
    {
        b.ToTable("organization_identifier");
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.ToTable("service");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne(x => x.Organization).WithMany(o => o.Services).HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Schedules).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.ServiceAreas).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.ServiceAtLocations).WithOne(x => x.Service).HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Languages).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Funding).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.CostOptions).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Contacts).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attributes).WithOne().HasForeignKey(x => x.ServiceId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Status).HasMaxLength(32);
        b.Property(x => x.MinimumAge).HasPrecision(5, 2);
        b.Property(x => x.MaximumAge).HasPrecision(5, 2);
        b.HasIndex(x => x.Name);
        // The ORUK list order (name in byte order, then id): pages and streams walk this index only. PostgreSQL
        // gives the name the "C" collation (PostgresWaymarkDbContext); SQLite's default, BINARY, is already byte order.
        b.HasIndex(x => new { x.Name, x.Id }).HasDatabaseName(ListOrderIndex);
        b.HasIndex(x => x.LastModified);
        b.HasIndex(x => x.Status);
    }

    public const string ListOrderIndex = "IX_service_list_order";
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> b)
    {
        b.ToTable("location");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasMany(x => x.Addresses).WithOne().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Accessibility).WithOne().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> b)
    {
        b.ToTable("address");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.PostalCode);
    }
}

internal sealed class AccessibilityConfiguration : IEntityTypeConfiguration<Accessibility>
{
    public void Configure(EntityTypeBuilder<Accessibility> b)
    {
        b.ToTable("accessibility");
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class ServiceAtLocationConfiguration : IEntityTypeConfiguration<ServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<ServiceAtLocation> b)
    {
        b.ToTable("service_at_location");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne(x => x.Location).WithMany().HasForeignKey(x => x.LocationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Schedules).WithOne().HasForeignKey(x => x.ServiceAtLocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScheduleConfiguration : IEntityTypeConfiguration<Schedule>
{
    public void Configure(EntityTypeBuilder<Schedule> b)
    {
        b.ToTable("schedule");
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class ServiceAreaConfiguration : IEntityTypeConfiguration<ServiceArea>
{
    public void Configure(EntityTypeBuilder<ServiceArea> b)
    {
        b.ToTable("service_area");
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class LanguageConfiguration : IEntityTypeConfiguration<Language>
{
    public void Configure(EntityTypeBuilder<Language> b)
    {
        b.ToTable("language");
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class FundingConfiguration : IEntityTypeConfiguration<Funding>
{
    public void Configure(EntityTypeBuilder<Funding> b)
    {
        b.ToTable("funding");
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class CostOptionConfiguration : IEntityTypeConfiguration<CostOption>
{
    public void Configure(EntityTypeBuilder<CostOption> b)
    {
        b.ToTable("cost_option");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Amount).HasPrecision(12, 2);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("contact");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasMany(x => x.Phones).WithOne().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PhoneConfiguration : IEntityTypeConfiguration<Phone>
{
    public void Configure(EntityTypeBuilder<Phone> b)
    {
        b.ToTable("phone");
        b.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class TaxonomyConfiguration : IEntityTypeConfiguration<Taxonomy>
{
    public void Configure(EntityTypeBuilder<Taxonomy> b)
    {
        b.ToTable("taxonomy");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasMany(x => x.Terms).WithOne().HasForeignKey(x => x.TaxonomyId).OnDelete(DeleteBehavior.Restrict);
        // The Waymark vocabulary is reference data that ships with the schema.
        b.HasData(new Taxonomy
        {
            Id = Vocabulary.TaxonomyId,
            Name = Vocabulary.TaxonomyName,
            Description = "What Waymark knows about a service: how it is delivered, its format, who delivers it, how to get in, what it helps with, who it suits and what to expect.",
            Version = "1",
        });
    }
}

internal sealed class TaxonomyTermConfiguration : IEntityTypeConfiguration<TaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<TaxonomyTerm> b)
    {
        b.ToTable("taxonomy_term");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.Code);
        b.HasData(Vocabulary.Terms.Select(t => new TaxonomyTerm
        {
            Id = t.Id,
            Name = t.Label,
            Description = t.Label,
            TaxonomyId = Vocabulary.TaxonomyId,
            TaxonomyName = Vocabulary.TaxonomyName,
            Code = t.Code,
            Term = t.Code,
        }));
    }
}

internal sealed class ServiceAttributeConfiguration : IEntityTypeConfiguration<ServiceAttribute>
{
    public void Configure(EntityTypeBuilder<ServiceAttribute> b)
    {
        b.ToTable("attribute");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne(x => x.TaxonomyTerm).WithMany().HasForeignKey(x => x.TaxonomyTermId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.TaxonomyTermId);
    }
}

internal sealed class GazetteerPostcodeConfiguration : IEntityTypeConfiguration<GazetteerPostcode>
{
    public void Configure(EntityTypeBuilder<GazetteerPostcode> b)
    {
        b.ToTable("gazetteer_postcode");
        b.HasKey(x => x.Postcode);
        b.Property(x => x.Postcode).HasMaxLength(8);
        b.Property(x => x.LocalAuthorityCode).HasMaxLength(9);
    }
}
