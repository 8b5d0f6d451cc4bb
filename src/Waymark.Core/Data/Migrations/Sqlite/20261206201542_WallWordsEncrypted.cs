using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WallWordsEncrypted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The wall's words are kept encrypted from now on (ADR 0044). Renamed, not dropped and added, so the words already
            // written stay; the app encrypts them at start (WallText.ProtectStoredAsync). SQLite's TEXT has no length to
            // widen, so no column is altered and the table is not rebuilt.
            migrationBuilder.RenameColumn(
                name: "Text",
                table: "wall_item",
                newName: "ProtectedText");

            migrationBuilder.RenameColumn(
                name: "Matches",
                table: "wall_item",
                newName: "ProtectedMatches");

            migrationBuilder.RenameColumn(
                name: "PrivateReply",
                table: "wall_item",
                newName: "ProtectedPrivateReply");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The words stay encrypted: an older build would show them as it finds them (ADR 0044).
            migrationBuilder.RenameColumn(
                name: "ProtectedText",
                table: "wall_item",
                newName: "Text");

            migrationBuilder.RenameColumn(
                name: "ProtectedMatches",
                table: "wall_item",
                newName: "Matches");

            migrationBuilder.RenameColumn(
                name: "ProtectedPrivateReply",
                table: "wall_item",
                newName: "PrivateReply");
        }
    }
}
