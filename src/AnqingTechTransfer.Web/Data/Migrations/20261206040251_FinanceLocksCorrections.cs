using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FinanceLocksCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "corrections",
                table: "fund_investments",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            // The row version is PostgreSQL's system column xmin: nothing to add.
            migrationBuilder.CreateTable(
                name: "bank_figures_locks",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_figures_locks", x => x.year);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_figures_locks");

            migrationBuilder.DropColumn(
                name: "corrections",
                table: "fund_investments");
        }
    }
}
