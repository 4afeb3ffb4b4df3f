using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanProjects : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "project_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    problem_id = table.Column<Guid>(type: "uuid", nullable: true),
                    poster_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    poster_supports = table.Column<bool>(type: "boolean", nullable: true),
                    poster_opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    applicant_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    applicant_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    enterprise_led = table.Column<bool>(type: "boolean", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    budget = table.Column<string>(type: "jsonb", nullable: false),
                    milestones = table.Column<string>(type: "jsonb", nullable: false),
                    attached_kinds = table.Column<string>(type: "jsonb", nullable: false),
                    team = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    remark = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    check_failures = table.Column<string>(type: "jsonb", nullable: false),
                    panel_id = table.Column<Guid>(type: "uuid", nullable: true),
                    score = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    approved_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "project_calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_calls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "project_problems",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    targets = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    own_funds = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: true),
                    remark = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_problems", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "project_publicities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    programme_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    working_days = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    objections = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_publicities", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    award = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    original_ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    milestones = table.Column<string>(type: "jsonb", nullable: false),
                    tranches = table.Column<string>(type: "jsonb", nullable: false),
                    disbursements = table.Column<string>(type: "jsonb", nullable: false),
                    reports = table.Column<string>(type: "jsonb", nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    conclusion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    mode = table.Column<int>(type: "integer", nullable: false),
                    poster_organization_id = table.Column<Guid>(type: "uuid", nullable: true),
                    poster_signed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_projects", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "project_programmes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    terms = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_programmes", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_programmes_project_calls_call_id",
                        column: x => x.call_id,
                        principalTable: "project_calls",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_project_applications_organization_id_programme_id",
                table: "project_applications",
                columns: new[] { "organization_id", "programme_id" });

            migrationBuilder.CreateIndex(
                name: "ix_project_applications_poster_organization_id",
                table: "project_applications",
                column: "poster_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_applications_programme_id_status",
                table: "project_applications",
                columns: new[] { "programme_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_project_applications_region_code_status",
                table: "project_applications",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_project_calls_status_year",
                table: "project_calls",
                columns: new[] { "status", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_project_problems_organization_id",
                table: "project_problems",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_problems_region_code_status",
                table: "project_problems",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_project_problems_status_programme_id",
                table: "project_problems",
                columns: new[] { "status", "programme_id" });

            migrationBuilder.CreateIndex(
                name: "ix_project_programmes_call_id",
                table: "project_programmes",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_publicities_programme_id_status",
                table: "project_publicities",
                columns: new[] { "programme_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_projects_application_id",
                table: "projects",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_projects_organization_id",
                table: "projects",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_projects_poster_organization_id",
                table: "projects",
                column: "poster_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_projects_region_code_status",
                table: "projects",
                columns: new[] { "region_code", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "project_applications");

            migrationBuilder.DropTable(
                name: "project_problems");

            migrationBuilder.DropTable(
                name: "project_programmes");

            migrationBuilder.DropTable(
                name: "project_publicities");

            migrationBuilder.DropTable(
                name: "projects");

            migrationBuilder.DropTable(
                name: "project_calls");
        }
    }
}
