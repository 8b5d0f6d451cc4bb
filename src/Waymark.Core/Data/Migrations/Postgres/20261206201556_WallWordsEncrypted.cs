using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WallWordsEncrypted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The wall's words are kept encrypted from now on (ADR 0044). Renamed, not dropped and added, so the words already
            // written stay; the app encrypts them at start (WallText.ProtectStoredAsync). Encrypted, a 1,000-character note
            // is about 5,500 characters, so the lengths go.
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

            migrationBuilder.AlterColumn<string>(
                name: "ProtectedText",
                table: "wall_item",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AlterColumn<string>(
                name: "ProtectedPrivateReply",
                table: "wall_item",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(2000)",
                oldMaxLength: 2000,
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Only words that fit the old lengths can go back: encrypted ones are longer, and then this fails and changes
            // nothing. The words stay encrypted: an older build would show them as it finds them (ADR 0044).
            migrationBuilder.AlterColumn<string>(
                name: "ProtectedText",
                table: "wall_item",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "ProtectedPrivateReply",
                table: "wall_item",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

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
