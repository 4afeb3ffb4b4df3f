using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractChangesAndFiguresByDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "figures_from",
                table: "tech_contracts",
                type: "timestamp with time zone",
                nullable: true,
                comment: "since when the current figures count: registration, approved change or cancellation (issue 22)");

            migrationBuilder.CreateTable(
                name: "contract_change_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    filer_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_point_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    terms = table.Column<string>(type: "jsonb", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    filed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    filed_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    decision_remark = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_change_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_contract_change_requests_tech_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "tech_contracts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "contract_figure_moves",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    technical_field_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    registration_point_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seller_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    buyer_region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    is_imported = table.Column<bool>(type: "boolean", nullable: false),
                    contracts = table.Column<int>(type: "integer", nullable: false),
                    contract_amount = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false),
                    tech_amount = table.Column<decimal>(type: "numeric(14,4)", precision: 14, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract_figure_moves", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contract_change_requests_registration_point_id_status",
                table: "contract_change_requests",
                columns: new[] { "registration_point_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ux_contract_change_requests_open",
                table: "contract_change_requests",
                column: "contract_id",
                unique: true,
                filter: "status = 1");

            migrationBuilder.CreateIndex(
                name: "ix_contract_figure_moves_at",
                table: "contract_figure_moves",
                column: "at")
                .Annotation("Npgsql:IndexInclude", new[] { "contract_id", "type", "technical_field_code", "registration_point_id", "seller_region_code", "buyer_region_code", "is_imported", "contracts", "contract_amount", "tech_amount" });

            migrationBuilder.CreateIndex(
                name: "ix_contract_figure_moves_contract_id",
                table: "contract_figure_moves",
                column: "contract_id");

            migrationBuilder.Sql(@"
-- Issue 22 §3: figures by date. A registered contract counts from figures_from (its registration); an approved 变更登记
-- subtracts the old figures and adds the new ones dated by the change, a 注销登记 subtracts them dated by the cancellation,
-- so the registration month keeps its figures and the difference lands in the month of the change. Each difference is a
-- row of contract_figure_moves (the statistics page sums it by type, field and point); contract_month_totals is its sum by
-- Beijing-time month, updated from the same rows in the same statement. An update that changes no figure moves nothing.
CREATE OR REPLACE FUNCTION contract_month_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        WITH moved AS (
            INSERT INTO contract_figure_moves (contract_id, at, type, technical_field_code, registration_point_id, seller_region_code, buyer_region_code, is_imported, contracts, contract_amount, tech_amount)
            SELECT n.id, coalesce(n.figures_from, n.registered_at), n.type, n.technical_field_code, n.registration_point_id, n.seller_region_code, n.buyer_region_code, n.is_imported, 1, n.contract_amount, n.tech_amount
            FROM new_rows n WHERE n.status = 7 AND n.registered_at IS NOT NULL
            RETURNING *)
        INSERT INTO contract_month_totals AS t (month, seller_region_code, buyer_region_code, is_imported, contracts, contract_amount, tech_amount)
        SELECT date_trunc('month', (m.at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(m.seller_region_code, ''), coalesce(m.buyer_region_code, ''),
               m.is_imported, sum(m.contracts), sum(m.contract_amount), sum(m.tech_amount)
        FROM moved m GROUP BY 1, 2, 3, 4
        ON CONFLICT (month, seller_region_code, buyer_region_code, is_imported) DO UPDATE SET contracts = t.contracts + excluded.contracts,
            contract_amount = t.contract_amount + excluded.contract_amount, tech_amount = t.tech_amount + excluded.tech_amount;
    ELSIF TG_OP = 'UPDATE' THEN
        WITH pairs AS (
            SELECT o.*, coalesce(n.figures_from, n.registered_at, o.figures_from, o.registered_at) AS moved_at,
                   o.status = 7 AND o.registered_at IS NOT NULL AS was_counted, n.status = 7 AND n.registered_at IS NOT NULL AS is_counted,
                   (o.type, o.technical_field_code, o.registration_point_id, o.seller_region_code, o.buyer_region_code, o.is_imported, o.contract_amount, o.tech_amount)
                    IS NOT DISTINCT FROM (n.type, n.technical_field_code, n.registration_point_id, n.seller_region_code, n.buyer_region_code, n.is_imported, n.contract_amount, n.tech_amount) AS same_figures
            FROM old_rows o JOIN new_rows n ON n.id = o.id),
        moved AS (
            INSERT INTO contract_figure_moves (contract_id, at, type, technical_field_code, registration_point_id, seller_region_code, buyer_region_code, is_imported, contracts, contract_amount, tech_amount)
            SELECT p.id, p.moved_at, p.type, p.technical_field_code, p.registration_point_id, p.seller_region_code, p.buyer_region_code, p.is_imported, -1, -p.contract_amount, -p.tech_amount
            FROM pairs p WHERE p.was_counted AND NOT (p.is_counted AND p.same_figures)
            UNION ALL
            SELECT n.id, p.moved_at, n.type, n.technical_field_code, n.registration_point_id, n.seller_region_code, n.buyer_region_code, n.is_imported, 1, n.contract_amount, n.tech_amount
            FROM pairs p JOIN new_rows n ON n.id = p.id WHERE p.is_counted AND NOT (p.was_counted AND p.same_figures)
            RETURNING *)
        INSERT INTO contract_month_totals AS t (month, seller_region_code, buyer_region_code, is_imported, contracts, contract_amount, tech_amount)
        SELECT date_trunc('month', (m.at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(m.seller_region_code, ''), coalesce(m.buyer_region_code, ''),
               m.is_imported, sum(m.contracts), sum(m.contract_amount), sum(m.tech_amount)
        FROM moved m GROUP BY 1, 2, 3, 4
        ON CONFLICT (month, seller_region_code, buyer_region_code, is_imported) DO UPDATE SET contracts = t.contracts + excluded.contracts,
            contract_amount = t.contract_amount + excluded.contract_amount, tech_amount = t.tech_amount + excluded.tech_amount;
    ELSE
        WITH moved AS (
            INSERT INTO contract_figure_moves (contract_id, at, type, technical_field_code, registration_point_id, seller_region_code, buyer_region_code, is_imported, contracts, contract_amount, tech_amount)
            SELECT o.id, coalesce(o.figures_from, o.registered_at), o.type, o.technical_field_code, o.registration_point_id, o.seller_region_code, o.buyer_region_code, o.is_imported, -1, -o.contract_amount, -o.tech_amount
            FROM old_rows o WHERE o.status = 7 AND o.registered_at IS NOT NULL
            RETURNING *)
        INSERT INTO contract_month_totals AS t (month, seller_region_code, buyer_region_code, is_imported, contracts, contract_amount, tech_amount)
        SELECT date_trunc('month', (m.at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(m.seller_region_code, ''), coalesce(m.buyer_region_code, ''),
               m.is_imported, sum(m.contracts), sum(m.contract_amount), sum(m.tech_amount)
        FROM moved m GROUP BY 1, 2, 3, 4
        ON CONFLICT (month, seller_region_code, buyer_region_code, is_imported) DO UPDATE SET contracts = t.contracts + excluded.contracts,
            contract_amount = t.contract_amount + excluded.contract_amount, tech_amount = t.tech_amount + excluded.tech_amount;
    END IF;
    RETURN NULL;
END $$;

-- Existing data. A registered contract's figures count from its registration. A cancelled one was registered and then
-- taken out: its cancellation time is the 注销登记 event's (tech_contract_events keeps every step), else its registration
-- time. 变更登记 before this migration changed no terms, so each contract's terms are the registered ones.
ALTER TABLE tech_contracts DISABLE TRIGGER tech_contracts_totals_update;
UPDATE tech_contracts SET figures_from = registered_at WHERE status = 7 AND registered_at IS NOT NULL;
UPDATE tech_contracts c SET figures_from = coalesce(
        (SELECT max(e.at) FROM tech_contract_events e WHERE e.contract_id = c.id AND e.to_status = 9), c.registered_at)
    WHERE c.status = 9 AND c.registered_at IS NOT NULL;
ALTER TABLE tech_contracts ENABLE TRIGGER tech_contracts_totals_update;
INSERT INTO contract_figure_moves (contract_id, at, type, technical_field_code, registration_point_id, seller_region_code, buyer_region_code, is_imported, contracts, contract_amount, tech_amount)
SELECT c.id, c.registered_at, c.type, c.technical_field_code, c.registration_point_id, c.seller_region_code, c.buyer_region_code, c.is_imported, 1, c.contract_amount, c.tech_amount FROM tech_contracts c WHERE c.status IN (7, 9) AND c.registered_at IS NOT NULL
UNION ALL
SELECT c.id, c.figures_from, c.type, c.technical_field_code, c.registration_point_id, c.seller_region_code, c.buyer_region_code, c.is_imported, -1, -c.contract_amount, -c.tech_amount FROM tech_contracts c WHERE c.status = 9 AND c.registered_at IS NOT NULL;
DELETE FROM contract_month_totals;
INSERT INTO contract_month_totals (month, seller_region_code, buyer_region_code, is_imported, contracts, contract_amount, tech_amount)
SELECT date_trunc('month', (at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(seller_region_code, ''), coalesce(buyer_region_code, ''),
       is_imported, sum(contracts), sum(contract_amount), sum(tech_amount)
FROM contract_figure_moves GROUP BY 1, 2, 3, 4;
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"
-- Back to bucketing by the month of registration (a cancelled contract leaves its registration month again).
CREATE OR REPLACE FUNCTION contract_month_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO contract_month_totals AS t (month, seller_region_code, buyer_region_code, is_imported, contracts, contract_amount, tech_amount)
        SELECT date_trunc('month', (o.registered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(o.seller_region_code, ''),
               coalesce(o.buyer_region_code, ''), o.is_imported, -count(*), -sum(o.contract_amount), -sum(o.tech_amount)
        FROM old_rows o WHERE o.status = 7 AND o.registered_at IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (month, seller_region_code, buyer_region_code, is_imported) DO UPDATE SET contracts = t.contracts + excluded.contracts,
            contract_amount = t.contract_amount + excluded.contract_amount, tech_amount = t.tech_amount + excluded.tech_amount;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO contract_month_totals AS t (month, seller_region_code, buyer_region_code, is_imported, contracts, contract_amount, tech_amount)
        SELECT date_trunc('month', (n.registered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(n.seller_region_code, ''),
               coalesce(n.buyer_region_code, ''), n.is_imported, count(*), sum(n.contract_amount), sum(n.tech_amount)
        FROM new_rows n WHERE n.status = 7 AND n.registered_at IS NOT NULL GROUP BY 1, 2, 3, 4
        ON CONFLICT (month, seller_region_code, buyer_region_code, is_imported) DO UPDATE SET contracts = t.contracts + excluded.contracts,
            contract_amount = t.contract_amount + excluded.contract_amount, tech_amount = t.tech_amount + excluded.tech_amount;
    END IF;
    RETURN NULL;
END $$;
DELETE FROM contract_month_totals;
INSERT INTO contract_month_totals (month, seller_region_code, buyer_region_code, is_imported, contracts, contract_amount, tech_amount)
SELECT date_trunc('month', (registered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(seller_region_code, ''), coalesce(buyer_region_code, ''),
       is_imported, count(*), sum(contract_amount), sum(tech_amount)
FROM tech_contracts WHERE status = 7 AND registered_at IS NOT NULL GROUP BY 1, 2, 3, 4;
");

            migrationBuilder.DropTable(
                name: "contract_change_requests");

            migrationBuilder.DropTable(
                name: "contract_figure_moves");

            migrationBuilder.DropColumn(
                name: "figures_from",
                table: "tech_contracts");
        }
    }
}
