using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReferralFlow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "referral_consent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SharesContactDetails = table.Column<bool>(type: "boolean", nullable: false),
                    SharesStory = table.Column<bool>(type: "boolean", nullable: false),
                    SharedWith = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    OnwardFromReferralId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_consent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referral_consent_account_user_RecordedByUserId",
                        column: x => x.RecordedByUserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_referral_consent_referral_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "referral",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referral_reminder",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referral_reminder", x => x.Id);
                    table.ForeignKey(
                        name: "FK_referral_reminder_referral_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "referral",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "referred_person",
                columns: table => new
                {
                    ReferralId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtectedName = table.Column<string>(type: "text", nullable: false),
                    ProtectedEmail = table.Column<string>(type: "text", nullable: true),
                    ProtectedPhone = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_referred_person", x => x.ReferralId);
                    table.ForeignKey(
                        name: "FK_referred_person_referral_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "referral",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "taxonomy_term",
                columns: new[] { "Id", "Code", "Description", "Name", "ParentId", "TaxonomyId", "TaxonomyName", "Term", "TermUri" },
                values: new object[] { new Guid("4cd9a788-b98e-5205-bc72-3ac1da55363a"), "expect:response-working-days", "Answers a referral within this many working days", "Answers a referral within this many working days", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "expect:response-working-days", null });

            migrationBuilder.CreateIndex(
                name: "IX_referral_consent_OnwardFromReferralId",
                table: "referral_consent",
                column: "OnwardFromReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_referral_consent_RecordedByUserId",
                table: "referral_consent",
                column: "RecordedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_referral_consent_ReferralId",
                table: "referral_consent",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_referral_reminder_ReferralId_Kind_Period",
                table: "referral_reminder",
                columns: new[] { "ReferralId", "Kind", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "referral_consent");

            migrationBuilder.DropTable(
                name: "referral_reminder");

            migrationBuilder.DropTable(
                name: "referred_person");

            migrationBuilder.DeleteData(
                table: "taxonomy_term",
                keyColumn: "Id",
                keyValue: new Guid("4cd9a788-b98e-5205-bc72-3ac1da55363a"));
        }
    }
}
