using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PeerBookingsAndAccountWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_work",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    protected_job = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    claim_token = table.Column<Guid>(type: "uuid", nullable: true),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_work", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "group_disclosure",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_group_disclosure", x => x.SessionId);
                    table.ForeignKey(
                        name: "FK_group_disclosure_group_session_SessionId",
                        column: x => x.SessionId,
                        principalTable: "group_session",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_supervision_booking",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    BookedFor = table.Column<DateOnly>(type: "date", nullable: false),
                    BookedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    BookedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_supervision_booking", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_supervision_booking_account_user_UserId",
                        column: x => x.UserId,
                        principalTable: "account_user",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_peer_supervision_booking_organization_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_account_work_next_attempt_at",
                table: "account_work",
                column: "next_attempt_at");

            migrationBuilder.CreateIndex(
                name: "IX_peer_supervision_booking_OrganisationId",
                table: "peer_supervision_booking",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_supervision_booking_UserId_OrganisationId",
                table: "peer_supervision_booking",
                columns: new[] { "UserId", "OrganisationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_work");

            migrationBuilder.DropTable(
                name: "group_disclosure");

            migrationBuilder.DropTable(
                name: "peer_supervision_booking");
        }
    }
}
