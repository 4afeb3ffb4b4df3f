using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Targets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contract_month_totals",
                columns: table => new
                {
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    seller_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    buyer_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    contracts = table.Column<int>(type: "integer", nullable: false),
                    contract_amount = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false),
                    tech_amount = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_month_totals", x => new { x.month, x.seller_region_code, x.buyer_region_code });
                });

            migrationBuilder.CreateTable(
                name: "indicators",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source = table.Column<int>(type: "integer", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    is_headline = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_indicators", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "plan_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    baseline_year = table.Column<int>(type: "integer", nullable: false),
                    final_year = table.Column<int>(type: "integer", nullable: false),
                    multiple = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    shape = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_periods", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "qualification_year_counts",
                columns: table => new
                {
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    high_tech = table.Column<int>(type: "integer", nullable: false),
                    tech_sme = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_qualification_year_counts", x => new { x.region_code, x.year });
                });

            migrationBuilder.CreateTable(
                name: "kpi_baselines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    source_document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    source_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    entered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_verified = table.Column<bool>(type: "boolean", nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_baselines", x => x.id);
                    table.ForeignKey(
                        name: "fk_kpi_baselines_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kpi_entered_values",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    source_document = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entered_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    entered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_entered_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_kpi_entered_values_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "kpi_targets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    plan_period_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_locked = table.Column<bool>(type: "boolean", nullable: false),
                    locked_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    locked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_kpi_targets_indicators_indicator_id",
                        column: x => x.indicator_id,
                        principalTable: "indicators",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_kpi_targets_plan_periods_plan_period_id",
                        column: x => x.plan_period_id,
                        principalTable: "plan_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_indicators_key",
                table: "indicators",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kpi_baselines_indicator_id_region_code_year",
                table: "kpi_baselines",
                columns: new[] { "indicator_id", "region_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kpi_baselines_region_code_year",
                table: "kpi_baselines",
                columns: new[] { "region_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_kpi_entered_values_indicator_id_region_code_year",
                table: "kpi_entered_values",
                columns: new[] { "indicator_id", "region_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kpi_targets_indicator_id_region_code_year",
                table: "kpi_targets",
                columns: new[] { "indicator_id", "region_code", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_kpi_targets_plan_period_id",
                table: "kpi_targets",
                column: "plan_period_id");

            migrationBuilder.CreateIndex(
                name: "ix_kpi_targets_region_code_year",
                table: "kpi_targets",
                columns: new[] { "region_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_periods_baseline_year_final_year",
                table: "plan_periods",
                columns: new[] { "baseline_year", "final_year" },
                unique: true);

            // The cockpit's summaries, kept in the same transaction as every write (docs/decisions/0007-cockpit-summaries.md).
            // Statement-level triggers with transition tables: a bulk import or COPY adds its rows in one grouped statement.
            migrationBuilder.Sql(@"
CREATE FUNCTION contract_month_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO contract_month_totals AS t (month, seller_region_code, buyer_region_code, contracts, contract_amount, tech_amount)
        SELECT date_trunc('month', (o.registered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(o.seller_region_code, ''),
               coalesce(o.buyer_region_code, ''), -count(*), -sum(o.contract_amount), -sum(o.tech_amount)
        FROM old_rows o WHERE o.status = 7 AND o.registered_at IS NOT NULL GROUP BY 1, 2, 3
        ON CONFLICT (month, seller_region_code, buyer_region_code) DO UPDATE SET contracts = t.contracts + excluded.contracts,
            contract_amount = t.contract_amount + excluded.contract_amount, tech_amount = t.tech_amount + excluded.tech_amount;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO contract_month_totals AS t (month, seller_region_code, buyer_region_code, contracts, contract_amount, tech_amount)
        SELECT date_trunc('month', (n.registered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(n.seller_region_code, ''),
               coalesce(n.buyer_region_code, ''), count(*), sum(n.contract_amount), sum(n.tech_amount)
        FROM new_rows n WHERE n.status = 7 AND n.registered_at IS NOT NULL GROUP BY 1, 2, 3
        ON CONFLICT (month, seller_region_code, buyer_region_code) DO UPDATE SET contracts = t.contracts + excluded.contracts,
            contract_amount = t.contract_amount + excluded.contract_amount, tech_amount = t.tech_amount + excluded.tech_amount;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER tech_contracts_totals_insert AFTER INSERT ON tech_contracts REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contract_month_totals_apply();
CREATE TRIGGER tech_contracts_totals_update AFTER UPDATE ON tech_contracts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contract_month_totals_apply();
CREATE TRIGGER tech_contracts_totals_delete AFTER DELETE ON tech_contracts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contract_month_totals_apply();
INSERT INTO contract_month_totals (month, seller_region_code, buyer_region_code, contracts, contract_amount, tech_amount)
SELECT date_trunc('month', (registered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(seller_region_code, ''), coalesce(buyer_region_code, ''),
       count(*), sum(contract_amount), sum(tech_amount)
FROM tech_contracts WHERE status = 7 AND registered_at IS NOT NULL GROUP BY 1, 2, 3;

CREATE FUNCTION qualification_year_counts_recompute(regions text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM qualification_year_counts WHERE region_code = ANY (regions);
    INSERT INTO qualification_year_counts (region_code, year, high_tech, tech_sme)
    SELECT region_code, year, sum(h)::int, sum(s)::int FROM (
        SELECT r.region_code, y.year, count(DISTINCT r.credit_code) AS h, 0 AS s
        FROM high_tech_records r
        CROSS JOIN LATERAL generate_series(extract(year FROM r.issued_on)::int, extract(year FROM r.valid_until)::int) AS y(year)
        WHERE r.confirmation = 2 AND r.region_code = ANY (regions) AND make_date(y.year, 12, 31) BETWEEN r.issued_on AND r.valid_until
        GROUP BY r.region_code, y.year
        UNION ALL
        SELECT s.region_code, s.year, 0, count(DISTINCT s.credit_code)
        FROM tech_sme_records s WHERE s.confirmation = 2 AND s.region_code = ANY (regions)
        GROUP BY s.region_code, s.year) x
    GROUP BY region_code, year;
END $$;
CREATE FUNCTION qualification_year_counts_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE affected text[];
BEGIN
    -- One recount at a time: each statement of this function then sees the others' committed rows.
    PERFORM pg_advisory_xact_lock(hashtext('qualification_year_counts'));
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT region_code) INTO affected FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT region_code) INTO affected FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT region_code) INTO affected FROM (SELECT region_code FROM old_rows UNION SELECT region_code FROM new_rows) x;
    END IF;
    IF affected IS NOT NULL THEN
        PERFORM qualification_year_counts_recompute(affected);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER high_tech_records_counts_insert AFTER INSERT ON high_tech_records REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qualification_year_counts_refresh();
CREATE TRIGGER high_tech_records_counts_update AFTER UPDATE ON high_tech_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qualification_year_counts_refresh();
CREATE TRIGGER high_tech_records_counts_delete AFTER DELETE ON high_tech_records REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qualification_year_counts_refresh();
CREATE TRIGGER tech_sme_records_counts_insert AFTER INSERT ON tech_sme_records REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qualification_year_counts_refresh();
CREATE TRIGGER tech_sme_records_counts_update AFTER UPDATE ON tech_sme_records REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qualification_year_counts_refresh();
CREATE TRIGGER tech_sme_records_counts_delete AFTER DELETE ON tech_sme_records REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION qualification_year_counts_refresh();
SELECT qualification_year_counts_recompute(ARRAY(SELECT region_code FROM high_tech_records UNION SELECT region_code FROM tech_sme_records));
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
DROP TRIGGER IF EXISTS tech_contracts_totals_insert ON tech_contracts; DROP TRIGGER IF EXISTS tech_contracts_totals_update ON tech_contracts;
DROP TRIGGER IF EXISTS tech_contracts_totals_delete ON tech_contracts; DROP FUNCTION IF EXISTS contract_month_totals_apply();
DROP TRIGGER IF EXISTS high_tech_records_counts_insert ON high_tech_records; DROP TRIGGER IF EXISTS high_tech_records_counts_update ON high_tech_records;
DROP TRIGGER IF EXISTS high_tech_records_counts_delete ON high_tech_records; DROP TRIGGER IF EXISTS tech_sme_records_counts_insert ON tech_sme_records;
DROP TRIGGER IF EXISTS tech_sme_records_counts_update ON tech_sme_records; DROP TRIGGER IF EXISTS tech_sme_records_counts_delete ON tech_sme_records;
DROP FUNCTION IF EXISTS qualification_year_counts_refresh(); DROP FUNCTION IF EXISTS qualification_year_counts_recompute(text[]);");

            migrationBuilder.DropTable(
                name: "contract_month_totals");

            migrationBuilder.DropTable(
                name: "kpi_baselines");

            migrationBuilder.DropTable(
                name: "kpi_entered_values");

            migrationBuilder.DropTable(
                name: "kpi_targets");

            migrationBuilder.DropTable(
                name: "qualification_year_counts");

            migrationBuilder.DropTable(
                name: "indicators");

            migrationBuilder.DropTable(
                name: "plan_periods");
        }
    }
}
