using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeerCareAndWallErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MutedWords",
                table: "wall_member");

            migrationBuilder.AddColumn<string>(
                name: "ProtectedMutedWords",
                table: "wall_member",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "AuthorId",
                table: "wall_item",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "EditedOut",
                table: "wall_item",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClearedAt",
                table: "peer_load_warning",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BookedFor",
                table: "peer_debrief",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemindedAt",
                table: "peer_debrief",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ProtectedMutedWords",
                table: "wall_member");

            migrationBuilder.DropColumn(
                name: "EditedOut",
                table: "wall_item");

            migrationBuilder.DropColumn(
                name: "ClearedAt",
                table: "peer_load_warning");

            migrationBuilder.DropColumn(
                name: "BookedFor",
                table: "peer_debrief");

            migrationBuilder.DropColumn(
                name: "RemindedAt",
                table: "peer_debrief");

            migrationBuilder.AddColumn<string>(
                name: "MutedWords",
                table: "wall_member",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "AuthorId",
                table: "wall_item",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
