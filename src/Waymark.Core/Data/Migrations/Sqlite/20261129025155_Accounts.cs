using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Waymark.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Accounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_role",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_role", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "account_user",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_user", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit_event",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActorEmail = table.Column<string>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubjectType = table.Column<string>(type: "TEXT", nullable: true),
                    SubjectId = table.Column<string>(type: "TEXT", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_event", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "listing_report",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_listing_report", x => x.Id);
                    table.ForeignKey(
                        name: "FK_listing_report_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "metadata",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LastActionDate = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActionType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FieldName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PreviousValue = table.Column<string>(type: "TEXT", nullable: false),
                    ReplacementValue = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_metadata", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "service_notice",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SetBy = table.Column<string>(type: "TEXT", nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_notice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_service_notice_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_role_claim",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_role_claim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_account_role_claim_account_role_RoleId",
                        column: x => x.RoleId,
                        principalTable: "account_role",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_user_claim",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_user_claim", x => x.Id);
                    table.ForeignKey(
                        name: "FK_account_user_claim_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_user_login",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_user_login", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_account_user_login_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_user_role",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_user_role", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_account_user_role_account_role_RoleId",
                        column: x => x.RoleId,
                        principalTable: "account_role",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_account_user_role_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "account_user_token",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_user_token", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_account_user_token_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organisation_membership",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisation_membership", x => x.Id);
                    table.ForeignKey(
                        name: "FK_organisation_membership_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_organisation_membership_organization_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "set_password_token",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_set_password_token", x => x.Id);
                    table.ForeignKey(
                        name: "FK_set_password_token_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "account_role",
                columns: new[] { "Id", "ConcurrencyStamp", "Name", "NormalizedName" },
                values: new object[,]
                {
                    { new Guid("0b7e70f4-da68-504e-9d4d-d89e7162055c"), "0b7e70f4-da68-504e-9d4d-d89e7162055c", "provider-staff", "PROVIDER-STAFF" },
                    { new Guid("3c6492af-6299-53e0-8c22-8fb4476824a7"), "3c6492af-6299-53e0-8c22-8fb4476824a7", "person", "PERSON" },
                    { new Guid("52743afe-01d4-522c-b62b-00f88ff17359"), "52743afe-01d4-522c-b62b-00f88ff17359", "admin", "ADMIN" },
                    { new Guid("86226d4d-56aa-5e28-90cb-4911ed4d2581"), "86226d4d-56aa-5e28-90cb-4911ed4d2581", "provider-admin", "PROVIDER-ADMIN" },
                    { new Guid("99b81bb2-afe8-5195-b1d3-7aa43e44b787"), "99b81bb2-afe8-5195-b1d3-7aa43e44b787", "commissioner", "COMMISSIONER" },
                    { new Guid("b48fbdb5-6f72-52a2-bf94-a59642fb4a3a"), "b48fbdb5-6f72-52a2-bf94-a59642fb4a3a", "navigator", "NAVIGATOR" },
                    { new Guid("c2d88824-6211-5f9e-89f4-7f9b96d4b0a7"), "c2d88824-6211-5f9e-89f4-7f9b96d4b0a7", "moderator", "MODERATOR" }
                });

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "account_role",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_account_role_claim_RoleId",
                table: "account_role_claim",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "account_user",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "account_user",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_account_user_claim_UserId",
                table: "account_user_claim",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_account_user_login_UserId",
                table: "account_user_login",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_account_user_role_RoleId",
                table: "account_user_role",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_event_ActorId",
                table: "audit_event",
                column: "ActorId");

            migrationBuilder.CreateIndex(
                name: "IX_audit_event_OccurredAt",
                table: "audit_event",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_listing_report_ServiceId_ResolvedAt",
                table: "listing_report",
                columns: new[] { "ServiceId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_metadata_ResourceId_LastActionDate",
                table: "metadata",
                columns: new[] { "ResourceId", "LastActionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_organisation_membership_OrganizationId",
                table: "organisation_membership",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_organisation_membership_UserId_OrganizationId",
                table: "organisation_membership",
                columns: new[] { "UserId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_service_notice_ServiceId_Kind",
                table: "service_notice",
                columns: new[] { "ServiceId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_set_password_token_TokenHash",
                table: "set_password_token",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_set_password_token_UserId",
                table: "set_password_token",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_role_claim");

            migrationBuilder.DropTable(
                name: "account_user_claim");

            migrationBuilder.DropTable(
                name: "account_user_login");

            migrationBuilder.DropTable(
                name: "account_user_role");

            migrationBuilder.DropTable(
                name: "account_user_token");

            migrationBuilder.DropTable(
                name: "audit_event");

            migrationBuilder.DropTable(
                name: "listing_report");

            migrationBuilder.DropTable(
                name: "metadata");

            migrationBuilder.DropTable(
                name: "organisation_membership");

            migrationBuilder.DropTable(
                name: "service_notice");

            migrationBuilder.DropTable(
                name: "set_password_token");

            migrationBuilder.DropTable(
                name: "account_role");

            migrationBuilder.DropTable(
                name: "account_user");
        }
    }
}
