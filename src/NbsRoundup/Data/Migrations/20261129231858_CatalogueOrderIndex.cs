using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NbsRoundup.Data.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Entries_DateStart_IssueId_SectionId_Position_Id",
                table: "Entries",
                columns: new[] { "DateStart", "IssueId", "SectionId", "Position", "Id" },
                descending: new[] { true, true, false, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Entries_DateStart_IssueId_SectionId_Position_Id",
                table: "Entries");
        }
    }
}
