using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace NbsRoundup.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Issues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Volume = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<int>(type: "INTEGER", nullable: true),
                    Introduction = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Issues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NormalizedShortName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationAliases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationAliases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrganisationAliases_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Entries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssueId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Subheading = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OriginalTitle = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Authors = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Speaker = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DateYear = table.Column<int>(type: "INTEGER", nullable: true),
                    DateMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    DateDay = table.Column<int>(type: "INTEGER", nullable: true),
                    DateText = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DateStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateEnd = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Entries_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Entries_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IssueSectionIntros",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IssueId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Markdown = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssueSectionIntros", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IssueSectionIntros_Issues_IssueId",
                        column: x => x.IssueId,
                        principalTable: "Issues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IssueSectionIntros_Sections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "Sections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EntryOrganisations",
                columns: table => new
                {
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EntryOrganisations", x => new { x.EntryId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_EntryOrganisations_Entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "Entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EntryOrganisations_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "Sections",
                columns: new[] { "Id", "Key", "NameEn", "NameZh", "Position" },
                values: new object[,]
                {
                    { 1, "standards", "Standards and guidelines", "标准和指南", 1 },
                    { 2, "research", "Research and views", "研究和观点", 2 },
                    { 3, "cop26", "NbS at UNFCCC COP26", "NbS 在 UNFCCC COP26", 3 },
                    { 4, "cop15", "NbS at CBD COP15", "NbS 在 CBD COP15", 4 },
                    { 5, "policy", "Policy", "政策动态", 5 },
                    { 6, "cooperation", "Cooperation news", "行业交流与合作动态", 6 },
                    { 7, "events", "Meetings and events", "会议与活动", 7 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_DateStart_DateEnd",
                table: "Entries",
                columns: new[] { "DateStart", "DateEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_IssueId_SectionId_Position",
                table: "Entries",
                columns: new[] { "IssueId", "SectionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_SectionId_DateStart",
                table: "Entries",
                columns: new[] { "SectionId", "DateStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Entries_Slug",
                table: "Entries",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EntryOrganisations_OrganisationId",
                table: "EntryOrganisations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Issues_Slug",
                table: "Issues",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssueSectionIntros_IssueId_SectionId",
                table: "IssueSectionIntros",
                columns: new[] { "IssueId", "SectionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssueSectionIntros_SectionId",
                table: "IssueSectionIntros",
                column: "SectionId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationAliases_NormalizedName",
                table: "OrganisationAliases",
                column: "NormalizedName");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationAliases_OrganisationId",
                table: "OrganisationAliases",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NormalizedName",
                table: "Organisations",
                column: "NormalizedName");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_NormalizedShortName",
                table: "Organisations",
                column: "NormalizedShortName");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Slug",
                table: "Organisations",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sections_Key",
                table: "Sections",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EntryOrganisations");

            migrationBuilder.DropTable(
                name: "IssueSectionIntros");

            migrationBuilder.DropTable(
                name: "OrganisationAliases");

            migrationBuilder.DropTable(
                name: "Entries");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropTable(
                name: "Issues");

            migrationBuilder.DropTable(
                name: "Sections");
        }
    }
}
