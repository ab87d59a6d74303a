using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NbsRoundup.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EntryTagsAndPlaceScopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EntryTags",
                columns: table => new
                {
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsSuggested = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryTags", x => new { x.EntryId, x.Kind, x.Key });
                    table.ForeignKey(
                        name: "FK_EntryTags_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlaceScopes",
                columns: table => new
                {
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaceScopes", x => new { x.EntryId, x.Code });
                    table.ForeignKey(
                        name: "FK_PlaceScopes_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EntryTags_Kind_Key_EntryId",
                table: "EntryTags",
                columns: new[] { "Kind", "Key", "EntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaceScopes_Code_EntryId",
                table: "PlaceScopes",
                columns: new[] { "Code", "EntryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntryTags");

            migrationBuilder.DropTable(
                name: "PlaceScopes");
        }
    }
}
