using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OffersTakenUpErasureAndReferringOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "PostedByUserId",
                table: "shared_offer",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "ReferredFromOrganisationId",
                table: "referral",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OfferRequestId",
                table: "peer_supervision_booking",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OfferRequestId",
                table: "peer_supervision",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "ProposedByUserId",
                table: "organisation_link",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AlterColumn<Guid>(
                name: "RequestedByUserId",
                table: "offer_request",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            // Existing referrals: an onward referral's organisation as recorded; a navigator's from the organisation they
            // belong to now (the first by name, as new referrals do), where there is one. Self-referrals stay null.
            migrationBuilder.Sql("""
                UPDATE referral SET "ReferredFromOrganisationId" = (SELECT x."OrganisationId" FROM referring_organisation x WHERE x."ReferralId" = referral."Id")
                WHERE EXISTS (SELECT 1 FROM referring_organisation x WHERE x."ReferralId" = referral."Id");
                """);
            migrationBuilder.Sql($$"""
                UPDATE referral SET "ReferredFromOrganisationId" = (
                    SELECT m."OrganizationId" FROM organisation_membership m JOIN organization o ON o."Id" = m."OrganizationId"
                    WHERE m."UserId" = referral."ReferrerUserId"
                    ORDER BY o."Name", o."Id" LIMIT 1)
                WHERE "ReferredFromOrganisationId" IS NULL AND "ReferrerUserId" IS NOT NULL
                    AND ("PersonUserId" IS NULL OR "PersonUserId" <> "ReferrerUserId")
                    AND EXISTS (SELECT 1 FROM account_user_role ur WHERE ur."UserId" = referral."ReferrerUserId" AND ur."RoleId" = '{{Waymark.Core.Accounts.Roles.IdOf(Waymark.Core.Accounts.Roles.Navigator).ToString().ToUpperInvariant()}}');
                """);

            migrationBuilder.CreateIndex(
                name: "IX_referral_ReferredFromOrganisationId",
                table: "referral",
                column: "ReferredFromOrganisationId");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_referral_ReferredFromOrganisationId",
                table: "referral");

            migrationBuilder.DropColumn(
                name: "ReferredFromOrganisationId",
                table: "referral");

            migrationBuilder.DropColumn(
                name: "OfferRequestId",
                table: "peer_supervision_booking");

            migrationBuilder.DropColumn(
                name: "OfferRequestId",
                table: "peer_supervision");

            migrationBuilder.AlterColumn<Guid>(
                name: "PostedByUserId",
                table: "shared_offer",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "ProposedByUserId",
                table: "organisation_link",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "RequestedByUserId",
                table: "offer_request",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
