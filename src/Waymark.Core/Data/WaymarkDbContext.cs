using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Insights;

namespace Waymark.Core.Data;

/// <summary>
/// The one database. Two providers share this model; each has its own migration set
/// (<see cref="SqliteWaymarkDbContext"/>, <see cref="PostgresWaymarkDbContext"/>).
/// </summary>
public abstract class WaymarkDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationIdentifier> OrganizationIdentifiers => Set<OrganizationIdentifier>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<Accessibility> Accessibility => Set<Accessibility>();
    public DbSet<ServiceAtLocation> ServiceAtLocations => Set<ServiceAtLocation>();
    public DbSet<Schedule> Schedules => Set<Schedule>();
    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();
    public DbSet<Language> Languages => Set<Language>();
    public DbSet<Funding> Funding => Set<Funding>();
    public DbSet<CostOption> CostOptions => Set<CostOption>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Phone> Phones => Set<Phone>();
    public DbSet<Taxonomy> Taxonomies => Set<Taxonomy>();
    public DbSet<TaxonomyTerm> TaxonomyTerms => Set<TaxonomyTerm>();
    public DbSet<ServiceAttribute> ServiceAttributes => Set<ServiceAttribute>();
    public DbSet<GazetteerPostcode> GazetteerPostcodes => Set<GazetteerPostcode>();
    public DbSet<UnmetNeed> UnmetNeeds => Set<UnmetNeed>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WaymarkDbContext).Assembly);
    }
}

public sealed class SqliteWaymarkDbContext(DbContextOptions<SqliteWaymarkDbContext> options) : WaymarkDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-with-offset type; storing ticks keeps ordering and comparison in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}

public sealed class PostgresWaymarkDbContext(DbContextOptions<PostgresWaymarkDbContext> options) : WaymarkDbContext(options);
