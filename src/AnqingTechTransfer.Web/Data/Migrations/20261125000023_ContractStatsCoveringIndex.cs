using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractStatsCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_status_registered_at",
                table: "tech_contracts");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_income_to_confirm",
                table: "tech_contracts",
                column: "registration_point_id",
                filter: "income_declared IS NOT NULL AND income_confirmed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_status_registered_at",
                table: "tech_contracts",
                columns: new[] { "status", "registered_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "type", "technical_field_code", "registration_point_id", "seller_region_code", "buyer_region_code", "contract_amount", "tech_amount", "is_imported" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_income_to_confirm",
                table: "tech_contracts");

            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_status_registered_at",
                table: "tech_contracts");

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_status_registered_at",
                table: "tech_contracts",
                columns: new[] { "status", "registered_at" });
        }
    }
}
