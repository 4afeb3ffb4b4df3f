using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractStatsIndexTenantColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_status_registered_at",
                table: "tech_contracts");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_status_registered_at",
                table: "tech_contracts",
                columns: new[] { "status", "registered_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "type", "technical_field_code", "registration_point_id", "seller_region_code", "buyer_region_code", "contract_amount", "tech_amount", "is_imported", "filer_organization_id", "seller_organization_id", "buyer_organization_id", "broker_organization_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_status_registered_at",
                table: "tech_contracts");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_status_registered_at",
                table: "tech_contracts",
                columns: new[] { "status", "registered_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "type", "technical_field_code", "registration_point_id", "seller_region_code", "buyer_region_code", "contract_amount", "tech_amount", "is_imported" });
        }
    }
}
