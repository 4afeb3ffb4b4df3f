using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectPanels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "acceptance_panel_id",
                table: "projects",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "acceptance_score",
                table: "projects",
                type: "numeric(6,2)",
                precision: 6,
                scale: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "acceptance_panel_id",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "acceptance_score",
                table: "projects");
        }
    }
}
