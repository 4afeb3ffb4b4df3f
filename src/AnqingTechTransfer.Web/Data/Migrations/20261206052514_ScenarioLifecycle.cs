using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ScenarioLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "field_code",
                table: "scenarios",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<List<string>>(
                name: "keywords",
                table: "scenarios",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "scenarios",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "return_reason",
                table: "scenarios",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reviewer_name",
                table: "scenarios",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_scenarios_keywords",
                table: "scenarios",
                column: "keywords")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_scenarios_region_code_status",
                table: "scenarios",
                columns: new[] { "region_code", "status" });

            // Scenarios published before the review step was added count as published when they were created.
            migrationBuilder.Sql("UPDATE scenarios SET published_at = created_at WHERE status IN (1, 2);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_scenarios_keywords",
                table: "scenarios");

            migrationBuilder.DropIndex(
                name: "ix_scenarios_region_code_status",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "field_code",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "keywords",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "return_reason",
                table: "scenarios");

            migrationBuilder.DropColumn(
                name: "reviewer_name",
                table: "scenarios");
        }
    }
}
