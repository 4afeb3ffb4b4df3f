using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_plan_measures_number",
                table: "plan_measures");

            migrationBuilder.AddColumn<Guid>(
                name: "carried_from_id",
                table: "plan_measures",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "period_closed",
                table: "plan_measures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "period_end_year",
                table: "plan_measures",
                type: "integer",
                nullable: false,
                // The measures already there are the seed plan's (2021–2025); new ones always state their period.
                defaultValue: 2025);

            migrationBuilder.AddColumn<int>(
                name: "period_start_year",
                table: "plan_measures",
                type: "integer",
                nullable: false,
                defaultValue: 2021);

            migrationBuilder.CreateIndex(
                name: "ix_plan_measures_period_start_year_number",
                table: "plan_measures",
                columns: new[] { "period_start_year", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_plan_measures_period_start_year_number",
                table: "plan_measures");

            migrationBuilder.DropColumn(
                name: "carried_from_id",
                table: "plan_measures");

            migrationBuilder.DropColumn(
                name: "period_closed",
                table: "plan_measures");

            migrationBuilder.DropColumn(
                name: "period_end_year",
                table: "plan_measures");

            migrationBuilder.DropColumn(
                name: "period_start_year",
                table: "plan_measures");

            migrationBuilder.CreateIndex(
                name: "ix_plan_measures_number",
                table: "plan_measures",
                column: "number",
                unique: true);
        }
    }
}
