using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Core.Gazetteer;
using Waymark.Core.Groups;
using Waymark.Core.Insights;
using Waymark.Core.Listings;
using Waymark.Core.Matching;
using Waymark.Core.Outbox;
using Waymark.Core.PeerSupport;
using Waymark.Core.People;
using Waymark.Core.Referrals;
using Waymark.Core.Wall;

namespace Waymark.Core.Data;

/// <summary>
/// The one database. Two providers share this model; each has its own migration set
/// (<see cref="SqliteWaymarkDbContext"/>, <see cref="PostgresWaymarkDbContext"/>).
/// </summary>
public abstract class WaymarkDbContext(DbContextOptions options) : IdentityDbContext<WaymarkUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
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
    public DbSet<DirectoryChangeRecord> DirectoryChangeLog => Set<DirectoryChangeRecord>();

    // Accounts (AccountsConfiguration.cs) and the listing editor (ListingsConfiguration.cs)
    public DbSet<OrganisationMembership> OrganisationMemberships => Set<OrganisationMembership>();
    public DbSet<SetPasswordToken> SetPasswordTokens => Set<SetPasswordToken>();
    public DbSet<AuthenticatorStep> AuthenticatorSteps => Set<AuthenticatorStep>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SignInCounter> SignInCounters => Set<SignInCounter>();
    public DbSet<AccountWorkItem> AccountWork => Set<AccountWorkItem>();
    public DbSet<MetadataEntry> Metadata => Set<MetadataEntry>();
    public DbSet<ListingReport> ListingReports => Set<ListingReport>();
    public DbSet<ServiceNotice> ServiceNotices => Set<ServiceNotice>();

    // Referrals, their outbox and the Data Protection key ring (ReferralsConfiguration.cs)
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ReferralEvent> ReferralEvents => Set<ReferralEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OutboxAttempt> OutboxAttempts => Set<OutboxAttempt>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Consent, referred people and follow-ups (ReferralFlowConfiguration.cs)
    public DbSet<ReferralConsent> ReferralConsents => Set<ReferralConsent>();
    public DbSet<ReferredPerson> ReferredPeople => Set<ReferredPerson>();
    public DbSet<ReferralReminder> ReferralReminders => Set<ReferralReminder>();
    // A person's support plan and story consents (PeopleConfiguration.cs)
    public DbSet<PersonProfile> PersonProfiles => Set<PersonProfile>();
    public DbSet<SavedService> SavedServices => Set<SavedService>();
    public DbSet<StoryConsent> StoryConsents => Set<StoryConsent>();

    // The peer-support wall (WallConfiguration.cs)
    public DbSet<WallItem> WallItems => Set<WallItem>();
    public DbSet<WallMember> WallMembers => Set<WallMember>();
    public DbSet<WallReaction> WallReactions => Set<WallReaction>();
    public DbSet<WallFlag> WallFlags => Set<WallFlag>();
    // The care of peer supporters (PeerSupportConfiguration.cs)
    public DbSet<PeerSupportSettings> PeerSupportSettings => Set<PeerSupportSettings>();
    public DbSet<OrganisationSupervisor> OrganisationSupervisors => Set<OrganisationSupervisor>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<SupervisionSession> SupervisionSessions => Set<SupervisionSession>();
    public DbSet<SupervisionBooking> SupervisionBookings => Set<SupervisionBooking>();
    public DbSet<Debrief> Debriefs => Set<Debrief>();
    public DbSet<WellbeingCheckIn> WellbeingCheckIns => Set<WellbeingCheckIn>();
    public DbSet<WorkEntry> WorkEntries => Set<WorkEntry>();
    public DbSet<PeerAssignment> PeerAssignments => Set<PeerAssignment>();
    public DbSet<PeerBreak> PeerBreaks => Set<PeerBreak>();
    public DbSet<AssignmentOverride> AssignmentOverrides => Set<AssignmentOverride>();
    public DbSet<LoadWarning> LoadWarnings => Set<LoadWarning>();
    // Group sessions and their facilitators (GroupsConfiguration.cs)
    public DbSet<GroupSession> GroupSessions => Set<GroupSession>();
    public DbSet<GroupFacilitator> GroupFacilitators => Set<GroupFacilitator>();
    public DbSet<GroupDisclosure> GroupDisclosures => Set<GroupDisclosure>();
    // Organisations working together (NetworkConfiguration.cs)
    public DbSet<ReferringOrganisation> ReferringOrganisations => Set<ReferringOrganisation>();
    public DbSet<ReferralMessage> ReferralMessages => Set<ReferralMessage>();
    public DbSet<Network.SharedOffer> SharedOffers => Set<Network.SharedOffer>();
    public DbSet<Network.OfferRequest> OfferRequests => Set<Network.OfferRequest>();
    public DbSet<Network.OrganisationLink> OrganisationLinks => Set<Network.OrganisationLink>();

    // Commissioning figures worked out ahead of time (CommissioningConfiguration.cs)
    public DbSet<Commissioning.CommissioningSnapshot> CommissioningSnapshots => Set<Commissioning.CommissioningSnapshot>();
    public DbSet<Commissioning.CommissioningRefresh> CommissioningRefreshes => Set<Commissioning.CommissioningRefresh>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>
    /// Identity shapes its tables from its options when they are in the service provider (the web app) and
    /// from its default otherwise (the CLI, the migration tools); the web app pins the same version so
    /// the model is the same everywhere.
    /// </summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version1;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's model first, so that our configurations (table names) apply over it.
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(WaymarkDbContext).Assembly);
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

public sealed class PostgresWaymarkDbContext(DbContextOptions<PostgresWaymarkDbContext> options) : WaymarkDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The list order compares names byte by byte (Database.OrdinalCollation), so its index must too.
        builder.Entity<Service>().HasIndex(x => new { x.Name, x.Id }).UseCollation("C", null!);
    }
}
