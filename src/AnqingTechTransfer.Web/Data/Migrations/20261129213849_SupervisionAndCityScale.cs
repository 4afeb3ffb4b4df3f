using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SupervisionAndCityScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "index_publications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    period = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    quarter = table.Column<int>(type: "integer", nullable: true),
                    normalisation = table.Column<int>(type: "integer", nullable: false),
                    weights = table.Column<string>(type: "jsonb", nullable: false),
                    method = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    rows = table.Column<string>(type: "jsonb", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    correction_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    is_superseded = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_index_publications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "infringer_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    right = table.Column<int>(type: "integer", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    authority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_on = table.Column<DateOnly>(type: "date", nullable: false),
                    publish_from = table.Column<DateOnly>(type: "date", nullable: false),
                    publish_until = table.Column<DateOnly>(type: "date", nullable: false),
                    listing = table.Column<int>(type: "integer", nullable: false),
                    removal_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    removed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_infringer_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "measure_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    measure_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    period = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    progress = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    review_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_measure_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "notices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    working_days = table.Column<int>(type: "integer", nullable: false),
                    objections = table.Column<string>(type: "jsonb", nullable: false),
                    is_withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    withdraw_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    published_by_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notices", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "plan_measures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    chapter = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    lead_units = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    co_units = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    lead_organization_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    lead_region_codes = table.Column<List<string>>(type: "text[]", nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    conclusion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_measures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "transfer_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    figures = table.Column<string>(type: "jsonb", nullable: false),
                    portal_figures = table.Column<string>(type: "jsonb", nullable: false),
                    narrative = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    review_note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_reports", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_list_order",
                table: "tech_contracts",
                columns: new[] { "signed_on", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_index_publications_is_superseded_year_quarter",
                table: "index_publications",
                columns: new[] { "is_superseded", "year", "quarter" });

            migrationBuilder.CreateIndex(
                name: "ix_index_publications_period_is_superseded",
                table: "index_publications",
                columns: new[] { "period", "is_superseded" });

            migrationBuilder.CreateIndex(
                name: "ix_infringer_entries_credit_code",
                table: "infringer_entries",
                column: "credit_code");

            migrationBuilder.CreateIndex(
                name: "ix_infringer_entries_listing_publish_until_publish_from",
                table: "infringer_entries",
                columns: new[] { "listing", "publish_until", "publish_from" });

            migrationBuilder.CreateIndex(
                name: "ix_measure_reports_measure_id_organization_id_period",
                table: "measure_reports",
                columns: new[] { "measure_id", "organization_id", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_measure_reports_organization_id_period",
                table: "measure_reports",
                columns: new[] { "organization_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_measure_reports_region_code_period",
                table: "measure_reports",
                columns: new[] { "region_code", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_measure_reports_status_submitted_at",
                table: "measure_reports",
                columns: new[] { "status", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_notices_is_withdrawn_published_on",
                table: "notices",
                columns: new[] { "is_withdrawn", "published_on" });

            migrationBuilder.CreateIndex(
                name: "ix_notices_kind_is_withdrawn_published_on",
                table: "notices",
                columns: new[] { "kind", "is_withdrawn", "published_on" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_measures_lead_organization_ids",
                table: "plan_measures",
                column: "lead_organization_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_plan_measures_lead_region_codes",
                table: "plan_measures",
                column: "lead_region_codes")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_plan_measures_number",
                table: "plan_measures",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_plan_measures_status_deadline",
                table: "plan_measures",
                columns: new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_transfer_reports_organization_id_year",
                table: "transfer_reports",
                columns: new[] { "organization_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_transfer_reports_region_code_year",
                table: "transfer_reports",
                columns: new[] { "region_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_transfer_reports_year_status",
                table: "transfer_reports",
                columns: new[] { "year", "status" });

            // One row the cockpit's cache is keyed by: every statement that changes what the cockpit reads (the two summaries,
            // which the record triggers keep, and the indicators, baselines, targets and entered values) bumps it in the same
            // transaction, so every app instance sees a change at its next request.
            migrationBuilder.Sql("""
CREATE TABLE cockpit_version (id int PRIMARY KEY CHECK (id = 1), version bigint NOT NULL);
INSERT INTO cockpit_version VALUES (1, 1);
CREATE FUNCTION cockpit_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cockpit_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER contract_month_totals_cockpit AFTER INSERT OR UPDATE OR DELETE ON contract_month_totals FOR EACH STATEMENT EXECUTE FUNCTION cockpit_version_bump();
CREATE TRIGGER qualification_year_counts_cockpit AFTER INSERT OR UPDATE OR DELETE ON qualification_year_counts FOR EACH STATEMENT EXECUTE FUNCTION cockpit_version_bump();
CREATE TRIGGER indicators_cockpit AFTER INSERT OR UPDATE OR DELETE ON indicators FOR EACH STATEMENT EXECUTE FUNCTION cockpit_version_bump();
CREATE TRIGGER kpi_baselines_cockpit AFTER INSERT OR UPDATE OR DELETE ON kpi_baselines FOR EACH STATEMENT EXECUTE FUNCTION cockpit_version_bump();
CREATE TRIGGER kpi_targets_cockpit AFTER INSERT OR UPDATE OR DELETE ON kpi_targets FOR EACH STATEMENT EXECUTE FUNCTION cockpit_version_bump();
CREATE TRIGGER kpi_entered_values_cockpit AFTER INSERT OR UPDATE OR DELETE ON kpi_entered_values FOR EACH STATEMENT EXECUTE FUNCTION cockpit_version_bump();
""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
DROP TRIGGER contract_month_totals_cockpit ON contract_month_totals;
DROP TRIGGER qualification_year_counts_cockpit ON qualification_year_counts;
DROP TRIGGER indicators_cockpit ON indicators;
DROP TRIGGER kpi_baselines_cockpit ON kpi_baselines;
DROP TRIGGER kpi_targets_cockpit ON kpi_targets;
DROP TRIGGER kpi_entered_values_cockpit ON kpi_entered_values;
DROP FUNCTION cockpit_version_bump();
DROP TABLE cockpit_version;
""");

            migrationBuilder.DropTable(
                name: "index_publications");

            migrationBuilder.DropTable(
                name: "infringer_entries");

            migrationBuilder.DropTable(
                name: "measure_reports");

            migrationBuilder.DropTable(
                name: "notices");

            migrationBuilder.DropTable(
                name: "plan_measures");

            migrationBuilder.DropTable(
                name: "transfer_reports");

            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_list_order",
                table: "tech_contracts");
        }
    }
}
