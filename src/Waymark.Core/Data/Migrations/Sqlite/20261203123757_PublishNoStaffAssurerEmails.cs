using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublishNoStaffAssurerEmails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // "I've checked this listing" used to store the checker's own email as assurer_email, which the public ORUK
            // API publishes. Listings checked that way (the checker's address is in the listing's verify history) or
            // naming any account's address now carry the organisation's contact address, else the service's own.
            // Hand-written data change, the same on both engines: keep it when migrations are regenerated.
            migrationBuilder.Sql("""
                UPDATE service
                SET "AssurerEmail" = COALESCE(
                    (SELECT NULLIF(o."Email", '') FROM organization o WHERE o."Id" = service."OrganizationId"),
                    NULLIF(service."Email", ''))
                WHERE "AssurerEmail" IS NOT NULL
                  AND (upper("AssurerEmail") IN (SELECT u."NormalizedEmail" FROM account_user u WHERE u."NormalizedEmail" IS NOT NULL)
                       OR "AssurerEmail" IN (SELECT m."UpdatedBy" FROM metadata m WHERE m."ResourceId" = service."Id" AND m."LastActionType" = 'verify'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: staff addresses are not put back into public listings.
        }
    }
}
