using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectSanctions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "project_sanctions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    unit_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    person_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    person_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    banned_until = table.Column<DateOnly>(type: "date", nullable: true),
                    recovery_amount = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: true),
                    recovery_due_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recovered_amount = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false),
                    recovered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_sanctions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_project_sanctions_person_key",
                table: "project_sanctions",
                column: "person_key",
                filter: "person_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_project_sanctions_project_id",
                table: "project_sanctions",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_sanctions_unit_credit_code",
                table: "project_sanctions",
                column: "unit_credit_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "project_sanctions");
        }
    }
}
