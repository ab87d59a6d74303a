using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NbsRoundup.Migrations.Postgres.Migrations
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
        }
    }
}
