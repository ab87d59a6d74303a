using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NbsRoundup.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StoredRenderedText : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
