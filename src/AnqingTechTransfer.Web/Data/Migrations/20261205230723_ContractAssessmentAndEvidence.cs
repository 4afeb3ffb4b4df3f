using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractAssessmentAndEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "assessed_deductions",
                table: "tech_contracts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "declared_tech_amount",
                table: "tech_contracts",
                type: "numeric(14,4)",
                precision: 14,
                scale: 4,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "income_assessed",
                table: "tech_contracts",
                type: "numeric(14,4)",
                precision: 14,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "income_remark",
                table: "tech_contracts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "purpose",
                table: "attachments",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            // Issue 22 §2: the figure each contract was declared with; contracts already past review (second review,
            // registered, cancelled) were registered on their declared deductions, so that is their assessment.
            // Issue 22 §4: files uploaded before the rule came through one input, "合同文本及证明材料"; they count as the contract text.
            migrationBuilder.Sql(@"
UPDATE tech_contracts SET declared_tech_amount = tech_amount;
UPDATE tech_contracts SET assessed_deductions = (
    SELECT coalesce(jsonb_agg(jsonb_build_object('item', d->>'item', 'declared', (d->>'amount')::numeric, 'amount', (d->>'amount')::numeric, 'reason', NULL)), '[]'::jsonb)
    FROM jsonb_array_elements(deductions) d)
WHERE status IN (6, 7, 9) AND NOT is_imported;
UPDATE tech_contracts SET income_assessed = income_declared WHERE income_confirmed_at IS NOT NULL;
UPDATE attachments SET purpose = 'contract-text' WHERE owner_type = 'TechContract' AND purpose = '';
");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "assessed_deductions",
                table: "tech_contracts");

            migrationBuilder.DropColumn(
                name: "declared_tech_amount",
                table: "tech_contracts");

            migrationBuilder.DropColumn(
                name: "income_assessed",
                table: "tech_contracts");

            migrationBuilder.DropColumn(
                name: "income_remark",
                table: "tech_contracts");

            migrationBuilder.DropColumn(
                name: "purpose",
                table: "attachments");
        }
    }
}
