using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NbsRoundup.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnknownAccountLockouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
