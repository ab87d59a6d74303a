using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NbsRoundup.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndexVersionsAndCatalogueOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndexVersions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    BuiltAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndexVersions", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_DateStart_IssueId_SectionId_Position_Id",
                table: "Entries",
                columns: new[] { "DateStart", "IssueId", "SectionId", "Position", "Id" },
                descending: new[] { true, true, false, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndexVersions");

            migrationBuilder.DropIndex(
                name: "IX_Entries_DateStart_IssueId_SectionId_Position_Id",
                table: "Entries");
        }
    }
}
