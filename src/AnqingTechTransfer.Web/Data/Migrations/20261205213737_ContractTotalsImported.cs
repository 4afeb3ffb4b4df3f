using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractTotalsImported : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_contract_month_totals",
                table: "contract_month_totals");

            migrationBuilder.AddColumn<bool>(
                name: "is_imported",
                table: "contract_month_totals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddPrimaryKey(
                name: "pk_contract_month_totals",
                table: "contract_month_totals",
                columns: new[] { "month", "seller_region_code", "buyer_region_code", "is_imported" });

            // Issue 22: the summary tells imported contracts (registered elsewhere) apart, so 成交额 counts only those registered
            // at Anqing's points and imported ones count in 吸纳 only. The trigger groups by is_imported; the table is rebuilt.
            migrationBuilder.Sql(@"
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The earlier trigger, and the summary rebuilt without the imported flag after the key has changed back.
            migrationBuilder.Sql("DELETE FROM contract_month_totals;");
            migrationBuilder.DropPrimaryKey(
                name: "pk_contract_month_totals",
                table: "contract_month_totals");

            migrationBuilder.DropColumn(
                name: "is_imported",
                table: "contract_month_totals");

            migrationBuilder.AddPrimaryKey(
                name: "pk_contract_month_totals",
                table: "contract_month_totals",
                columns: new[] { "month", "seller_region_code", "buyer_region_code" });

            migrationBuilder.Sql(@"
CREATE OR REPLACE FUNCTION contract_month_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
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
INSERT INTO contract_month_totals (month, seller_region_code, buyer_region_code, contracts, contract_amount, tech_amount)
SELECT date_trunc('month', (registered_at AT TIME ZONE 'UTC') + interval '8 hours')::date, coalesce(seller_region_code, ''), coalesce(buyer_region_code, ''),
       count(*), sum(contract_amount), sum(tech_amount)
FROM tech_contracts WHERE status = 7 AND registered_at IS NOT NULL GROUP BY 1, 2, 3;
");
        }
    }
}
