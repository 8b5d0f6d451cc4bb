using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeerTrainingHoursAndSupervisionReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "Hours",
                table: "peer_training",
                type: "REAL",
                precision: 5,
                scale: 2,
                nullable: true);

            // Organisations that saved their settings before get the published default (Samaritans' 42 hours), as those that did not.
            migrationBuilder.AddColumn<int>(
                name: "InitialTrainingHours",
                table: "peer_support_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 42);

            migrationBuilder.AddColumn<long>(
                name: "RemindedAt",
                table: "peer_supervision_booking",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Hours",
                table: "peer_training");

            migrationBuilder.DropColumn(
                name: "InitialTrainingHours",
                table: "peer_support_settings");

            migrationBuilder.DropColumn(
                name: "RemindedAt",
                table: "peer_supervision_booking");
        }
    }
}
