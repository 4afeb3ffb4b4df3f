using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PanelApplication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "application_id",
                table: "review_panels",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_panels_application_id",
                table: "review_panels",
                column: "application_id");

            // The panels made so far for an application (selection, appraisal) or for its project (acceptance).
            migrationBuilder.Sql("""
                UPDATE review_panels p SET application_id = a.id FROM project_applications a WHERE a.panel_id = p.id;
                UPDATE review_panels p SET application_id = j.application_id FROM projects j WHERE j.acceptance_panel_id = p.id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_review_panels_application_id",
                table: "review_panels");

            migrationBuilder.DropColumn(
                name: "application_id",
                table: "review_panels");
        }
    }
}
