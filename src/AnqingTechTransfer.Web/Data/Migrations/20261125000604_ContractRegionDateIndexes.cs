using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContractRegionDateIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_buyer_region_code_registered_at",
                table: "tech_contracts",
                columns: new[] { "buyer_region_code", "registered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_tech_contracts_seller_region_code_registered_at",
                table: "tech_contracts",
                columns: new[] { "seller_region_code", "registered_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_buyer_region_code_registered_at",
                table: "tech_contracts");

            migrationBuilder.DropIndex(
                name: "ix_tech_contracts_seller_region_code_registered_at",
                table: "tech_contracts");
        }
    }
}
