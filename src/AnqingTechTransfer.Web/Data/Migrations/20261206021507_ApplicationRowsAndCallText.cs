using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationRowsAndCallText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "body",
                table: "project_calls",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "guide_attachment_id",
                table: "project_calls",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "guide_file_name",
                table: "project_calls",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "guide_kind",
                table: "project_calls",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "avoid_requests",
                table: "project_applications",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "partners",
                table: "project_applications",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "body",
                table: "project_calls");

            migrationBuilder.DropColumn(
                name: "guide_attachment_id",
                table: "project_calls");

            migrationBuilder.DropColumn(
                name: "guide_file_name",
                table: "project_calls");

            migrationBuilder.DropColumn(
                name: "guide_kind",
                table: "project_calls");

            migrationBuilder.DropColumn(
                name: "avoid_requests",
                table: "project_applications");

            migrationBuilder.DropColumn(
                name: "partners",
                table: "project_applications");
        }
    }
}
