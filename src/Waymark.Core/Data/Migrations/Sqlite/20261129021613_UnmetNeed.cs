using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnmetNeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unmet_need",
                columns: table => new
                {
                    local_authority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    constraints = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    searches = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unmet_need", x => new { x.local_authority, x.day, x.constraints });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unmet_need");
        }
    }
}
