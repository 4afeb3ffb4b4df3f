using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class NoticesByLeadUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "measure_id",
                table: "notices",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "measure_label",
                table: "notices",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "publisher_name",
                table: "notices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            // The notices published before lead units could publish are the bureau's (or carry their organization's name).
            migrationBuilder.Sql("UPDATE notices n SET publisher_name = o.name FROM organizations o WHERE o.id = n.published_by_organization_id;");

            migrationBuilder.CreateIndex(
                name: "ix_notices_body",
                table: "notices",
                column: "body")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_notices_measure_id",
                table: "notices",
                column: "measure_id");

            migrationBuilder.CreateIndex(
                name: "ix_notices_published_by_organization_id_published_on",
                table: "notices",
                columns: new[] { "published_by_organization_id", "published_on" });

            migrationBuilder.CreateIndex(
                name: "ix_notices_title",
                table: "notices",
                column: "title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notices_body",
                table: "notices");

            migrationBuilder.DropIndex(
                name: "ix_notices_measure_id",
                table: "notices");

            migrationBuilder.DropIndex(
                name: "ix_notices_published_by_organization_id_published_on",
                table: "notices");

            migrationBuilder.DropIndex(
                name: "ix_notices_title",
                table: "notices");

            migrationBuilder.DropColumn(
                name: "measure_id",
                table: "notices");

            migrationBuilder.DropColumn(
                name: "measure_label",
                table: "notices");

            migrationBuilder.DropColumn(
                name: "publisher_name",
                table: "notices");
        }
    }
}
