using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReferralIdempotencyKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "referral",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_referral_referrer_idempotency_key",
                table: "referral",
                columns: new[] { "ReferrerUserId", "IdempotencyKey" },
                unique: true,
                filter: "\"IdempotencyKey\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_referral_referrer_idempotency_key",
                table: "referral");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "referral");
        }
    }
}
