using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NbsRoundup.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublishedFlags : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsPublished",
                table: "Issues",
                type: "INTEGER",
                nullable: false,
                defaultValue: true); // everything before drafts existed was published

            migrationBuilder.AddColumn<bool>(
                name: "IsPublished",
                table: "Entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: true); // everything before drafts existed was published
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsPublished",
                table: "Issues");

            migrationBuilder.DropColumn(
                name: "IsPublished",
                table: "Entries");
        }
    }
}
