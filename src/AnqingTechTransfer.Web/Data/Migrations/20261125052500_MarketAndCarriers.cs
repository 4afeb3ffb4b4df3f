using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class MarketAndCarriers : Migration
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

            migrationBuilder.CreateTable(
                name: "agency_rankings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    indicators = table.Column<string>(type: "jsonb", nullable: false),
                    rows = table.Column<string>(type: "jsonb", nullable: false),
                    confirmed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    confirmed_by = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agency_rankings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "carrier_recognitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    statement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    panel_id = table.Column<Guid>(type: "uuid", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carrier_recognitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "carrier_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    indicators = table.Column<string>(type: "jsonb", nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    assessment = table.Column<int>(type: "integer", nullable: true),
                    comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carrier_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "carriers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    host_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    host_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    co_builder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    recognition_year = table.Column<int>(type: "integer", nullable: true),
                    batch = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    contact_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    capabilities = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    brokers = table.Column<List<string>>(type: "text[]", nullable: false),
                    status_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_carriers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commissioners",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    employer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    serves = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    assignments = table.Column<string>(type: "jsonb", nullable: false),
                    logs = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioners", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dismissed_matches",
                columns: table => new
                {
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    result_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dismissed_matches", x => new { x.organization_id, x.need_id, x.result_id });
                });

            migrationBuilder.CreateTable(
                name: "docking_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organizer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    need_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    result_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    outcomes = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_docking_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "docking_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_id = table.Column<Guid>(type: "uuid", nullable: false),
                    result_id = table.Column<Guid>(type: "uuid", nullable: false),
                    need_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    result_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    thread = table.Column<string>(type: "jsonb", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_docking_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pilot_service_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    base_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requester_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requester_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    need = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reply = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pilot_service_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pilot_services",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_id = table.Column<Guid>(type: "uuid", nullable: false),
                    carrier_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    equipment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    scale = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    price_range = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pilot_services", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scenarios",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    publisher_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    problem = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    interests = table.Column<string>(type: "jsonb", nullable: false),
                    outcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scenarios", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tech_needs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    targets = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    budget_min = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    budget_max = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    contact_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    field_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    keywords = table.Column<List<string>>(type: "text[]", nullable: false),
                    modes = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    review_remark = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tech_needs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tech_results",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    maturity = table.Column<int>(type: "integer", nullable: false),
                    ip_kind = table.Column<int>(type: "integer", nullable: false),
                    ip_number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ip_owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    price = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    team = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    field_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    keywords = table.Column<List<string>>(type: "text[]", nullable: false),
                    modes = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    review_remark = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tech_results", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agency_rankings_year",
                table: "agency_rankings",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_carrier_recognitions_carrier_id",
                table: "carrier_recognitions",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_carrier_recognitions_status_region_code",
                table: "carrier_recognitions",
                columns: new[] { "status", "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_carrier_reports_carrier_id_year",
                table: "carrier_reports",
                columns: new[] { "carrier_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_carrier_reports_year_region_code",
                table: "carrier_reports",
                columns: new[] { "year", "region_code" });

            migrationBuilder.CreateIndex(
                name: "ix_carriers_level_status",
                table: "carriers",
                columns: new[] { "level", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_carriers_name",
                table: "carriers",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_carriers_organization_id",
                table: "carriers",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_carriers_region_code_status",
                table: "carriers",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_carriers_type_status",
                table: "carriers",
                columns: new[] { "type", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_region_code_year",
                table: "commissioners",
                columns: new[] { "region_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_commissioners_year_kind",
                table: "commissioners",
                columns: new[] { "year", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_docking_events_held_on",
                table: "docking_events",
                column: "held_on");

            migrationBuilder.CreateIndex(
                name: "ix_docking_requests_contract_id",
                table: "docking_requests",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_docking_requests_need_id_result_id",
                table: "docking_requests",
                columns: new[] { "need_id", "result_id" },
                unique: true,
                filter: "status <> 3");

            migrationBuilder.CreateIndex(
                name: "ix_docking_requests_need_organization_id",
                table: "docking_requests",
                column: "need_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_docking_requests_result_id",
                table: "docking_requests",
                column: "result_id");

            migrationBuilder.CreateIndex(
                name: "ix_docking_requests_result_organization_id",
                table: "docking_requests",
                column: "result_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_pilot_service_requests_base_organization_id_status",
                table: "pilot_service_requests",
                columns: new[] { "base_organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_pilot_service_requests_requester_organization_id_status",
                table: "pilot_service_requests",
                columns: new[] { "requester_organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_pilot_services_carrier_id",
                table: "pilot_services",
                column: "carrier_id");

            migrationBuilder.CreateIndex(
                name: "ix_pilot_services_is_published_created_at",
                table: "pilot_services",
                columns: new[] { "is_published", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_scenarios_status_deadline",
                table: "scenarios",
                columns: new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_needs_keywords",
                table: "tech_needs",
                column: "keywords")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_tech_needs_organization_id",
                table: "tech_needs",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_tech_needs_status_budget_max",
                table: "tech_needs",
                columns: new[] { "status", "budget_max" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_needs_status_field_code_published_at",
                table: "tech_needs",
                columns: new[] { "status", "field_code", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_needs_status_published_at",
                table: "tech_needs",
                columns: new[] { "status", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_needs_status_region_code_published_at",
                table: "tech_needs",
                columns: new[] { "status", "region_code", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_results_keywords",
                table: "tech_results",
                column: "keywords")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_tech_results_organization_id",
                table: "tech_results",
                column: "organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_tech_results_status_field_code_published_at",
                table: "tech_results",
                columns: new[] { "status", "field_code", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_results_status_maturity",
                table: "tech_results",
                columns: new[] { "status", "maturity" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_results_status_price",
                table: "tech_results",
                columns: new[] { "status", "price" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_results_status_published_at",
                table: "tech_results",
                columns: new[] { "status", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_results_status_region_code_published_at",
                table: "tech_results",
                columns: new[] { "status", "region_code", "published_at" });

            // Chinese substring search in the market (decision 0009): the one- and two-character grams of title and summary.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION market_grams(t text) RETURNS text[]
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
                    SELECT coalesce(array_agg(DISTINCT g), '{}')
                    FROM (SELECT substr(lower(t), i, n) AS g
                          FROM generate_series(1, length(t)) AS i, (VALUES (1), (2)) AS v(n)
                          WHERE i + n - 1 <= length(t)) grams
                    WHERE g !~ '[[:space:]]'
                $$;
                ALTER TABLE tech_needs ADD COLUMN search_grams text[] GENERATED ALWAYS AS (market_grams(title || ' ' || summary)) STORED;
                ALTER TABLE tech_results ADD COLUMN search_grams text[] GENERATED ALWAYS AS (market_grams(title || ' ' || summary)) STORED;
                CREATE INDEX ix_tech_needs_search_grams ON tech_needs USING gin (search_grams);
                CREATE INDEX ix_tech_results_search_grams ON tech_results USING gin (search_grams);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agency_rankings");

            migrationBuilder.DropTable(
                name: "carrier_recognitions");

            migrationBuilder.DropTable(
                name: "carrier_reports");

            migrationBuilder.DropTable(
                name: "carriers");

            migrationBuilder.DropTable(
                name: "commissioners");

            migrationBuilder.DropTable(
                name: "dismissed_matches");

            migrationBuilder.DropTable(
                name: "docking_events");

            migrationBuilder.DropTable(
                name: "docking_requests");

            migrationBuilder.DropTable(
                name: "pilot_service_requests");

            migrationBuilder.DropTable(
                name: "pilot_services");

            migrationBuilder.DropTable(
                name: "scenarios");

            migrationBuilder.DropTable(
                name: "tech_needs");

            migrationBuilder.DropTable(
                name: "tech_results");

            migrationBuilder.DropColumn(
                name: "acceptance_panel_id",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "acceptance_score",
                table: "projects");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS market_grams(text);");
        }
    }
}
