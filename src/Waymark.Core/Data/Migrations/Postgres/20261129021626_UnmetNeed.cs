using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Postgres
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
                    local_authority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    constraints = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    searches = table.Column<int>(type: "integer", nullable: false)
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
