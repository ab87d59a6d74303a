using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NbsRoundup.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EditorsLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitsLink",
                table: "Entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LinkKey",
                table: "Entries",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LinkStatuses",
                columns: table => new
                {
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: true),
                    IsBroken = table.Column<bool>(type: "boolean", nullable: false),
                    Problem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    FinalUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkStatuses", x => x.EntryId);
                    table.ForeignKey(
                        name: "FK_LinkStatuses_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_IsPublished",
                table: "Entries",
                column: "IsPublished");

            migrationBuilder.CreateIndex(
                name: "IX_Entries_LinkKey",
                table: "Entries",
                column: "LinkKey");

            migrationBuilder.CreateIndex(
                name: "IX_LinkStatuses_IsBroken",
                table: "LinkStatuses",
                column: "IsBroken");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LinkStatuses");

            migrationBuilder.DropIndex(
                name: "IX_Entries_IsPublished",
                table: "Entries");

            migrationBuilder.DropIndex(
                name: "IX_Entries_LinkKey",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "AwaitsLink",
                table: "Entries");

            migrationBuilder.DropColumn(
                name: "LinkKey",
                table: "Entries");
        }
    }
}
