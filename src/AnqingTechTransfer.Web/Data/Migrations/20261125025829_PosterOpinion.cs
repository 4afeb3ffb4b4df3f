using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PosterOpinion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "poster_opinion",
                table: "project_applications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "poster_organization_id",
                table: "project_applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "poster_supports",
                table: "project_applications",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_project_applications_poster_organization_id",
                table: "project_applications",
                column: "poster_organization_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_project_applications_poster_organization_id",
                table: "project_applications");

            migrationBuilder.DropColumn(
                name: "poster_opinion",
                table: "project_applications");

            migrationBuilder.DropColumn(
                name: "poster_organization_id",
                table: "project_applications");

            migrationBuilder.DropColumn(
                name: "poster_supports",
                table: "project_applications");
        }
    }
}
