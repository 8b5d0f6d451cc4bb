using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReferralReasonCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReasonCode",
                table: "referral_event",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReasonCode",
                table: "referral_event");
        }
    }
}
