using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Postgres
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
                type: "text",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "AuthorId",
                table: "wall_item",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "EditedOut",
                table: "wall_item",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClearedAt",
                table: "peer_load_warning",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BookedFor",
                table: "peer_debrief",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RemindedAt",
                table: "peer_debrief",
                type: "timestamp with time zone",
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "AuthorId",
                table: "wall_item",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
