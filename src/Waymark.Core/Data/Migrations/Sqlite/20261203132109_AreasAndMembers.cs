using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Waymark.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AreasAndMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LocalAuthorityCode",
                table: "gazetteer_postcode",
                type: "TEXT",
                maxLength: 9,
                nullable: true);

            migrationBuilder.InsertData(
                table: "taxonomy_term",
                columns: new[] { "Id", "Code", "Description", "Name", "ParentId", "TaxonomyId", "TaxonomyName", "Term", "TermUri" },
                values: new object[] { new Guid("5dfb90fa-ed23-5937-9a9d-8bacb91a0c86"), "eligibility:members-only", "Members only", "Members only", null, new Guid("5f1e0a3c-6b1d-4f57-9a0e-57a1f0c0a001"), "waymark", "eligibility:members-only", null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "taxonomy_term",
                keyColumn: "Id",
                keyValue: new Guid("5dfb90fa-ed23-5937-9a9d-8bacb91a0c86"));

            migrationBuilder.DropColumn(
                name: "LocalAuthorityCode",
                table: "gazetteer_postcode");
        }
    }
}
