using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NbsRoundup.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoredRenderedTextAndUnknownAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Html",
                table: "IssueSectionIntros",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RenderedWith",
                table: "IssueSectionIntros",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "IssueSectionIntros",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IntroductionHtml",
                table: "Issues",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IntroductionText",
                table: "Issues",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RenderedWith",
                table: "Issues",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RenderedWith",
                table: "Entries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SummaryHtml",
                table: "Entries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SummaryText",
                table: "Entries",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "UnknownAccountLockouts",
                columns: table => new
                {
                    AddressHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FailedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastFailedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnknownAccountLockouts", x => x.AddressHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_UnknownAccountLockouts_LastFailedAt",
                table: "UnknownAccountLockouts",
                column: "LastFailedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnknownAccountLockouts");

            migrationBuilder.DropColumn(
                name: "Html",
                table: "IssueSectionIntros");

            migrationBuilder.DropColumn(
                name: "RenderedWith",
                table: "IssueSectionIntros");

            migrationBuilder.DropColumn(
                name: "Text",
                table: "IssueSectionIntros");

            migrationBuilder.DropColumn(
                name: "IntroductionHtml",
                table: "Issues");

            migrationBuilder.DropColumn(
                name: "IntroductionText",
                table: "Issues");

            migrationBuilder.DropColumn(
                name: "RenderedWith",
                table: "Issues");

            migrationBuilder.DropColumn(
                name: "RenderedWith",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "SummaryHtml",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "SummaryText",
                table: "Entries");
        }
    }
}
