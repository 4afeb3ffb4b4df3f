using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class FinanceAndFirstProducts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bank_year_figures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    tech_loans = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    credit_loans = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    insurance = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    guarantees = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bank_year_figures", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "first_product_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    product_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    indicators = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    first_use_on = table.Column<DateOnly>(type: "date", nullable: false),
                    first_customer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    novelty_report = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    patents = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    test_reports = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recognised_year = table.Column<int>(type: "integer", nullable: true),
                    catalog_year = table.Column<int>(type: "integer", nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_first_product_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "first_product_demand",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    product = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    targets = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    demand_side = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    scenario = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    chain_link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_first_product_demand", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "first_product_purchases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    purchaser_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purchaser_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_first_product_purchases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "fund_investments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    enterprise_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fund_investments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "loan_applications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    bank_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    held_at_application = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    approved_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    rate = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    disbursed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    repayments = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loan_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "loan_products",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    rate_min = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    rate_max = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    amount_min = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    amount_max = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    term_months = table.Column<int>(type: "integer", nullable: false),
                    requires = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    is_published = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_loan_products", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pool_agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    pool_share = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    cap = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    npl_threshold = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    suspended = table.Column<bool>(type: "boolean", nullable: false),
                    suspension_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pool_agreements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pool_claims",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    loan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    region_code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    overdue_principal = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    ratio = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: false),
                    requested = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    approved_amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_by = table.Column<DateOnly>(type: "date", nullable: false),
                    recoveries = table.Column<string>(type: "jsonb", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pool_claims", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bank_year_figures_year_bank_organization_id",
                table: "bank_year_figures",
                columns: new[] { "year", "bank_organization_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_first_product_applications_catalog_year",
                table: "first_product_applications",
                column: "catalog_year");

            migrationBuilder.CreateIndex(
                name: "ix_first_product_applications_organization_id_kind",
                table: "first_product_applications",
                columns: new[] { "organization_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_first_product_applications_region_code_state",
                table: "first_product_applications",
                columns: new[] { "region_code", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_first_product_applications_state_submitted_at",
                table: "first_product_applications",
                columns: new[] { "state", "submitted_at" });

            migrationBuilder.CreateIndex(
                name: "ix_first_product_demand_year_is_published",
                table: "first_product_demand",
                columns: new[] { "year", "is_published" });

            migrationBuilder.CreateIndex(
                name: "ix_first_product_purchases_application_id",
                table: "first_product_purchases",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_fund_investments_on",
                table: "fund_investments",
                column: "on");

            migrationBuilder.CreateIndex(
                name: "ix_loan_applications_bank_organization_id_status",
                table: "loan_applications",
                columns: new[] { "bank_organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_loan_applications_organization_id_status",
                table: "loan_applications",
                columns: new[] { "organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_loan_applications_product_id",
                table: "loan_applications",
                column: "product_id");

            migrationBuilder.CreateIndex(
                name: "ix_loan_applications_region_code_status",
                table: "loan_applications",
                columns: new[] { "region_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_loan_products_bank_organization_id",
                table: "loan_products",
                column: "bank_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_loan_products_is_published_kind",
                table: "loan_products",
                columns: new[] { "is_published", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_pool_agreements_bank_organization_id",
                table: "pool_agreements",
                column: "bank_organization_id");

            migrationBuilder.CreateIndex(
                name: "ix_pool_claims_agreement_id_status",
                table: "pool_claims",
                columns: new[] { "agreement_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_pool_claims_bank_organization_id_status",
                table: "pool_claims",
                columns: new[] { "bank_organization_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_pool_claims_loan_id",
                table: "pool_claims",
                column: "loan_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pool_claims_region_code_status",
                table: "pool_claims",
                columns: new[] { "region_code", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_year_figures");

            migrationBuilder.DropTable(
                name: "first_product_applications");

            migrationBuilder.DropTable(
                name: "first_product_demand");

            migrationBuilder.DropTable(
                name: "first_product_purchases");

            migrationBuilder.DropTable(
                name: "fund_investments");

            migrationBuilder.DropTable(
                name: "loan_applications");

            migrationBuilder.DropTable(
                name: "loan_products");

            migrationBuilder.DropTable(
                name: "pool_agreements");

            migrationBuilder.DropTable(
                name: "pool_claims");
        }
    }
}
