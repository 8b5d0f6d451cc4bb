using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SelfReferralOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_referral_one_open_self_referral",
                table: "referral",
                columns: new[] { "ServiceId", "PersonUserId" },
                unique: true,
                filter: "\"PersonUserId\" = \"ReferrerUserId\" AND \"Status\" IN ('Sent', 'Opened', 'Accepted', 'OnWaitingList', 'Offered', 'Started')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referral_one_open_self_referral",
                table: "referral");
        }
    }
}
