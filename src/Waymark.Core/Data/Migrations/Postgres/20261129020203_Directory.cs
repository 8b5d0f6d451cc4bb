using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Waymark.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Directory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "gazetteer_postcode",
                columns: table => new
                {
                    Postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_gazetteer_postcode", x => x.Postcode);
                });

            migrationBuilder.CreateTable(
                name: "location",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LocationType = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    ExternalIdentifier = table.Column<string>(type: "text", nullable: true),
                    ExternalIdentifierType = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_location", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organization",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Email = table.Column<string>(type: "text", nullable: true),
                    Website = table.Column<string>(type: "text", nullable: true),
                    Logo = table.Column<string>(type: "text", nullable: true),
                    Uri = table.Column<string>(type: "text", nullable: true),
                    ParentOrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastModified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "taxonomy",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Uri = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxonomy", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "accessibility",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LocationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Details = table.Column<string>(type: "text", nullable: true),
                    Url = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accessibility", x => x.Id);
                    table.ForeignKey(
                        name: "FK_accessibility_location_LocationId",
                        column: x => x.LocationId,
                        principalTable: "location",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "address",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LocationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Attention = table.Column<string>(type: "text", nullable: true),
                    Address1 = table.Column<string>(type: "text", nullable: false),
                    City = table.Column<string>(type: "text", nullable: false),
                    Region = table.Column<string>(type: "text", nullable: true),
                    StateProvince = table.Column<string>(type: "text", nullable: false),
                    PostalCode = table.Column<string>(type: "text", nullable: false),
                    Country = table.Column<string>(type: "text", nullable: false),
                    AddressType = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_address", x => x.Id);
                    table.ForeignKey(
                        name: "FK_address_location_LocationId",
                        column: x => x.LocationId,
                        principalTable: "location",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organization_identifier",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IdentifierScheme = table.Column<string>(type: "text", nullable: true),
                    IdentifierType = table.Column<string>(type: "text", nullable: false),
                    Identifier = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization_identifier", x => x.Id);
                    table.ForeignKey(
                        name: "FK_organization_identifier_organization_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Url = table.Column<string>(type: "text", nullable: true),
                    Email = table.Column<string>(type: "text", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Fees = table.Column<string>(type: "text", nullable: true),
                    Accreditations = table.Column<string>(type: "text", nullable: true),
                    MinimumAge = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    MaximumAge = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    AssuredDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AssurerEmail = table.Column<string>(type: "text", nullable: true),
                    Alert = table.Column<string>(type: "text", nullable: true),
                    LastModified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_organization_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "taxonomy_term",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    TaxonomyId = table.Column<Guid>(type: "uuid", nullable: true),
                    TaxonomyName = table.Column<string>(type: "text", nullable: true),
                    Code = table.Column<string>(type: "text", nullable: true),
                    Term = table.Column<string>(type: "text", nullable: true),
                    TermUri = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_taxonomy_term", x => x.Id);
                    table.ForeignKey(
                        name: "FK_taxonomy_term_taxonomy_TaxonomyId",
                        column: x => x.TaxonomyId,
                        principalTable: "taxonomy",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contact",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Title = table.Column<string>(type: "text", nullable: true),
                    Department = table.Column<string>(type: "text", nullable: true),
                    Email = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_contact", x => x.Id);
                    table.ForeignKey(
                        name: "FK_contact_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cost_option",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Option = table.Column<string>(type: "text", nullable: true),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    AmountDescription = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cost_option", x => x.Id);
                    table.ForeignKey(
                        name: "FK_cost_option_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "funding",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Source = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_funding", x => x.Id);
                    table.ForeignKey(
                        name: "FK_funding_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "language",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Code = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_language", x => x.Id);
                    table.ForeignKey(
                        name: "FK_language_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_area",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Extent = table.Column<string>(type: "text", nullable: true),
                    ExtentType = table.Column<string>(type: "text", nullable: true),
                    Uri = table.Column<string>(type: "text", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_area", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_area_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "service_at_location",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    LocationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_at_location", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_at_location_location_LocationId",
                        column: x => x.LocationId,
                        principalTable: "location",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_service_at_location_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "attribute",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaxonomyTermId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkType = table.Column<string>(type: "text", nullable: true),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attribute", x => x.Id);
                    table.ForeignKey(
                        name: "FK_attribute_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_attribute_taxonomy_term_TaxonomyTermId",
                        column: x => x.TaxonomyTermId,
                        principalTable: "taxonomy_term",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "phone",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "text", nullable: false),
                    Extension = table.Column<string>(type: "text", nullable: true),
                    Type = table.Column<string>(type: "text", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_phone", x => x.Id);
                    table.ForeignKey(
                        name: "FK_phone_contact_ContactId",
                        column: x => x.ContactId,
                        principalTable: "contact",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "schedule",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    ServiceAtLocationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    DtStart = table.Column<DateOnly>(type: "date", nullable: true),
                    Freq = table.Column<string>(type: "text", nullable: true),
                    Interval = table.Column<int>(type: "integer", nullable: true),
                    ByDay = table.Column<string>(type: "text", nullable: true),
                    ByMonthDay = table.Column<string>(type: "text", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true),
                    OpensAt = table.Column<string>(type: "text", nullable: true),
                    ClosesAt = table.Column<string>(type: "text", nullable: true),
                    ScheduleLink = table.Column<string>(type: "text", nullable: true),
                    AttendingType = table.Column<string>(type: "text", nullable: true),
                    Notes = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedule", x => x.Id);
                    table.ForeignKey(
                        name: "FK_schedule_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_schedule_service_at_location_ServiceAtLocationId",
                        column: x => x.ServiceAtLocationId,
                        principalTable: "service_at_location",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "taxonomy",
                columns: new[] { "Id", "Description", "Name", "Uri", "Version" },
                values: new object[] { new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "What Waymark knows about a service: how it is delivered, its format, who delivers it, how to get in, what it helps with, who it suits and what to expect.", "waymark", null, "1" });

            migrationBuilder.InsertData(
                table: "taxonomy_term",
                columns: new[] { "Id", "Code", "Description", "Name", "ParentId", "TaxonomyId", "TaxonomyName", "Term", "TermUri" },
                values: new object[,]
                {
                    { new Guid("02dbfd9b-7827-5282-b93d-c5e973273ba3"), "audience:students", "Students", "Students", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "audience:students", null },
                    { new Guid("033faefe-c4c1-52dc-abbc-4222f8ce5052"), "setting:college", "College", "College", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "setting:college", null },
                    { new Guid("0369c325-0e3f-552d-ab31-69e5e44811ed"), "delivered-by:doctor", "Doctors", "Doctors", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "delivered-by:doctor", null },
                    { new Guid("03aab693-4e44-5248-b273-7951e823e62d"), "access-needs:interpreter", "Interpreters available", "Interpreters available", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "access-needs:interpreter", null },
                    { new Guid("09cf8351-7edd-5dfa-932e-ed0941f460d9"), "support:peer-support", "Peer support", "Peer support", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "support:peer-support", null },
                    { new Guid("0a319696-aa7d-52bd-b836-320550011f3f"), "support:harm-reduction", "Harm reduction", "Harm reduction", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "support:harm-reduction", null },
                    { new Guid("0c146b9d-89ba-5e89-9d46-ec6e283d6098"), "support:creative", "Creative activities", "Creative activities", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "support:creative", null },
                    { new Guid("0e3e54ba-4be3-5a5d-b909-3d8d589991c8"), "delivered-by:psychologist", "Psychologists", "Psychologists", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "delivered-by:psychologist", null },
                    { new Guid("0ee3ca13-2d89-5fd6-af34-9c84a91609c6"), "eligibility:women-only", "Women only", "Women only", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "eligibility:women-only", null },
                    { new Guid("17d00ec4-fa35-574a-8815-bfd980cfc010"), "support:talking-therapy", "Talking therapy", "Talking therapy", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "support:talking-therapy", null },
                    { new Guid("18f9db2b-9992-5b39-920b-138565e86d43"), "setting:community-pharmacy", "Community pharmacy", "Community pharmacy", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "setting:community-pharmacy", null },
                    { new Guid("19e7d948-87d2-5e06-b50e-f3c6dc558878"), "access-needs:neurodivergent-adjustments", "Adjustments for neurodivergent people", "Adjustments for neurodivergent people", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "access-needs:neurodivergent-adjustments", null },
                    { new Guid("1d4629ea-4445-58e6-86ad-db5bb4dc20ad"), "delivery:home-visit", "Home visits", "Home visits", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "delivery:home-visit", null },
                    { new Guid("1df18216-159b-5a7b-bfb1-51194de1d85a"), "support:counselling", "Counselling", "Counselling", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "support:counselling", null },
                    { new Guid("1ec52529-9b6f-51b9-b5b3-145aab1cc4ab"), "audience:women", "Women", "Women", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "audience:women", null },
                    { new Guid("200ab74e-4fc9-51be-8ee3-b7fd6562c3c2"), "access-needs:quiet-space", "Quiet space", "Quiet space", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "access-needs:quiet-space", null },
                    { new Guid("23329e19-c0d1-57ca-b52e-776fd12208af"), "audience:employees", "People in work", "People in work", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "audience:employees", null },
                    { new Guid("28847112-9f5c-5b72-b629-825f93ca8328"), "sector:vcse", "Voluntary and community sector", "Voluntary and community sector", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "sector:vcse", null },
                    { new Guid("2e04dfad-beba-5703-ad04-c267f46cd374"), "delivery:online", "Online", "Online", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "delivery:online", null },
                    { new Guid("31f5b5ce-df0a-5e93-bdb4-16dfe65c3058"), "eligibility:men-only", "Men only", "Men only", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "eligibility:men-only", null },
                    { new Guid("33236791-57d9-59d6-a59f-9c84d6f57e38"), "sector:employer", "Employer", "Employer", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "sector:employer", null },
                    { new Guid("35e8fb2a-f3cb-5e76-a7b8-4a1b389f91a1"), "setting:gp-practice", "GP practice", "GP practice", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "setting:gp-practice", null },
                    { new Guid("3c8d7c81-1da5-5350-b6c2-66000925f756"), "audience:neurodivergent", "Neurodivergent people", "Neurodivergent people", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "audience:neurodivergent", null },
                    { new Guid("423c33b6-de6a-5919-b829-51ea5a74b551"), "audience:older-adults", "Older adults (55 and over)", "Older adults (55 and over)", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "audience:older-adults", null },
                    { new Guid("4670967c-caf4-53c4-8d01-af14082a85c4"), "access-needs:easy-read", "Easy read information", "Easy read information", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "access-needs:easy-read", null },
                    { new Guid("4835c928-6dd2-53ea-9794-88be097396ad"), "format:self-help", "Self-help", "Self-help", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "format:self-help", null },
                    { new Guid("4b891262-b168-5061-8b7b-f1aabb69c666"), "sector:local-authority", "Local council", "Local council", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "sector:local-authority", null },
                    { new Guid("51010aad-4b47-57b0-8f89-71b302e252aa"), "support:information", "Information and advice", "Information and advice", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "support:information", null },
                    { new Guid("5ab68562-3897-5b07-a705-8c7624084836"), "audience:men", "Men", "Men", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "audience:men", null },
                    { new Guid("5b14b961-3ab4-5f7c-bb4e-85afaa91fe48"), "format:one-to-one", "One-to-one", "One-to-one", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "format:one-to-one", null },
                    { new Guid("661cf75a-b3a8-5dc4-a524-492f3465d7fa"), "support:employment", "Work and volunteering", "Work and volunteering", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "support:employment", null },
                    { new Guid("663d523a-8104-53c2-b7aa-fa0e3c16982b"), "sector:education", "Education provider", "Education provider", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "sector:education", null },
                    { new Guid("679715d1-7514-5bbe-9f0b-8e91cde75001"), "expect:frequency", "How often", "How often", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "expect:frequency", null },
                    { new Guid("67e14aa7-bd67-5f5b-abcc-8c0805e99a1e"), "support:crisis", "Crisis support", "Crisis support", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "support:crisis", null },
                    { new Guid("6c7f0f3d-00df-5195-8795-a7958c7fcf8a"), "format:group", "Group", "Group", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "format:group", null },
                    { new Guid("701adc93-d50f-5dbd-becb-d81baf63101e"), "delivered-by:peer", "People with lived experience", "People with lived experience", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "delivered-by:peer", null },
                    { new Guid("72d417f4-bbc5-5138-80a6-8b80d5a70aee"), "eligibility:employees-only", "Employees only", "Employees only", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "eligibility:employees-only", null },
                    { new Guid("76e9b6f8-8c58-5f44-86e7-47f7022d1bf8"), "support:family-and-carers", "Family and carers", "Family and carers", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "support:family-and-carers", null },
                    { new Guid("77826dd2-29eb-5db5-8ec7-9b9b0f7eb3fa"), "delivery:phone", "By phone", "By phone", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "delivery:phone", null },
                    { new Guid("78cb571b-ebf8-57d2-92b6-3e321c5039c0"), "access:no-referral", "Just call or turn up", "Just call or turn up", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "access:no-referral", null },
                    { new Guid("792df43a-2724-5a66-895a-8710c5c5366e"), "audience:veterans", "Veterans", "Veterans", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "audience:veterans", null },
                    { new Guid("7ac7f7d5-8625-52f8-bb76-56be32d30776"), "support:safety-planning", "Safety planning", "Safety planning", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "support:safety-planning", null },
                    { new Guid("7b436ef6-e87f-5093-8588-e0f8382b9e79"), "format:online-community", "Online community", "Online community", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "format:online-community", null },
                    { new Guid("81a5df0e-f26c-5a06-879c-d11b71a40730"), "sector:nhs", "NHS", "NHS", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "sector:nhs", null },
                    { new Guid("8489e0cf-81b7-5dd0-a880-6e3b957e1c41"), "eligibility:students-only", "Students only", "Students only", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "eligibility:students-only", null },
                    { new Guid("866db586-27ad-51ae-b341-2c0b2ffa3b78"), "access:gp-referral", "Referral from a GP", "Referral from a GP", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "access:gp-referral", null },
                    { new Guid("888615c9-13ef-58c8-b308-73489dbb082f"), "delivered-by:volunteer", "Trained volunteers", "Trained volunteers", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "delivered-by:volunteer", null },
                    { new Guid("89201391-359d-59f8-8c90-be942eabd055"), "support:education", "Education", "Education", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "support:education", null },
                    { new Guid("8a8de02c-4a77-55a0-852d-dcd5b3c4f3b0"), "format:helpline", "Helpline", "Helpline", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "format:helpline", null },
                    { new Guid("8fbe2825-0673-5ef5-bba1-15cad0db2058"), "expect:sessions", "Number of sessions", "Number of sessions", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "expect:sessions", null },
                    { new Guid("931c4505-a89d-5d11-953b-f217c9f6f21c"), "access-needs:bsl", "British Sign Language", "British Sign Language", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "access-needs:bsl", null },
                    { new Guid("957f05de-e281-546c-bf80-7c06d0f2ac43"), "audience:lgbtq", "LGBTQ+ people", "LGBTQ+ people", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "audience:lgbtq", null },
                    { new Guid("a8e80866-bb6a-56db-92f5-feaff846ee09"), "delivered-by:counsellor", "Counsellors", "Counsellors", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "delivered-by:counsellor", null },
                    { new Guid("aed12c39-0e4c-541a-9ac7-414be87d896d"), "delivered-by:nurse", "Nurses", "Nurses", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "delivered-by:nurse", null },
                    { new Guid("afd08c4e-7a66-5cd0-b81e-83a10e6cda10"), "format:drop-in", "Drop-in", "Drop-in", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "format:drop-in", null },
                    { new Guid("b3017b57-742d-5910-b6a2-1587d16dd51f"), "access:self-referral", "You can refer yourself", "You can refer yourself", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "access:self-referral", null },
                    { new Guid("b44979f8-dd12-56f0-a86e-8c539fcc7d4b"), "setting:university", "University", "University", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "setting:university", null },
                    { new Guid("b48fdef1-dc2c-509d-a9ac-519895bc7f12"), "setting:community-venue", "Community venue", "Community venue", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "setting:community-venue", null },
                    { new Guid("b5415777-0ced-5b77-a970-8624f11bcb23"), "delivery:text", "By text message", "By text message", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "delivery:text", null },
                    { new Guid("b5a6f1cf-a08f-5d7c-8176-ce098335d49b"), "delivery:in-person", "In person", "In person", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "delivery:in-person", null },
                    { new Guid("b5eccd74-0daf-5f96-9019-2eedad6bbe98"), "setting:hospital", "Hospital", "Hospital", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "setting:hospital", null },
                    { new Guid("bcef72a9-b23b-5d73-a0e0-f06b618de86d"), "audience:ethnic-minority", "People from ethnic minority communities", "People from ethnic minority communities", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "audience:ethnic-minority", null },
                    { new Guid("bf916519-659f-589f-a142-1c89bd7ae3c1"), "access-needs:wheelchair", "Wheelchair accessible", "Wheelchair accessible", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "access-needs:wheelchair", null },
                    { new Guid("c199ca2c-d7dc-5ab1-a1fa-2f7e99da1488"), "expect:session-minutes", "Session length in minutes", "Session length in minutes", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "expect:session-minutes", null },
                    { new Guid("d1d3f32d-e0d2-5b21-a6ac-715bb2ff7147"), "audience:carers", "Carers", "Carers", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "audience:carers", null },
                    { new Guid("d44067a6-7345-5a32-bf51-0fd1696849f8"), "access-needs:hearing-loop", "Hearing loop", "Hearing loop", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "access-needs:hearing-loop", null },
                    { new Guid("d927dee2-5180-587a-a3de-8e827caffb87"), "setting:workplace", "Workplace", "Workplace", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "setting:workplace", null },
                    { new Guid("e3540777-37c8-5640-b809-005349f90479"), "schedule:closed-bank-holidays", "Closed on bank holidays", "Closed on bank holidays", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "schedule:closed-bank-holidays", null },
                    { new Guid("e61671e2-8564-539c-a17e-dfe4ad8594f0"), "delivered-by:support-worker", "Support workers", "Support workers", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "delivered-by:support-worker", null },
                    { new Guid("efbe8755-13df-580d-9903-f0f933fb0be3"), "expect:first-contact", "What happens first", "What happens first", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "expect:first-contact", null },
                    { new Guid("f17817af-bc49-5afe-8d0c-b5cede4b1e77"), "expect:typical-wait-days", "Typical wait in days", "Typical wait in days", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "expect:typical-wait-days", null },
                    { new Guid("f3339be7-dd47-58d5-9795-950fb7683645"), "access:professional-referral", "Referral from a professional", "Referral from a professional", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "access:professional-referral", null },
                    { new Guid("f9231eaa-543f-532a-8302-8ac3a3bcc02e"), "audience:young-adults", "Young adults (18 to 25)", "Young adults (18 to 25)", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "audience:young-adults", null }
                });

            migrationBuilder.CreateIndex(
                name: "IX_accessibility_LocationId",
                table: "accessibility",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_address_LocationId",
                table: "address",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_address_PostalCode",
                table: "address",
                column: "PostalCode");

            migrationBuilder.CreateIndex(
                name: "IX_attribute_ServiceId",
                table: "attribute",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_attribute_TaxonomyTermId",
                table: "attribute",
                column: "TaxonomyTermId");

            migrationBuilder.CreateIndex(
                name: "IX_contact_ServiceId",
                table: "contact",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_cost_option_ServiceId",
                table: "cost_option",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_funding_ServiceId",
                table: "funding",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_language_ServiceId",
                table: "language",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_organization_Name",
                table: "organization",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_organization_identifier_OrganizationId",
                table: "organization_identifier",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_phone_ContactId",
                table: "phone",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_schedule_ServiceAtLocationId",
                table: "schedule",
                column: "ServiceAtLocationId");

            migrationBuilder.CreateIndex(
                name: "IX_schedule_ServiceId",
                table: "schedule",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_service_LastModified",
                table: "service",
                column: "LastModified");

            migrationBuilder.CreateIndex(
                name: "IX_service_Name",
                table: "service",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_service_OrganizationId",
                table: "service",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_service_Status",
                table: "service",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_service_area_ServiceId",
                table: "service_area",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_service_at_location_LocationId",
                table: "service_at_location",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_service_at_location_ServiceId",
                table: "service_at_location",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_term_Code",
                table: "taxonomy_term",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_taxonomy_term_TaxonomyId",
                table: "taxonomy_term",
                column: "TaxonomyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accessibility");

            migrationBuilder.DropTable(
                name: "address");

            migrationBuilder.DropTable(
                name: "attribute");

            migrationBuilder.DropTable(
                name: "cost_option");

            migrationBuilder.DropTable(
                name: "funding");

            migrationBuilder.DropTable(
                name: "gazetteer_postcode");

            migrationBuilder.DropTable(
                name: "language");

            migrationBuilder.DropTable(
                name: "organization_identifier");

            migrationBuilder.DropTable(
                name: "phone");

            migrationBuilder.DropTable(
                name: "schedule");

            migrationBuilder.DropTable(
                name: "service_area");

            migrationBuilder.DropTable(
                name: "taxonomy_term");

            migrationBuilder.DropTable(
                name: "contact");

            migrationBuilder.DropTable(
                name: "service_at_location");

            migrationBuilder.DropTable(
                name: "taxonomy");

            migrationBuilder.DropTable(
                name: "location");

            migrationBuilder.DropTable(
                name: "service");

            migrationBuilder.DropTable(
                name: "organization");
        }
    }
}
