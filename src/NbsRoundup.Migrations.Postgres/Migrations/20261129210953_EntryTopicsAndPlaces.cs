using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NbsRoundup.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EntryTopicsAndPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EntryPlaces",
                columns: table => new
                {
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    IsSuggested = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryPlaces", x => new { x.EntryId, x.Code });
                    table.ForeignKey(
                        name: "FK_EntryPlaces_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EntryTopics",
                columns: table => new
                {
                    EntryId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IsSuggested = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryTopics", x => new { x.EntryId, x.Key });
                    table.ForeignKey(
                        name: "FK_EntryTopics_Entries_EntryId",
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
                name: "IX_EntryPlaces_Code_EntryId",
                table: "EntryPlaces",
                columns: new[] { "Code", "EntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_EntryTopics_Key_EntryId",
                table: "EntryTopics",
                columns: new[] { "Key", "EntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaceScopes_Code_EntryId",
                table: "PlaceScopes",
                columns: new[] { "Code", "EntryId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntryPlaces");

            migrationBuilder.DropTable(
                name: "EntryTopics");

            migrationBuilder.DropTable(
                name: "PlaceScopes");
        }
    }
}
