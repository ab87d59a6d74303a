using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NbsRoundup.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Issues",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Entries",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Rows that existed before timestamps: the time of this migration is the best we know.
            migrationBuilder.Sql("UPDATE \"Issues\" SET \"UpdatedAt\" = strftime('%Y-%m-%d %H:%M:%S', 'now')");
            migrationBuilder.Sql("UPDATE \"Entries\" SET \"UpdatedAt\" = strftime('%Y-%m-%d %H:%M:%S', 'now')");

            // The full-text index is not part of the EF model; start-up fills it for existing entries.
            migrationBuilder.Sql(NbsRoundup.Data.SqliteFullTextIndex.CreateTableSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE \"EntrySearch\"");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Issues");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Entries");
        }
    }
}
