using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NbsRoundup.Migrations.Postgres.Migrations
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
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RenderedWith",
                table: "IssueSectionIntros",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Text",
                table: "IssueSectionIntros",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IntroductionHtml",
                table: "Issues",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IntroductionText",
                table: "Issues",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RenderedWith",
                table: "Issues",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RenderedWith",
                table: "Entries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SummaryHtml",
                table: "Entries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SummaryText",
                table: "Entries",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "UnknownAccountLockouts",
                columns: table => new
                {
                    AddressHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FailedCount = table.Column<int>(type: "integer", nullable: false),
                    LockoutEnd = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastFailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
