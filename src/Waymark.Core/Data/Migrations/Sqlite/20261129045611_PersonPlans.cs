using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "ReferrerUserId",
                table: "referral",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.CreateTable(
                name: "person_profile",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContactPreference = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ProtectedNotes = table.Column<string>(type: "TEXT", nullable: true),
                    NotesUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProtectedStory = table.Column<string>(type: "TEXT", nullable: true),
                    StoryUpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_profile", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_person_profile_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_service",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plan_service", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plan_service_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plan_service_service_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "service",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "story_consent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferralId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharedWith = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    Sections = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProtectedShared = table.Column<string>(type: "TEXT", nullable: true),
                    ConsentedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_story_consent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_story_consent_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_story_consent_referral_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "referral",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_plan_service_ServiceId",
                table: "plan_service",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_plan_service_UserId_ServiceId",
                table: "plan_service",
                columns: new[] { "UserId", "ServiceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_story_consent_ReferralId",
                table: "story_consent",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_story_consent_UserId",
                table: "story_consent",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "person_profile");

            migrationBuilder.DropTable(
                name: "plan_service");

            migrationBuilder.DropTable(
                name: "story_consent");

            migrationBuilder.AlterColumn<Guid>(
                name: "ReferrerUserId",
                table: "referral",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
