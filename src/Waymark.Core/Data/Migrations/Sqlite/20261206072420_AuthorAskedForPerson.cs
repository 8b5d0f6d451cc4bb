using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuthorAskedForPerson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AskedForPersonAt",
                table: "wall_item",
                type: "INTEGER",
                nullable: true);

            // Before this column an author's ask was kept by making the screener's outcome urgent and putting an "Asked"
            // match first (ADR 0039). Those items keep their urgency through the column; their original screener outcome
            // was not kept, so it stays urgent.
            migrationBuilder.Sql("""
                UPDATE wall_item SET "AskedForPersonAt" = "CreatedAt", "Matches" = json_remove("Matches", '$[0]') WHERE "Matches" LIKE '[{"rule":"Asked",%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rolled back, an author's ask must still make the item urgent.
            migrationBuilder.Sql("""UPDATE wall_item SET "ScreenedOutcome" = 'Urgent' WHERE "AskedForPersonAt" IS NOT NULL;""");

            migrationBuilder.DropColumn(
                name: "AskedForPersonAt",
                table: "wall_item");
        }
    }
}
