using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Sqlite
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
                type: "TEXT",
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
